/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * smp_concurrent: two domains run at the same time on two CPUs (ABI.md §9,
 * §10 GETDOMAININFO). Dom0 (CPU 0) never yields nor blocks: for ROUNDS
 * periods of SMP_SAMPLE_NS it spins, then reads both cpu_times, which
 * include the run in progress. A CPU-bound domU on CPU 1 must gain at
 * least half of each period while dom0 gains at least half of it too:
 * together more than the period, which one CPU could not give. Neither
 * may gain more than the period (plus a tick of slack). Every sample shows
 * the domU on CPU 1, and RUNNING at some sample.
 */
#include "../smp_common/smp.h"

#define ROUNDS      5
#define SLACK_NS    TIME_TICK_NS

static void check_gain(const char *who, unsigned int round, uint64_t gain, uint64_t period)
{
    if (gain < period / 2 || gain > period + SLACK_NS)
        xtf_failure("Fail: round %u: %s gained %llu ns of cpu_time over %llu ns: expected "
                    "between half of it and all of it\n", round, who,
                    (unsigned long long)gain, (unsigned long long)period);
}

void test_main(void)
{
    struct dom_state u0, u1, d0, d1;
    uint64_t t0, t1;
    unsigned int i, running = 0;

    if (!guest_is_dom0())
        smp_domu_spin();
    if (!smp_dom0_ready())
        return;
    if (!smp_spin_for_flags(1, DOMFLAGS_RUNNING, DOMFLAGS_RUNNING, &u0)) {
        xtf_failure("Fail: the CPU-bound domU never showed RUNNING (flags %#x)\n", u0.flags);
        return;
    }

    t0 = time_now();
    d0 = dom_state(0);
    u0 = dom_state(1);
    for (i = 1; i <= ROUNDS; i++) {
        smp_spin_ns(SMP_SAMPLE_NS);
        u1 = dom_state(1);
        d1 = dom_state(0);
        t1 = time_now();
        if (!u1.present || !d1.present) {
            xtf_failure("Fail: round %u: GETDOMAININFO lost a domain\n", i);
            return;
        }
        if (u1.cpu != 1 || d1.cpu != 0)
            xtf_failure("Fail: round %u: expected the domU on CPU 1 and dom0 on CPU 0, got %u "
                        "and %u\n", i, u1.cpu, d1.cpu);
        if (u1.flags & (DOMFLAGS_BLOCKED | DOMFLAGS_PAUSED | DOMFLAGS_SHUTDOWN))
            xtf_failure("Fail: round %u: the CPU-bound domU's flags %#x\n", i, u1.flags);
        running += !!(u1.flags & DOMFLAGS_RUNNING);
        printf("dbg %llu %llu %llu\n", (unsigned long long)(u1.cpu_time - u0.cpu_time), (unsigned long long)(d1.cpu_time - d0.cpu_time), (unsigned long long)(t1 - t0));
        check_gain("the domU", i, u1.cpu_time - u0.cpu_time, t1 - t0);
        check_gain("dom0", i, d1.cpu_time - d0.cpu_time, t1 - t0);
        t0 = t1;
        d0 = d1;
        u0 = u1;
    }
    if (running == 0)
        xtf_failure("Fail: the domU was never RUNNING at a sample\n");
    xtf_success(NULL);
}
