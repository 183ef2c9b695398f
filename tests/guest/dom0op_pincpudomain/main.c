/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_pincpudomain: DOM0_PINCPUDOMAIN (ABI.md §9, §10) on a one-CPU
 * machine with a CPU-bound domU. Pinning the caller itself gives -EINVAL
 * (also with cpu -1), an unknown domain and the idle domain (DOMID_IDLE:
 * moving it would break every CPU's fallback) -ESRCH; cpu -1 unpins (0); cpu 5
 * moves the domU to CPU 5 % 1 = 0 (0), which GETDOMAININFO shows in flags
 * bits 8-15. The domU still runs afterwards: its cpu_time grows while dom0
 * sleeps 50 ms.
 */
#include "../dom0op_sched_common/sched_helpers.h"

static void expect_pin(domid_t dom, int32_t cpu, long want)
{
    long rc = dom0_pin(dom, cpu);

    if (rc != want)
        xtf_failure("Fail: PINCPUDOMAIN(%u, cpu %d): expected %ld got %ld\n", dom, cpu, want,
                    rc);
}

static void expect_domu_cpu(const char *when)
{
    dom0_getdomaininfo_t info;
    unsigned int cpu;

    if (!dom0_domain_present(1, &info)) {
        xtf_failure("Fail: %s: domain 1 is gone\n", when);
        return;
    }
    cpu = (info.flags >> DOMFLAGS_CPUSHIFT) & DOMFLAGS_CPUMASK;
    if (cpu != 0)
        xtf_failure("Fail: %s: expected CPU 0 in flags got %u (flags %#x)\n", when, cpu,
                    info.flags);
    if (info.flags & (DOMFLAGS_SHUTDOWN | DOMFLAGS_CRASHED | DOMFLAGS_DYING))
        xtf_failure("Fail: %s: domain 1 stopped (flags %#x)\n", when, info.flags);
}

/* The domU runs: over a 50 ms sleep of dom0 it gets at least 25 ms. */
static void expect_domu_runs(const char *when)
{
    uint64_t before = dom_cpu_time(1), after;

    time_sleep_until(time_now() + 50 * NSEC_PER_MSEC);
    after = dom_cpu_time(1);
    if (before == ~0ull || after == ~0ull || after - before < 25 * NSEC_PER_MSEC)
        xtf_failure("Fail: %s: domain 1's cpu_time went from %llu to %llu over 50 ms\n", when,
                    (unsigned long long)before, (unsigned long long)after);
}

void test_main(void)
{
    if (!guest_is_dom0())
        domu_spin();
    if (!time_test_timer_ready(NULL))
        return;
    expect_domu_runs("before pinning");
    expect_pin(0, 0, -XEN_EINVAL);
    expect_pin(0, -1, -XEN_EINVAL);
    expect_pin(DOMID_SELF, 0, -XEN_ESRCH);
    expect_pin(77, 0, -XEN_ESRCH);
    expect_pin(77, -1, -XEN_ESRCH);
    expect_pin(DOMID_IDLE, 0, -XEN_ESRCH);
    expect_pin(1, -1, 0);
    expect_domu_cpu("after unpinning");
    expect_pin(1, 5, 0);
    expect_domu_cpu("after pinning to CPU 5");
    expect_domu_runs("after pinning to CPU 5");
    expect_pin(1, 0, 0);
    expect_pin(1, -1, 0);
    expect_domu_cpu("at the end");
    expect_domu_runs("at the end");
    xtf_success(NULL);
}
