/* SPDX-License-Identifier: GPL-2.0-only */
/* Control registers, descriptor tables and the FPU of the local CPU. */
#ifndef ASM_PROCESSOR_H
#define ASM_PROCESSOR_H

#include <stdint.h>

#define X86_CR0_TS          0x00000008
#define X86_CR4_OSFXSR      0x00000200

static inline uint32_t read_cr0(void)
{
    uint32_t v;

    __asm__ __volatile__("mov %%cr0, %0" : "=r"(v));
    return v;
}

static inline void write_cr0(uint32_t v)
{
    __asm__ __volatile__("mov %0, %%cr0" : : "r"(v));
}

static inline uint32_t read_cr4(void)
{
    uint32_t v;

    __asm__ __volatile__("mov %%cr4, %0" : "=r"(v));
    return v;
}

static inline void write_cr4(uint32_t v)
{
    __asm__ __volatile__("mov %0, %%cr4" : : "r"(v));
}

static inline void clts(void)
{
    __asm__ __volatile__("clts");
}

static inline void stts(void)
{
    write_cr0(read_cr0() | X86_CR0_TS);
}

static inline void cpuid(uint32_t leaf, uint32_t *a, uint32_t *b, uint32_t *c, uint32_t *d)
{
    __asm__ __volatile__("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d) : "a"(leaf), "c"(0));
}

static inline void load_gdt(uint32_t base, uint16_t limit)
{
    struct { uint16_t limit; uint32_t base; } __attribute__((packed)) d = { limit, base };

    __asm__ __volatile__("lgdt %0" : : "m"(d));
}

static inline void load_ldt_selector(uint16_t sel)
{
    __asm__ __volatile__("lldt %w0" : : "q"(sel));
}

static inline void safe_halt(void)
{
    __asm__ __volatile__("sti; hlt" : : : "memory");
}

static inline void local_irq_disable(void)
{
    __asm__ __volatile__("cli" : : : "memory");
}

static inline uint32_t read_dr6(void)
{
    uint32_t v;

    __asm__ __volatile__("mov %%db6, %0" : "=r"(v));
    return v;
}

#endif /* ASM_PROCESSOR_H */
