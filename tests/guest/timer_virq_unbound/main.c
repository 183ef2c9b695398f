/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * timer_virq_unbound: with VIRQ_TIMER unbound, timer events land on port 0
 * (VIRQ_MISDIRECT; ABI.md §7, §8), in ICOUNT virtual time. Nothing binds
 * VIRQ_TIMER at first:
 *  1. set_timer_op(1) makes port 0 pending within 1 ms, before the next tick.
 *  2. A tick refresh while dom0 runs makes port 0 pending too.
 *  3. set_timer_op(now + 20 ms) then block: port 0 wakes dom0 within a
 *     tick after the deadline, delivered once.
 *  4. Once VIRQ_TIMER is bound to port P, set_timer_op(1) marks P pending
 *     and leaves port 0 clear.
 */
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

#define LATE_NS (TIME_TICK_NS + NSEC_PER_MSEC)

static bool pending_within(unsigned int port, uint64_t cycles)
{
    uint64_t start = rdtsc();

    while (!evtchn_is_pending(port) && rdtsc() - start < cycles)
        barrier();
    return evtchn_is_pending(port);
}

static void past_timer(const char *what, unsigned int port, unsigned int other)
{
    struct time_info tick, t;
    bool fired;
    long rc;

    if (!time_wait_tick(&tick, TIME_WAIT_CYCLES)) {
        xtf_failure("Fail: %s: no tick refresh\n", what);
        return;
    }
    evtchn_clear(port);
    evtchn_clear(other);
    rc = HYPERVISOR_set_timer_op(1);
    fired = pending_within(port, tick.cpu_freq / 1000);
    time_read(&t);
    if (rc != 0)
        xtf_failure("Fail: %s: set_timer_op(1) expected 0 got %ld\n", what, rc);
    if (t.system_time != tick.system_time) {
        xtf_error("Error: %s: a tick came before the check\n", what);
        return;
    }
    if (!fired)
        xtf_failure("Fail: %s: expected port %u pending within 1 ms\n", what, port);
    if (other != port && evtchn_is_pending(other))
        xtf_failure("Fail: %s: port %u pending too\n", what, other);
}

static void tick_on_port0(void)
{
    struct time_info tick;

    if (!time_wait_tick(&tick, TIME_WAIT_CYCLES))
        return;
    evtchn_clear(0);
    if (!pending_within(0, 2 * tick.cpu_freq / 100))
        xtf_failure("Fail: a tick refresh did not make port 0 pending\n");
}

static void block_on_port0(void)
{
    struct time_info tick;
    uint64_t deadline, woke;
    unsigned int fired;

    if (!time_wait_tick(&tick, TIME_WAIT_CYCLES))
        return;
    deadline = time_ns_at(&tick, rdtsc()) + 20 * NSEC_PER_MSEC;
    HYPERVISOR_set_timer_op(deadline);
    time_drain_events();
    fired = evtchn_fired[0];
    HYPERVISOR_block();
    woke = time_now();
    events_disable();
    if (woke < deadline || woke - deadline > LATE_NS)
        xtf_failure("Fail: blocked on port 0: deadline %llu, woke at %llu\n",
                    (unsigned long long)deadline, (unsigned long long)woke);
    if (evtchn_fired[0] != fired + 1)
        xtf_failure("Fail: blocked on port 0: expected 1 delivery got %u\n",
                    evtchn_fired[0] - fired);
}

void test_main(void)
{
    unsigned int port;
    long rc;

    if (!time_test_ready())
        return;
    events_disable();
    evtchn_unmask(0);
    past_timer("unbound", 0, 0);
    tick_on_port0();
    block_on_port0();

    rc = evtchn_bind_virq(VIRQ_TIMER, &port);
    if (rc != 0 || port == 0) {
        xtf_failure("Fail: bind_virq(TIMER): expected 0 and a port > 0 got %ld, %u\n", rc,
                    port);
        return;
    }
    past_timer("bound", port, 0);
    xtf_success(NULL);
}
