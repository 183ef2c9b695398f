/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Time (ABI.md §8): system time in ns since boot, read from the TSC
 * between PIT ticks (HZ = 100); the wall clock; each domain's time fields
 * in its shared info; and the timer framework behind Tessera's periodic
 * work and set_timer_op.
 */
#ifndef TESSERA_TIME_H
#define TESSERA_TIME_H

#include <tessera/lib.h>
#include <tessera/timer.h>

#define HZ              100
#define NS_PER_TICK     (1000000000ull / HZ)
#define MILLISECS(ms)   ((uint64_t)(ms) * 1000000ull)
#define MICROSECS(us)   ((uint64_t)(us) * 1000ull)

struct domain;

typedef int64_t s_time_t;       /* system time, ns since boot */

/* Reads the CMOS clock, starts the PIT tick and this CPU's timers. */
void time_init(void);
/* System time now. Before time_init(): 0. */
s_time_t NOW(void);

/* Arms / disarms t on this CPU's timer queue (expires: system time). */
void set_timer(struct timer *t, s_time_t expires);
void stop_timer(struct timer *t);
/* Debug key 'a': prints this CPU's armed timers. */
void timer_dump(void);

/*
 * Writes d's time fields in its shared info (the version protocol of §8);
 * true if the time stamp changed since d's last refresh (VIRQ_TIMER due).
 */
bool update_dom_time(struct domain *d);
/* ns d has run, including its current run (domain virtual time). */
uint64_t domain_run_time(const struct domain *d);
/* Per-domain time state: set_timer_op's timer. */
void time_domain_init(struct domain *d);
void time_domain_destroy(struct domain *d);

/* DOM0_SETTIME: the wall clock reads secs.usecs at system time stime. */
void do_settime(uint32_t secs, uint32_t usecs, s_time_t stime);

/* Hypercall 15: one-shot timer at absolute system time hi:lo, 0 cancels. */
long do_set_timer_op(uint32_t timeout_hi, uint32_t timeout_lo);

/* The PIT tick (arch interrupt handler): accounts elapsed ticks. */
void timer_tick(uint64_t tsc);
/* A CPU's own periodic tick: refreshes its domain's time, runs its timers. */
void timer_cpu_tick(void);

#endif /* TESSERA_TIME_H */
