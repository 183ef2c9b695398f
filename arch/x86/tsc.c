/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The TSC frequency, measured once against the PIT: channel 2 counts down
 * 10 ms (gated through port 0x61, the speaker left off).
 */
#include <tessera/arch.h>

#define PIT_HZ          1193182u
#define CALIBRATE_MS    10u

static uint32_t cpu_khz;

static inline uint64_t rdtsc(void)
{
    uint32_t lo, hi;

    __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

void tsc_calibrate(void)
{
    uint32_t count = PIT_HZ * CALIBRATE_MS / 1000;
    uint64_t t0, t1;
    uint32_t spins = 0;

    outb((uint8_t)((inb(0x61) & ~0x02) | 0x01), 0x61);
    outb(0xB0, 0x43);                   /* channel 2, mode 0, binary */
    outb((uint8_t)count, 0x42);
    outb((uint8_t)(count >> 8), 0x42);
    t0 = rdtsc();
    while (!(inb(0x61) & 0x20) && ++spins < 100000000u)
        ;
    t1 = rdtsc();
    cpu_khz = (uint32_t)((t1 - t0) / CALIBRATE_MS);
}

uint32_t arch_cpu_khz(void)
{
    return cpu_khz;
}
