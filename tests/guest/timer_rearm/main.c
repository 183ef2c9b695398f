/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * timer_rearm: a domain has one set_timer_op timer; setting it again
 * replaces the deadline (ABI.md §8), in ICOUNT virtual time. Right after
 * a tick refresh, with nothing else able to wake dom0 while it blocks:
 *  1. set(now + 15 ms), set(now + 45 ms), block: it wakes at the later
 *     deadline (within a tick), not at 15 ms.
 *  2. set(now + 45 ms), set(now + 15 ms), block: it wakes at 15 ms; then
 *     set(start + 80 ms) and block: it wakes at 80 ms, so the 45 ms
 *     deadline did not survive anywhere.
 */
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

#define MS          NSEC_PER_MSEC
#define LATE_NS     (TIME_TICK_NS + NSEC_PER_MSEC)

static unsigned int port;

/* Blocks once; checks the wake came in [deadline, deadline + LATE_NS]. */
static void block_until(const char *what, uint64_t deadline)
{
    uint64_t woke;
    long rc;

    time_drain_events();
    rc = HYPERVISOR_block();
    woke = time_now();
    events_disable();
    if (rc != 0)
        xtf_failure("Fail: %s: block expected 0 got %ld\n", what, rc);
    if (woke < deadline)
        xtf_failure("Fail: %s: woke %llu ns before the deadline\n", what,
                    (unsigned long long)(deadline - woke));
    else if (woke - deadline > LATE_NS)
        xtf_failure("Fail: %s: woke %llu ns after the deadline\n", what,
                    (unsigned long long)(woke - deadline));
}

static uint64_t tick_now(void)
{
    struct time_info tick;

    if (!time_wait_tick(&tick, TIME_WAIT_CYCLES))
        xtf_failure("Fail: no tick refresh\n");
    return time_ns_at(&tick, rdtsc());
}

static void set_timer(const char *what, uint64_t deadline)
{
    long rc = HYPERVISOR_set_timer_op(deadline);

    if (rc != 0)
        xtf_failure("Fail: %s: set_timer_op expected 0 got %ld\n", what, rc);
}

void test_main(void)
{
    uint64_t start;

    if (!time_test_timer_ready(&port))
        return;
    start = tick_now();
    set_timer("later: first", start + 15 * MS);
    set_timer("later: second", start + 45 * MS);
    block_until("moved later to 45 ms", start + 45 * MS);

    start = tick_now();
    set_timer("earlier: first", start + 45 * MS);
    set_timer("earlier: second", start + 15 * MS);
    block_until("moved earlier to 15 ms", start + 15 * MS);
    set_timer("earlier: third", start + 80 * MS);
    block_until("re-armed at 80 ms after the 15 ms one fired", start + 80 * MS);
    xtf_success(NULL);
}
