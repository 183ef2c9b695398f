/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sched_bvt_shares: BVT proportional share (ABI.md §9) in ICOUNT virtual
 * time. Three CPU-bound domUs with bvt.mcu_adv=4, 2 and 1 (weights
 * 1:2:4) run while dom0 sleeps on set_timer_op for a 1.4 s window (20
 * rounds of the 7-tick pattern); each domU's cpu_time over the window is
 * within 1% of its share (1/7, 2/7, 4/7) of what the three ran in all.
 */
#include "../dom0op_sched_common/sched_shares.h"

#define WINDOW  (1400 * NSEC_PER_MSEC)

static const uint32_t mcu_adv[] = { 4, 2, 1 };

void test_main(void)
{
    if (!guest_is_dom0())
        domu_spin();
    check_bvt_shares(mcu_adv, ARRAY_SIZE(mcu_adv), WINDOW, 10000);
}
