/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * timer_cancel: set_timer_op(0) cancels the domain's timer (ABI.md §8),
 * in ICOUNT virtual time. A blocked domain is woken only by an event and
 * gets no tick refreshes, so a domU blocked with its timer cancelled must
 * stay blocked. The domU tells dom0 each time it is about to block with
 * an event on an interdomain channel (dom0's port 1); dom0 waits by
 * yielding, so it works whichever domain the scheduler prefers.
 *  1. Control: the domU arms set_timer_op(now + 20 ms) and blocks; it
 *     must wake within [deadline, deadline + a tick + 1 ms].
 *  2. It arms now + 20 ms, cancels with 0 (both return 0) and blocks;
 *     50 ms after its signal dom0 still finds it BLOCKED. Waking would
 *     make it shut down with step 12.
 */
#include <guest/domctl.h>
#include <guest/events.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

#define DELAY_NS    (20 * NSEC_PER_MSEC)
#define WATCH_NS    (50 * NSEC_PER_MSEC)
#define LATE_NS     (TIME_TICK_NS + NSEC_PER_MSEC)
#define WAIT_NS     (2 * NSEC_PER_SEC)
#define PORT        1       /* dom0's end of the interdomain channel */

static const char *const steps[] = {
    [1] = "bind_virq(TIMER) failed", [2] = "bind_interdomain(SELF, 0, 0, 1) failed",
    [3] = "no tick refresh", [4] = "set_timer_op(now + 20 ms) did not return 0",
    [5] = "send failed", [6] = "control: woke before its deadline",
    [7] = "control: woke more than a tick after its deadline", [8] = "no tick refresh",
    [9] = "set_timer_op(now + 20 ms) did not return 0", [10] = "set_timer_op(0) did not return 0",
    [11] = "send failed", [12] = "woke from the block with its timer cancelled",
};

static void domu_main(void)
{
    unsigned int tport, local = 0;
    struct time_info tick;
    uint64_t deadline, woke;

    domu_expect(1, evtchn_bind_virq(VIRQ_TIMER, &tport), 0);
    domu_expect(2, domu_bind_dom0(PORT, &local), 0);
    events_disable();

    domu_expect(3, time_wait_tick(&tick, TIME_WAIT_CYCLES), true);
    deadline = time_ns_at(&tick, rdtsc()) + DELAY_NS;
    domu_expect(4, HYPERVISOR_set_timer_op(deadline), 0);
    domu_expect(5, evtchn_send(local), 0);
    time_drain_events();
    HYPERVISOR_block();
    woke = time_now();
    domu_expect(6, woke >= deadline, true);
    domu_expect(7, woke - deadline <= LATE_NS, true);

    domu_expect(8, time_wait_tick(&tick, TIME_WAIT_CYCLES), true);
    domu_expect(9, HYPERVISOR_set_timer_op(time_ns_at(&tick, rdtsc()) + DELAY_NS), 0);
    domu_expect(10, HYPERVISOR_set_timer_op(0), 0);
    domu_expect(11, evtchn_send(local), 0);
    time_drain_events();
    HYPERVISOR_block();
    guest_shutdown(DOMU_FAIL(12));
}

/* The domU's flags; a stop is reported with its step. */
static uint32_t domu_flags(const char *when)
{
    dom0_getdomaininfo_t info;
    unsigned int code;

    if (!dom0_domain_present(1, &info)) {
        xtf_failure("Fail: %s: domain 1 is gone\n", when);
        return DOMFLAGS_DYING;
    }
    if (info.flags & (DOMFLAGS_SHUTDOWN | DOMFLAGS_CRASHED)) {
        code = domflags_shutdown_code(info.flags);
        xtf_failure("Fail: %s: the domU stopped (flags %#x): %s\n", when, info.flags,
                    domu_step_text(steps, ARRAY_SIZE(steps), code, "?"));
    }
    return info.flags;
}

/* Yields until `signals` events came on port and the domU is blocked. */
static bool wait_blocked(unsigned int port, unsigned int signals, const char *when)
{
    uint64_t start = time_now();
    uint32_t flags;

    while (time_now() - start < WAIT_NS) {
        flags = domu_flags(when);
        if (flags & (DOMFLAGS_SHUTDOWN | DOMFLAGS_CRASHED | DOMFLAGS_DYING))
            return false;
        if (evtchn_fired[port] >= signals && (flags & DOMFLAGS_BLOCKED))
            return true;
        HYPERVISOR_yield();
    }
    xtf_failure("Fail: %s: expected signal %u and the domU blocked within 2 s, got %u "
                "signals, flags %#x\n", when, signals, evtchn_fired[port], domu_flags(when));
    return false;
}

void test_main(void)
{
    uint64_t start;
    uint32_t flags;

    if (!guest_is_dom0())
        domu_main();
    if (!time_test_ready() || !dom0_offer_port(1, PORT))
        return;
    events_enable();
    if (!wait_blocked(PORT, 1, "control") || !wait_blocked(PORT, 2, "cancelled"))
        return;
    start = time_now();
    while (time_now() - start < WATCH_NS)
        HYPERVISOR_yield();
    flags = domu_flags("50 ms after the cancelled block");
    if (!(flags & (DOMFLAGS_SHUTDOWN | DOMFLAGS_CRASHED | DOMFLAGS_DYING)) &&
        !(flags & DOMFLAGS_BLOCKED))
        xtf_failure("Fail: 50 ms after blocking with its timer cancelled the domU's flags are "
                    "%#x: expected BLOCKED\n", flags);
    xtf_success(NULL);
}
