/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The interface between the scheduler core (sched/core.c) and the
 * scheduling policies (sched/bvt.c, sched/atropos.c, sched/rrobin.c;
 * ABI.md §9). A policy is one file: it defines a struct scheduler and
 * registers it with REGISTER_SCHEDULER(); the core finds every built
 * policy in the linker section, picks one at boot (sched=, else the
 * Kconfig default) and has no per-policy code.
 *
 * Locking: the core calls every hook with the CPU's scheduling state
 * stable (interrupts off; on SMP under that CPU's schedule lock). Hooks
 * get the time as an argument and never read the clock themselves, so
 * host tests drive them with a fake clock.
 *
 * Run queues: a policy keeps its runnable domains in its own per-CPU
 * structures (d->run_list and d->sched_priv are for it to use). The
 * domain running on a CPU stays queued while it runs if the policy
 * wants (BVT and round-robin do, as in Xen 2.0).
 */
#ifndef TESSERA_SCHED_IF_H
#define TESSERA_SCHED_IF_H

#include <tessera/domain.h>
#include <tessera/smp.h>
#include <tessera/time.h>
#include <public/sched_ctl.h>


/* A policy's decision: run task on this CPU for time ns (then ask again). */
struct task_slice {
    struct domain *task;    /* the CPU's idle domain when nothing can run */
    s_time_t time;
};

/* Per-CPU state the core owns; sched_priv is the policy's. */
struct schedule_data {
    struct domain *curr;    /* running on this CPU */
    struct domain *idle;    /* this CPU's idle domain */
    void *sched_priv;
    struct timer s_timer;   /* ends the current slice */
    unsigned int nr_domains;    /* placed on this CPU (for placement) */
};

extern struct schedule_data schedule_data[NR_CPUS];

struct scheduler {
    const char *name;       /* for the boot log and debug keys */
    const char *opt_name;   /* sched=<opt_name> */
    unsigned int sched_id;  /* SCHED_BVT, SCHED_ATROPOS or SCHED_RROBIN */

    /* Once at boot, before any domain: global defaults. 0 or -errno. */
    int (*init_scheduler)(void);
    /* Once per CPU: its idle domain (schedule_data[cpu].idle). */
    int (*init_idle_task)(struct domain *idle, unsigned int cpu);
    /* A new domain: allocate d->sched_priv and set its defaults (dom0 has
     * its own under Atropos). 0 or -ENOMEM. */
    int (*alloc_task)(struct domain *d);
    void (*free_task)(struct domain *d);

    /*
     * d (on CPU d->processor) became runnable at now. Returns true if it
     * should preempt that CPU's current domain at once; the core then
     * raises the CPU's SCHEDULE_SOFTIRQ. Not called for a domain the
     * policy already holds as runnable.
     */
    bool (*wake)(struct domain *d, s_time_t now);
    /* d stopped being runnable (blocked, paused, shut down, dying). If it
     * is running, the core reschedules its CPU afterwards. */
    void (*sleep)(struct domain *d, s_time_t now);
    /*
     * The core entered the scheduler on cpu at now: schedule_data[cpu].curr
     * ran from its lastschd until now (its cpu_time already counts it) and
     * may have stopped being runnable. Pick the next domain and its slice.
     */
    struct task_slice (*do_schedule)(unsigned int cpu, s_time_t now);

    /* DOM0_SCHEDCTL (NULL: accepted, nothing done) and DOM0_ADJUSTDOM, both
     * after the core checked sched_id and direction. Results go in *cmd. */
    int (*control)(struct sched_ctl_cmd *cmd);
    int (*adjdom)(struct domain *d, struct sched_adjdom_cmd *cmd);
    /* A boot-time domain's parameter from its module command line:
     * "<opt_name>.<param>=<value>", given here as param and value.
     * 0, or -EINVAL for an unknown param or a bad value. */
    int (*boot_param)(struct domain *d, const char *param, const char *value);

    /* Debug key 'r': settings, then each CPU's queue. May be NULL. */
    void (*dump_settings)(void);
    void (*dump_cpu_state)(unsigned int cpu);
};

#define REGISTER_SCHEDULER(s)                                                 \
    static const struct scheduler *const __sched_ptr_##s                      \
        __section(".data.schedulers") __used = &(s)

/* The scheduler core's services to policies. */

/* Reschedules cpu on its way back to a guest (an IPI for another CPU). */
void cpu_raise_softirq_schedule(unsigned int cpu);

static inline struct domain *sched_curr(unsigned int cpu)
{
    return schedule_data[cpu].curr;
}

static inline bool sched_is_idle(const struct domain *d)
{
    return d->id == DOMID_IDLE;
}

#endif /* TESSERA_SCHED_IF_H */
