/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The local APIC: one per CPU, all at the same machine address, each CPU
 * seeing its own. Tessera keeps the 8259s for device interrupts (they
 * reach CPU 0 through LINT0 in virtual-wire mode) and uses the APIC for
 * the per-CPU timer, IPIs and AP start-up.
 */
#include <tessera/arch.h>
#include <tessera/console.h>
#include <tessera/ioremap.h>
#include <tessera/time.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/processor.h>

#include "private.h"

#define APIC_DEFAULT_BASE   0xFEE00000u
#define MSR_APIC_BASE       0x1B
#define CPUID_EDX_MSR       (1u << 5)
#define CPUID_EDX_APIC      (1u << 9)

/* Register offsets. */
#define APIC_ID             0x020
#define APIC_TPR            0x080
#define APIC_EOI            0x0B0
#define APIC_SVR            0x0F0
#define APIC_ESR            0x280
#define APIC_ICR_LO         0x300
#define APIC_ICR_HI         0x310
#define APIC_LVT_TIMER      0x320
#define APIC_LVT_LINT0      0x350
#define APIC_LVT_LINT1      0x360
#define APIC_LVT_ERROR      0x370
#define APIC_TIMER_INIT     0x380
#define APIC_TIMER_CURRENT  0x390
#define APIC_TIMER_DIVIDE   0x3E0

#define APIC_SVR_ENABLE     (1u << 8)
#define APIC_LVT_MASKED     (1u << 16)
#define APIC_LVT_PERIODIC   (1u << 17)
#define APIC_LVT_MODE_MASK  (7u << 8)
#define APIC_DM_FIXED       (0u << 8)
#define APIC_DM_NMI         (4u << 8)
#define APIC_DM_INIT        (5u << 8)
#define APIC_DM_STARTUP     (6u << 8)
#define APIC_DM_EXTINT      (7u << 8)
#define APIC_ICR_BUSY       (1u << 12)
#define APIC_ICR_ASSERT     (1u << 14)
#define APIC_ICR_LEVEL      (1u << 15)
#define APIC_DEST_ALLBUT    (3u << 18)
#define APIC_DIVIDE_16      0x3

/* How long an IPI may stay undelivered before we give up on it. */
#define ICR_TIMEOUT_US      1000

static volatile uint32_t *apic_regs;
static uint32_t apic_timer_per_sec;     /* timer counts a second at divide 16 */

static uint32_t apic_read(unsigned int reg)
{
    return apic_regs[reg / 4];
}

static void apic_write(unsigned int reg, uint32_t v)
{
    apic_regs[reg / 4] = v;
}

static uint64_t rdmsr(uint32_t msr)
{
    uint32_t lo, hi;

    __asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
    return ((uint64_t)hi << 32) | lo;
}

static uint32_t irq_save(void)
{
    uint32_t flags;

    __asm__ __volatile__("pushf; pop %0; cli" : "=r"(flags) : : "memory");
    return flags;
}

static void irq_restore(uint32_t flags)
{
    __asm__ __volatile__("push %0; popf" : : "r"(flags) : "memory", "cc");
}

void tsc_udelay(uint32_t us)
{
    uint64_t start = rdtsc();
    uint64_t cycles = arch_tsc_per_tick() * us / (1000000u / HZ);

    while (rdtsc() - start < cycles)
        __asm__ __volatile__("pause");
}

/* Waits for the ICR to accept another IPI; false if it never did. */
static bool icr_wait_idle(void)
{
    uint64_t start = rdtsc();
    uint64_t limit = arch_tsc_per_tick() * ICR_TIMEOUT_US / (1000000u / HZ);

    while (apic_read(APIC_ICR_LO) & APIC_ICR_BUSY) {
        if (rdtsc() - start > limit)
            return false;
        __asm__ __volatile__("pause");
    }
    return true;
}

/* One ICR write pair, not interleaved with an interrupt handler's. */
static void icr_send(uint32_t dest_apic_id, uint32_t lo)
{
    uint32_t flags = irq_save();

    if (!icr_wait_idle())
        printk("APIC: IPI %#x: the previous one is still pending\n", lo);
    apic_write(APIC_ICR_HI, dest_apic_id << 24);
    apic_write(APIC_ICR_LO, lo);
    if (!icr_wait_idle())
        printk("APIC: IPI %#x to %u not delivered\n", lo, dest_apic_id);
    irq_restore(flags);
}

unsigned int apic_id(void)
{
    return apic_read(APIC_ID) >> 24;
}

void apic_eoi(void)
{
    apic_write(APIC_EOI, 0);
}

void apic_send_ipi(unsigned int dest, uint8_t vector)
{
    icr_send(dest, APIC_DM_FIXED | APIC_ICR_ASSERT | vector);
}

