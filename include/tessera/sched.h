/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The scheduler core API for the rest of Tessera. Policies (BVT, Atropos,
 * round-robin) plug in behind include/tessera/sched-if.h; the core owns
 * the per-CPU state, the idle domain and the switch between domains.
 * Tessera never preempts itself: schedule() runs only on the way back to
 * a guest or from the idle loop.
 */
#ifndef TESSERA_SCHED_H
#define TESSERA_SCHED_H

#include <tessera/domain.h>
#include <tessera/smp.h>

/* The domain running on this CPU (its idle domain when none). */
#ifdef TESSERA_HOST_TEST
extern struct domain *current_domain;
#define current current_domain
#else
#define current (get_cpu_info()->curr_domain)
#endif

/* Each CPU's idle domain. */
extern struct domain idle_domains[NR_CPUS];

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

/* A new domain joins the scheduler on cpu (-1: the least-loaded CPU);
 * 0 or -ENOMEM. sched_free_domain() when it is destroyed. */
int sched_alloc_domain(struct domain *d, int cpu);
void sched_free_domain(struct domain *d);
/* DOM0_PINCPUDOMAIN: pins d (not running) to cpu % number of CPUs. */
void sched_move_domain(struct domain *d, unsigned int cpu);

struct sched_ctl_cmd;
struct sched_adjdom_cmd;
/* DOM0_SCHEDCTL and DOM0_ADJUSTDOM (ABI.md §9). */
long sched_ctl(struct sched_ctl_cmd *cmd);
long sched_adjdom(struct sched_adjdom_cmd *cmd);
/* Applies "<policy>.<param>=<value>" words of a boot-time domain's command line. */
void sched_boot_params(struct domain *d, const char *cmdline);
/* Debug key 'r': the scheduler, its settings and the run queues. */
void sched_dump(void);
/* Is d running on its CPU right now (or about to, chosen by schedule())? */
bool domain_is_running(const struct domain *d);
/* Waits until d, already kept from running, has left its CPU (Tessera's
 * other CPUs run meanwhile). Needed before touching its CPU state. */
void domain_wait_descheduled(struct domain *d);

#endif /* TESSERA_SCHED_H */
