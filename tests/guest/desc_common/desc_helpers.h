/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * desc_helpers.h: what the tests of descriptors.cmake (tests/guest/gdt_*,
 * ldt_*, desc_*, fpu_*, multicall_*, vmassist_*) share: exact-result
 * checks, a SKIP for hypercalls answering -ENOSYS, pages made
 * read-only for the GDT/LDT types, descriptors built and read back,
 * selector loads through the exception table, SET_LDT, and the hand-off
 * through which a domU tells dom0 about a frame of its own. Not a test
 * itself; a test includes it from one file.
 */
#ifndef DESC_HELPERS_H
#define DESC_HELPERS_H

#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/traps.h>

/* Not every test uses every helper. */
#define HELPER static __attribute__((unused))

/* Access bytes (P, DPL, S, type) and the G|D nibble of a 32-bit segment. */
#define ACC_CODE_R1     0xBA    /* ring-1 code, readable */
#define ACC_DATA_R1     0xB2    /* ring-1 data, writable */
#define ACC_DATA_R3     0xF2    /* ring-3 data, writable */
#define ACC_CODE_R0     0x9A    /* DPL 0 code: never allowed */
#define ACC_DATA_R0     0x92    /* DPL 0 data: never allowed */
#define SEG_4K_32       0xC     /* G = 1 (4 KB units), D/B = 1 */
#define SEG_BYTE_32     0x4     /* G = 0, D/B = 1 */

/* The accessed bit: the CPU sets it in a descriptor when it loads the segment. */
#define DESC_ACCESSED   (1ULL << 40)

/* Selectors: index, TI (LDT) and RPL. */
#define SEL(index, ldt, rpl)    ((uint16_t)(((index) << 3) | ((ldt) ? 4 : 0) | (rpl)))

HELPER void check_long(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

HELPER void check_u32(const char *what, uint32_t got, uint32_t want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %#x got %#x\n", what, want, got);
}

HELPER void check_desc(const char *what, uint64_t got, uint64_t want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %016llx got %016llx\n", what,
                    (unsigned long long)want, (unsigned long long)got);
}

HELPER void check_exinfo(const char *what, exinfo_t got, exinfo_t want)
{
    char g[24], w[24];

    if (got != want)
        xtf_failure("Fail: %s: expected %s got %s\n", what, exinfo_str(want, w, sizeof(w)),
                    exinfo_str(got, g, sizeof(g)));
}

/* A code/data descriptor. */
HELPER uint64_t seg_desc(uint32_t base, uint32_t limit, uint8_t access, uint8_t flags)
{
    uint32_t lo = (base << 16) | (limit & 0xFFFF);
    uint32_t hi = (base & 0xFF000000) | ((uint32_t)(flags & 0xF) << 20) | (limit & 0xF0000) |
                  ((uint32_t)access << 8) | ((base >> 16) & 0xFF);

    return ((uint64_t)hi << 32) | lo;
}

/* A system descriptor shaped like a gate: selector, offset, access byte. */
HELPER uint64_t gate_desc(uint16_t sel, uint32_t offset, uint8_t access)
{
    uint32_t lo = ((uint32_t)sel << 16) | (offset & 0xFFFF);
    uint32_t hi = (offset & 0xFFFF0000) | ((uint32_t)access << 8);

    return ((uint64_t)hi << 32) | lo;
}

HELPER uint64_t read_desc(const volatile void *page, unsigned int slot)
{
    const volatile uint32_t *w = (const volatile uint32_t *)page + slot * 2;

    return ((uint64_t)w[1] << 32) | w[0];
}

HELPER void write_desc(volatile void *page, unsigned int slot, uint64_t d)
{
    volatile uint32_t *w = (volatile uint32_t *)page + slot * 2;

    w[0] = (uint32_t)d;
    w[1] = (uint32_t)(d >> 32);
}

HELPER uint32_t page_mfn(const volatile void *va)
{
    return virt_to_mfn(va);
}

/* Machine address of descriptor slot `slot` of the frame mapped at page. */
HELPER uint32_t desc_ma(const volatile void *page, unsigned int slot)
{
    return (page_mfn(page) << PAGE_SHIFT) + slot * 8;
}

HELPER long update_desc(uint32_t ma, uint64_t d)
{
    return HYPERVISOR_update_descriptor(ma, (uint32_t)d, (uint32_t)(d >> 32));
}

/* Remaps a page of ours onto its own frame, read-only or read-write. */
HELPER long map_ro(const volatile void *va)
{
    return guest_set_pte((uintptr_t)va,
                         (page_mfn(va) << PAGE_SHIFT) | _PAGE_PRESENT | _PAGE_ACCESSED);
}

