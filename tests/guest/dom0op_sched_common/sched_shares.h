/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * BVT proportional share (ABI.md §9), measured from dom0: CPU-bound domUs
 * 1..n with mcu_adv set on their command lines share the CPU in
 * proportion to 1 / mcu_adv while dom0 sleeps. Dom0 reads each domU's
 * cpu_time before and after a window of virtual time and compares each
 * domU's part of what they ran in all against its weight.
 */
#ifndef SCHED_SHARES_H
#define SCHED_SHARES_H

#include "sched_helpers.h"

#define SHARES_MAX      8
#define SHARES_LCM      840u        /* weight of a domU = SHARES_LCM / mcu_adv */
#define SHARES_WARMUP   (100 * NSEC_PER_MSEC)

static inline void shares_print(unsigned int i, uint64_t got, uint64_t want)
{
    uint64_t diff = got > want ? got - want : want - got;

    printf("domain %u: ran %llu ns of the window, expected %llu (off by %llu ppm)\n", i + 1,
           (unsigned long long)got, (unsigned long long)want,
           (unsigned long long)(want ? diff * 1000000 / want : 0));
}

/*
 * Checks domains 1..n with mcu_adv[] over window ns: each one's run time
 * within tol_ppm (relative) of its share of the total.
 */
static inline void check_bvt_shares(const uint32_t *mcu_adv, unsigned int n, uint64_t window,
                                    uint64_t tol_ppm)
{
    uint64_t before[SHARES_MAX], after[SHARES_MAX], total = 0, wsum = 0, t0, t1;
    struct bvt_adjdom p;
    unsigned int i;
    long rc;

    if (!time_test_timer_ready(NULL))
        return;
    for (i = 0; i < n; i++) {
        rc = bvt_get(i + 1, &p);
        if (rc != 0 || p.mcu_adv != mcu_adv[i]) {
            xtf_error("Error: domain %u: ADJUSTDOM GET: expected 0 and mcu_adv %u got %ld, %u\n",
                      i + 1, mcu_adv[i], rc, p.mcu_adv);
            return;
        }
        wsum += SHARES_LCM / mcu_adv[i];
    }
    time_sleep_until(time_now() + SHARES_WARMUP);
    t0 = time_now();
    for (i = 0; i < n; i++)
        before[i] = dom_cpu_time(i + 1);
    /* Dom0 wakes at ticks: end at the tick window after the one it woke at. */
    time_sleep_until(t0 + window - TIME_TICK_NS / 2);
    t1 = time_now();
    for (i = 0; i < n; i++)
        after[i] = dom_cpu_time(i + 1);
    for (i = 0; i < n; i++) {
        if (before[i] == ~0ull || after[i] == ~0ull) {
            xtf_failure("Fail: domain %u is gone\n", i + 1);
            return;
        }
        total += after[i] - before[i];
    }
    printf("window %llu ns of system time, the domUs ran %llu ns\n",
           (unsigned long long)(t1 - t0), (unsigned long long)total);
    if (total < (t1 - t0) / 2) {
        xtf_failure("Fail: the CPU-bound domUs ran %llu ns of a %llu ns window\n",
                    (unsigned long long)total, (unsigned long long)(t1 - t0));
        return;
    }
    for (i = 0; i < n; i++) {
        uint64_t got = after[i] - before[i];
        uint64_t want = total * (SHARES_LCM / mcu_adv[i]) / wsum;
        uint64_t diff = got > want ? got - want : want - got;

        shares_print(i, got, want);
        if (diff * 1000000 > want * tol_ppm)
            xtf_failure("Fail: domain %u (mcu_adv %u): expected %llu ns (+-%llu ppm) got %llu\n",
                        i + 1, mcu_adv[i], (unsigned long long)want,
                        (unsigned long long)tol_ppm, (unsigned long long)got);
    }
    xtf_success(NULL);
}

#endif /* SCHED_SHARES_H */
