/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * time_version_protocol: the time fields' version protocol (ABI.md §4, §8).
 * Read at rest, time_version1 == time_version2. While dom0 runs, each
 * 10 ms tick refreshes its time fields and, the stamp having changed,
 * sends VIRQ_TIMER. Polled with upcalls masked: between two VIRQ_TIMER
 * events system_time grows by exactly one tick, the versions are equal
 * again, and they grew by 1 or 2: the tick's refresh, plus possibly a
 * reschedule onto the same domain, which refreshes without changing the
 * stamp (Xen 2.0 does so too). Then with upcalls on, the handler sees the
 * same at each event.
 */
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

#define ROUNDS  10

static struct time_info seen[ROUNDS + 1];
static volatile unsigned int nr_seen;

static void check_versions_equal(const char *when)
{
    uint32_t v1 = shared_info->time_version1, v2 = shared_info->time_version2;

    if (v1 != v2)
        xtf_failure("Fail: %s: expected version1 == version2 got %u and %u\n", when, v1, v2);
}

static void on_timer(unsigned int port, struct cpu_regs *regs, void *arg)
{
    if (nr_seen <= ROUNDS)
        time_read(&seen[nr_seen++]);
}

/* Waits for the port to become pending; false after TIME_WAIT_CYCLES. */
static bool wait_pending(unsigned int port)
{
    uint64_t start = rdtsc();

    while (!evtchn_is_pending(port))
        if (rdtsc() - start > TIME_WAIT_CYCLES)
            return false;
    return true;
}

static void check_step(const char *how, unsigned int i, const struct time_info *a,
                       const struct time_info *b)
{
    if (b->version - a->version - 1 > 1)
        xtf_failure("Fail: %s, event %u: expected version %u or %u got %u\n", how, i,
                    a->version + 1, a->version + 2, b->version);
    if (b->system_time != a->system_time + TIME_TICK_NS)
        xtf_failure("Fail: %s, event %u: expected system_time %llu got %llu\n", how, i,
                    (unsigned long long)(a->system_time + TIME_TICK_NS),
                    (unsigned long long)b->system_time);
}

static void masked_rounds(unsigned int port)
{
    struct time_info prev, cur;
    unsigned int i;

    evtchn_clear(port);
    if (!wait_pending(port)) {
        xtf_failure("Fail: no VIRQ_TIMER while dom0 ran (upcalls masked)\n");
        return;
    }
    /* Right after a refresh: the next one is a tick away. */
    evtchn_clear(port);
    time_read(&prev);
    for (i = 1; i <= ROUNDS; i++) {
        if (!wait_pending(port)) {
            xtf_failure("Fail: masked, event %u never came\n", i);
            return;
        }
        time_read(&cur);
        evtchn_clear(port);
        check_versions_equal("masked, after an event");
        check_step("masked", i, &prev, &cur);
        prev = cur;
    }
}

static void upcall_rounds(unsigned int port)
{
    uint64_t start = rdtsc();
    unsigned int i;

    evtchn_set_handler(port, on_timer, NULL);
    nr_seen = 0;
    evtchn_clear(port);
    events_enable();
    while (nr_seen <= ROUNDS && rdtsc() - start < 4 * TIME_WAIT_CYCLES)
        barrier();
    events_disable();
    evtchn_set_handler(port, NULL, NULL);
    if (nr_seen <= ROUNDS) {
        xtf_failure("Fail: with upcalls: expected %u VIRQ_TIMER events got %u\n",
                    ROUNDS + 1, nr_seen);
        return;
    }
    for (i = 1; i <= ROUNDS; i++)
        check_step("with upcalls", i, &seen[i - 1], &seen[i]);
}

void test_main(void)
{
    unsigned int port;

    if (!time_test_timer_ready(&port))
        return;
    check_versions_equal("at rest");
    masked_rounds(port);
    upcall_rounds(port);
    check_versions_equal("at the end");
    xtf_success(NULL);
}
