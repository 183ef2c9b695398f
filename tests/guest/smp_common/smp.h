/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the SMP tests share (ABI.md §9, §10): a domain's state as
 * GETDOMAININFO reports it (CPU field, RUNNING, BLOCKED, PAUSED, cpu_time),
 * PINCPUDOMAIN and PHYSINFO from dom0, and busy waits that never give up
 * the CPU (no yield, no block), so dom0 provably runs all along.
 */
#ifndef SMP_H
#define SMP_H

#include <guest/console.h>
#include <guest/domctl.h>
#include <guest/events.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

/* How long dom0 watches the domU in one busy sample, and the bound on waits. */
#define SMP_SAMPLE_NS       (100 * NSEC_PER_MSEC)
#define SMP_WAIT_NS         (5 * NSEC_PER_SEC)

struct dom_state {
    bool present;           /* GETDOMAININFO(dom) answered for dom itself */
    uint32_t flags;
    unsigned int cpu;       /* flags bits 8-15 */
    uint64_t cpu_time;
};

static inline struct dom_state dom_state(domid_t dom)
{
    dom0_getdomaininfo_t info;
    struct dom_state s = { .present = dom0_domain_present(dom, &info) };

    if (s.present) {
        s.flags = info.flags;
        s.cpu = (info.flags >> DOMFLAGS_CPUSHIFT) & DOMFLAGS_CPUMASK;
        s.cpu_time = info.cpu_time;
    }
    return s;
}

static inline bool dom_running(const struct dom_state *s)
{
    return s->present && (s->flags & DOMFLAGS_RUNNING);
}

/* DOM0_PINCPUDOMAIN(dom, cpu): its answer. */
static inline long smp_pin(domid_t dom, int32_t cpu)
{
    dom0_op_t op;

    memset(&op, 0, sizeof(op));
    op.cmd = DOM0_PINCPUDOMAIN;
    op.interface_version = DOM0_INTERFACE_VERSION;
    op.u.pincpudomain.domain = dom;
    op.u.pincpudomain.cpu = cpu;
    return HYPERVISOR_dom0_op(&op);
}

/* DOM0_PHYSINFO's cores, or -1 (reported) if it failed. */
static inline long smp_cores(void)
{
    dom0_op_t op;
    long rc = dom0_op_simple(&op, DOM0_PHYSINFO, 0);

    if (rc != 0) {
        xtf_failure("Fail: PHYSINFO: expected 0 got %ld\n", rc);
        return -1;
    }
    if (op.u.physinfo.ht_per_core != 1)
        xtf_failure("Fail: PHYSINFO ht_per_core: expected 1 got %u\n",
                    (unsigned int)op.u.physinfo.ht_per_core);
    return (long)op.u.physinfo.cores;
}

/*
 * Spins (hypercalls only, never yielding) until dom shows `want` in the
 * flags bits of `mask`, at most SMP_WAIT_NS; true if it did. *s holds the
 * last answer.
 */
static inline bool smp_spin_for_flags(domid_t dom, uint32_t mask, uint32_t want,
                                      struct dom_state *s)
{
    uint64_t end = time_now() + SMP_WAIT_NS;

    do {
        *s = dom_state(dom);
        if (s->present && (s->flags & mask) == want)
            return true;
    } while (time_now() < end);
    return false;
}

/* Spins without giving up the CPU for ns of system time. */
static inline void smp_spin_ns(uint64_t ns)
{
    uint64_t end = time_now() + ns;

    while (time_now() < end)
        barrier();
}

/* Dom0's start: time is there. SKIPs/ERRORs (and false) otherwise. */
static inline bool smp_dom0_ready(void)
{
    return time_test_ready();
}

/* A CPU-bound domU: spin forever, never entering Tessera. */
static inline __noreturn void smp_domu_spin(void)
{
    for (;;)
        barrier();
}

#endif /* SMP_H */
