/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Physical lines bound to guests' event channels (ABI.md §7 "PIRQs"):
 * the bookkeeping of pirq_core.c wired to the interrupt controller
 * (irq.h) and to event delivery. An interrupt on such a line arrives here
 * acked and masked; the line is unmasked once every guest that got it
 * has called PHYSDEVOP_IRQ_UNMASK_NOTIFY with its port unmasked.
 */
#include <tessera/errno.h>
#include <tessera/event.h>
#include <tessera/irq.h>
#include "pirq_core.h"

static struct pirq_line lines[NR_PIRQS];

int pirq_guest_bind(struct domain *d, unsigned int irq, bool will_share)
{
    bool first;
    int rc;

    if (!d->physdev)
        return -EPERM;
    if (irq >= NR_PIRQS)
        return -EINVAL;
    if (irq_used_by_tessera(irq))
        return -EBUSY;
    rc = pirq_line_bind(&lines[irq], d, will_share, &first);
    if (rc == 0 && first)
        irq_guest_claim(irq);
    return rc;
}

void pirq_guest_unbind(struct domain *d, unsigned int irq)
{
    unsigned int todo;

    if (irq >= NR_PIRQS)
        return;
    todo = pirq_line_unbind(&lines[irq], d, irq);
    if (todo & PIRQ_END)
        irq_guest_end(irq);
    if (todo & PIRQ_RELEASE)
        irq_guest_release(irq);
}

void pirq_guest_unmask(struct domain *d)
{
    uint32_t ended[NR_PIRQS / 32];
    unsigned int irq;

    if (pirq_lines_unmask(lines, d, ended) == 0)
        return;
    for (irq = 0; irq < NR_PIRQS; irq++) {
        if (ended[irq / 32] & (1u << (irq % 32)))
            irq_guest_end(irq);
    }
}

void do_irq_guest(unsigned int irq)
{
    struct domain *to[IRQ_MAX_GUESTS];
    unsigned int i, n;

    if (irq >= NR_PIRQS)
        return;
    n = pirq_line_fire(&lines[irq], irq, to);
    for (i = 0; i < n; i++)
        evtchn_set_pending(to[i], to[i]->pirq_to_evtchn[irq]);
}