HELPER long map_rw(const volatile void *va)
{
    return guest_set_pte((uintptr_t)va, (page_mfn(va) << PAGE_SHIFT) | _PAGE_PRESENT |
                                            _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY);
}

/*
 * True, with a SKIP verdict, if hypercall nr answers -ENOSYS here. The
 * probe has no effect when the call exists: set_gdt with 0 entries and
 * update_descriptor at a misaligned address are refused, mmu_update and
 * multicall with count 0 do nothing.
 */
HELPER bool hypercall_absent(unsigned int nr)
{
    static const char *const names[] = {
        [__HYPERVISOR_mmu_update] = "mmu_update", [__HYPERVISOR_set_gdt] = "set_gdt",
        [__HYPERVISOR_update_descriptor] = "update_descriptor",
        [__HYPERVISOR_multicall] = "multicall",
    };
    long rc = -XEN_ENOSYS;

    switch (nr) {
    case __HYPERVISOR_mmu_update:
    case __HYPERVISOR_multicall:
        rc = hypercall3(nr, 0, 0, 0);
        break;
    case __HYPERVISOR_set_gdt:
        rc = hypercall2(nr, 0, 0);
        break;
    case __HYPERVISOR_update_descriptor:
        rc = hypercall3(nr, 1, 0, 0);
        break;
    }
    if (rc != -XEN_ENOSYS)
        return false;
    xtf_skip("Skip: %s answers -ENOSYS\n", nr < ARRAY_SIZE(names) && names[nr] ? names[nr] : "?");
    return true;
}

/*
 * A fresh zeroed page, mapped read-write so the caller can fill it; NULL
 * (and an ERROR verdict) if the runtime has none left.
 */
HELPER void *new_page(void)
{
    void *p = alloc_page();

    if (!p)
        xtf_error("Error: alloc_page() found no free page\n");
    return p;
}

/* Loads sel into FS; 0, or the exception the load raised. */
HELPER exinfo_t load_fs(uint32_t sel)
{
    exinfo_t fault = 0;

    __asm__ __volatile__("1: mov %[sel], %%fs\n\t2:\n\t"
                         ASM_EXTABLE_HANDLER(1b, 2b, ex_record_fault_eax)
                         : "+a"(fault)
                         : [sel] "r"(sel)
                         : "memory");
    return fault;
}

HELPER uint32_t read_fs_selector(void)
{
    uint32_t sel;

    __asm__ __volatile__("mov %%fs, %0" : "=r"(sel));
    return sel & 0xFFFF;
}

/* The word at FS:off, or ~0 (and a failure) if the read faults. */
HELPER uint32_t read_fs_word(uint32_t off)
{
    exinfo_t fault = 0;
    uint32_t v = ~0U;

    __asm__ __volatile__("1: movl %%fs:(%[off]), %[v]\n\t2:\n\t"
                         ASM_EXTABLE_HANDLER(1b, 2b, ex_record_fault_eax)
                         : "+a"(fault), [v] "+r"(v)
                         : [off] "r"(off)
                         : "memory");
    if (fault)
        xtf_failure("Fail: read of %%fs:%#x faulted (exinfo %#x)\n", off, fault);
    return v;
}

HELPER void reset_fs(void)
{
    __asm__ __volatile__("mov %0, %%fs" : : "r"((uint32_t)FLAT_RING1_DS));
}

/* MMUEXT_SET_LDT through mmu_update; *done as the hypervisor wrote it. */
HELPER long set_ldt(uint32_t va, uint32_t ents, unsigned int *done)
{
    mmu_update_t req = {
        .ptr = va | MMU_EXTENDED_COMMAND,
        .val = MMUEXT_SET_LDT | (ents << MMUEXT_CMD_SHIFT),
    };

    return HYPERVISOR_mmu_update(&req, 1, done);
}

/* A still-working hypervisor after an attack: xen_version answers. */
HELPER void check_alive(const char *after)
{
    long v = HYPERVISOR_xen_version(XENVER_version);

    if (v != XEN_VERSION_2_0)
        xtf_failure("Fail: after %s, xen_version(0): expected %#x got %ld\n", after,
                    XEN_VERSION_2_0, v);
}

/* A frame Tessera owns: the one behind L2 slot 1008 (the read-only M2P). */
HELPER uint32_t hypervisor_frame(void)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;

    return l2[XEN_FIRST_HYPERVISOR_L2_SLOT] >> PAGE_SHIFT;
}

/* An MFN beyond any machine QEMU gives us (4 GB - 4 KB). */
#define INVALID_MFN 0xFFFFFU

/*
 * The domU hand-off. The domU ("domU name=victim mem=4096") fills a page
 * of its image with HANDOFF_FILL, unmaps it (so the frame has no type and
 * no mapping: only ownership can refuse it) and publishes its MFN in its
 * own shared_info page, past the control interface. Dom0 maps that page
 * read-only with update_va_mapping_otherdomain and waits for the magic.
 */
