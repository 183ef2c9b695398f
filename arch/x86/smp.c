/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Several CPUs (include/tessera/smp.h): their stacks, the hypervisor
 * lock, the start of an application processor and the interrupts the
 * local APICs deliver (tick, event check).
 */
#include <tessera/bug.h>
#include <tessera/cmdline.h>
#include <tessera/console.h>
#include <tessera/sched.h>
#include <tessera/smp.h>
#include <tessera/softirq.h>
#include <tessera/time.h>
#include <asm/apic.h>
#include <asm/current.h>
#include <asm/flushtlb.h>

#include "private.h"

/*
 * CPU 0 runs on cpu0_stack (head.S); the others here. The linker script
 * aligns this section to STACK_SIZE (an 8 KB alignment on the object
 * itself would move the multiboot header out of the image's first 8 KB).
 */
static uint8_t ap_stacks[NR_CPUS > 1 ? NR_CPUS - 1 : 1][STACK_SIZE]
    __section(".bss.stack_aligned") __aligned(PAGE_SIZE);

uint8_t *cpu_stack(unsigned int cpu)
{
    return cpu == 0 ? cpu0_stack : ap_stacks[cpu - 1];
}

static bool opt_nosmp;
boot_param_bool("nosmp", opt_nosmp);
static bool opt_ignorebiostables;
boot_param_bool("ignorebiostables", opt_ignorebiostables);
static uint32_t opt_maxcpus = NR_CPUS;
boot_param_uint("maxcpus", opt_maxcpus);

/* --- The hypervisor lock --------------------------------------------------- */

/*
 * A ticket lock, so a CPU that waits is served next: with a plain
 * test-and-set, a CPU that drops the lock for a moment (a guest doing
 * hypercalls in a loop) takes it straight back and can starve the others.
 */
static volatile uint32_t next_ticket, now_serving;
static volatile int lock_owner = -1;
static unsigned int lock_depth[NR_CPUS];

void hv_lock(void)
{
    unsigned int cpu = smp_processor_id();
    uint32_t ticket;

    if (lock_owner == (int)cpu) {
        lock_depth[cpu]++;
        return;
    }
    ticket = __sync_fetch_and_add(&next_ticket, 1);
    while (now_serving != ticket) {
        smp_tlb_flush_check();      /* the holder may be waiting for this CPU */
        __asm__ __volatile__("pause" : : : "memory");
    }
    lock_owner = (int)cpu;
    lock_depth[cpu] = 1;
}

static void lock_pass_on(void)
{
    lock_owner = -1;
    barrier();              /* x86 keeps the stores before it in order */
    now_serving = now_serving + 1;
}

void hv_unlock(void)
{
    unsigned int cpu = smp_processor_id();

    ASSERT(lock_owner == (int)cpu && lock_depth[cpu] > 0);
    if (--lock_depth[cpu] == 0)
        lock_pass_on();
}

void hv_lock_reset_depth(void)
{
    unsigned int cpu = smp_processor_id();

    if (lock_owner != (int)cpu)
        hv_lock();
    lock_depth[cpu] = 1;
}

unsigned int hv_lock_release_all(void)
{
    unsigned int cpu = smp_processor_id(), depth = lock_depth[cpu];

    ASSERT(lock_owner == (int)cpu);
    lock_depth[cpu] = 0;
    lock_pass_on();
    return depth;
}

void hv_lock_restore(unsigned int depth)
{
    hv_lock();
    lock_depth[smp_processor_id()] = depth;
}

/* --- TLB shootdown ------------------------------------------------------------ */

/*
 * A CPU asked to flush answers from wherever it is: in a guest or halted
 * (the IPI, handled without the lock), or waiting with interrupts off
 * for the lock or for a domain to leave its CPU (those loops poll).
 */
static volatile uint32_t tlb_flush_wanted[NR_CPUS];

void smp_tlb_flush_check(void)
{
    unsigned int cpu = smp_processor_id();

    if (tlb_flush_wanted[cpu]) {
        flush_tlb_local();
        barrier();
        tlb_flush_wanted[cpu] = 0;
    }
}

void smp_flush_tlb_all(void)
{
    unsigned int cpu, self = smp_processor_id();

    flush_tlb_local();
    for (cpu = 0; cpu < nr_cpus_online; cpu++) {
        if (cpu == self)
            continue;
        tlb_flush_wanted[cpu] = 1;
        apic_send_ipi(cpu_apic_id(cpu), INVALIDATE_TLB_VECTOR);
    }
    for (cpu = 0; cpu < nr_cpus_online; cpu++)
        while (tlb_flush_wanted[cpu])
            __asm__ __volatile__("pause" : : : "memory");
}

/* --- Interrupts from the local APIC ----------------------------------------- */

void smp_send_event_check(unsigned int cpu)
{
    if (cpu != smp_processor_id() && cpu < nr_cpus_online)
        apic_send_ipi(cpu_apic_id(cpu), EVENT_CHECK_VECTOR);
}

/* An event check needs no work here: the way out runs the softirqs. */
void do_apic_interrupt(unsigned int vector)
{
    switch (vector) {
    case INVALIDATE_TLB_VECTOR:
        smp_tlb_flush_check();
        break;
    case APIC_TIMER_VECTOR:
        timer_cpu_tick();
        break;
    case APIC_SPURIOUS_VECTOR:
        return;                 /* no EOI for a spurious interrupt */
    default:
        break;
    }
    apic_eoi();
}

/* --- Start of day -------------------------------------------------------- */

/* An AP, on its own stack: the rest of its set-up, then the idle loop. */
void start_secondary(unsigned int cpu)
{
    struct cpu_info *ci = get_cpu_info();

    ci->processor_id = cpu;
    ci->curr_domain = &idle_domains[cpu];
    traps_init_cpu(cpu);
    fpu_init();
    apic_init_ap();
    hv_lock();
    printk("CPU%u is up (APIC id %u)\n", cpu, apic_id());
    apic_timer_start_periodic(HZ);
    idle_loop();
}

void smp_init(void)
{
    unsigned int max = MIN(opt_maxcpus, (uint32_t)NR_CPUS);

    BUG_ON((uintptr_t)ap_stacks & (STACK_SIZE - 1));   /* get_cpu_info() needs it */
    if (opt_nosmp || opt_ignorebiostables || max <= 1)
        return;
    if (!apic_init_bsp()) {
        printk("No local APIC: one CPU\n");
        return;
    }
    apic_install_gates();
    apic_timer_calibrate();
    nr_cpus_online = smp_boot_cpus(max);
    printk("CPUs online: %u\n", nr_cpus_online);
}
