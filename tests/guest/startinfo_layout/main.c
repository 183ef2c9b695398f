/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * startinfo_layout: the bootstrap region the builder lays out (ABI.md
 * §13). From VIRT_BASE, page by page: the kernel (up to __image_end; no
 * initrd), the p2m array (mfn_list), the page tables (pt_base, the L2 then
 * nr_pt_frames - 1 L1s), start_info (whose VA came in ESI), one boot-stack
 * page; the region ends 4 MB-aligned with at least 512 KB to spare, and
 * nr_pt_frames is the smallest n >= 2 covering it. VA v_start + 4096*i
 * maps PFN i with flags 0x023, the page tables 0x021 (read-only); PDEs
 * are 0x067 and no other guest L2 slot is present. The entry ESP (top of
 * the stack page) is not checked: the runtime leaves the boot stack at once
 * and keeps no record of it.
 */
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define MB4             (4UL << 20)
#define ROUND_UP(x, a)  (((x) + (a) - 1) & ~((a) - 1))

static void check(const char *what, unsigned long got, unsigned long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %#lx got %#lx\n", what, want, got);
}

/* Every bootstrap page maps its PFN, the page tables read-only. */
static void check_mappings(unsigned long pt_start, unsigned long pt_end)
{
    unsigned long va, bad = 0;

    for (va = GUEST_VIRT_BASE; va < GUEST_VIRT_BASE + nr_bootstrap_pages * PAGE_SIZE;
         va += PAGE_SIZE) {
        uint32_t pfn = (va - GUEST_VIRT_BASE) >> PAGE_SHIFT;
        uint32_t pte = *guest_pte(va);
        bool pt = va >= pt_start && va < pt_end;
        uint32_t want = pfn_to_mfn(pfn) << PAGE_SHIFT | (pt ? 0x021 : 0x023);

        if (va == (uintptr_t)shared_info)
            continue;   /* the runtime mapped shared_info over this page */
        /* The CPU sets D in writable entries as the guest writes. */
        if ((pt ? pte : pte & ~_PAGE_DIRTY) != want && bad++ < 4)
            xtf_failure("Fail: pte of %#lx: expected %#x got %#x\n", va, want, pte);
    }
    if (bad)
        xtf_failure("Fail: %lu bootstrap ptes are wrong\n", bad);
}

static void check_l2(unsigned long v_end)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    unsigned int slot;

    for (slot = 0; slot < 1008; slot++) {
        bool mapped = slot >= l2_slot(GUEST_VIRT_BASE) && slot < l2_slot(v_end);
        uint32_t want_flags = mapped ? 0x067 : 0;

        if ((l2[slot] & ~PAGE_MASK) != want_flags || (!mapped && l2[slot]))
            xtf_failure("Fail: L2 slot %u: expected flags %#x got pde %#x\n", slot,
                        want_flags, l2[slot]);
    }
}

void test_main(void)
{
    const start_info_t *si = start_info;
    unsigned long kern_end = ROUND_UP((uintptr_t)__image_end, PAGE_SIZE);
    unsigned long pt_start = ROUND_UP(kern_end + 4 * si->nr_pages, PAGE_SIZE);
    unsigned long pt_end = pt_start + si->nr_pt_frames * PAGE_SIZE;
    unsigned long stack_end = pt_end + 2 * PAGE_SIZE;
    unsigned long v_end = ROUND_UP(stack_end, MB4);
    unsigned long n_l1;

    if (v_end - stack_end < (512UL << 10))
        v_end += MB4;
    n_l1 = (v_end - GUEST_VIRT_BASE) / MB4;

    check("__image_start (v_start)", (uintptr_t)__image_start, GUEST_VIRT_BASE);
    check("mfn_list", si->mfn_list, kern_end);
    check("pt_base", si->pt_base, pt_start);
    check("start_info VA (ESI at entry)", (uintptr_t)si, pt_end);
    check("nr_pt_frames", si->nr_pt_frames, MAX(2UL, n_l1 + 1));
    check("end of the bootstrap region",
          GUEST_VIRT_BASE + nr_bootstrap_pages * PAGE_SIZE, v_end);
    if (xtf_has_failed())
        return;     /* the layout is off: the per-page checks would only repeat it */
    check_mappings(pt_start, pt_end);
    check_l2(v_end);
    xtf_success(NULL);
}
