/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the generic code may ask of the CPU architecture. Only arch/
 * contains inline assembly; everything else comes through here.
 */
#ifndef TESSERA_ARCH_H
#define TESSERA_ARCH_H

#include <tessera/lib.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/regs.h>
#include <asm/tsc.h>

void arch_halt(void) __noreturn;            /* interrupts off, hlt forever */
void arch_reboot(void) __noreturn;          /* keyboard controller, then triple fault */
void arch_poweroff(void) __noreturn;        /* ACPI S5, else halt */
void arch_dump_stack(void);                 /* this CPU's call trace */

/*
 * Ends the machine for good with a status: QEMU's isa-debug-exit device if
 * debug_exit= named its port (tests), else poweroff (status 0) or, after a
 * failure, reboot unless "noreboot" was given.
 */
void machine_exit(int status) __noreturn;

struct domain;
struct cpu_user_regs;
/* The running guest's registers (the frame at the top of this CPU's stack). */
struct cpu_user_regs *guest_cpu_user_regs(void);
/* Drops every lazily mapped page of d's LDT shadow. */
void ldt_shadow_invalidate(struct domain *d);
/* Loads d's GDT and LDT on this CPU. */
void arch_load_segment_tables(struct domain *d);
/* Writes back and invalidates the CPU caches (MMUEXT_FLUSH_CACHE). */
void arch_flush_cache(void);

/* The CPU clock in kHz, measured at boot against the PIT. */
uint32_t arch_cpu_khz(void);
void tsc_calibrate(void);
/* TSC cycles per tick of the system timer (time.h: HZ). */
uint64_t arch_tsc_per_tick(void);
/* Starts the system tick: timer_tick() then runs HZ times a second. */
void arch_tick_init(void);
/* The CMOS clock in seconds since 1970 (0 if it reads nonsense). */
uint32_t arch_rtc_seconds(void);
/* Lets pending interrupts in for a moment (a preemption point). */
void arch_irq_window(void);

/* machine_exit() status for a reboot dom0 asked for (not a failure). */
#define MACHINE_EXIT_REBOOT 2

#endif /* TESSERA_ARCH_H */
