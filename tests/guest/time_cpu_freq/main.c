/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * time_cpu_freq: cpu_freq relates the TSC to system time (ABI.md §4, §8).
 * cpu_freq is nonzero; over 10 ticks (100 ms of system time) the TSC
 * advanced by cpu_freq * elapsed within 1%; right after a refresh the TSC
 * stamp is less than 1 ms old; and at each refresh the time interpolated
 * from the previous stamp (the last reading before the refresh) is within
 * 100 us of the new stamp.
 */
#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

#define TICKS   10

static void check_fresh(unsigned int i, const struct time_info *t, uint64_t tsc)
{
    if (tsc < t->tsc_timestamp || tsc - t->tsc_timestamp > t->cpu_freq / 1000)
        xtf_failure("Fail: refresh %u: rdtsc %llu vs tsc_timestamp %llu: expected < 1 ms "
                    "after it\n", i, (unsigned long long)tsc,
                    (unsigned long long)t->tsc_timestamp);
}

/* Spins to the next refresh; checks the interpolation met the new stamp. */
static bool next_tick(unsigned int i, struct time_info *t)
{
    struct time_info cur, prev;
    uint64_t last = 0, tsc, start = rdtsc();

    time_read(&prev);
    for (;;) {
        time_read(&cur);
        tsc = rdtsc();
        if (cur.system_time != prev.system_time)
            break;
        last = time_ns_at(&cur, tsc);
        if (tsc - start > TIME_WAIT_CYCLES)
            return false;
    }
    check_fresh(i, &cur, tsc);
    if (last && (last > cur.system_time + 100 * NSEC_PER_USEC ||
                 last + 100 * NSEC_PER_USEC < cur.system_time))
        xtf_failure("Fail: refresh %u: interpolated %llu just before the stamp %llu: "
                    "expected within 100 us\n", i, (unsigned long long)last,
                    (unsigned long long)cur.system_time);
    *t = cur;
    return true;
}

void test_main(void)
{
    struct time_info a, b;
    uint64_t dtsc, dns, want;
    unsigned int i;

    if (!time_test_ready())
        return;
    if (!next_tick(0, &a)) {
        xtf_failure("Fail: system_time never changed while dom0 ran\n");
        return;
    }
    if (a.cpu_freq == 0) {
        xtf_failure("Fail: cpu_freq is 0\n");
        return;
    }
    for (i = 1; i <= TICKS; i++) {
        if (!next_tick(i, &b)) {
            xtf_failure("Fail: refresh %u never came\n", i);
            return;
        }
    }
    dtsc = b.tsc_timestamp - a.tsc_timestamp;
    dns = b.system_time - a.system_time;
    want = a.cpu_freq * (dns / NSEC_PER_MSEC) / 1000;
    if (dns != TICKS * TIME_TICK_NS)
        xtf_failure("Fail: expected %u ticks = %llu ns got %llu\n", TICKS,
                    TICKS * TIME_TICK_NS, (unsigned long long)dns);
    if (dtsc + want / 100 < want || dtsc > want + want / 100)
        xtf_failure("Fail: TSC over %llu ns: expected %llu (1%%) got %llu\n",
                    (unsigned long long)dns, (unsigned long long)want,
                    (unsigned long long)dtsc);
    printf("cpu_freq %llu Hz; %llu cycles in %llu ns\n", (unsigned long long)a.cpu_freq,
           (unsigned long long)dtsc, (unsigned long long)dns);
    xtf_success(NULL);
}
