/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * timer_past_fires: set_timer_op with a time already past fires at once
 * (ABI.md §8). Right after a tick refresh, with upcalls masked and
 * VIRQ_TIMER's port clear, set_timer_op(t) returns 0 and VIRQ_TIMER is
 * pending within 1 ms, before the next tick, for t = 1, now - 1 ms, now
 * and the current stamp. A hi word with the lo word 0 (2^32 ns, ~4.3 s
 * ahead when the test starts early) must not fire within that window.
 */
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

/* check_fires(rel): the time stamp of the refresh just seen. */
#define AT_STAMP    INT64_MIN

/* Fired: pending within 1 ms of TSC and while still in the same tick. */
static bool fires_soon(unsigned int port, const struct time_info *tick, bool *same_tick)
{
    uint64_t start = rdtsc();
    struct time_info t;

    while (!evtchn_is_pending(port) && rdtsc() - start < tick->cpu_freq / 1000)
        barrier();
    time_read(&t);
    *same_tick = t.system_time == tick->system_time;
    return evtchn_is_pending(port);
}

static void check_fires(unsigned int port, const char *what, int64_t rel, uint64_t abs)
{
    struct time_info tick;
    uint64_t when;
    bool fired, same;
    long rc;

    if (!time_wait_tick(&tick, TIME_WAIT_CYCLES)) {
        xtf_failure("Fail: %s: no tick refresh\n", what);
        return;
    }
    if (rel == AT_STAMP)
        when = tick.system_time;
    else
        when = abs ? abs : time_ns_at(&tick, rdtsc()) + (uint64_t)rel;
    evtchn_clear(port);
    rc = HYPERVISOR_set_timer_op(when);
    fired = fires_soon(port, &tick, &same);
    if (rc != 0)
        xtf_failure("Fail: set_timer_op(%s): expected 0 got %ld\n", what, rc);
    if (!same)
        xtf_error("Error: %s: a tick came before the check\n", what);
    else if (!fired)
        xtf_failure("Fail: set_timer_op(%s = %llu): expected VIRQ_TIMER within 1 ms\n", what,
                    (unsigned long long)when);
}

void test_main(void)
{
    struct time_info tick;
    unsigned int port;
    bool same;
    long rc;

    if (!time_test_timer_ready(&port))
        return;
    check_fires(port, "1", 0, 1);
    check_fires(port, "now - 1 ms", -(int64_t)NSEC_PER_MSEC, 0);
    check_fires(port, "now", 0, 0);
    check_fires(port, "the current stamp", AT_STAMP, 0);

    if (time_now() < (1ull << 32) - 100 * NSEC_PER_MSEC) {
        if (!time_wait_tick(&tick, TIME_WAIT_CYCLES))
            return;
        evtchn_clear(port);
        rc = HYPERVISOR_set_timer_op(1ull << 32);
        if (rc != 0)
            xtf_failure("Fail: set_timer_op(2^32): expected 0 got %ld\n", rc);
        if (fires_soon(port, &tick, &same) && same)
            xtf_failure("Fail: set_timer_op(2^32 ns, in the future) fired at once\n");
        HYPERVISOR_set_timer_op(0);
    }
    xtf_success(NULL);
}
