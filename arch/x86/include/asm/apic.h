/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The local APIC of each CPU (arch/x86/apic.c) and the start of the
 * application processors (arch/x86/smpboot.c). Tessera routes the 8259
 * through the BSP's LINT0 (virtual-wire mode) and uses the APIC only for
 * its own timer and for IPIs between CPUs.
 */
#ifndef ASM_APIC_H
#define ASM_APIC_H

#define APIC_TIMER_VECTOR       0xF0
#define EVENT_CHECK_VECTOR      0xF1    /* "run your softirqs": nothing else */
#define INVALIDATE_TLB_VECTOR   0xF2    /* flush the TLB, then say so (no lock) */
#define APIC_SPURIOUS_VECTOR    0xFF

#ifndef __ASSEMBLER__
#include <tessera/lib.h>

/*
 * Finds, maps and software-enables this CPU's APIC; false if the CPU has
 * none. The BSP keeps LINT0 as ExtINT so the 8259 still reaches CPU 0.
 */
bool apic_init_bsp(void);
/* The same on an AP, whose LINT0 and LINT1 stay masked. */
void apic_init_ap(void);
unsigned int apic_id(void);
void apic_eoi(void);
/* A fixed-delivery interrupt to the CPU with that APIC id. */
void apic_send_ipi(unsigned int apic_id, uint8_t vector);
/* Measures the APIC timer against the TSC (on the BSP, before any start). */
void apic_timer_calibrate(void);
/* APIC_TIMER_VECTOR hz times a second on this CPU. */
void apic_timer_start_periodic(unsigned int hz);
/* Sets the IDT gates of the three vectors above (arch/x86/apic_entry.S). */
void apic_install_gates(void);

/* INIT then twice STARTUP at page sipi_page, to every CPU but this one. */
void apic_broadcast_init_sipi(unsigned int sipi_page);
/* Busy-waits us microseconds on the TSC (valid once it is calibrated). */
void tsc_udelay(uint32_t us);

#ifdef CONFIG_SMP
/*
 * Starts the APs, numbered 1.. in the order they check in; those beyond
 * max_cpus halt for good. Returns the CPUs online, the BSP included.
 */
unsigned int smp_boot_cpus(unsigned int max_cpus);
/* The APIC id of a CPU that smp_boot_cpus() counted. */
unsigned int cpu_apic_id(unsigned int cpu);
#else
static inline unsigned int smp_boot_cpus(unsigned int max_cpus)
{
    (void)max_cpus;
    return 1;
}

static inline unsigned int cpu_apic_id(unsigned int cpu)
{
    (void)cpu;
    return apic_id();
}
#endif

#endif /* !__ASSEMBLER__ */

#endif /* ASM_APIC_H */
