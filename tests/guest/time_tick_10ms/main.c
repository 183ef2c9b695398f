/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * time_tick_10ms: the 100 Hz tick (ABI.md §8), in ICOUNT virtual time.
 * While dom0 spins, every tick refreshes its time fields: 20 successive
 * stamps are exactly 10,000,000 ns of system time apart, and the TSC
 * moved by cpu_freq / 100 (within 0.1%) between two of them. Under
 * ICOUNT the TSC runs at 1 GHz and the PIT period is 11932 / 1193182 s,
 * so a tick is 10,000,150 cycles: cpu_freq is 1.000015e9 within 0.1%,
 * and 20 ticks span 200,003,017 cycles within 0.01%.
 */
#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

#define TICKS           20
#define ICOUNT_FREQ     1000015000ull   /* Hz: 1 GHz TSC over the PIT's 10.00015 ms */
#define ICOUNT_20_TICKS 200003017ull    /* TSC cycles in 20 PIT periods */

static struct time_info stamp[TICKS + 1];

static bool within(uint64_t got, uint64_t want, uint64_t per_mille_x10)
{
    uint64_t slack = want * per_mille_x10 / 10000;

    return got + slack >= want && got <= want + slack;
}

void test_main(void)
{
    unsigned int i;
    uint64_t dtsc;

    if (!time_test_ready())
        return;
    for (i = 0; i <= TICKS; i++) {
        if (!time_wait_tick(&stamp[i], TIME_WAIT_CYCLES)) {
            xtf_failure("Fail: refresh %u never came\n", i);
            return;
        }
    }
    if (!within(stamp[0].cpu_freq, ICOUNT_FREQ, 10))
        xtf_failure("Fail: cpu_freq: expected %llu (0.1%%) got %llu\n", ICOUNT_FREQ,
                    (unsigned long long)stamp[0].cpu_freq);
    for (i = 1; i <= TICKS; i++) {
        const struct time_info *a = &stamp[i - 1], *b = &stamp[i];

        if (b->system_time - a->system_time != TIME_TICK_NS)
            xtf_failure("Fail: refresh %u: expected system_time +%llu got %llu -> %llu\n", i,
                        TIME_TICK_NS, (unsigned long long)a->system_time,
                        (unsigned long long)b->system_time);
        dtsc = b->tsc_timestamp - a->tsc_timestamp;
        if (!within(dtsc, b->cpu_freq / 100, 10))
            xtf_failure("Fail: refresh %u: TSC moved %llu, expected cpu_freq/100 = %llu "
                        "(0.1%%)\n", i, (unsigned long long)dtsc,
                        (unsigned long long)(b->cpu_freq / 100));
    }
    dtsc = stamp[TICKS].tsc_timestamp - stamp[0].tsc_timestamp;
    if (!within(dtsc, ICOUNT_20_TICKS, 1))
        xtf_failure("Fail: 20 ticks: expected %llu TSC cycles (0.01%%) got %llu\n",
                    ICOUNT_20_TICKS, (unsigned long long)dtsc);
    printf("cpu_freq %llu, 20 ticks %llu cycles\n", (unsigned long long)stamp[0].cpu_freq,
           (unsigned long long)dtsc);
    xtf_success(NULL);
}
