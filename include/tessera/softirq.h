/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Deferred work, run on the way back to a guest and in the idle loop:
 * never in the middle of a hypercall or an exception handler. Each CPU
 * has its own pending set.
 */
#ifndef TESSERA_SOFTIRQ_H
#define TESSERA_SOFTIRQ_H

#include <tessera/lib.h>

enum softirq {
    TIMER_SOFTIRQ,      /* first: expired timers may wake domains */
    SCHEDULE_SOFTIRQ,
    NR_SOFTIRQS
};

void open_softirq(enum softirq nr, void (*handler)(void));
/* Raises nr on this CPU. */
void raise_softirq(enum softirq nr);
/* Raises nr on cpu, sending it an event check if it is another CPU. */
void cpu_raise_softirq(unsigned int cpu, enum softirq nr);
bool softirq_pending(void);
/* Runs pending handlers until none is left; a handler may not return
 * (a context switch), in which case its bit was cleared first. */
void do_softirq(void);

#endif /* TESSERA_SOFTIRQ_H */
