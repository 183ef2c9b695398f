/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Starting the application processors. Tessera reads no firmware table:
 * the BSP broadcasts INIT and STARTUP to every other CPU, and each AP that
 * wakes takes the next CPU number itself (boot/trampoline.S), so CPUs are
 * numbered in the order they arrive and the ones beyond max_cpus halt
 * where they are, in the trampoline page (the first MB is never reused).
 * The BSP waits until max_cpus arrived, or until none arrived for
 * AP_WAIT_US, then closes the numbering. Broadcasting needs no firmware
 * table, which Tessera does not parse; the price is that CPUs the firmware
 * disabled wake too, and are only kept out by max_cpus.
 */
#include <tessera/arch.h>
#include <tessera/bootinfo.h>
#include <tessera/console.h>
#include <tessera/mm.h>
#include <tessera/smp.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/flushtlb.h>
#include <asm/layout.h>
#include <asm/processor.h>

#include "private.h"

/* How long the BSP waits for the next AP to check in. */
#define AP_WAIT_US          100000
/* Low memory at and above this may be the EBDA: never used for the trampoline. */
#define LOW_MEM_TOP         0x9F000u
/* ap_next_cpu once the BSP stopped waiting: above any max_cpus. */
#define AP_NUMBERS_CLOSED   0x7FFFFFFFu
#define PDE_4M_IDENTITY_0   (_PAGE_PRESENT | _PAGE_RW | _PAGE_PSE)

/* Declared by arch/x86/private.h, defined in arch/x86/smp.c. */
uint8_t *cpu_stack(unsigned int cpu);
void start_secondary(unsigned int cpu);

extern const char trampoline_start[], trampoline_end[];

/* Read by boot/trampoline.S: the BSP's settings, the numbering, the stacks. */
uint32_t ap_boot_cr0, ap_boot_cr4;
volatile uint32_t ap_next_cpu, ap_max_cpus;
uint32_t ap_stack_top[NR_CPUS];

static unsigned int apic_ids[NR_CPUS];
static volatile uint32_t aps_checked_in;
static volatile bool identity_map_gone;

unsigned int cpu_apic_id(unsigned int cpu)
{
    return cpu < NR_CPUS ? apic_ids[cpu] : 0;
}

/* The C side of an AP's arrival (boot/trampoline.S), on its own stack. */
void smp_ap_enter(unsigned int cpu) __noreturn;
void smp_ap_enter(unsigned int cpu)
{
    apic_ids[cpu] = apic_id();
    __atomic_fetch_add(&aps_checked_in, 1, __ATOMIC_SEQ_CST);
    /* No stale 1:1 translation may outlive the map: it would hide NULL accesses. */
    while (!identity_map_gone)
        __asm__ __volatile__("pause" : : : "memory");
    flush_tlb_local();
    start_secondary(cpu);
    arch_halt();
}

static bool holds_loader_data(uint32_t pa)
{
    unsigned int i;

    for (i = 0; i < boot_info.nr_reserved; i++) {
        const struct phys_range *r = &boot_info.reserved[i];

        if (r->start < pa + PAGE_SIZE && pa < r->end)
            return true;
    }
    return false;
}

/*
 * The highest RAM page of the first MB that the loader left nothing in
 * (mbi, command lines, memory map): the first MB is never given to the
 * heaps or to domains, and page 0 (real-mode IVT, BIOS data) is skipped.
 */
static uint32_t trampoline_page(void)
{
    uint32_t top = boot_info.mem_lower_kb ? boot_info.mem_lower_kb << 10 : LOW_MEM_TOP;
    uint32_t pa;

    top = MIN(top, LOW_MEM_TOP) & PAGE_MASK;
    for (pa = top - PAGE_SIZE; pa >= PAGE_SIZE; pa -= PAGE_SIZE) {
        if (frame_is_ram(pa >> PAGE_SHIFT) && !holds_loader_data(pa))
            return pa;
    }
    return 0;
}

static uint64_t us_to_tsc(uint32_t us)
{
    return arch_tsc_per_tick() * us / (1000000u / HZ);
}

/* Until want APs checked in, or none did for AP_WAIT_US; returns how many did. */
static uint32_t wait_for_aps(uint32_t want)
{
    uint32_t seen = aps_checked_in;
    uint64_t start = rdtsc();

    while (seen < want && rdtsc() - start < us_to_tsc(AP_WAIT_US)) {
        if (aps_checked_in != seen) {
            seen = aps_checked_in;
            start = rdtsc();
        }
        __asm__ __volatile__("pause" : : : "memory");
    }
    return aps_checked_in;
}

unsigned int smp_boot_cpus(unsigned int max_cpus)
{
    uint32_t pa, cpu, numbered, arrived;

    apic_ids[0] = apic_id();
    max_cpus = MIN(max_cpus, (unsigned int)NR_CPUS);
    if (max_cpus <= 1)
        return 1;
    pa = trampoline_page();
    if (!pa) {
        printk("SMP: no free page below 1 MB to start the other CPUs from\n");
        return 1;
    }
    memcpy(__va(pa), trampoline_start, (size_t)(trampoline_end - trampoline_start));
    for (cpu = 1; cpu < max_cpus; cpu++)
        ap_stack_top[cpu] = (uint32_t)(uintptr_t)(cpu_stack(cpu) + STACK_SIZE);
    ap_boot_cr0 = read_cr0();
    ap_boot_cr4 = read_cr4();
    ap_max_cpus = max_cpus;
    ap_next_cpu = 1;
    aps_checked_in = 0;
    identity_map_gone = false;
    /* The copy runs 1:1 while the AP turns paging on: map the first 4 MB for that. */
    idle_pg_table[0] = PDE_4M_IDENTITY_0;
    __sync_synchronize();

    apic_broadcast_init_sipi(pa >> PAGE_SHIFT);
    wait_for_aps(max_cpus - 1);

    /* APs still to come halt in the copy; numbered ones need the 1:1 map until they arrive. */
    numbered = __atomic_exchange_n(&ap_next_cpu, AP_NUMBERS_CLOSED, __ATOMIC_SEQ_CST) - 1;
    arrived = wait_for_aps(numbered);
    if (arrived != numbered)
        printk("SMP: %u CPUs took a number but only %u arrived\n", numbered, arrived);

    idle_pg_table[0] = 0;
    flush_tlb_local();
    identity_map_gone = true;
    printk("SMP: started %u other CPUs from %#x\n", arrived, pa);
    return 1 + arrived;
}
