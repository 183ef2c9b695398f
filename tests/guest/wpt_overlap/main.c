/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * wpt_overlap: two open tables where one holds the other's mapping (ABI.md
 * §5.5, §5.1). L1 E serves slot 520 of a second, pinned L2 only, so writes
 * to it are INACTIVE; L1 M serves slot 600 of the current L2, and M[0]
 * maps E read-only at 0x96000000. A direct write through that mapping
 * opens E, which sets RW in M[0] without a writable reference. A direct
 * write to M (ACTIVE) must then flush E first, so M's snapshot holds M[0]
 * read-only: the guest storing M[0] without RW is no change at M's
 * flush. Diffed against a snapshot that still had RW, it would look
 * like an entry losing RW and drop a writable reference never taken, from
 * E's L1 type count; E could then be mapped writable while the second L2
 * still uses it. So: E is never mappable RW while installed, and is once
 * the second L2 is unpinned. [tessera]: Xen 2.0.6 opens M without
 * flushing E. Built without the option, the same entries go in with
 * mmu_update. Bug class: reference-count underflow giving a writable page
 * table.
 */
#include "../wpt_common/wpt_helpers.h"

#define SLOT_E  520
#define SLOT_M  600

static uint32_t data[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check_rc(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long ext_cmd(const volatile void *frame, uint32_t cmd)
{
    return mmu_update_one(wpt_maddr(frame) | MMU_EXTENDED_COMMAND, cmd);
}

void test_main(void)
{
    volatile uint32_t *e = wpt_new_table(), *l2 = wpt_new_table(), *m;
    volatile uint32_t *e_via_m = WPT_VA(SLOT_M, 0);
    enum wpt_mode mode;
    uint32_t e_ro;

    if ((mode = wpt_enable()) == WPT_UNUSABLE)
        return;
    m = wpt_new_l1(SLOT_M);
    if (!e || !l2 || !m || ext_cmd(l2, MMUEXT_PIN_L2_TABLE) != 0 ||
        wpt_set_pde(l2, SLOT_E, wpt_maddr(e) | PDE_FLAGS) != 0 ||
        mmu_update_one(wpt_maddr(m), (e_ro = wpt_maddr(e) | PTE_RO)) != 0) {
        xtf_error("Error: could not build the tables\n");
        return;
    }

    /* E opens INACTIVE through M[0]. */
    if (!wpt_write(mode, e_via_m, 3, wpt_maddr(data) | PTE_RO))
        return;
    if (mode == WPT_DIRECT && (m[0] & ~_PAGE_DIRTY) != (e_ro | _PAGE_RW))
        xtf_failure("Fail: M[0] with E open: expected %#x got %#x\n", e_ro | _PAGE_RW, m[0]);
    /* M opens ACTIVE: E must be flushed first. */
    if (!wpt_write(mode, m, 1, wpt_maddr(data) | PTE_RO))
        return;
    if ((m[0] & ~_PAGE_DIRTY) != e_ro)
        xtf_failure("Fail: M[0] once M is open: expected %#x got %#x\n", e_ro, m[0]);
    wpt_check_window(mode, "M after its write", m, SLOT_M, true);
    /* What a guest write-protecting E's mapping stores (the CPU may have set DIRTY). */
    if (!wpt_write(mode, m, 0, m[0] & ~_PAGE_RW))
        return;
    check_rc("mmu_update flushing M", wpt_flush_mmu_update(), 0);
    wpt_check_window(mode, "M after mmu_update", m, SLOT_M, false);
    if (e[3] != (wpt_maddr(data) | PTE_RO))
        xtf_failure("Fail: E[3]: expected %#x got %#x\n", wpt_maddr(data) | PTE_RO, e[3]);
    wpt_check_read("through M[1]", WPT_VA(SLOT_M, 1), 0);

    check_rc("map E writable while installed", guest_set_pte((uintptr_t)e, wpt_maddr(e) | PTE_RW),
             -XEN_EINVAL);
    check_rc("unpin the second L2", ext_cmd(l2, MMUEXT_UNPIN_TABLE), 0);
    check_rc("map E writable once free", guest_set_pte((uintptr_t)e, wpt_maddr(e) | PTE_RW), 0);
    check_rc("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
