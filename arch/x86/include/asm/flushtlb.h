/* SPDX-License-Identifier: GPL-2.0-only */
/* TLB and CR3 operations of the local CPU. */
#ifndef ASM_FLUSHTLB_H
#define ASM_FLUSHTLB_H

#include <stdint.h>

static inline uint32_t read_cr3(void)
{
    uint32_t v;

    __asm__ __volatile__("mov %%cr3, %0" : "=r"(v));
    return v;
}

static inline void write_cr3(uint32_t v)
{
    __asm__ __volatile__("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline void flush_tlb_local(void)
{
    write_cr3(read_cr3());
}

static inline void flush_tlb_one_local(uintptr_t va)
{
    __asm__ __volatile__("invlpg (%0)" : : "r"(va) : "memory");
}

#endif /* ASM_FLUSHTLB_H */
