/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sched_bvt_warp_latency: BVT warping (ABI.md §9) in ICOUNT virtual time.
 * Domain 1 is warped (bvt.warp=1000000 bvt.warpback=1; warpl 1 s, warpu
 * 10 ms) and has a low weight (bvt.mcu_adv=2000: each short run costs it
 * as much virtual time as 20 ms costs the others, so without the warp it
 * would soon wake behind them and wait for the CPU); domains 2-9 are
 * CPU-bound (mcu_adv 10). Domain 1 repeatedly sleeps with
 * set_timer_op until a tick 1-3 ticks ahead (timers are checked at
 * ticks, so a deadline on a tick is when it wakes) and measures how late
 * it runs: every one of its 24 dispatches is within 1 ms of the wake-up.
 * It shuts down with the worst lateness in units of 10 us (capped at
 * 200; SETUP_FAILED if it could not bind its timer), which dom0 reads.
 * [tessera]: a warp larger than the domain's virtual time clamps its
 * evt at 0; Xen 2.0 wraps it to near 2^32, the back of the queue
 * (sched/bvt.c).
 */
#include "../dom0op_sched_common/sched_helpers.h"

#define ROUNDS          24
#define UNIT_NS         (10 * NSEC_PER_USEC)
#define CODE_CAP        200
#define SETUP_FAILED    250
#define LIMIT_NS        NSEC_PER_MSEC

static void warped_main(void)
{
    uint64_t worst = 0, deadline, late;
    struct time_info t;
    unsigned int port, i;

    if (evtchn_bind_virq(VIRQ_TIMER, &port) != 0)
        guest_shutdown(SETUP_FAILED);
    events_disable();
    for (i = 0; i < ROUNDS; i++) {
        time_read(&t);
        /* system_time is the last tick's: aim at a tick 1-3 ticks on. */
        deadline = t.system_time + (1 + i % 3) * TIME_TICK_NS;
        if (deadline <= time_now())
            deadline += TIME_TICK_NS;
        time_sleep_until(deadline);
        late = time_now() - deadline;
        if (late > worst)
            worst = late;
    }
    guest_shutdown(worst / UNIT_NS > CODE_CAP ? CODE_CAP : (unsigned int)(worst / UNIT_NS));
}

void test_main(void)
{
    dom0_getdomaininfo_t info;
    uint64_t until;
    unsigned int code;
    int rc = DOM0_WAIT_RUNNING;

    if (!guest_is_dom0()) {
        if (strstr((const char *)start_info->cmd_line, "name=warped"))
            warped_main();
        domu_spin();
    }
    if (!time_test_timer_ready(NULL))
        return;
    until = time_now() + 3 * NSEC_PER_SEC;
    while (rc == DOM0_WAIT_RUNNING && time_now() < until) {
        time_sleep_until(time_now() + 100 * NSEC_PER_MSEC);
        rc = dom0_wait_stopped(1, 0, &info);
    }
    if (rc < 0) {
        xtf_failure("Fail: the warped domain did not finish (%d, flags %#x)\n", rc, info.flags);
        return;
    }
    code = (unsigned int)rc;
    if (code == SETUP_FAILED) {
        xtf_error("Error: the warped domain could not bind VIRQ_TIMER\n");
        return;
    }
    printf("worst dispatch latency of the warped domain: %u us%s\n", code * 10,
           code == CODE_CAP ? " or more" : "");
    if (code * UNIT_NS > LIMIT_NS)
        xtf_failure("Fail: a wake-up of the warped domain ran %u us late: expected <= 1 ms\n",
                    code * 10);
    xtf_success(NULL);
}
