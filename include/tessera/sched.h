/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The scheduler core API. Policies (BVT, Atropos, round-robin) plug in
 * behind struct scheduler; the core owns the per-CPU state, the idle
 * domain and the switch between domains. Tessera never preempts itself:
 * schedule() runs only on the way back to a guest or from the idle loop.
 */
#ifndef TESSERA_SCHED_H
#define TESSERA_SCHED_H

#include <tessera/domain.h>

struct scheduler {
    const char *name;       /* as in sched= */
    const char *opt_name;
    unsigned int sched_id;  /* SCHED_BVT 0, SCHED_ATROPOS 2, SCHED_RROBIN 3 */
    /* d becomes runnable / stops being runnable on its CPU. */
    void (*wake)(struct domain *d);
    void (*sleep)(struct domain *d);
    /* The current domain gives up the CPU but stays runnable. */
    void (*yield)(struct domain *d);
    /* The next domain to run on cpu, or NULL for the idle domain. */
    struct domain *(*pick_next)(unsigned int cpu);
};

/* The domain running on this CPU (the idle domain when none). */
extern struct domain *current_domain;
#define current current_domain

extern struct domain idle_domain;

static inline bool is_idle_domain(const struct domain *d)
{
    return d->id == DOMID_IDLE;
}

void scheduler_init(void);
/* The id of the scheduler in use (DOM0_SCHED_ID). */
unsigned int sched_current_id(void);
/* Re-evaluates runnability after a state change of d (pause, block...). */
void domain_wake(struct domain *d);
void domain_sleep(struct domain *d);
/* Picks the next domain and switches to it; returns only if it is current. */
void schedule(void);
/* Starts running guests on this CPU: never returns. */
void scheduler_start(void) __noreturn;

/* sched_op(yield / block) for the current domain. */
void sched_yield_current(void);
void sched_block_current(void);

#endif /* TESSERA_SCHED_H */
