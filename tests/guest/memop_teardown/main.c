/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * memop_teardown: destroying a domain returns every frame (ABI.md §5.1,
 * §10 DESTROYDOMAIN and PHYSINFO). [bug class: frame leaks and reference
 * cycles at domain teardown] Domain 1 builds deep structures: two pinned
 * L1s (one mapping the other), a pinned second L2 holding them and a
 * read-only self-map, a pinned third L2 mapping the second linearly, an
 * unpinned L1 installed in the bootstrap L2, a frame released while still
 * mapped; then runs on the second L2 and shuts down. dom0 reads its
 * tot_pages and PHYSINFO free_pages, destroys it, and free_pages must
 * reach exactly the old value plus tot_pages (polled, in case freed
 * frames await scrubbing). Domain 1 is gone and Tessera alive.
 */
#include <guest/domctl.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)
#define PDE_FLAGS   (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define MFN(va)     virt_to_mfn(va)
#define VA(slot, i) ((volatile uint32_t *)(((slot) << 22) | ((i) << PAGE_SHIFT)))

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long ext(const void *va, uint32_t cmd)
{
    return mmu_update_one((MFN(va) << PAGE_SHIFT) | MMU_EXTENDED_COMMAND, cmd);
}

static long ro(const void *va)
{
    return guest_set_pte((uintptr_t)va, (MFN(va) << PAGE_SHIFT) | PTE_RO);
}

static void domu_main(void)
{
    const uint32_t *boot = (const uint32_t *)start_info->pt_base;
    uint32_t *l1a = alloc_page(), *l1b = alloc_page(), *l1c = alloc_page();
    uint32_t *l2b = alloc_page(), *l2c = alloc_page(), *d[4], dmfn;
    unsigned int i;

    for (i = 0; i < 4; i++) {
        d[i] = alloc_page();
        domu_expect(1, d[i] != NULL, 1);
        d[i][0] = 0xDA7A0000 + i;
        l1a[i] = (MFN(d[i]) << PAGE_SHIFT) | PTE_RW;
        l1b[i] = (MFN(d[i]) << PAGE_SHIFT) | PTE_RO;
    }
    domu_expect(2, l1a && l1b && l1c && l2b && l2c, 1);
    l1b[4] = (MFN(l1a) << PAGE_SHIFT) | PTE_RO;
    l1c[0] = (MFN(d[0]) << PAGE_SHIFT) | PTE_RO;
    memcpy(l2b, boot, XEN_FIRST_HYPERVISOR_L2_SLOT * 4);
    l2b[512] = (MFN(l1a) << PAGE_SHIFT) | PDE_FLAGS;
    l2b[513] = (MFN(l1b) << PAGE_SHIFT) | PDE_FLAGS;
    l2b[600] = (MFN(l2b) << PAGE_SHIFT) | PTE_RO;
    l2c[10] = (MFN(l2b) << PAGE_SHIFT) | PTE_RO;
    domu_expect(3, ro(l1a) | ro(l1b) | ro(l1c) | ro(l2b) | ro(l2c), 0);
    domu_expect(4, ext(l1a, MMUEXT_PIN_L1_TABLE), 0);
    domu_expect(5, ext(l1b, MMUEXT_PIN_L1_TABLE), 0);
    domu_expect(6, ext(l2b, MMUEXT_PIN_L2_TABLE), 0);
    domu_expect(7, ext(l2c, MMUEXT_PIN_L2_TABLE), 0);
    domu_expect(8, mmu_update_one((MFN(boot) << PAGE_SHIFT) + 520 * 4,
                                  (MFN(l1c) << PAGE_SHIFT) | PDE_FLAGS), 0);
    dmfn = MFN(d[3]);
    domu_expect(9, HYPERVISOR_dom_mem_op(MEMOP_decrease_reservation, &dmfn, 1, 0, DOMID_SELF), 1);
    domu_expect(10, ext(l2b, MMUEXT_NEW_BASEPTR), 0);
    domu_expect(11, *VA(512, 0), 0xDA7A0000);
    domu_expect(12, *VA(513, 3), 0xDA7A0003);
    domu_expect(13, VA(600, 600)[512], l2b[512]);
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
    check("domain 1's tot_pages (mem=8192, the released frame still mapped)", tot, 2048);
    before = dom0_free_pages();
    check("DESTROYDOMAIN(1)", dom0_op_simple(&op, DOM0_DESTROYDOMAIN, 1), 0);
    for (i = 0; i < 1000; i++) {
        now = dom0_free_pages();
        if (now >= before + tot)
            break;
        HYPERVISOR_yield();
    }
    check("PHYSINFO free_pages after the destruction", now, before + tot);
    check("GETDOMAININFO(1) after it", dom0_op_simple(&op, DOM0_GETDOMAININFO, 1), -XEN_ESRCH);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
