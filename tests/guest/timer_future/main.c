/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * timer_future: set_timer_op wakes a blocked domain at its deadline
 * (ABI.md §8, §9), in ICOUNT virtual time. Right after a tick refresh dom0
 * arms set_timer_op(now + d) (returns 0) and blocks; nothing else can wake
 * it (a blocked domain gets no tick refreshes). For d = 30 ms, 1 ms,
 * 14.5 ms and 20 ms: block returns 0; dom0 wakes no earlier than the
 * deadline and no later than one tick (+1 ms) after it; VIRQ_TIMER was
 * delivered once; and its time fields were refreshed (the stamp is less
 * than a tick old).
 */
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

#define LATE_NS (TIME_TICK_NS + NSEC_PER_MSEC)

static void one_timer(unsigned int port, uint64_t delta)
{
    struct time_info tick, after;
    uint64_t deadline, woke;
    unsigned int fired;
    long rc, brc;

    if (!time_wait_tick(&tick, TIME_WAIT_CYCLES)) {
        xtf_failure("Fail: +%llu ns: no tick refresh\n", (unsigned long long)delta);
        return;
    }
    deadline = time_ns_at(&tick, rdtsc()) + delta;
    time_drain_events();
    fired = evtchn_fired[port];
    rc = HYPERVISOR_set_timer_op(deadline);
    brc = HYPERVISOR_block();
    woke = time_now();
    events_disable();
    time_read(&after);
    if (rc != 0 || brc != 0)
        xtf_failure("Fail: +%llu ns: set_timer_op and block: expected 0, 0 got %ld, %ld\n",
                    (unsigned long long)delta, rc, brc);
    if (woke < deadline)
        xtf_failure("Fail: +%llu ns: woke %llu ns before the deadline\n",
                    (unsigned long long)delta, (unsigned long long)(deadline - woke));
    else if (woke - deadline > LATE_NS)
        xtf_failure("Fail: +%llu ns: woke %llu ns after the deadline (allowed %llu)\n",
                    (unsigned long long)delta, (unsigned long long)(woke - deadline),
                    LATE_NS);
    if (evtchn_fired[port] != fired + 1)
        xtf_failure("Fail: +%llu ns: expected VIRQ_TIMER delivered once got %u\n",
                    (unsigned long long)delta, evtchn_fired[port] - fired);
    if (woke - after.system_time > LATE_NS)
        xtf_failure("Fail: +%llu ns: stale time stamp %llu at %llu\n",
                    (unsigned long long)delta, (unsigned long long)after.system_time,
                    (unsigned long long)woke);
}

void test_main(void)
{
    unsigned int port;

    if (!time_test_timer_ready(&port))
        return;
    one_timer(port, 30 * NSEC_PER_MSEC);
    one_timer(port, 1 * NSEC_PER_MSEC);
    one_timer(port, 14500 * NSEC_PER_USEC);
    one_timer(port, 20 * NSEC_PER_MSEC);
    xtf_success(NULL);
}
