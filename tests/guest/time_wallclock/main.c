/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * time_wallclock: the wall clock (ABI.md §4, §8), in ICOUNT virtual time,
 * where the CMOS RTC starts at 2026-01-01T00:00:00 (1767225600). At boot
 * the wall clock is the RTC's whole seconds at system time 0, so
 * wc_sec.wc_usec - system_time is a whole number of seconds between
 * 1767225600 and 1767225602; wc_usec < 1000000; and over 20 refreshes the
 * wall clock moves by exactly the system time between them (10 ms a
 * tick).
 */
#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

#define RTC_BASE    1767225600ull
#define TICKS       20

/* The wall clock at system time 0, in ns, as the copy t implies. */
static uint64_t boot_wc_ns(const struct time_info *t)
{
    return time_wc_usecs(t) * NSEC_PER_USEC - t->system_time;
}

static void check_copy(unsigned int i, const struct time_info *t, uint64_t boot)
{
    if (t->wc_usec >= USEC_PER_SEC)
        xtf_failure("Fail: refresh %u: wc_usec %u is not below 1000000\n", i, t->wc_usec);
    if (boot_wc_ns(t) != boot)
        xtf_failure("Fail: refresh %u: wall clock - system time moved: expected %llu ns got "
                    "%llu (wc %u.%06u at %llu)\n", i, (unsigned long long)boot,
                    (unsigned long long)boot_wc_ns(t), t->wc_sec, t->wc_usec,
                    (unsigned long long)t->system_time);
}

void test_main(void)
{
    struct time_info a, b;
    uint64_t boot;
    unsigned int i;

    if (!time_test_ready())
        return;
    if (!time_expect_tick(&a))
        return;
    boot = boot_wc_ns(&a);
    printf("wall clock %u.%06u at system time %llu\n", a.wc_sec, a.wc_usec,
           (unsigned long long)a.system_time);
    if (boot % NSEC_PER_SEC)
        xtf_failure("Fail: wall clock at system time 0: expected whole seconds got %llu ns\n",
                    (unsigned long long)boot);
    if (boot / NSEC_PER_SEC < RTC_BASE || boot / NSEC_PER_SEC > RTC_BASE + 2)
        xtf_failure("Fail: wall clock at boot: expected %llu..%llu got %llu\n", RTC_BASE,
                    RTC_BASE + 2, (unsigned long long)(boot / NSEC_PER_SEC));
    check_copy(0, &a, boot);
    for (i = 1; i <= TICKS; i++) {
        if (!time_wait_tick(&b, TIME_WAIT_CYCLES)) {
            xtf_failure("Fail: refresh %u never came\n", i);
            return;
        }
        check_copy(i, &b, boot);
        if (time_wc_usecs(&b) - time_wc_usecs(&a) != TIME_TICK_NS / NSEC_PER_USEC)
            xtf_failure("Fail: refresh %u: expected the wall clock +10000 us got %u.%06u -> "
                        "%u.%06u\n", i, a.wc_sec, a.wc_usec, b.wc_sec, b.wc_usec);
        a = b;
    }
    xtf_success(NULL);
}
