/* SPDX-License-Identifier: GPL-2.0-only */
#include <tessera/softirq.h>

static void (*handlers[NR_SOFTIRQS])(void);
static uint32_t pending;        /* one CPU for now: per CPU with SMP */

void open_softirq(enum softirq nr, void (*handler)(void))
{
    handlers[nr] = handler;
}

void raise_softirq(enum softirq nr)
{
    pending |= 1u << nr;
}

bool softirq_pending(void)
{
    return pending != 0;
}

void do_softirq(void)
{
    while (pending) {
        unsigned int nr = (unsigned int)__builtin_ctz(pending);

        pending &= ~(1u << nr);
        if (handlers[nr])
            handlers[nr]();
    }
}
