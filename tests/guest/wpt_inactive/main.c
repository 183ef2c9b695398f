/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * wpt_inactive: direct writes into INACTIVE L1s (ABI.md §5.5), as XenLinux
 * makes them to a child's page tables at fork. A second L2, pinned, gets
 * the current L2's guest entries plus two fresh L1s in slots 512 and 513,
 * which the current L2 leaves empty. With vm_assist 2 on, a write to such
 * an L1 opens it INACTIVE: its mapping turns writable while neither L2
 * changes. Flushes by update_va_mapping, by a write to the other INACTIVE
 * L1, and by mmu_update (the NEW_BASEPTR loading the second L2) each close
 * the window; running on the second L2, every entry written maps its data.
 * Built without the option, the same entries go in with mmu_update.
 * Bug class: unchecked entries in tables that are not loaded.
 */
#include "../wpt_common/wpt_helpers.h"

#define SLOT_E  512
#define SLOT_G  513
#define MAGIC   0x1AC70000u
#define GUEST_SLOTS 1008    /* L2 slots below HYPERVISOR_VIRT_START */

static uint32_t data[3][PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static uint32_t spare[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static mmu_update_t copy[GUEST_SLOTS + 2];

static void check_rc(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long ext_cmd(const volatile void *frame, uint32_t cmd)
{
    return mmu_update_one(wpt_maddr(frame) | MMU_EXTENDED_COMMAND, cmd);
}

/* The second L2: the current guest entries, and e and g in their slots. */
static volatile uint32_t *build_l2(volatile uint32_t *e, volatile uint32_t *g)
{
    const volatile uint32_t *cur = wpt_current_l2();
    volatile uint32_t *l2 = wpt_new_table();
    unsigned int slot, n = 0;

    if (!l2 || (cur[SLOT_E] | cur[SLOT_G]) & _PAGE_PRESENT ||
        ext_cmd(l2, MMUEXT_PIN_L2_TABLE) != 0)
        return NULL;
    for (slot = 0; slot < GUEST_SLOTS; slot++)
        if (cur[slot] & _PAGE_PRESENT)
            copy[n++] = (mmu_update_t){ wpt_maddr(l2) + slot * 4, cur[slot] };
    copy[n++] = (mmu_update_t){ wpt_maddr(l2) + SLOT_E * 4, wpt_maddr(e) | PDE_FLAGS };
    copy[n++] = (mmu_update_t){ wpt_maddr(l2) + SLOT_G * 4, wpt_maddr(g) | PDE_FLAGS };
    return HYPERVISOR_mmu_update(copy, n, NULL) == 0 ? l2 : NULL;
}

void test_main(void)
{
    volatile uint32_t *e, *g, *l2;
    const volatile uint32_t *cur = wpt_current_l2();
    enum wpt_mode mode;
    unsigned int i;

    if ((mode = wpt_enable()) == WPT_UNUSABLE)
        return;
    e = wpt_new_table();
    g = wpt_new_table();
    if (!e || !g || !(l2 = build_l2(e, g))) {
        xtf_error("Error: could not build the second L2\n");
        return;
    }
    for (i = 0; i < 3; i++)
        data[i][0] = MAGIC + i;

    if (wpt_write(mode, e, 0, wpt_maddr(data[0]) | PTE_RW)) {
        wpt_check_window(mode, "after the write", e, -1, true);
        if (cur[SLOT_E] != 0 || l2[SLOT_E] != (wpt_maddr(e) | PDE_FLAGS))
            xtf_failure("Fail: an INACTIVE open changed a PDE: %#x, %#x\n", cur[SLOT_E],
                        l2[SLOT_E]);
        check_rc("update_va_mapping", wpt_flush_update_va(spare), 0);
    }
    wpt_check_window(mode, "after update_va_mapping", e, -1, false);

    /* Opening the other INACTIVE table flushes this one first. */
    if (wpt_write(mode, e, 1, wpt_maddr(data[1]) | PTE_RO) &&
        wpt_write(mode, g, 0, wpt_maddr(data[2]) | PTE_RW)) {
        wpt_check_window(mode, "table 512 after a write to table 513", e, -1, false);
        wpt_check_window(mode, "table 513 after its write", g, -1, true);
    }

    /* The mmu_update flushes table 513 before it loads the second L2. */
    check_rc("NEW_BASEPTR to the second L2", ext_cmd(l2, MMUEXT_NEW_BASEPTR), 0);
    wpt_check_window(mode, "table 513 after mmu_update", g, -1, false);
    wpt_check_read("entry 0 of table 512", WPT_VA(SLOT_E, 0), MAGIC);
    wpt_check_read("entry 1 of table 512", WPT_VA(SLOT_E, 1), MAGIC + 1);
    wpt_check_read("entry 0 of table 513", WPT_VA(SLOT_G, 0), MAGIC + 2);
    *WPT_VA(SLOT_G, 0) = MAGIC + 3;
    check_rc("NEW_BASEPTR back", ext_cmd(cur, MMUEXT_NEW_BASEPTR), 0);
    if (data[2][0] != MAGIC + 3)
        xtf_failure("Fail: the write through table 513 did not reach its frame\n");
    if (probe_read(WPT_VA(SLOT_E, 0)) != EXINFO_SYM(PF, 0))
        xtf_failure("Fail: 0x80000000 is mapped in the first L2\n");

    check_rc("unpin the second L2", ext_cmd(l2, MMUEXT_UNPIN_TABLE), 0);
    check_rc("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
