/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sched_fallback: [tessera] booted with sched=nosuch, the hypervisor warns
 * "sched=nosuch: no such scheduler in this build, using bvt" and runs
 * its default, BVT (SCHED_ID 0). Xen 2.0 silently runs Atropos, the last
 * one it tried (quirk). The scheduler works: a 20 ms set_timer_op sleep
 * wakes dom0 again.
 */
#include "../dom0op_sched_common/sched_helpers.h"

#define WARNING "sched=nosuch: no such scheduler in this build, using bvt"

void test_main(void)
{
    uint32_t id = 0xDEAD;
    uint64_t t0;
    long rc = sched_id_get(&id);

    if (rc != 0 || id != SCHED_BVT)
        xtf_failure("Fail: SCHED_ID: expected 0 and %u got %ld, %u\n", SCHED_BVT, rc, id);
    if (!console_has(WARNING))
        xtf_failure("Fail: no console line \"%s\"\n", WARNING);
    if (!time_test_timer_ready(NULL))
        return;
    t0 = time_now();
    time_sleep_until(t0 + 20 * NSEC_PER_MSEC);
    if (time_now() < t0 + 20 * NSEC_PER_MSEC)
        xtf_failure("Fail: the 20 ms sleep ended early\n");
    xtf_success(NULL);
}
