/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * time_monotonic: system time never runs backwards (ABI.md §8). For 50 ms
 * of system time dom0 reads now = system_time + (rdtsc - tsc_timestamp) *
 * 1e9 / cpu_freq in a tight loop, across at least four tick refreshes:
 * no reading may be smaller than the one before, and the stamps
 * (system_time) never decrease and change only by whole ticks.
 */
#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

#define SPAN_NS     (50 * NSEC_PER_MSEC)

void test_main(void)
{
    struct time_info t, first;
    uint64_t prev_now, now, prev_stamp, start = rdtsc();
    unsigned long reads = 0, ticks = 0, backwards = 0;
    uint64_t worst = 0, worst_at = 0;

    if (!time_test_ready())
        return;
    if (!time_expect_tick(&first))
        return;
    prev_stamp = first.system_time;
    prev_now = time_ns_at(&first, rdtsc());
    do {
        time_read(&t);
        now = time_ns_at(&t, rdtsc());
        reads++;
        if (t.system_time != prev_stamp) {
            if (t.system_time < prev_stamp || (t.system_time - prev_stamp) % TIME_TICK_NS)
                xtf_failure("Fail: system_time went from %llu to %llu\n",
                            (unsigned long long)prev_stamp, (unsigned long long)t.system_time);
            ticks++;
            prev_stamp = t.system_time;
        }
        if (now < prev_now) {
            backwards++;
            if (prev_now - now > worst) {
                worst = prev_now - now;
                worst_at = now;
            }
        }
        prev_now = now;
    } while (now - first.system_time < SPAN_NS && rdtsc() - start < 4 * TIME_WAIT_CYCLES);

    if (now - first.system_time < SPAN_NS)
        xtf_failure("Fail: 50 ms of system time did not pass (got %llu ns)\n",
                    (unsigned long long)(now - first.system_time));
    if (backwards)
        xtf_failure("Fail: now went backwards %lu times in %lu reads, worst by %llu ns at %llu\n",
                    backwards, reads, (unsigned long long)worst, (unsigned long long)worst_at);
    if (ticks < 4)
        xtf_failure("Fail: expected at least 4 refreshes in 50 ms got %lu\n", ticks);
    printf("%lu reads, %lu refreshes\n", reads, ticks);
    xtf_success(NULL);
}
