/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * smp_concurrent: two domains run at the same time on two CPUs (ABI.md §9,
 * §10 GETDOMAININFO). Dom0 (CPU 0) never yields nor blocks: ROUNDS times
 * it spins for SMP_SAMPLE_NS, then reads both cpu_times, which include the
 * run in progress. A CPU-bound domU must stay on CPU 1, never blocked or
 * paused, gain cpu_time in every round and be seen RUNNING at some sample
 * (while dom0, asking, runs on CPU 0). Over the whole run each must have
 * gained more than half of the elapsed time: together more than one CPU
 * could give (on one CPU BVT would still give the domU most of it, so
 * neither share alone proves anything). System time under a loaded TCG
 * host can lag and catch up between samples, so single rounds are not
 * timed.
 */
#include "../smp_common/smp.h"

#define ROUNDS      10

static void check_total(const char *who, uint64_t gain, uint64_t elapsed)
{
    if (gain <= elapsed / 2)
        xtf_failure("Fail: %s gained %llu ns of cpu_time over %llu ns: expected more than "
                    "half\n", who, (unsigned long long)gain, (unsigned long long)elapsed);
}

void test_main(void)
{
    struct dom_state u0, u1, d0, d1, first_u, first_d;
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
    first_d = d0 = dom_state(0);
    first_u = u0 = dom_state(1);
    for (i = 1; i <= ROUNDS; i++) {
        smp_spin_ns(SMP_SAMPLE_NS);
        u1 = dom_state(1);
        d1 = dom_state(0);
        if (!u1.present || !d1.present) {
            xtf_failure("Fail: round %u: GETDOMAININFO lost a domain\n", i);
            return;
        }
        if (u1.cpu != 1 || d1.cpu != 0)
            xtf_failure("Fail: round %u: expected the domU on CPU 1 and dom0 on CPU 0, got %u "
                        "and %u\n", i, u1.cpu, d1.cpu);
        if (u1.flags & (DOMFLAGS_BLOCKED | DOMFLAGS_PAUSED | DOMFLAGS_SHUTDOWN))
            xtf_failure("Fail: round %u: the CPU-bound domU's flags %#x\n", i, u1.flags);
        if (u1.cpu_time <= u0.cpu_time || d1.cpu_time <= d0.cpu_time)
            xtf_failure("Fail: round %u: cpu_time did not grow: the domU's %llu to %llu, "
                        "dom0's %llu to %llu\n", i, (unsigned long long)u0.cpu_time,
                        (unsigned long long)u1.cpu_time, (unsigned long long)d0.cpu_time,
                        (unsigned long long)d1.cpu_time);
        running += !!(u1.flags & DOMFLAGS_RUNNING);
        d0 = d1;
        u0 = u1;
    }
    t1 = time_now();
    if (running == 0)
        xtf_failure("Fail: the domU was never RUNNING at a sample\n");
    check_total("the domU", u1.cpu_time - first_u.cpu_time, t1 - t0);
    check_total("dom0", d1.cpu_time - first_d.cpu_time, t1 - t0);
    xtf_success(NULL);
}
