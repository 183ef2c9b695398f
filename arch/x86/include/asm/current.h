/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-CPU data at the base of each CPU's hypervisor stack: every stack is
 * STACK_SIZE-aligned, so masking ESP finds it from anywhere in Tessera.
 * (The guest frame sits at the top of the same stack.)
 */
#ifndef ASM_CURRENT_H
#define ASM_CURRENT_H

#include <stdint.h>
#include <asm/desc.h>

struct domain;

struct cpu_info {
    unsigned int processor_id;
    struct domain *curr_domain; /* the domain whose context this CPU holds */
};

static inline struct cpu_info *get_cpu_info(void)
{
    uint32_t esp;

    __asm__("mov %%esp, %0" : "=r"(esp));
    return (struct cpu_info *)(uintptr_t)(esp & ~(uint32_t)(STACK_SIZE - 1));
}

#endif /* ASM_CURRENT_H */
