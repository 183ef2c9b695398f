/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * time_settime: DOM0_SETTIME (ABI.md §8, §10), in ICOUNT virtual time.
 * SETTIME(secs, usecs, system_time) returns 0; the wall clock then reads
 * secs.usecs at that system time, so in the caller's refreshed copy
 * wc = secs.usecs + (stamp - system_time). Cases: the current stamp; 2 ms
 * in the past with usecs 999000 (carrying into secs); 100 ms in the
 * future; system time 0, i.e. boot (usecs 700000 plus the time since
 * boot: whole seconds carried). Each time the
 * caller receives VIRQ_TIMER at once (no tick in between) and its copy
 * is already the new one. Afterwards the wall clock keeps following
 * system time exactly: +10000 us a tick.
 */
#include <guest/domctl.h>
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

#define SECS    1800000000u
#define MS      ((int64_t)NSEC_PER_MSEC)

struct settime_case {
    const char *what;
    uint32_t secs, usecs;
    int64_t offset_ns;          /* system_time argument - the current stamp */
    bool at_boot;               /* system_time argument 0 instead */
};

static const struct settime_case cases[] = {
    { "at the current stamp", SECS, 250000, 0, false },
    { "2 ms in the past, usecs 999000", SECS + 10, 999000, -2 * MS, false },
    { "100 ms in the future", SECS + 20, 500000, 100 * MS, false },
    { "system time 0, usecs 700000", SECS + 30, 700000, 0, true },
};

static void run_case(const struct settime_case *c, unsigned int port)
{
    struct time_info a, b;
    uint64_t base, want;
    bool pending;
    long rc;

    if (!time_wait_tick(&a, TIME_WAIT_CYCLES)) {
        xtf_failure("Fail: %s: no tick refresh\n", c->what);
        return;
    }
    evtchn_clear(port);
    base = c->at_boot ? 0 : a.system_time + (uint64_t)c->offset_ns;
    rc = dom0_settime(c->secs, c->usecs, base);
    pending = evtchn_is_pending(port);
    time_read(&b);
    if (rc != 0) {
        xtf_failure("Fail: %s: SETTIME expected 0 got %ld\n", c->what, rc);
        return;
    }
    if (b.system_time != a.system_time) {
        xtf_error("Error: %s: a tick came during SETTIME\n", c->what);
        return;
    }
    if (!pending)
        xtf_failure("Fail: %s: expected VIRQ_TIMER pending after SETTIME\n", c->what);
    want = (uint64_t)c->secs * USEC_PER_SEC + c->usecs +
           (uint64_t)((int64_t)(b.system_time - base) / (int64_t)NSEC_PER_USEC);
    if (time_wc_usecs(&b) != want || b.wc_usec >= USEC_PER_SEC)
        xtf_failure("Fail: %s: expected wall clock %llu.%06llu got %u.%06u\n", c->what,
                    (unsigned long long)(want / USEC_PER_SEC),
                    (unsigned long long)(want % USEC_PER_SEC), b.wc_sec, b.wc_usec);
}

/* After the last case: the clock keeps running with system time. */
static void check_follows(void)
{
    struct time_info a, b;
    unsigned int i;

    time_read(&a);
    for (i = 1; i <= 5; i++) {
        if (!time_wait_tick(&b, TIME_WAIT_CYCLES)) {
            xtf_failure("Fail: tick %u after SETTIME never came\n", i);
            return;
        }
        if (time_wc_usecs(&b) - time_wc_usecs(&a) !=
            (b.system_time - a.system_time) / NSEC_PER_USEC)
            xtf_failure("Fail: tick %u after SETTIME: wall clock %u.%06u -> %u.%06u over "
                        "%llu ns\n", i, a.wc_sec, a.wc_usec, b.wc_sec, b.wc_usec,
                        (unsigned long long)(b.system_time - a.system_time));
        a = b;
    }
}

void test_main(void)
{
    unsigned int i, port;

    if (!time_test_timer_ready(&port))
        return;
    for (i = 0; i < ARRAY_SIZE(cases); i++)
        run_case(&cases[i], port);
    check_follows();
    xtf_success(NULL);
}
