/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mmu_normal_map: the success paths of MMU_NORMAL_PT_UPDATE (ABI.md §5.3,
 * L1 rules of §5.2). A fresh frame from beyond the bootstrap region is
 * mapped read-write at a second VA through a checked L1 update (with
 * MMUEXT_INVLPG in the same call); data written through either mapping is
 * seen through the other. Then the entry becomes read-only (a write faults
 * with #PF[0003]) and not present (a read faults with #PF[0000]). Last, a
 * request aimed at a plain data frame is a raw store of val (§5.3 "any
 * other frame").
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/traps.h>

#define PTE_RW  (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO  (_PAGE_PRESENT | _PAGE_ACCESSED)

static uint8_t scratch[PAGE_SIZE] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static void check_fault(const char *what, exinfo_t got, exinfo_t want)
{
    char g[24], w[24];

    if (got != want)
        xtf_failure("Fail: %s: expected %s got %s\n", what, exinfo_str(want, w, sizeof(w)),
                    exinfo_str(got, g, sizeof(g)));
}

/* The machine address of va's L1 entry, through the bootstrap L2. */
static uint32_t pte_maddr(unsigned long va)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;

    return (l2[l2_slot(va)] & PAGE_MASK) + l1_slot(va) * 4;
}

/* One checked L1 update of scratch's entry, and INVLPG of scratch. */
static long set_scratch(uint32_t pte)
{
    mmu_update_t req[2] = {
        { .ptr = pte_maddr((uintptr_t)scratch) | MMU_NORMAL_PT_UPDATE, .val = pte },
        { .ptr = (uintptr_t)scratch | MMU_EXTENDED_COMMAND, .val = MMUEXT_INVLPG },
    };
    unsigned int done = 99;
    long rc = HYPERVISOR_mmu_update(req, 2, &done);

    check("mmu_update *done", done, rc ? done : 2);
    return rc;
}

void test_main(void)
{
    volatile uint32_t *fresh = alloc_page();
    volatile uint32_t *view = (volatile uint32_t *)scratch;
    uint32_t orig = virt_to_mfn(scratch), mfn;
    unsigned int done = 99;

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    if (!fresh || orig == ~0U) {
        xtf_error("Error: no fresh page (alloc_page) or scratch unmapped\n");
        return;
    }
    mfn = virt_to_mfn(fresh);
    if (virt_to_pfn(fresh) < nr_bootstrap_pages)
        xtf_error("Error: alloc_page gave PFN %u inside the bootstrap region\n",
                  virt_to_pfn(fresh));
    fresh[0] = 0xC0FFEE01;

    check("map a fresh frame RW", set_scratch((mfn << PAGE_SHIFT) | PTE_RW), 0);
    check("scratch PTE after the update", *guest_pte((uintptr_t)scratch),
          (long)((mfn << PAGE_SHIFT) | PTE_RW));
    check("read through the new mapping", view[0], 0xC0FFEE01);
    view[1] = 0xC0FFEE02;
    check("write seen through the first mapping", fresh[1], 0xC0FFEE02);

    check("remap read-only", set_scratch((mfn << PAGE_SHIFT) | PTE_RO), 0);
    check("read through the read-only mapping", view[1], 0xC0FFEE02);
    check_fault("write through the read-only mapping", probe_write(scratch, 1),
                EXINFO_SYM(PF, PFEC_PRESENT | PFEC_WRITE));
    check("the frame after the faulting write", fresh[0], 0xC0FFEE01);

    check("unmap", set_scratch(0), 0);
    check_fault("read through the removed mapping", probe_read(scratch), EXINFO_SYM(PF, 0));

    check("restore scratch", set_scratch((orig << PAGE_SHIFT) | PTE_RW), 0);
    view[0] = 0x5C7A7C00;
    check("scratch's own frame again", view[0], 0x5C7A7C00);

    /* A data frame: the request is a plain store into it. */
    {
        mmu_update_t req = { .ptr = (mfn << PAGE_SHIFT) + 8, .val = 0xDA7A0003 };

        check("raw store into a data frame", HYPERVISOR_mmu_update(&req, 1, &done), 0);
        check("*done after the raw store", done, 1);
        check("the stored word", fresh[2], 0xDA7A0003);
        check("its neighbour", fresh[1], 0xC0FFEE02);
    }
    xtf_success(NULL);
}
