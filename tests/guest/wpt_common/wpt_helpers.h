/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * wpt_helpers.h: what the writable-page-table tests (tests/guest/wpt_*,
 * ABI.md §5.5) share. Not a test itself; a test includes it from one file.
 *
 * Every test runs in one of two modes, which wpt_enable() settles:
 *   WPT_DIRECT    vm_assist(enable, 2) answered 0: entries are written
 *                 straight through a read-only mapping of the L1, and the
 *                 window a write opens is checked (mapping writable, an
 *                 ACTIVE table's PDE not present) until a flush closes it;
 *   WPT_EXPLICIT  the build has no writable page tables (wpt.cmake then
 *                 puts WPT_OFF_MARK in the title), vm_assist(enable, 2)
 *                 must answer -EINVAL, and the same entries go in with
 *                 mmu_update.
 * Either way each entry must end up in force, so a test cannot pass
 * because the feature is missing.
 *
 * Two-domain tests: a domU reports through its shutdown code (it cannot
 * print); WPT_CODE_* are the codes, dom0 reads them with wpt_wait_stopped().
 */
#ifndef WPT_HELPERS_H
#define WPT_HELPERS_H

#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/traps.h>

/* Not every test uses every helper. */
#define HELPER static __attribute__((unused))

#define WPT_OFF_MARK    "[tessera: option off]"

#define PTE_RW          (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO          (_PAGE_PRESENT | _PAGE_ACCESSED)
#define PDE_FLAGS       (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define WPT_VA(slot, i) \
    ((volatile uint32_t *)(((uint32_t)(slot) << 22) | ((uint32_t)(i) << PAGE_SHIFT)))

/* DomU outcomes, as shutdown codes (CRASHED is the hypervisor's verdict). */
#define WPT_CODE_EXPECTED   0x51    /* without the option: the documented refusal */
#define WPT_CODE_WRONG      0x52    /* anything else: dom0 reports a failure */
#define WPT_CODE_SURVIVED   0x53    /* with the option: not crashed */
#define WPT_CODE_SETUP      0x54    /* set-up failed: dom0 reports an error */
#define WPT_WAIT_YIELDS     100000

enum wpt_mode { WPT_DIRECT, WPT_EXPLICIT, WPT_UNUSABLE };

/* Turns writable page tables on if this build has them (see above). */
HELPER enum wpt_mode wpt_enable(void)
{
    long rc = HYPERVISOR_vm_assist(VMASST_CMD_enable, VMASST_TYPE_writable_pagetables);
    bool off = strstr(test_title, WPT_OFF_MARK) != NULL;
    long want = off ? -XEN_EINVAL : 0;

    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: vm_assist answers -ENOSYS\n");
        return WPT_UNUSABLE;
    }
    if (rc != want) {
        xtf_failure("Fail: vm_assist(enable, writable_pagetables): expected %ld got %ld\n",
                    want, rc);
        return WPT_UNUSABLE;
    }
    return off ? WPT_EXPLICIT : WPT_DIRECT;
}

HELPER uint32_t wpt_maddr(const volatile void *va)
{
    return virt_to_mfn(va) << PAGE_SHIFT;
}

/* A 32-bit store that may fault: 0, or the exception it raised. */
HELPER exinfo_t wpt_store(volatile uint32_t *p, uint32_t val)
{
    exinfo_t fault = 0;

    __asm__ __volatile__("1: movl %[val], %[mem]\n\t2:\n\t"
                         ASM_EXTABLE_HANDLER(1b, 2b, ex_record_fault_eax)
                         : "+a"(fault), [mem] "=m"(*p)
                         : [val] "r"(val));
    return fault;
}

/* Entry idx of the L1 mapped read-only at l1 becomes val; false (reported) on error. */
HELPER bool wpt_write(enum wpt_mode mode, volatile uint32_t *l1, unsigned int idx, uint32_t val)
{
    char buf[24];
    exinfo_t e;
    long rc;

    if (mode == WPT_EXPLICIT) {
        rc = mmu_update_one(wpt_maddr(l1) + idx * 4, val);
        if (rc != 0)
            xtf_failure("Fail: mmu_update of entry %u = %#x: expected 0 got %ld\n", idx, val, rc);
        return rc == 0;
    }
    e = wpt_store(&l1[idx], val);
    if (e != 0)
        xtf_failure("Fail: direct write of entry %u = %#x: expected no fault got %s\n", idx,
                    val, exinfo_str(e, buf, sizeof(buf)));
    return e == 0;
}

/* Maps the frame behind va read-only there; 0 or -XEN_E*. */
HELPER long wpt_make_readonly(volatile void *va)
{
    return guest_set_pte((uintptr_t)va, wpt_maddr(va) | PTE_RO);
}

/* Pages of the image's own: a 4 MB domU has no memory beyond its bootstrap region. */
#define WPT_POOL_PAGES  8
static uint32_t wpt_pool[WPT_POOL_PAGES][PAGE_SIZE / 4] __aligned(PAGE_SIZE)
    __section(".bss.page_aligned") __attribute__((unused));
static unsigned int wpt_pool_used __attribute__((unused));

/* A zeroed page, mapped read-write; NULL when the pool is used up. */
HELPER uint32_t *wpt_page(void)
{
    return wpt_pool_used < WPT_POOL_PAGES ? wpt_pool[wpt_pool_used++] : NULL;
}

/* A fresh zeroed frame, mapped read-only; NULL on error. */
HELPER volatile uint32_t *wpt_new_table(void)
{
    uint32_t *t = wpt_page();

    return t && wpt_make_readonly(t) == 0 ? t : NULL;
}

