/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * memop_xen_frames: decrease_reservation cannot free the Tessera frames a
 * domain is given (ABI.md §4 shared info, §3 per-domain area, §5.6).
 * [tessera] [bug class: guest-triggered use-after-free of hypervisor
 * frames] Domain 1 names its shared-info frame and its per-domain L1 (from
 * L2 slot 1021): 0 extents each. Its shared info stays usable: unmapped
 * and mapped again read-write, a word written there reads back. dom0 then
 * destroys domain 1, PHYSINFO free_pages rises by exactly its tot_pages,
 * and Tessera lives on. domU results come back as its shutdown code.
 */
#include <guest/domctl.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW          (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PERDOMAIN_SLOT  1021    /* 0xFF400000 >> 22 */
#define MAILBOX         1024    /* an unused word of the shared-info page */

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static void domu_main(void)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t sh = start_info->shared_info >> PAGE_SHIFT, pd = l2[PERDOMAIN_SLOT] >> PAGE_SHIFT;
    unsigned long va = (uintptr_t)shared_info;
    volatile uint32_t *box = (volatile uint32_t *)(va + MAILBOX);

    domu_expect(1, shared_info != NULL, 1);
    domu_expect(2, HYPERVISOR_dom_mem_op(MEMOP_decrease_reservation, &sh, 1, 0, DOMID_SELF), 0);
    domu_expect(3, HYPERVISOR_dom_mem_op(MEMOP_decrease_reservation, &pd, 1, 0, DOMID_SELF), 0);
    domu_expect(4, HYPERVISOR_update_va_mapping(va >> PAGE_SHIFT, 0, UVMF_INVLPG), 0);
    domu_expect(5, HYPERVISOR_update_va_mapping(va >> PAGE_SHIFT, (sh << PAGE_SHIFT) | PTE_RW,
                                                UVMF_INVLPG), 0);
    *box = 0x5E11F00D;
    domu_expect(6, *box, 0x5E11F00D);
    domu_expect(7, HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    guest_shutdown(DOMU_OK);
}

void test_main(void)
{
    dom0_getdomaininfo_t info;
    dom0_op_t op;
    unsigned int i;
    long before, tot, now = -1;
    int r;

    if (HYPERVISOR_dom_mem_op(MEMOP_increase_reservation, NULL, 0, 0, DOMID_SELF) ==
        -XEN_ENOSYS) {
        xtf_skip("Skip: dom_mem_op is not implemented\n");
        return;
    }

    if (!guest_is_dom0())
        domu_main();
    r = dom0_expect_domu_ok(1, &info);
    if (r == DOM0_WAIT_GONE || r == DOM0_WAIT_RUNNING)
        xtf_exit();
    tot = (long)info.tot_pages;
    check("domain 1's tot_pages (mem=4096)", tot, 1024);
    before = dom0_free_pages();
    check("DESTROYDOMAIN(1)", dom0_op_simple(&op, DOM0_DESTROYDOMAIN, 1), 0);
    for (i = 0; i < 1000; i++) {
        now = dom0_free_pages();
        if (now >= before + tot)
            break;
        HYPERVISOR_yield();
    }
    check("PHYSINFO free_pages after the destruction", now, before + tot);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
