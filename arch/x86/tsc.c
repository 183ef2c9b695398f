/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The TSC measured against the PIT, once at boot: channel 2 counts down
 * CALIBRATE_TICKS periods of the tick (gated through port 0x61, the
 * speaker left off). The result is TSC cycles per PIT tick, the unit
 * system time is built on (ABI.md §8: a tick is exactly 10 ms of system
 * time), so extrapolating from one tick stamp lands on the next one.
 */
#include <tessera/arch.h>
#include <asm/tsc.h>

#include "private.h"

#define CALIBRATE_TICKS 5u          /* 5 * PIT_LATCH fits channel 2's 16 bits */

static uint64_t tsc_per_tick;

void tsc_calibrate(void)
{
    uint32_t count = PIT_LATCH * CALIBRATE_TICKS;
    uint64_t t0, t1, per_tick;
    uint32_t spins = 0;

    outb((uint8_t)((inb(0x61) & ~0x02) | 0x01), 0x61);
    outb(0xB0, 0x43);                   /* channel 2, mode 0, binary */
    outb((uint8_t)count, 0x42);
    outb((uint8_t)(count >> 8), 0x42);
    t0 = rdtsc();
    while (!(inb(0x61) & 0x20) && ++spins < 100000000u)
        ;
    t1 = rdtsc();
    per_tick = (t1 - t0) / CALIBRATE_TICKS;
    tsc_per_tick = per_tick ? per_tick : 1;
}

uint64_t arch_tsc_per_tick(void)
{
    return tsc_per_tick;
}

uint32_t arch_cpu_khz(void)
{
    return (uint32_t)(tsc_per_tick * HZ / 1000);
}