void apic_broadcast_init_sipi(unsigned int sipi_page)
{
    apic_write(APIC_ESR, 0);
    icr_send(0, APIC_DEST_ALLBUT | APIC_ICR_LEVEL | APIC_ICR_ASSERT | APIC_DM_INIT);
    tsc_udelay(10000);
    icr_send(0, APIC_DEST_ALLBUT | APIC_ICR_ASSERT | APIC_DM_STARTUP | (sipi_page & 0xFF));
    tsc_udelay(200);
    icr_send(0, APIC_DEST_ALLBUT | APIC_ICR_ASSERT | APIC_DM_STARTUP | (sipi_page & 0xFF));
    tsc_udelay(200);
}

/* The settings every CPU shares: enabled, spurious vector, nothing masked by priority. */
static void apic_setup_common(void)
{
    apic_write(APIC_SVR, APIC_SVR_ENABLE | APIC_SPURIOUS_VECTOR);
    apic_write(APIC_TPR, 0);
    apic_write(APIC_LVT_TIMER, APIC_LVT_MASKED | APIC_TIMER_VECTOR);
    apic_write(APIC_LVT_ERROR, APIC_LVT_MASKED);
    apic_write(APIC_ESR, 0);                /* the write latches, then clears */
    apic_write(APIC_ESR, 0);
}

bool apic_init_bsp(void)
{
    uint32_t a, b, c, d, base = APIC_DEFAULT_BASE, lint0;

    cpuid(1, &a, &b, &c, &d);
    if (!(d & CPUID_EDX_APIC))
        return false;
    if (d & CPUID_EDX_MSR)
        base = (uint32_t)rdmsr(MSR_APIC_BASE) & PAGE_MASK;
    apic_regs = ioremap(base, PAGE_SIZE, true);
    if (!apic_regs)
        return false;
    apic_setup_common();

    /*
     * A BIOS that left the APIC software-disabled left every LVT masked;
     * the 8259 then needs LINT0 as ExtINT to reach CPU 0 (virtual wire),
     * and LINT1 carries NMI. What the BIOS set up that way stays as it is.
     */
    lint0 = apic_read(APIC_LVT_LINT0);
    if ((lint0 & APIC_LVT_MASKED) || (lint0 & APIC_LVT_MODE_MASK) != APIC_DM_EXTINT)
        apic_write(APIC_LVT_LINT0, APIC_DM_EXTINT);
    if (apic_read(APIC_LVT_LINT1) & APIC_LVT_MASKED)
        apic_write(APIC_LVT_LINT1, APIC_DM_NMI);

    printk("Local APIC: id %u at %#x\n", apic_id(), base);
    return true;
}

void apic_init_ap(void)
{
    apic_setup_common();
    /* Only CPU 0 takes the 8259's interrupts and the NMI line. */
    apic_write(APIC_LVT_LINT0, APIC_LVT_MASKED | APIC_DM_EXTINT);
    apic_write(APIC_LVT_LINT1, APIC_LVT_MASKED | APIC_DM_NMI);
}

/* Counts down from the top for one tick of the TSC: the bus clock / 16. */
void apic_timer_calibrate(void)
{
    uint64_t start, cycles = arch_tsc_per_tick();
    uint32_t left;

    apic_write(APIC_LVT_TIMER, APIC_LVT_MASKED | APIC_TIMER_VECTOR);
    apic_write(APIC_TIMER_DIVIDE, APIC_DIVIDE_16);
    apic_write(APIC_TIMER_INIT, 0xFFFFFFFFu);
    start = rdtsc();
    while (rdtsc() - start < cycles)
        ;
    left = apic_read(APIC_TIMER_CURRENT);
    apic_write(APIC_TIMER_INIT, 0);
    apic_timer_per_sec = (0xFFFFFFFFu - left) * HZ;
    printk("APIC timer: %u kHz bus clock\n", apic_timer_per_sec / 1000 * 16);
}

void apic_timer_start_periodic(unsigned int hz)
{
    uint32_t count = hz ? apic_timer_per_sec / hz : 0;

    apic_write(APIC_TIMER_DIVIDE, APIC_DIVIDE_16);
    apic_write(APIC_LVT_TIMER, APIC_LVT_PERIODIC | APIC_TIMER_VECTOR);
    apic_write(APIC_TIMER_INIT, count ? count : 1);
}

void apic_install_gates(void)
{
    extern const char apic_timer_entry[], event_check_entry[], apic_spurious_entry[];
    extern const char invalidate_tlb_entry[];

    set_gate(APIC_TIMER_VECTOR, GATE_INTERRUPT, 0, __HYPERVISOR_CS,
             (uint32_t)(uintptr_t)apic_timer_entry);
    set_gate(EVENT_CHECK_VECTOR, GATE_INTERRUPT, 0, __HYPERVISOR_CS,
             (uint32_t)(uintptr_t)event_check_entry);
    set_gate(INVALIDATE_TLB_VECTOR, GATE_INTERRUPT, 0, __HYPERVISOR_CS,
             (uint32_t)(uintptr_t)invalidate_tlb_entry);
    set_gate(APIC_SPURIOUS_VECTOR, GATE_INTERRUPT, 0, __HYPERVISOR_CS,
             (uint32_t)(uintptr_t)apic_spurious_entry);
}
