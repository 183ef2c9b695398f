/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * time_blocked_no_refresh: time fields are refreshed only while a domain
 * runs, when it is scheduled in and when its timer fires (ABI.md §8), in
 * ICOUNT virtual time. A domU with VIRQ_TIMER bound and no timer blocks
 * right after a tick refresh (version v). Dom0 spins 100 ms (10 ticks),
 * checks the domU is still BLOCKED (no tick woke it), then sends on an
 * interdomain channel (dom0's port 1). Back on the CPU, the domU finds
 * its time fields refreshed exactly once (version v + 1: the schedule-in)
 * with system time at least 100 ms later, and the channel's event
 * delivered once; it reports with its shutdown code.
 */
#include <guest/domctl.h>
#include <guest/events.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

#define WATCH_NS    (100 * NSEC_PER_MSEC)
#define PORT        1       /* dom0's end of the interdomain channel */

static const char *const steps[] = {
    [1] = "bind_virq(TIMER) failed", [2] = "bind_interdomain(SELF, 0, 0, 1) failed",
    [3] = "no tick refresh", [4] = "version did not grow by exactly 1 while blocked",
    [5] = "system time moved less than 100 ms", [6] = "the channel's event not delivered once",
};

static void domu_main(void)
{
    unsigned int tport, local = 0;
    struct time_info a, b;

    domu_expect(1, evtchn_bind_virq(VIRQ_TIMER, &tport), 0);
    domu_expect(2, domu_bind_dom0(PORT, &local), 0);
    events_disable();
    domu_expect(3, time_wait_tick(&a, TIME_WAIT_CYCLES), true);
    time_drain_events();
    HYPERVISOR_block();
    time_read(&b);
    events_disable();
    domu_expect(4, b.version, a.version + 1);
    domu_expect(5, b.system_time - a.system_time >= WATCH_NS, true);
    domu_expect(6, evtchn_fired[local], 1);
    guest_shutdown(DOMU_OK);
}

static bool domu_blocked(const char *when, bool report)
{
    dom0_getdomaininfo_t info;

    if (!dom0_domain_present(1, &info)) {
        xtf_failure("Fail: %s: domain 1 is gone\n", when);
        return false;
    }
    if (info.flags & (DOMFLAGS_SHUTDOWN | DOMFLAGS_CRASHED)) {
        unsigned int code = domflags_shutdown_code(info.flags);

        xtf_failure("Fail: %s: the domU stopped (flags %#x): %s\n", when, info.flags,
                    domu_step_text(steps, ARRAY_SIZE(steps), code, "?"));
        return false;
    }
    if (report && !(info.flags & DOMFLAGS_BLOCKED))
        xtf_failure("Fail: %s: expected the domU BLOCKED, flags %#x\n", when, info.flags);
    return info.flags & DOMFLAGS_BLOCKED;
}

void test_main(void)
{
    dom0_getdomaininfo_t info;
    unsigned int i;
    uint64_t start;
    long rc;

    if (!guest_is_dom0())
        domu_main();
    if (!time_test_ready() || !dom0_offer_port(1, PORT))
        return;
    for (i = 0; i < DOM0_WAIT_YIELDS; i++) {
        if (domu_blocked("waiting for the block", false))
            break;
        if (xtf_has_failed())
            return;
        HYPERVISOR_yield();
    }
    start = time_now();
    while (time_now() - start < WATCH_NS)
        barrier();
    if (!domu_blocked("after 100 ms", true))
        return;
    rc = evtchn_send(PORT);
    if (rc != 0)
        xtf_failure("Fail: send(1): expected 0 got %ld\n", rc);
    if (dom0_wait_stopped(1, DOM0_WAIT_YIELDS, &info) != DOMU_OK) {
        unsigned int code = domflags_shutdown_code(info.flags);

        xtf_failure("Fail: the domU (flags %#x): %s\n", info.flags,
                    domu_step_text(steps, ARRAY_SIZE(steps), code, "did not finish"));
    }
    xtf_success(NULL);
}
