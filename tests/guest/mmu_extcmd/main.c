/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mmu_extcmd: the remaining MMU_EXTENDED_COMMANDs (ABI.md §5.3). TLB_FLUSH
 * and INVLPG return 0 and make a changed L1 entry visible; FLUSH_CACHE is
 * 0 for dom0 (physdev) and -EINVAL for the unprivileged domain 1;
 * TRANSFER_PAGE is -EINVAL (no grant tables) and the frame stays the
 * caller's; unknown commands are -EINVAL. REASSIGN_PAGE: dom0 without an
 * FD is -EINVAL, dom0 with FD = 1 moves a free frame to domain 1 (its
 * tot_pages grows, dom0 can no longer map it), and domain 1 (not priv) is
 * refused [bug class: page theft/donation by an unprivileged domain].
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define DOMU_OK     0x5A
#define DOMU_FAIL   0x40    /* + the failed step */

static uint32_t page_a[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static uint32_t page_b[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static uint32_t scratch[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long ext(uint32_t arg, uint32_t cmd)
{
    return mmu_update_one(arg | MMU_EXTENDED_COMMAND, cmd);
}

/* Points scratch's L1 entry at page's frame without any flush. */
static long point_scratch(const void *page)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t va = (uintptr_t)scratch;

    return mmu_update_one((l2[l2_slot(va)] & PAGE_MASK) + l1_slot(va) * 4,
                          (virt_to_mfn(page) << PAGE_SHIFT) | PTE_RW);
}

static long getinfo(dom0_getdomaininfo_t *info)
{
    dom0_op_t op = { .cmd = DOM0_GETDOMAININFO, .interface_version = DOM0_INTERFACE_VERSION };
    long rc;

    op.u.getdomaininfo.domain = 1;
    rc = HYPERVISOR_dom0_op(&op);
    *info = op.u.getdomaininfo;
    return rc == 0 && info->domain != 1 ? -XEN_ESRCH : rc;
}

static void domu_expect(unsigned int step, long got, long want)
{
    if (got != want)
        guest_shutdown(DOMU_FAIL + step);
}

static void domu_main(void)
{
    uint32_t free_ma = pfn_to_mfn(start_info->nr_pages - 1) << PAGE_SHIFT;
    mmu_update_t req[2] = {
        { .ptr = MMU_EXTENDED_COMMAND, .val = MMUEXT_SET_FOREIGNDOM | (DOMID_IO << 16) },
        { .ptr = free_ma | MMU_EXTENDED_COMMAND, .val = MMUEXT_REASSIGN_PAGE },
    };
    unsigned int done = 99;

    domu_expect(1, ext(0, MMUEXT_FLUSH_CACHE), -XEN_EINVAL);
    domu_expect(2, ext(0, MMUEXT_TLB_FLUSH), 0);
    domu_expect(3, ext((uintptr_t)scratch, MMUEXT_INVLPG), 0);
    domu_expect(4, ext(free_ma, MMUEXT_REASSIGN_PAGE), -XEN_EINVAL);
    domu_expect(5, HYPERVISOR_mmu_update(req, 2, &done), -XEN_EINVAL);
    domu_expect(6, done, 1);
    domu_expect(7, ext(free_ma, MMUEXT_TRANSFER_PAGE), -XEN_EINVAL);
    domu_expect(8, mmu_update_one(free_ma | MMU_MACHPHYS_UPDATE, start_info->nr_pages - 1), 0);
    guest_shutdown(DOMU_OK);
}

static void test_flushes(void)
{
    uint32_t orig = virt_to_mfn(scratch);

    page_a[0] = 0xAAAA0000;
    page_b[0] = 0xBBBB0000;
    check("map scratch -> page A", point_scratch(page_a), 0);
    check("INVLPG", ext((uintptr_t)scratch, MMUEXT_INVLPG), 0);
    check("read through scratch", scratch[0], 0xAAAA0000);
    check("map scratch -> page B", point_scratch(page_b), 0);
    check("TLB_FLUSH", ext(0, MMUEXT_TLB_FLUSH), 0);
    check("read after TLB_FLUSH", scratch[0], 0xBBBB0000);
    check("map scratch -> page A", point_scratch(page_a), 0);
    check("INVLPG", ext((uintptr_t)scratch, MMUEXT_INVLPG), 0);
    check("read after INVLPG", scratch[0], 0xAAAA0000);
    check("restore scratch", guest_set_pte((uintptr_t)scratch, (orig << PAGE_SHIFT) | PTE_RW), 0);
}

void test_main(void)
{
    uint32_t pfn = start_info->nr_pages - 1, mfn = pfn_to_mfn(pfn);
    mmu_update_t req[2] = {
        { .ptr = MMU_EXTENDED_COMMAND, .val = MMUEXT_SET_FOREIGNDOM | (1 << 16) },
        { .ptr = (mfn << PAGE_SHIFT) | MMU_EXTENDED_COMMAND, .val = MMUEXT_REASSIGN_PAGE },
    };
    dom0_getdomaininfo_t before, after;
    unsigned int done = 99, code = 0, i;

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    if (!guest_is_dom0())
        domu_main();
    test_flushes();
    check("FLUSH_CACHE (dom0 is physdev)", ext(0, MMUEXT_FLUSH_CACHE), 0);
    check("TRANSFER_PAGE to domain 1", ext(mfn << PAGE_SHIFT, MMUEXT_TRANSFER_PAGE | (1 << 16)),
          -XEN_EINVAL);
    check("the frame is still dom0's (MACHPHYS_UPDATE)",
          mmu_update_one((mfn << PAGE_SHIFT) | MMU_MACHPHYS_UPDATE, pfn), 0);
    check("extended command 14", ext(0, 14), -XEN_EINVAL);
    check("extended command 255", ext(0, 255), -XEN_EINVAL);
    check("REASSIGN_PAGE without an FD", ext(mfn << PAGE_SHIFT, MMUEXT_REASSIGN_PAGE),
          -XEN_EINVAL);

    check("GETDOMAININFO(1)", getinfo(&before), 0);
    check("REASSIGN_PAGE with FD = 1", HYPERVISOR_mmu_update(req, 2, &done), 0);
    check("*done", done, 2);
    check("GETDOMAININFO(1)", getinfo(&after), 0);
    check("domain 1's tot_pages after REASSIGN_PAGE", after.tot_pages, before.tot_pages + 1);
    check("dom0 maps the frame it gave away",
          guest_set_pte((uintptr_t)scratch, (mfn << PAGE_SHIFT) | PTE_RW), -XEN_EINVAL);

    for (i = 0; i < 100000 && getinfo(&after) == 0; i++) {
        if (after.flags & (DOMFLAGS_SHUTDOWN | DOMFLAGS_CRASHED))
            break;
        HYPERVISOR_yield();
    }
    if (after.flags & DOMFLAGS_SHUTDOWN)
        code = (after.flags >> DOMFLAGS_SHUTDOWNSHIFT) & DOMFLAGS_SHUTDOWNMASK;
    if (code != DOMU_OK)
        xtf_failure("Fail: domain 1: expected shutdown code %#x got flags %#x%s\n", DOMU_OK,
                    after.flags, i == 100000 ? " (timed out)" : "");
    xtf_success(NULL);
}