#define HANDOFF_OFFSET  3584
#define HANDOFF_MAGIC   0x48414E44U     /* "HAND" */
#define HANDOFF_FILL    0xA5A5A5A5U
#define HANDOFF_YIELDS  100000

struct handoff {
    uint32_t magic;
    int32_t rc;             /* update_va_mapping's answer when unmapping */
    uint32_t mfn;           /* the unmapped frame */
};

static uint8_t handoff_page[PAGE_SIZE] __aligned(PAGE_SIZE) __section(".bss.page_aligned")
    __attribute__((unused));

/* The domU's side: publish, then stay alive (yielding) until dom0 is done. */
HELPER void __noreturn domu_publish_frame(void)
{
    volatile struct handoff *h;
    uint32_t mfn = page_mfn(handoff_page);
    unsigned int i;

    if (!shared_info)
        guest_shutdown(SHUTDOWN_crash);
    for (i = 0; i < PAGE_SIZE / 4; i++)
        ((volatile uint32_t *)handoff_page)[i] = HANDOFF_FILL;
    h = (volatile struct handoff *)((uint8_t *)shared_info + HANDOFF_OFFSET);
    h->rc = (int32_t)HYPERVISOR_update_va_mapping((uintptr_t)handoff_page >> PAGE_SHIFT, 0,
                                                  UVMF_INVLPG);
    h->mfn = mfn;
    barrier();
    h->magic = HANDOFF_MAGIC;
    for (;;)
        HYPERVISOR_yield();
}

/* Dom0's pages for mapping the domU's frames. */
static uint8_t foreign_view[2][PAGE_SIZE] __aligned(PAGE_SIZE) __section(".bss.page_aligned")
    __attribute__((unused));

HELPER long domain_info(domid_t dom, dom0_getdomaininfo_t *info)
{
    dom0_op_t op = {.cmd = DOM0_GETDOMAININFO, .interface_version = DOM0_INTERFACE_VERSION};
    long rc;

    op.u.getdomaininfo.domain = dom;
    rc = HYPERVISOR_dom0_op(&op);
    *info = op.u.getdomaininfo;
    return rc;
}

/* Maps domU frame mfn read-only at foreign_view[i]. */
HELPER long map_foreign_ro(unsigned int i, uint32_t mfn)
{
    return HYPERVISOR_update_va_mapping_otherdomain(
        (uintptr_t)foreign_view[i] >> PAGE_SHIFT,
        (mfn << PAGE_SHIFT) | _PAGE_PRESENT | _PAGE_ACCESSED, UVMF_INVLPG, 1);
}

/*
 * Dom0's side: finds domain 1, maps its shared_info at foreign_view[0] and
 * waits for the hand-off; maps the published frame at foreign_view[1].
 * Returns false (with an ERROR verdict) if any step fails.
 */
HELPER bool dom0_receive_frame(uint32_t *sif_mfn, uint32_t *frame_mfn)
{
    const volatile struct handoff *h =
        (const volatile struct handoff *)(foreign_view[0] + HANDOFF_OFFSET);
    dom0_getdomaininfo_t info;
    unsigned int i;
    long rc;

    rc = domain_info(1, &info);
    if (rc || info.domain != 1) {
        xtf_error("Error: no domain 1 (GETDOMAININFO %ld, domain %u)\n", rc, info.domain);
        return false;
    }
    *sif_mfn = info.shared_info_frame;
    rc = map_foreign_ro(0, *sif_mfn);
    if (rc) {
        xtf_error("Error: mapping domain 1's shared_info: update_va_mapping_otherdomain "
                  "returned %ld\n", rc);
        return false;
    }
    for (i = 0; i < HANDOFF_YIELDS && h->magic != HANDOFF_MAGIC; i++) {
        if (domain_info(1, &info) == 0 && (info.flags & (DOMFLAGS_CRASHED | DOMFLAGS_SHUTDOWN))) {
            xtf_error("Error: domain 1 stopped before the hand-off (flags %#x)\n", info.flags);
            return false;
        }
        HYPERVISOR_yield();
    }
    if (h->magic != HANDOFF_MAGIC) {
        xtf_error("Error: domain 1's hand-off timed out\n");
        return false;
    }
    if (h->rc != 0) {
        xtf_error("Error: domain 1 could not unmap its page (rc %d)\n", (int)h->rc);
        return false;
    }
    *frame_mfn = h->mfn;
    rc = map_foreign_ro(1, *frame_mfn);
    if (rc) {
        xtf_error("Error: mapping domain 1's frame %#x: update_va_mapping_otherdomain "
                  "returned %ld\n", *frame_mfn, rc);
        return false;
    }
    return true;
}

#endif /* DESC_HELPERS_H */
