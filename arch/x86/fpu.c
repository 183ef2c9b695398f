/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Lazy FPU switching: a switch only sets CR0.TS; the first FPU use of the
 * new domain traps (#NM) and loads its state then. fpu_taskswitch lets a
 * guest ask for the same trick: its next FPU use bounces #NM to it, with
 * TS already clear (ABI.md §2, §6).
 */
#include <tessera/domain.h>
#include <tessera/sched.h>
#include <asm/processor.h>

#include "private.h"

static struct domain *fpu_owners[NR_CPUS];  /* whose state is in each CPU's FPU */
#define fpu_owner fpu_owners[smp_processor_id()]
static bool have_fxsr;

void fpu_init(void)
{
    uint32_t a, b, c, d;

    cpuid(1, &a, &b, &c, &d);
    have_fxsr = d & (1u << 24);
    if (have_fxsr)
        write_cr4(read_cr4() | X86_CR4_OSFXSR);
    stts();
}

static void fpu_save(struct domain *d)
{
    if (have_fxsr)
        __asm__ __volatile__("fxsave %0" : "=m"(d->arch.fpu_state));
    else
        __asm__ __volatile__("fnsave %0; fwait" : "=m"(d->arch.fpu_state));
}

static void fpu_restore(struct domain *d)
{
    if (!d->arch.fpu_initialised) {
        __asm__ __volatile__("fninit");
        d->arch.fpu_initialised = true;
    } else if (have_fxsr) {
        __asm__ __volatile__("fxrstor %0" : : "m"(d->arch.fpu_state));
    } else {
        __asm__ __volatile__("frstor %0" : : "m"(d->arch.fpu_state));
    }
}

/* Switching away from d: keep its FPU state if it used the FPU. */
void fpu_switch_out(struct domain *d)
{
    if (fpu_owner == d && !(read_cr0() & X86_CR0_TS))
        fpu_save(d);
    if (fpu_owner == d)
        fpu_owner = NULL;
    stts();
}

/* A destroyed domain must not stay the owner. */
void fpu_forget(struct domain *d)
{
    unsigned int cpu;

    for (cpu = 0; cpu < NR_CPUS; cpu++)
        if (fpu_owners[cpu] == d)
            fpu_owners[cpu] = NULL;
}

void guest_fpu_trap(struct domain *d, struct cpu_user_regs *regs)
{
    clts();
    if (fpu_owner != d) {
        fpu_restore(d);
        fpu_owner = d;
    }
    if (d->arch.fpu_guest_ts) {
        d->arch.fpu_guest_ts = false;
        guest_bounce_exception(d, 7, 0, 0, 0);
    }
}

/* fpu_taskswitch: the guest's next FPU use traps to the guest. */
long do_fpu_taskswitch(void)
{
    current->arch.fpu_guest_ts = true;
    stts();
    return 0;
}
