/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest-bound line bookkeeping (see pirq_core.h). The caller runs with
 * interrupts off, so nothing here races with the interrupt path; the guest
 * may flip its mask bits at any time, hence the atomic load there.
 */
#include <tessera/errno.h>
#include "pirq_core.h"

static bool test_bit32(const uint32_t *map, unsigned int nr)
{
    return (map[nr / 32] >> (nr % 32)) & 1u;
}

/* Clears bit nr of map; true if it was set. */
static bool test_and_clear_bit32(uint32_t *map, unsigned int nr)
{
    bool was = test_bit32(map, nr);

    map[nr / 32] &= ~(1u << (nr % 32));
    return was;
}

int pirq_line_bind(struct pirq_line *l, struct domain *d, bool will_share, bool *first)
{
    *first = l->nr_guests == 0;
    if (*first)
        l->shareable = will_share;
    else if (!will_share || !l->shareable)
        return -EBUSY;
    if (l->nr_guests == IRQ_MAX_GUESTS)
        return -EBUSY;
    l->guest[l->nr_guests++] = d;
    return 0;
}

unsigned int pirq_line_unbind(struct pirq_line *l, struct domain *d, unsigned int irq)
{
    unsigned int i, todo = 0;

    for (i = 0; i < l->nr_guests && l->guest[i] != d; i++)
        ;
    if (i == l->nr_guests)
        return 0;
    /* A guest leaving mid-interrupt must not keep the line masked. */
    if (test_and_clear_bit32(d->pirq_in_flight, irq) && --l->in_flight == 0)
        todo |= PIRQ_END;
    for (; i + 1 < l->nr_guests; i++)
        l->guest[i] = l->guest[i + 1];
    l->guest[--l->nr_guests] = NULL;
    if (l->nr_guests == 0) {
        l->in_flight = 0;
        l->shareable = false;
        todo |= PIRQ_RELEASE;
    }
    return todo;
}

unsigned int pirq_line_fire(struct pirq_line *l, unsigned int irq, struct domain **out)
{
    unsigned int i;

    for (i = 0; i < l->nr_guests; i++) {
        struct domain *d = l->guest[i];

        if (!test_bit32(d->pirq_in_flight, irq)) {
            d->pirq_in_flight[irq / 32] |= 1u << (irq % 32);
            l->in_flight++;
        }
        out[i] = d;
    }
    return l->nr_guests;
}

/* Has d masked the port its line irq is bound to? */
static bool port_masked(const struct domain *d, unsigned int irq)
{
    unsigned int port = d->pirq_to_evtchn[irq];

    if (!d->shared_info)
        return true;
    return (__atomic_load_n(&d->shared_info->evtchn_mask[port / 32], __ATOMIC_SEQ_CST) >>
            (port % 32)) & 1u;
}

unsigned int pirq_lines_unmask(struct pirq_line *lines, struct domain *d,
                               uint32_t ended[NR_PIRQS / 32])
{
    unsigned int irq, n = 0;

    memset(ended, 0, NR_PIRQS / 8);
    for (irq = 0; irq < NR_PIRQS; irq++) {
        if (!test_bit32(d->pirq_in_flight, irq) || port_masked(d, irq))
            continue;
        test_and_clear_bit32(d->pirq_in_flight, irq);
        if (lines[irq].in_flight > 0 && --lines[irq].in_flight == 0) {
            ended[irq / 32] |= 1u << (irq % 32);
            n++;
        }
    }
    return n;
}
