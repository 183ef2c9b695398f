/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tessera's GDT layout (ABI.md §3): entries 0-255 belong to the guest,
 * 256-295 are reserved, and the selectors below are part of the guest ABI.
 */
#ifndef ASM_DESC_H
#define ASM_DESC_H

/* The guest-visible part: reserved entries, FLAT_RING1_CS and friends. */
#include <public/arch-x86_32.h>

#define GDT_ENTRY_DOUBLEFAULT_TSS   256
#define GDT_ENTRY_HYPERVISOR_CS     257
#define GDT_ENTRY_HYPERVISOR_DS     258
#define GDT_ENTRY_RING1_CS          259
#define GDT_ENTRY_RING1_DS          260
#define GDT_ENTRY_RING3_CS          261
#define GDT_ENTRY_RING3_DS          262
#define GDT_ENTRY_FIRST_CPU_TSS     264     /* TSS = 264 + 2n, LDT = 265 + 2n */
#define DEFAULT_GDT_ENTRIES         (LAST_RESERVED_GDT_ENTRY + 1)

#define __HYPERVISOR_CS     0x0808
#define __HYPERVISOR_DS     0x0810

#define TSS_SELECTOR(cpu)   ((GDT_ENTRY_FIRST_CPU_TSS + 2 * (cpu)) << 3)
#define LDT_SELECTOR(cpu)   ((GDT_ENTRY_FIRST_CPU_TSS + 2 * (cpu) + 1) << 3)
#define DOUBLEFAULT_TSS_SELECTOR (GDT_ENTRY_DOUBLEFAULT_TSS << 3)

#define STACK_SIZE          8192    /* per CPU, aligned to its size */

/* Interrupt vectors: 0x20-0x2F are left to guests' fast-trap gates. */
#define FIRST_IRQ_VECTOR    0x30    /* the 8259s' lines 0-15 */
#define FIRST_APIC_VECTOR   0xF0    /* local APIC: timer, IPIs (asm/apic.h) */

#ifndef __ASSEMBLER__
#include <stdint.h>

struct desc_ptr {
    uint16_t limit;
    uint32_t base;
} __attribute__((packed));

extern uint64_t gdt_table[DEFAULT_GDT_ENTRIES];
extern uint8_t cpu0_stack[STACK_SIZE];

/* A 32-bit descriptor for a TSS of the given limit (type 9, DPL 0). */
static inline uint64_t tss_descriptor(uint32_t base, uint32_t limit)
{
    return ((uint64_t)(base & 0xFF000000) << 32) | ((uint64_t)0x89 << 40) |
           ((uint64_t)(base & 0x00FFFFFF) << 16) | (limit & 0xFFFF) |
           ((uint64_t)(limit & 0xF0000) << 32);
}
#endif

#endif /* ASM_DESC_H */
