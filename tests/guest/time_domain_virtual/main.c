/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * time_domain_virtual: Tessera's domain virtual time (shared_info
 * domain_time, ns the domain has run as of the refresh; ABI.md §4, §8
 * say Xen 2.0 leaves it 0, and then this test SKIPs), in ICOUNT virtual
 * time. With dom0 alone:
 *  1. Spinning for 5 ticks, domain_time advances as much as system time,
 *     within a tick, and never exceeds system time.
 *  2. Across a 50 ms block (time_sleep_until: set_timer_op and
 *     SCHEDOP_block) it stands still: less than 1 ms advance while system
 *     time moved at least 40 ms (the stamp is a tick's).
 */
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

static void check_bounds(const char *when, const struct time_info *t)
{
    if (t->domain_time > t->system_time)
        xtf_failure("Fail: %s: domain_time %llu exceeds system_time %llu\n", when,
                    (unsigned long long)t->domain_time, (unsigned long long)t->system_time);
}

static bool ticks(struct time_info *t, unsigned int n)
{
    while (n--)
        if (!time_wait_tick(t, TIME_WAIT_CYCLES))
            return false;
    return true;
}

void test_main(void)
{
    struct time_info a, b;
    uint64_t ds, dd, deadline;
    unsigned int port;
    long rc;

    if (!time_test_ready())
        return;
    if (!ticks(&a, 1) || !ticks(&b, 5)) {
        xtf_failure("Fail: system_time never changed while dom0 ran\n");
        return;
    }
    if (b.domain_time == 0) {
        xtf_skip("Skip: domain_time stays 0 (as in Xen 2.0)\n");
        return;
    }
    check_bounds("spinning", &b);
    ds = b.system_time - a.system_time;
    dd = b.domain_time - a.domain_time;
    if (dd + TIME_TICK_NS < ds || dd > ds + TIME_TICK_NS)
        xtf_failure("Fail: spinning: system time +%llu ns, domain_time +%llu: expected equal "
                    "within a tick\n", (unsigned long long)ds, (unsigned long long)dd);

    rc = evtchn_bind_virq(VIRQ_TIMER, &port);
    if (rc != 0) {
        xtf_error("Error: bind_virq(TIMER): expected 0 got %ld\n", rc);
        return;
    }
    events_disable();
    if (!ticks(&a, 1))
        return;
    deadline = time_ns_at(&a, rdtsc()) + 50 * NSEC_PER_MSEC;
    time_sleep_until(deadline);
    time_read(&b);
    check_bounds("after the block", &b);
    ds = b.system_time - a.system_time;
    dd = b.domain_time - a.domain_time;
    if (ds < 40 * NSEC_PER_MSEC)
        xtf_error("Error: the 50 ms block ended after %llu ns of system time\n",
                  (unsigned long long)ds);
    if (dd >= NSEC_PER_MSEC)
        xtf_failure("Fail: blocked for %llu ns of system time, domain_time +%llu: expected "
                    "< 1 ms\n", (unsigned long long)ds, (unsigned long long)dd);
    xtf_success(NULL);
}
