/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * memop_inuse: decrease_reservation of frames still in use (ABI.md §5.1 "a
 * frame released while still mapped lingers until unmapped", §5.6).
 * [bug class: use-after-free of released frames] A mapped data frame: the
 * call returns 1, the mapping still reads and writes, tot_pages is
 * unchanged until the mapping goes, then the frame is gone. A pinned L1
 * (mapped read-only): 1, unpinned by Tessera, gone once unmapped. The
 * bootstrap L1 in use by the current L2, and the bootstrap L2 itself
 * (pinned, and the base): 1 each, and the domain runs on, remapping a
 * page through them.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)

static uint32_t data[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static uint32_t scratch[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long decrease(uint32_t mfn)
{
    return HYPERVISOR_dom_mem_op(MEMOP_decrease_reservation, &mfn, 1, 0, DOMID_SELF);
}

static long tot_pages(void)
{
    dom0_op_t op = { .cmd = DOM0_GETDOMAININFO, .interface_version = DOM0_INTERFACE_VERSION };

    op.u.getdomaininfo.domain = 0;
    if (HYPERVISOR_dom0_op(&op) != 0 || op.u.getdomaininfo.domain != 0)
        return -1;
    return (long)op.u.getdomaininfo.tot_pages;
}

static long map_scratch(uint32_t mfn, uint32_t flags)
{
    return HYPERVISOR_update_va_mapping((uintptr_t)scratch >> PAGE_SHIFT,
                                        (mfn << PAGE_SHIFT) | flags, UVMF_INVLPG);
}

/* A released frame mapped at va: unmap it, and it is gone for good. */
static void unmap_released(const char *what, void *va, uint32_t mfn, long tot)
{
    check(what, guest_set_pte((uintptr_t)va, 0), 0);
    check("tot_pages once unmapped", tot_pages(), tot - 1);
    check("map the freed frame", map_scratch(mfn, PTE_RO), -XEN_EINVAL);
}

void test_main(void)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t *page = alloc_page(), *l1 = alloc_page(), orig = virt_to_mfn(scratch), mfn;
    long tot = tot_pages();

    if (HYPERVISOR_dom_mem_op(MEMOP_increase_reservation, NULL, 0, 0, DOMID_SELF) ==
        -XEN_ENOSYS) {
        xtf_skip("Skip: dom_mem_op is not implemented\n");
        return;
    }

    if (!page || !l1) {
        xtf_error("Error: alloc_page failed\n");
        return;
    }
    mfn = virt_to_mfn(page);
    page[0] = 0x11116666;
    check("decrease a mapped data frame", decrease(mfn), 1);
    check("read it after the decrease", page[0], 0x11116666);
    page[1] = 0x22226666;
    check("write it after the decrease", page[1], 0x22226666);
    check("tot_pages while it is mapped", tot_pages(), tot);
    unmap_released("unmap the data frame", page, mfn, tot);

    mfn = virt_to_mfn(l1);
    check("remap the L1 read-only", guest_set_pte((uintptr_t)l1, (mfn << PAGE_SHIFT) | PTE_RO), 0);
    check("PIN_L1", mmu_update_one((mfn << PAGE_SHIFT) | MMU_EXTENDED_COMMAND,
                                   MMUEXT_PIN_L1_TABLE), 0);
    check("decrease the pinned L1", decrease(mfn), 1);
    check("UNPIN after the decrease", mmu_update_one((mfn << PAGE_SHIFT) | MMU_EXTENDED_COMMAND,
                                                     MMUEXT_UNPIN_TABLE), -XEN_EINVAL);
    unmap_released("unmap the L1", l1, mfn, tot - 1);

    check("decrease the bootstrap L1 in use", decrease(l2[l2_slot((uintptr_t)scratch)] >> 12), 1);
    check("decrease the bootstrap L2 (pinned, the base)", decrease(virt_to_mfn(l2)), 1);
    data[0] = 0xA11FE;
    check("map scratch -> data through them", map_scratch(virt_to_mfn(data), PTE_RW), 0);
    check("read it", scratch[0], 0xA11FE);
    check("restore scratch", map_scratch(orig, PTE_RW), 0);
    check("tot_pages: the tables linger", tot_pages(), tot - 2);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
