/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A fake scheduler core for host tests of the policies (sched/bvt.c,
 * sched/atropos.c, sched/rrobin.c): CPUs with idle domains, domains,
 * a fake clock, a timer list the test fires by hand, and a record of
 * reschedule requests. The test plays the core: it calls the policy's
 * hooks the way sched/core.c does (see sched_fake_schedule()).
 */
#ifndef TESTS_UNIT_SCHED_FAKE_H
#define TESTS_UNIT_SCHED_FAKE_H

#include <tessera/sched-if.h>

#define FAKE_MAX_DOMAINS    16

extern struct domain fake_domains[FAKE_MAX_DOMAINS];
extern struct domain fake_idle[NR_CPUS];
extern s_time_t fake_now;
/* Bit n set: cpu_raise_softirq_schedule(n) was called since the last clear. */
extern unsigned int fake_resched_mask;

/* Sets up the CPUs and idle domains and calls the policy's init hooks. */
void sched_fake_init(const struct scheduler *ops);
/* Frees what the policy's alloc_task gave each domain (the core's free_task). */
void sched_fake_free_tasks(void);
/* Domain index i gets id, alloc_task, built and unpaused state (not woken). */
struct domain *sched_fake_domain(unsigned int i, domid_t id, unsigned int cpu);
/* The core's part of a wake-up / a sleep (state change, then the hook). */
bool sched_fake_wake(struct domain *d);
void sched_fake_block(struct domain *d);
/*
 * The core's schedule() on cpu at fake_now: accounts the current domain's
 * run, asks do_schedule, installs the result (lastschd, curr) and arms
 * the slice timer. Returns the slice.
 */
struct task_slice sched_fake_schedule(unsigned int cpu);
/*
 * Runs the CPU for `duration` ns of fake time: schedules, advances the
 * clock to the earlier of the slice end and the next armed policy timer,
 * fires due timers, and repeats. Adds each domain's run time to its
 * cpu_time (as the core does). Returns the number of schedule() calls.
 */
unsigned int sched_fake_run(unsigned int cpu, s_time_t duration);
/* Fires every armed timer with expires <= fake_now (policy timers). */
void sched_fake_fire_timers(void);

#endif /* TESTS_UNIT_SCHED_FAKE_H */
