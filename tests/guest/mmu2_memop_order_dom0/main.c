/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mmu2_memop_order_dom0: an order-2 extent for dom0 (ABI.md §5.6 "n extents
 * of 2^order contiguous frames (order > 0 needs physdev)"). dom0 first gives
 * back its top four free frames so that tot_pages stays within max_pages.
 * increase_reservation(n = 1, order 2) returns 1 with the first MFN in
 * list[0]; tot_pages grows by 4, and each of the four contiguous MFNs is
 * dom0's: it maps (read-write, a value reads back) and takes an M2P entry.
 * decrease_reservation of that one order-2 extent returns 1, tot_pages
 * drops by 4, and none of the four maps any more.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define ORDER       2
#define COUNT       (1u << ORDER)

static uint32_t scratch[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, unsigned int i, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s (%u): expected %ld got %ld\n", what, i, want, got);
}

static long memop(unsigned int op, uint32_t *list, unsigned int n, unsigned int order)
{
    return HYPERVISOR_dom_mem_op(op, list, n, order, DOMID_SELF);
}

static long tot_pages(void)
{
    dom0_op_t op = { .cmd = DOM0_GETDOMAININFO, .interface_version = DOM0_INTERFACE_VERSION };

    op.u.getdomaininfo.domain = 0;
    if (HYPERVISOR_dom0_op(&op) != 0 || op.u.getdomaininfo.domain != 0)
        return -1;
    return (long)op.u.getdomaininfo.tot_pages;
}

static long map(uint32_t mfn)
{
    return guest_set_pte((uintptr_t)scratch, (mfn << PAGE_SHIFT) | PTE_RW);
}

void test_main(void)
{
    uint32_t top[COUNT], list[1] = { 0 }, orig = virt_to_mfn(scratch), pfn, first;
    long tot;
    unsigned int i;

    if (memop(MEMOP_increase_reservation, NULL, 0, 0) == -XEN_ENOSYS) {
        xtf_skip("Skip: dom_mem_op is not implemented\n");
        return;
    }

    for (i = 0; i < COUNT; i++)
        top[i] = pfn_to_mfn(start_info->nr_pages - 1 - i);
    check("give back the top free frames", 0, memop(MEMOP_decrease_reservation, top, COUNT, 0),
          COUNT);
    tot = tot_pages();

    check("increase by one order-2 extent", 0,
          memop(MEMOP_increase_reservation, list, 1, ORDER), 1);
    first = list[0];
    check("tot_pages after the increase", 0, tot_pages(), tot + COUNT);
    for (i = 0; i < COUNT; i++) {
        pfn = start_info->nr_pages - 1 - i;
        check("M2P entry of frame i", i,
              mmu_update_one(((first + i) << PAGE_SHIFT) | MMU_MACHPHYS_UPDATE, pfn), 0);
        check("M2P view of frame i", i, machine_to_phys[first + i], pfn);
        check("map frame i RW", i, map(first + i), 0);
        scratch[0] = 0x0D0E0000 + i;
        check("read frame i back", i, scratch[0], 0x0D0E0000 + i);
        check("it is frame i", i, virt_to_mfn(scratch), first + i);
    }
    check("restore scratch", 0, map(orig), 0);

    check("decrease the order-2 extent", 0, memop(MEMOP_decrease_reservation, list, 1, ORDER), 1);
    check("tot_pages after the decrease", 0, tot_pages(), tot);
    for (i = 0; i < COUNT; i++)
        check("map freed frame i", i, map(first + i), -XEN_EINVAL);
    check("scratch still mapped", 0, virt_to_mfn(scratch), orig);
    check("alive: xen_version", 0, HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
