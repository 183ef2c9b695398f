/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * memop_dom0: dom_mem_op as dom0 (ABI.md §2 #12, §5.6). decrease of a free
 * frame returns 1, tot_pages drops and the frame is gone (mapping it and
 * its M2P entry: -EINVAL; a second decrease: 0). increase returns 1 with
 * the new MFN in list[0], which then maps and takes an M2P entry; order 1
 * (dom0 is physdev) gives two contiguous frames, given back with one
 * decrease. Processing stops at the first bad extent (Tessera's 0x100),
 * an unreadable list does nothing, and op 5 is -ENOSYS, a nonexistent
 * domid -ESRCH [bug class: freeing frames one does not own].
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)
#define BAD_LIST    ((uint32_t *)0xFC000000)

static uint32_t scratch[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
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

static long map(uint32_t mfn, uint32_t flags)
{
    return guest_set_pte((uintptr_t)scratch, (mfn << PAGE_SHIFT) | flags);
}

static long machphys(uint32_t mfn, uint32_t pfn)
{
    return mmu_update_one((mfn << PAGE_SHIFT) | MMU_MACHPHYS_UPDATE, pfn);
}

void test_main(void)
{
    uint32_t pfn = start_info->nr_pages - 1, spare = pfn_to_mfn(pfn - 1);
    uint32_t list[3] = { pfn_to_mfn(pfn) }, orig = virt_to_mfn(scratch), mfn;
    long tot = tot_pages();

    if (HYPERVISOR_dom_mem_op(MEMOP_increase_reservation, NULL, 0, 0, DOMID_SELF) ==
        -XEN_ENOSYS) {
        xtf_skip("Skip: dom_mem_op is not implemented\n");
        return;
    }

    check("decrease a free frame", memop(MEMOP_decrease_reservation, list, 1, 0), 1);
    check("tot_pages after decrease", tot_pages(), tot - 1);
    check("map the freed frame", map(list[0], PTE_RO), -XEN_EINVAL);
    check("M2P entry of the freed frame", machphys(list[0], pfn), -XEN_EINVAL);
    check("decrease it again", memop(MEMOP_decrease_reservation, list, 1, 0), 0);

    list[0] = 0;
    check("increase by one frame", memop(MEMOP_increase_reservation, list, 1, 0), 1);
    mfn = list[0];
    check("tot_pages after increase", tot_pages(), tot);
    check("M2P entry of the new frame", machphys(mfn, pfn), 0);
    check("M2P view", machine_to_phys[mfn], pfn);
    check("map the new frame RW", map(mfn, PTE_RW), 0);
    scratch[0] = 0x0E770E77;
    check("read it back", scratch[0], 0x0E770E77);
    check("restore scratch", map(orig, PTE_RW), 0);

    check("increase by an order-1 extent", memop(MEMOP_increase_reservation, list, 1, 1), 1);
    check("its first MFN is 2-aligned", list[0] & 1, 0);
    check("tot_pages after order 1", tot_pages(), tot + 2);
    check("map its first frame", map(list[0], PTE_RO), 0);
    check("map its second frame", map(list[0] + 1, PTE_RO), 0);
    check("restore scratch", map(orig, PTE_RW), 0);
    check("decrease the order-1 extent", memop(MEMOP_decrease_reservation, list, 1, 1), 1);
    check("tot_pages after that", tot_pages(), tot);

    list[0] = mfn;
    list[1] = 0x100;
    list[2] = spare;
    check("decrease [new, Tessera's 0x100, spare]", memop(MEMOP_decrease_reservation, list, 3, 0),
          1);
    check("the spare frame is still ours", machphys(spare, pfn - 1), 0);
    check("tot_pages", tot_pages(), tot - 1);
    check("n = 0", memop(MEMOP_increase_reservation, list, 0, 0), 0);
    check("decrease, list at 0xFC000000", memop(MEMOP_decrease_reservation, BAD_LIST, 1, 0), 0);
    check("increase, list at 0xFC000000", memop(MEMOP_increase_reservation, BAD_LIST, 1, 0), 0);
    check("tot_pages after the bad lists", tot_pages(), tot - 1);
    check("op 5", memop(5, list, 1, 0), -XEN_ENOSYS);
    check("domid 0x1234", HYPERVISOR_dom_mem_op(MEMOP_increase_reservation, list, 1, 0, 0x1234),
          -XEN_ESRCH);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
