/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * smp_pin: DOM0_PINCPUDOMAIN moves a running domain between CPUs (ABI.md
 * §9, §10). A CPU-bound domU starts on CPU 1. Pinning dom0 itself is
 * -EINVAL. Then, ROUNDS times: pinned to CPU 0 it shows CPU 0 and, as dom0
 * holds that CPU while it asks, is never RUNNING then, yet its cpu_time
 * grows while dom0 sleeps; pinned to CPU 7 (7 % 2 = 1) it shows CPU 1, is
 * seen RUNNING there while dom0 asks from CPU 0, and its cpu_time grows
 * while dom0 spins without giving up CPU 0. Unpinning (-1) leaves it
 * where it is.
 */
#include "../smp_common/smp.h"

#define ROUNDS      3

static void expect_pin(domid_t dom, int32_t cpu, long want)
{
    long rc = smp_pin(dom, cpu);

    if (rc != want)
        xtf_failure("Fail: PINCPUDOMAIN(%u, cpu %d): expected %ld got %ld\n", dom, cpu, want,
                    rc);
}

static bool expect_domu_cpu(const char *when, unsigned int want, struct dom_state *s)
{
    *s = dom_state(1);
    if (!s->present) {
        xtf_failure("Fail: %s: domain 1 is gone\n", when);
        return false;
    }
    if (s->cpu != want || (s->flags & (DOMFLAGS_SHUTDOWN | DOMFLAGS_CRASHED | DOMFLAGS_PAUSED)))
        xtf_failure("Fail: %s: expected the domU on CPU %u, not stopped; got CPU %u "
                    "(flags %#x)\n", when, want, s->cpu, s->flags);
    return true;
}

/* On CPU 0 beside dom0: not RUNNING while dom0 asks; runs while dom0 sleeps. */
static void expect_runs_on_cpu0(unsigned int round)
{
    struct dom_state s, after;
    uint64_t end = time_now() + SMP_SAMPLE_NS / 2;

    if (!expect_domu_cpu("after pinning to CPU 0", 0, &s))
        return;
    do {
        after = dom_state(1);
        if (dom_running(&after)) {
            xtf_failure("Fail: round %u: the domU pinned to CPU 0 is RUNNING while dom0 "
                        "runs there (flags %#x)\n", round, after.flags);
            break;
        }
    } while (time_now() < end);
    s = dom_state(1);
    time_sleep_until(time_now() + SMP_SAMPLE_NS);
    after = dom_state(1);
    if (after.cpu_time <= s.cpu_time || after.cpu != 0)
        xtf_failure("Fail: round %u: on CPU 0 the domU's cpu_time went from %llu to %llu "
                    "while dom0 slept (CPU %u)\n", round, (unsigned long long)s.cpu_time,
                    (unsigned long long)after.cpu_time, after.cpu);
}

/*
 * On CPU 1: RUNNING there while dom0 asks from CPU 0, and its cpu_time
 * grows while dom0 spins without giving up CPU 0.
 */
static void expect_runs_on_cpu1(const char *when, unsigned int round)
{
    struct dom_state s, after;

    if (!expect_domu_cpu(when, 1, &s))
        return;
    if (!smp_spin_for_flags(1, DOMFLAGS_RUNNING, DOMFLAGS_RUNNING, &s) || s.cpu != 1) {
        xtf_failure("Fail: round %u: %s: the domU is not RUNNING on CPU 1 (CPU %u, flags "
                    "%#x)\n", round, when, s.cpu, s.flags);
        return;
    }
    smp_spin_ns(SMP_SAMPLE_NS);
    after = dom_state(1);
    if (after.cpu_time <= s.cpu_time || after.cpu != 1)
        xtf_failure("Fail: round %u: %s: the domU's cpu_time went from %llu to %llu while "
                    "dom0 spun on CPU 0 (CPU %u)\n", round, when,
                    (unsigned long long)s.cpu_time, (unsigned long long)after.cpu_time,
                    after.cpu);
}

void test_main(void)
{
    struct dom_state s;
    unsigned int i, port;
    long rc;

    if (!guest_is_dom0())
        smp_domu_spin();
    if (!smp_dom0_ready())
        return;
    rc = evtchn_bind_virq(VIRQ_TIMER, &port);
    if (rc != 0) {
        xtf_error("Error: bind_virq(TIMER): expected 0 got %ld\n", rc);
        return;
    }
    events_disable();
    expect_runs_on_cpu1("at start", 0);
    expect_pin(0, 1, -XEN_EINVAL);
    expect_pin(0, -1, -XEN_EINVAL);
    s = dom_state(0);
    if (s.cpu != 0)
        xtf_failure("Fail: dom0 moved to CPU %u by a refused pin\n", s.cpu);

    for (i = 1; i <= ROUNDS; i++) {
        expect_pin(1, 0, 0);
        expect_runs_on_cpu0(i);
        expect_pin(1, 7, 0);
        expect_runs_on_cpu1("after pinning to CPU 7", i);
        expect_pin(1, -1, 0);
        expect_runs_on_cpu1("after unpinning", i);
    }
    xtf_success(NULL);
}
