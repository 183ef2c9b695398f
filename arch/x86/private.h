/* SPDX-License-Identifier: GPL-2.0-only */
/* Declarations shared inside arch/x86 only. */
#ifndef ARCH_X86_PRIVATE_H
#define ARCH_X86_PRIVATE_H

#include <tessera/arch.h>
#include <tessera/lib.h>
#include <tessera/smp.h>
#include <asm/desc.h>
#include <tessera/time.h>

struct cpu_user_regs;
struct domain;

struct tss {
    uint16_t back_link, _r0;
    uint32_t esp0;
    uint16_t ss0, _r1;
    uint32_t esp1;
    uint16_t ss1, _r2;
    uint32_t esp2;
    uint16_t ss2, _r3;
    uint32_t cr3, eip, eflags, eax, ecx, edx, ebx, esp, ebp, esi, edi;
    uint16_t es, _r4, cs, _r5, ss, _r6, ds, _r7, fs, _r8, gs, _r9, ldt, _r10;
    uint16_t trace, iomap_base;
} __packed;
_Static_assert(sizeof(struct tss) == 104, "TSS layout");

extern struct tss cpu_tss[NR_CPUS];
/* This CPU's TSS (ring-0 and ring-1 stacks for entries from the guest). */
#define this_tss() (&cpu_tss[smp_processor_id()])

/* The base of CPU cpu's hypervisor stack (STACK_SIZE, aligned to it). */
#ifdef CONFIG_SMP
uint8_t *cpu_stack(unsigned int cpu);
#else
static inline uint8_t *cpu_stack(unsigned int cpu)
{
    (void)cpu;
    return cpu0_stack;
}
#endif

#define GATE_INTERRUPT  0xE
#define GATE_TRAP       0xF
#define GATE_TASK       0x5

void traps_init(void);
/* An AP's copy of the IDT and its TSS. */
void traps_init_cpu(unsigned int cpu);
void set_gate(unsigned int vec, unsigned int type, unsigned int dpl, uint16_t sel,
              uint32_t offset);
void restore_default_gate(unsigned int vec);
uint32_t search_exception_table(uint32_t eip);
void arch_load_fast_trap(struct domain *d);

/* An exception raised while a guest ran (arch/x86/guest_traps.c). */
void guest_exception(struct cpu_user_regs *regs, uint32_t cr2);
/* A #PF in the LDT shadow area: maps the page and returns true if valid. */
bool ldt_shadow_fault(uint32_t va);
/* Is va in d's LDT shadow? Then *guest_va is the guest's LDT address. */
bool ldt_fault_guest_va(struct domain *d, uint32_t va, uint32_t *guest_va);
/* The base of guest data segment sel; false if it names no descriptor. */
bool guest_segment_base(struct domain *d, uint16_t sel, uint32_t *base);
/* vm_assist 4gb_segments: fixes a truncated segment; true if handled. */
bool gpf_emulate_4gb(struct domain *d, struct cpu_user_regs *regs);
void guest_debug_trap(struct domain *d, struct cpu_user_regs *regs);
/* Queues exception vector for d's handler (TBF_* flags for error code/CR2). */
void guest_bounce_exception(struct domain *d, unsigned int vector, uint32_t flags,
                            uint32_t error_code, uint32_t cr2);
void fpu_init(void);
/* Loads d's debug registers if its DR7 is set (DEBUG_REGISTERS builds). */
#ifdef CONFIG_DEBUG_REGISTERS
void debugreg_load(const struct domain *d);
#else
static inline void debugreg_load(const struct domain *d) { }
#endif
void fpu_switch_out(struct domain *d);
void fpu_forget(struct domain *d);
/* Drops d's GDT frames (back to Tessera's default GDT). */
void gdt_release(struct domain *d);

void guest_fpu_trap(struct domain *d, struct cpu_user_regs *regs);
void i8259_init(void);
void i8259_mask(unsigned int irq);
void i8259_unmask(unsigned int irq);
void i8259_eoi(unsigned int irq);
bool i8259_spurious(unsigned int irq);
void irq_init(void);
/* An interrupt from the local APIC (vector >= FIRST_APIC_VECTOR). */
#ifdef CONFIG_SMP
void do_apic_interrupt(unsigned int vector);
#else
static inline void do_apic_interrupt(unsigned int vector)
{
    (void)vector;
}
#endif

/* The PIT's input clock and the channel-0 divisor for HZ (ABI.md §8). */
#define PIT_HZ          1193182u
#define PIT_LATCH       ((PIT_HZ + HZ / 2) / HZ)
void stack_trace_from(uint32_t eip, uint32_t ebp);

int acpi_poweroff(void);

#endif /* ARCH_X86_PRIVATE_H */
