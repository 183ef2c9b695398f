/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sched_atropos_slices: Atropos guarantees (ABI.md §9; booted with
 * sched=atropos) in ICOUNT virtual time. Three CPU-bound domUs share a
 * 50 ms period (a feasible set: 10 + 20 + 10 ms, 80% with dom0's use):
 * domain 1 slice 10 ms and domain 2 slice 20 ms without slack time
 * (xtratime=0), domain 3 slice 10 ms with it. Set at boot with
 * atropos.latency/period/slice/xtratime. Dom0 sleeps and reads their
 * cpu_time every 50 ms for eight periods: in every one each domU gets at
 * least its slice, and the xtratime=0 ones no more than it, within one
 * 10 ms tick either way (slices end at ticks). [tessera]: Xen 2.0 never
 * puts a replenished domain back on the run queue (quirk, ABI.md §9), so
 * after its first slice a domain runs only as slack time there and an
 * xtratime=0 one not at all (sched/atropos.c).
 */
#include "../dom0op_sched_common/sched_helpers.h"

#define PERIOD      (50 * NSEC_PER_MSEC)
#define PERIODS     8
#define NR_DOMUS    3
#define WARMUP      (200 * NSEC_PER_MSEC)

static const struct {
    uint64_t slice;
    bool xtratime;
} domus[NR_DOMUS] = {
    { 10 * NSEC_PER_MSEC, false }, { 20 * NSEC_PER_MSEC, false }, { 10 * NSEC_PER_MSEC, true },
};

static bool sample(uint64_t *ct)
{
    unsigned int i;

    for (i = 0; i < NR_DOMUS; i++) {
        ct[i] = dom_cpu_time(i + 1);
        if (ct[i] == ~0ull) {
            xtf_failure("Fail: domain %u is gone\n", i + 1);
            return false;
        }
    }
    return true;
}

static void check_period(unsigned int p, const uint64_t *before, const uint64_t *after)
{
    unsigned int i;

    printf("period %u:", p);
    for (i = 0; i < NR_DOMUS; i++)
        printf(" %llu", (unsigned long long)(after[i] - before[i]));
    printf(" ns\n");
    for (i = 0; i < NR_DOMUS; i++) {
        uint64_t got = after[i] - before[i], slice = domus[i].slice;

        if (got + TIME_TICK_NS < slice)
            xtf_failure("Fail: period %u: domain %u ran %llu ns: expected at least its "
                        "%llu ns slice (- 1 tick)\n", p, i + 1, (unsigned long long)got,
                        (unsigned long long)slice);
        if (!domus[i].xtratime && got > slice + TIME_TICK_NS)
            xtf_failure("Fail: period %u: domain %u (xtratime 0) ran %llu ns: expected at "
                        "most its %llu ns slice (+ 1 tick)\n", p, i + 1,
                        (unsigned long long)got, (unsigned long long)slice);
    }
}

void test_main(void)
{
    uint64_t ct[2][NR_DOMUS], t0;
    unsigned int p;

    if (!guest_is_dom0())
        domu_spin();
    if (!sched_is_atropos() || !time_test_timer_ready(NULL))
        return;
    time_sleep_until(time_now() + WARMUP);
    t0 = time_now();
    if (!sample(ct[0]))
        return;
    for (p = 1; p <= PERIODS; p++) {
        /* Dom0 wakes at ticks: this lands on the tick p periods on. */
        time_sleep_until(t0 + p * PERIOD - TIME_TICK_NS / 2);
        if (!sample(ct[p & 1]))
            return;
        check_period(p, ct[(p - 1) & 1], ct[p & 1]);
    }
    xtf_success(NULL);
}
