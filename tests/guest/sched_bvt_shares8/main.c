/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sched_bvt_shares8: BVT proportional share (ABI.md §9) in ICOUNT virtual
 * time with eight CPU-bound domUs of weights 1..8 (bvt.mcu_adv = 840 /
 * weight) while dom0 sleeps on set_timer_op for a 1.44 s window (four
 * rounds of the 36-tick pattern); each domU's cpu_time over the window
 * is within the tolerance of its share (w/36) of what they ran in all.
 */
#include "../dom0op_sched_common/sched_shares.h"

#define WINDOW  (1440 * NSEC_PER_MSEC)

static const uint32_t mcu_adv[] = { 840, 420, 280, 210, 168, 140, 120, 105 };

void test_main(void)
{
    if (!guest_is_dom0())
        domu_spin();
    check_bvt_shares(mcu_adv, ARRAY_SIZE(mcu_adv), WINDOW, 10000);
}
