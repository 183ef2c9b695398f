/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The frame entry.S builds on the stack for every exception: general
 * registers, data selectors, then what the stub and the CPU pushed.
 * esp/ss are only there when the CPU switched stacks (entry from ring > 0).
 */
#ifndef ASM_REGS_H
#define ASM_REGS_H

#include <stdint.h>

struct cpu_user_regs {
    uint32_t ebx, ecx, edx, esi, edi, ebp, eax;
    uint32_t ds, es, fs, gs;
    uint32_t vector;
    uint32_t error_code;
    uint32_t eip, cs, eflags;
    uint32_t esp, ss;
};

/* The ESP at the time of the exception, for a frame taken in ring 0. */
static inline uint32_t regs_ring0_esp(const struct cpu_user_regs *r)
{
    return (uint32_t)(uintptr_t)&r->esp;
}

static inline int regs_ring(const struct cpu_user_regs *r)
{
    return r->cs & 3;
}

#endif /* ASM_REGS_H */
