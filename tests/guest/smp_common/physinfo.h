/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The body of the smp_physinfo tests (ABI.md §9, §10): PHYSINFO counts the
 * CPUs Tessera brought up, and the boot-time domU is placed by that count.
 * With two CPUs it goes to CPU 1 (dom0 holds CPU 0) and is seen RUNNING
 * there while dom0 keeps CPU 0; with one (maxcpus=1, nosmp) it shares
 * CPU 0, so it is never RUNNING while dom0 asks, yet runs while dom0
 * sleeps.
 */
#ifndef SMP_PHYSINFO_H
#define SMP_PHYSINFO_H

#include "smp.h"

static void expect_cpu(domid_t dom, const struct dom_state *s, unsigned int want)
{
    if (!s->present)
        xtf_failure("Fail: GETDOMAININFO(%u) did not describe domain %u\n", dom, dom);
    else if (s->cpu != want)
        xtf_failure("Fail: domain %u's CPU (flags %#x): expected %u got %u\n", dom, s->flags,
                    want, s->cpu);
}

/* One CPU: dom0 holds it while it asks, so the domU is never RUNNING then. */
static void expect_shared_cpu0(void)
{
    struct dom_state s;
    uint64_t before, end = time_now() + SMP_SAMPLE_NS;
    unsigned int port;
    long rc;

    do {
        s = dom_state(1);
        if (dom_running(&s)) {
            xtf_failure("Fail: the domU is RUNNING (flags %#x) on CPU 0 while dom0 runs\n",
                        s.flags);
            break;
        }
    } while (time_now() < end);

    rc = evtchn_bind_virq(VIRQ_TIMER, &port);
    if (rc != 0) {
        xtf_error("Error: bind_virq(TIMER): expected 0 got %ld\n", rc);
        return;
    }
    before = dom_state(1).cpu_time;
    time_sleep_until(time_now() + SMP_SAMPLE_NS);
    s = dom_state(1);
    if (!s.present || s.cpu_time <= before)
        xtf_failure("Fail: the domU's cpu_time did not grow while dom0 slept (%llu to %llu)\n",
                    (unsigned long long)before, (unsigned long long)s.cpu_time);
}

static void physinfo_test(unsigned int cpus)
{
    struct dom_state s;
    long cores;

    if (!guest_is_dom0())
        smp_domu_spin();
    if (!smp_dom0_ready())
        return;
    cores = smp_cores();
    if (cores >= 0 && cores != (long)cpus)
        xtf_failure("Fail: PHYSINFO cores: expected %u got %ld\n", cpus, cores);

    s = dom_state(0);
    expect_cpu(0, &s, 0);
    if (!dom_running(&s))
        xtf_failure("Fail: dom0 asking about itself is not RUNNING (flags %#x)\n", s.flags);
    s = dom_state(1);
    expect_cpu(1, &s, cpus > 1 ? 1 : 0);

    if (cpus == 1) {
        expect_shared_cpu0();
    } else if (!smp_spin_for_flags(1, DOMFLAGS_RUNNING | DOMFLAGS_BLOCKED | DOMFLAGS_PAUSED,
                                   DOMFLAGS_RUNNING, &s)) {
        xtf_failure("Fail: the CPU-bound domU never showed RUNNING on CPU 1 (flags %#x)\n",
                    s.flags);
    } else {
        expect_cpu(1, &s, 1);
    }
    xtf_success(NULL);
}

#endif /* SMP_PHYSINFO_H */
