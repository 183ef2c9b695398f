/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * smp_pause_sync: DOM0_PAUSEDOMAIN of a domain running on another CPU is
 * synchronous (ABI.md §10). The domU (CPU 1) counts in %esi forever,
 * never entering Tessera. First, GETDOMAININFO with a ctxt, which pauses
 * a running domain only while it reads it, shows the count growing and
 * leaves the domU running. Then ROUNDS times: right after PAUSEDOMAIN
 * returns, flags show PAUSED and not RUNNING; over SMP_SAMPLE_NS neither
 * its cpu_time nor its saved %esi moves (the saved state is the real one),
 * and the count is past the previous round's. After UNPAUSEDOMAIN, PAUSED
 * is gone, it is RUNNING again on CPU 1 and its cpu_time grows while
 * dom0 spins.
 */
#include "../smp_common/smp.h"

#define ROUNDS      5

static full_execution_context_t ctxt;

static __noreturn void domu_count(void)
{
    __asm__ __volatile__("xor %%esi, %%esi\n1:\tinc %%esi\n\tjmp 1b" : : : "esi", "memory");
    __builtin_unreachable();
}

/* GETDOMAININFO(1) with the context: its state, and the saved %esi in *esi. */
static bool read_ctxt(struct dom_state *s, uint32_t *esi)
{
    dom0_op_t op;
    long rc;

    memset(&op, 0, sizeof(op));
    op.cmd = DOM0_GETDOMAININFO;
    op.interface_version = DOM0_INTERFACE_VERSION;
    op.u.getdomaininfo.domain = 1;
    op.u.getdomaininfo.ctxt = (guest_va_t)(uintptr_t)&ctxt;
    rc = HYPERVISOR_dom0_op(&op);
    if (rc != 0 || op.u.getdomaininfo.domain != 1) {
        xtf_failure("Fail: GETDOMAININFO(1) with a ctxt: rc %ld, domain %u\n", rc,
                    op.u.getdomaininfo.domain);
        return false;
    }
    s->present = true;
    s->flags = op.u.getdomaininfo.flags;
    s->cpu = (s->flags >> DOMFLAGS_CPUSHIFT) & DOMFLAGS_CPUMASK;
    s->cpu_time = op.u.getdomaininfo.cpu_time;
    *esi = ctxt.cpu_ctxt.esi;
    return true;
}

static bool expect_running(const char *when)
{
    struct dom_state s;

    if (smp_spin_for_flags(1, DOMFLAGS_RUNNING | DOMFLAGS_PAUSED | DOMFLAGS_BLOCKED,
                           DOMFLAGS_RUNNING, &s) && s.cpu == 1)
        return true;
    xtf_failure("Fail: %s: the domU is not RUNNING on CPU 1 (CPU %u, flags %#x)\n", when,
                s.cpu, s.flags);
    return false;
}

/* A context read of a running domain pauses it only for the read. */
static uint32_t check_ctxt_while_running(void)
{
    struct dom_state s;
    uint32_t a = 0, b = 0;

    unsigned int tries;

    if (!read_ctxt(&s, &a))
        return 0;
    /* The other CPU is a host thread that a loaded host may hold up for a
     * while: look again until the count moved, for up to 40 samples. */
    for (tries = 0, b = a; tries < 40 && b == a; tries++) {
        smp_spin_ns(SMP_SAMPLE_NS / 4);
        if (!read_ctxt(&s, &b))
            return 0;
    }
    if (b == a)
        xtf_failure("Fail: the running domU's saved %%esi stayed %#x over %llu ns\n", a,
                    (unsigned long long)(40 * (SMP_SAMPLE_NS / 4)));
    if (s.flags & DOMFLAGS_PAUSED)
        xtf_failure("Fail: a ctxt read left the domU PAUSED (flags %#x)\n", s.flags);
    expect_running("after two context reads");
    return b;
}

static uint32_t pause_round(unsigned int round, uint32_t last)
{
    struct dom_state s, t;
    uint32_t e1 = 0, e2 = 0;
    long rc;

    rc = dom0_op_simple(&(dom0_op_t){ 0 }, DOM0_PAUSEDOMAIN, 1);
    if (rc != 0) {
        xtf_failure("Fail: round %u: PAUSEDOMAIN(1): expected 0 got %ld\n", round, rc);
        return last;
    }
    s = dom_state(1);
    if ((s.flags & (DOMFLAGS_PAUSED | DOMFLAGS_RUNNING)) != DOMFLAGS_PAUSED)
        xtf_failure("Fail: round %u: right after PAUSEDOMAIN: expected PAUSED and not RUNNING, "
                    "flags %#x\n", round, s.flags);
    if (!read_ctxt(&t, &e1))
        return last;
    smp_spin_ns(SMP_SAMPLE_NS);
    if (!read_ctxt(&t, &e2))
        return last;
    if (t.cpu_time != s.cpu_time)
        xtf_failure("Fail: round %u: the paused domU's cpu_time went from %llu to %llu\n",
                    round, (unsigned long long)s.cpu_time, (unsigned long long)t.cpu_time);
    if (e2 != e1)
        xtf_failure("Fail: round %u: the paused domU's saved %%esi went from %#x to %#x\n",
                    round, e1, e2);
    if ((t.flags & (DOMFLAGS_PAUSED | DOMFLAGS_RUNNING)) != DOMFLAGS_PAUSED)
        xtf_failure("Fail: round %u: paused for %llu ns: flags %#x\n", round,
                    (unsigned long long)SMP_SAMPLE_NS, t.flags);
    if (e1 == last)
        xtf_failure("Fail: round %u: the domU's count %#x did not move since the last look\n",
                    round, e1);

    rc = dom0_op_simple(&(dom0_op_t){ 0 }, DOM0_UNPAUSEDOMAIN, 1);
    if (rc != 0) {
        xtf_failure("Fail: round %u: UNPAUSEDOMAIN(1): expected 0 got %ld\n", round, rc);
        return e1;
    }
    s = dom_state(1);
    if (s.flags & DOMFLAGS_PAUSED)
        xtf_failure("Fail: round %u: still PAUSED after UNPAUSEDOMAIN (flags %#x)\n", round,
                    s.flags);
    if (!expect_running("after UNPAUSEDOMAIN"))
        return e1;
    s = dom_state(1);
    smp_spin_ns(SMP_SAMPLE_NS);
    t = dom_state(1);
    if (t.cpu_time <= s.cpu_time)
        xtf_failure("Fail: round %u: unpaused, the domU's cpu_time went from %llu to %llu over "
                    "%llu ns\n", round, (unsigned long long)s.cpu_time,
                    (unsigned long long)t.cpu_time, (unsigned long long)SMP_SAMPLE_NS);
    return e1;
}

void test_main(void)
{
    unsigned int i;
    uint32_t last;

    if (!guest_is_dom0())
        domu_count();
    if (!smp_dom0_ready())
        return;
    if (!expect_running("at start"))
        return;
    last = check_ctxt_while_running();
    for (i = 1; i <= ROUNDS; i++)
        last = pause_round(i, last);
    xtf_success(NULL);
}
