/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ASM_TSC_H
#define ASM_TSC_H

#include <stdint.h>

static inline uint64_t rdtsc(void)
{
    uint32_t lo, hi;

    __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

#endif /* ASM_TSC_H */
