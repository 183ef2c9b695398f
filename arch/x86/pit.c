/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The PIT's channel 0 as the system tick: a rate generator at HZ on IRQ 0.
 */
#include <tessera/arch.h>
#include <tessera/bug.h>
#include <tessera/irq.h>
#include <tessera/time.h>
#include <asm/tsc.h>

#include "private.h"

static void pit_interrupt(unsigned int irq, void *data)
{
    (void)irq;
    (void)data;
    timer_tick(rdtsc());
}

void arch_tick_init(void)
{
    outb(0x34, 0x43);                   /* channel 0, lobyte/hibyte, mode 2 */
    outb((uint8_t)PIT_LATCH, 0x40);
    outb((uint8_t)(PIT_LATCH >> 8), 0x40);
    BUG_ON(request_irq(0, pit_interrupt, NULL, "timer") != 0);
}
