/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * memop_domu: dom_mem_op as an unprivileged domain (ABI.md §5.6). Domain 1
 * starts with tot_pages = max_pages: increase returns 0. After giving one
 * free frame back (1), increase returns 1 with a usable MFN in list[0],
 * and a further increase 0 (beyond max_pages) [bug class: memory
 * exhaustion by a guest]. With two frames given back, an order-1 increase
 * is 0 (not physdev) while two order-0 extents fit (2). Naming another
 * domain or itself by id is -EPERM; op 5 is -ENOSYS. dom0 checks the
 * result code and that domain 1 ends at exactly max_pages.
 */
#include <guest/domctl.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)

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

static void domu_main(void)
{
    uint32_t last = start_info->nr_pages - 1, orig = virt_to_mfn(scratch);
    uint32_t list[2] = { pfn_to_mfn(last) };

    domu_expect(1, memop(MEMOP_increase_reservation, list, 1, 0), 0);
    domu_expect(2, memop(MEMOP_decrease_reservation, list, 1, 0), 1);
    list[0] = 0;
    domu_expect(3, memop(MEMOP_increase_reservation, list, 1, 0), 1);
    domu_expect(4, guest_set_pte((uintptr_t)scratch, (list[0] << PAGE_SHIFT) | PTE_RW), 0);
    scratch[0] = 0x0D0D;
    domu_expect(5, scratch[0], 0x0D0D);
    domu_expect(6, guest_set_pte((uintptr_t)scratch, (orig << PAGE_SHIFT) | PTE_RW), 0);
    domu_expect(7, memop(MEMOP_increase_reservation, &list[1], 1, 0), 0);

    list[1] = pfn_to_mfn(last - 1);
    domu_expect(8, memop(MEMOP_decrease_reservation, list, 2, 0), 2);
    domu_expect(9, memop(MEMOP_increase_reservation, list, 1, 1), 0);
    domu_expect(10, memop(MEMOP_increase_reservation, list, 2, 0), 2);
    domu_expect(11, memop(MEMOP_increase_reservation, list, 1, 0), 0);

    domu_expect(12, HYPERVISOR_dom_mem_op(MEMOP_increase_reservation, list, 1, 0, 0), -XEN_EPERM);
    domu_expect(13, HYPERVISOR_dom_mem_op(MEMOP_decrease_reservation, list, 1, 0, 1), -XEN_EPERM);
    domu_expect(14, memop(5, list, 1, 0), -XEN_ENOSYS);
    guest_shutdown(DOMU_OK);
}

void test_main(void)
{
    dom0_getdomaininfo_t info;

    if (HYPERVISOR_dom_mem_op(MEMOP_increase_reservation, NULL, 0, 0, DOMID_SELF) ==
        -XEN_ENOSYS) {
        xtf_skip("Skip: dom_mem_op is not implemented\n");
        return;
    }

    if (!guest_is_dom0())
        domu_main();
    dom0_expect_domu_ok(1, &info);
    check("domain 1's max_pages (mem=8192)", info.max_pages, 2048);
    check("domain 1's tot_pages", info.tot_pages, info.max_pages);
    xtf_success(NULL);
}
