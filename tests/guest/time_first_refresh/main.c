/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * time_first_refresh: a domain's time fields are valid from its first
 * instruction (ABI.md §8: refreshed when it is scheduled in), in ICOUNT
 * virtual time. Before dom0 has waited for any tick: version1 ==
 * version2; cpu_freq is nonzero; the stamp's TSC is not in the future and
 * less than a tick (+1 ms) old; and the wall clock is at or after the
 * RTC's 1767225600.
 */
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

#define RTC_BASE    1767225600u

void test_main(void)
{
    uint32_t v1 = shared_info ? shared_info->time_version1 : 0;
    uint32_t v2 = shared_info ? shared_info->time_version2 : 0;
    struct time_info t;
    uint64_t tsc, age;

    time_read(&t);
    tsc = rdtsc();
    if (!time_test_ready())
        return;
    if (v1 != v2)
        xtf_failure("Fail: expected version1 == version2 got %u and %u\n", v1, v2);
    if (t.cpu_freq == 0) {
        xtf_failure("Fail: cpu_freq is 0 at dom0's start: its time fields were never "
                    "refreshed\n");
        return;
    }
    if (t.tsc_timestamp > tsc)
        xtf_failure("Fail: tsc_timestamp %llu is after rdtsc %llu\n",
                    (unsigned long long)t.tsc_timestamp, (unsigned long long)tsc);
    age = time_cycles_to_ns(tsc - t.tsc_timestamp, t.cpu_freq);
    if (age > TIME_TICK_NS + NSEC_PER_MSEC)
        xtf_failure("Fail: the stamp is %llu ns old at dom0's start: expected under 11 ms\n",
                    (unsigned long long)age);
    if (t.wc_sec < RTC_BASE)
        xtf_failure("Fail: wall clock %u.%06u is before the RTC's %u\n", t.wc_sec, t.wc_usec,
                    RTC_BASE);
    xtf_success(NULL);
}
