/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The bookkeeping of guest-bound physical lines (ABI.md §7 "PIRQs"),
 * free of hardware so the host tests can drive it: who shares each line,
 * and how many of them still owe a PHYSDEVOP_IRQ_UNMASK_NOTIFY for its
 * last interrupt. pirq.c turns the answers into controller calls.
 */
#ifndef TESSERA_EVTCHN_PIRQ_CORE_H
#define TESSERA_EVTCHN_PIRQ_CORE_H

#include <tessera/domain.h>

struct pirq_line {
    struct domain *guest[IRQ_MAX_GUESTS];   /* in binding order */
    uint8_t nr_guests;
    uint8_t in_flight;      /* guests yet to service the last interrupt */
    bool shareable;         /* the first binder's WILL_SHARE */
};

/* pirq_line_unbind()'s answer: what the controller must now do. */
#define PIRQ_END        1u  /* in flight no more: end the interrupt */
#define PIRQ_RELEASE    2u  /* no guest left: give the line back */

/*
 * Adds d to line l. A line already bound needs will_share from d and
 * shareable from its first binder; IRQ_MAX_GUESTS is the limit: else
 * -EBUSY. *first says d is the line's first guest.
 */
int pirq_line_bind(struct pirq_line *l, struct domain *d, bool will_share, bool *first);

/* Drops d (bound to line irq) from l, and its in-flight mark with it. */
unsigned int pirq_line_unbind(struct pirq_line *l, struct domain *d, unsigned int irq);

/*
 * An interrupt on line irq: every guest not already owing a notify for
 * it now does. Returns the number of guests, copied to out (the ones to
 * send the event to).
 */
unsigned int pirq_line_fire(struct pirq_line *l, unsigned int irq, struct domain **out);

/*
 * PHYSDEVOP_IRQ_UNMASK_NOTIFY from d: each line in flight for d whose
 * port d has unmasked is serviced. Sets in ended the lines whose last
 * guest that was (lines[] is indexed by pirq). Returns how many.
 */
unsigned int pirq_lines_unmask(struct pirq_line *lines, struct domain *d,
                               uint32_t ended[NR_PIRQS / 32]);

#endif /* TESSERA_EVTCHN_PIRQ_CORE_H */