/* Entry slot of an L2 (mapped read-only at l2) becomes val. */
HELPER long wpt_set_pde(const volatile uint32_t *l2, unsigned int slot, uint32_t val)
{
    return mmu_update_one(wpt_maddr(l2) + slot * 4, val);
}

HELPER const volatile uint32_t *wpt_current_l2(void)
{
    return (const volatile uint32_t *)start_info->pt_base;
}

/* A fresh L1 serving slot of the current L2 (which must be empty); NULL on error. */
HELPER volatile uint32_t *wpt_new_l1(unsigned int slot)
{
    volatile uint32_t *t;

    if (wpt_current_l2()[slot] & _PAGE_PRESENT)
        return NULL;
    t = wpt_new_table();
    if (t && wpt_set_pde(wpt_current_l2(), slot, wpt_maddr(t) | PDE_FLAGS) != 0)
        return NULL;
    return t;
}

/* An mmu_update that does nothing but flush (ABI.md §5.5 step 4). */
HELPER long wpt_flush_mmu_update(void)
{
    mmu_update_t req = { .ptr = MMU_EXTENDED_COMMAND, .val = MMUEXT_TLB_FLUSH };

    return HYPERVISOR_mmu_update(&req, 1, NULL);
}

/* An update_va_mapping that maps va as it is already mapped. */
HELPER long wpt_flush_update_va(volatile void *va)
{
    return HYPERVISOR_update_va_mapping((uintptr_t)va >> PAGE_SHIFT, *guest_pte((uintptr_t)va),
                                        UVMF_INVLPG);
}

/*
 * Direct mode: is the window of the table mapped at l1 open (its mapping
 * writable; for an ACTIVE table, pde_slot >= 0, that PDE of the current
 * L2 not present) or closed, as `open` says?
 */
HELPER void wpt_check_window(enum wpt_mode mode, const char *when, const volatile uint32_t *l1,
                             int pde_slot, bool open)
{
    uint32_t pte = *guest_pte((uintptr_t)l1);

    if (mode != WPT_DIRECT)
        return;
    if (!!(pte & _PAGE_RW) != open)
        xtf_failure("Fail: %s: the table's mapping is %#x, expected %s\n", when, pte,
                    open ? "writable (window open)" : "read-only (flushed)");
    if (pde_slot >= 0 && !(wpt_current_l2()[pde_slot] & _PAGE_PRESENT) != open)
        xtf_failure("Fail: %s: PDE %d is %#x, expected %s\n", when, pde_slot,
                    wpt_current_l2()[pde_slot], open ? "not present (disconnected)" : "present");
}

/* Reads the word at p, which must not fault and must be want. */
HELPER void wpt_check_read(const char *when, const volatile uint32_t *p, uint32_t want)
{
    exinfo_t e = probe_read(p);
    char buf[24];

    if (e != 0)
        xtf_failure("Fail: %s: reading %p: expected no fault got %s\n", when, (const void *)p,
                    exinfo_str(e, buf, sizeof(buf)));
    else if (*p != want)
        xtf_failure("Fail: %s: %p holds %#x, expected %#x\n", when, (const void *)p, *p, want);
}

/* --- Two domains --------------------------------------------------------------- */

HELPER long wpt_domain_info(domid_t dom, dom0_getdomaininfo_t *info)
{
    dom0_op_t op = { .cmd = DOM0_GETDOMAININFO, .interface_version = DOM0_INTERFACE_VERSION };
    long rc;

    op.u.getdomaininfo.domain = dom;
    rc = HYPERVISOR_dom0_op(&op);
    *info = op.u.getdomaininfo;
    return rc;
}

/* Dom0: yields until domain id stops (or a bound); false if it never did. */
HELPER bool wpt_wait_stopped(domid_t id, dom0_getdomaininfo_t *info)
{
    unsigned int i;

    for (i = 0; i < WPT_WAIT_YIELDS; i++) {
        if (wpt_domain_info(id, info) != 0 || info->domain != id)
            return false;
        if (info->flags & (DOMFLAGS_SHUTDOWN | DOMFLAGS_CRASHED))
            return true;
        HYPERVISOR_yield();
    }
    return false;
}

/*
 * Dom0: domain id (the domU called name) must end as the mode says:
 * CRASHED by the hypervisor with the option, shut down with
 * WPT_CODE_EXPECTED without it.
 */
HELPER void wpt_check_victim(enum wpt_mode mode, domid_t id, const char *name)
{
    dom0_getdomaininfo_t info;
    unsigned int code;

    if (!wpt_wait_stopped(id, &info)) {
        xtf_failure("Fail: %s (domain %u) did not stop: timed out, flags %#x\n", name, id,
                    info.flags);
        return;
    }
    code = (info.flags >> DOMFLAGS_SHUTDOWNSHIFT) & DOMFLAGS_SHUTDOWNMASK;
    if (mode == WPT_DIRECT && (info.flags & DOMFLAGS_CRASHED))
        return;
    if (mode == WPT_EXPLICIT && !(info.flags & DOMFLAGS_CRASHED) && code == WPT_CODE_EXPECTED)
        return;
    if (!(info.flags & DOMFLAGS_CRASHED) && code == WPT_CODE_SETUP)
        xtf_error("Error: %s could not set up its tables\n", name);
    else
        xtf_failure("Fail: %s: flags %#x (shutdown code %#x), expected %s\n", name, info.flags,
                    code, mode == WPT_DIRECT ? "CRASHED" : "shutdown code 0x51");
}

/* A domU with nothing to do but let others run. */
HELPER void __attribute__((noreturn)) wpt_idle_forever(void)
{
    for (;;)
        HYPERVISOR_yield();
}

#endif /* WPT_HELPERS_H */
