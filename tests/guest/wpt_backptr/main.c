/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * wpt_backptr: the write faults on an L1 that crash the writer instead of
 * opening the table (ABI.md §5.5 step 1, §5.1 back-pointers). Three domUs
 * enable vm_assist 2 and write entry 0 of an L1 through a read-only
 * mapping of it:
 *   "victim_unset"  a pinned L1 installed in no L2 (back-pointer unset);
 *   "victim_twice"  an L1 installed in slots 512 and 513 (ambiguous);
 *   "victim_self"   an L1 serving slot 512 that maps itself there, written
 *                   through that mapping (disconnecting it would unmap it).
 * Dom0 sees all three CRASHED and lives on. Built without the option, each
 * write is an ordinary #PF[0003], reported with shutdown code 0x51.
 * Bug class: page-table integrity (a table opened with no way back).
 */
#include "../wpt_common/wpt_helpers.h"

#define SLOT_A  512
#define SELF    7

static void __attribute__((noreturn)) try_write(enum wpt_mode mode, volatile uint32_t *p)
{
    exinfo_t e = wpt_store(p, 0);

    if (mode == WPT_DIRECT)
        guest_shutdown(WPT_CODE_SURVIVED);
    guest_shutdown(e == EXINFO_SYM(PF, PFEC_PRESENT | PFEC_WRITE) ?
                   WPT_CODE_EXPECTED : WPT_CODE_WRONG);
}

static void __attribute__((noreturn)) victim(const char *cmd)
{
    enum wpt_mode mode = wpt_enable();
    volatile uint32_t *t;

    if (mode == WPT_UNUSABLE)
        guest_shutdown(WPT_CODE_SETUP);
    if (strstr(cmd, "name=victim_unset")) {
        t = wpt_new_table();
        if (t && mmu_update_one(wpt_maddr(t) | MMU_EXTENDED_COMMAND, MMUEXT_PIN_L1_TABLE) == 0)
            try_write(mode, t);
    } else if (strstr(cmd, "name=victim_twice")) {
        t = wpt_new_l1(SLOT_A);
        if (t && wpt_set_pde(wpt_current_l2(), SLOT_A + 1, wpt_maddr(t) | PDE_FLAGS) == 0)
            try_write(mode, t);
    } else if (strstr(cmd, "name=victim_self")) {
        t = wpt_new_l1(SLOT_A);
        if (t && mmu_update_one(wpt_maddr(t) + SELF * 4, wpt_maddr(t) | PTE_RO) == 0)
            try_write(mode, WPT_VA(SLOT_A, SELF));
    }
    guest_shutdown(WPT_CODE_SETUP);
}

void test_main(void)
{
    enum wpt_mode mode;

    if (!guest_is_dom0())
        victim((const char *)start_info->cmd_line);
    if ((mode = wpt_enable()) == WPT_UNUSABLE)
        return;
    wpt_check_victim(mode, 1, "victim_unset");
    wpt_check_victim(mode, 2, "victim_twice");
    wpt_check_victim(mode, 3, "victim_self");
    if (HYPERVISOR_xen_version(XENVER_version) != XEN_VERSION_2_0)
        xtf_failure("Fail: xen_version after the crashes did not answer 0x20000\n");
    xtf_success(NULL);
}
