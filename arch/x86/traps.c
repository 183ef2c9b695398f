/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The IDT, the TSSs and exceptions raised by Tessera itself. An exception
 * in ring 0 is a Tessera bug: it prints the registers and a stack trace and
 * ends the machine. A double fault arrives through a task gate on its own
 * stack, so even a blown stack gets reported.
 */
#include <tessera/arch.h>
#include <tessera/bug.h>
#include <tessera/console.h>
#include <tessera/ptwr.h>
#include <tessera/sched.h>
#include <asm/desc.h>
#include <asm/layout.h>
#include <asm/regs.h>

#include "private.h"

static uint64_t idt_tables[NR_CPUS][256] __aligned(8);
struct tss cpu_tss[NR_CPUS];
static struct tss doublefault_tss;
static uint8_t doublefault_stack[4096] __aligned(16);

extern const uint8_t exception_stubs[], hypercall_entry[];

static const char *const exception_names[32] = {
    "divide error", "debug", "NMI", "breakpoint", "overflow", "bound range",
    "invalid opcode", "device not available", "double fault",
    "coprocessor segment overrun", "invalid TSS", "segment not present",
    "stack fault", "general protection", "page fault", "reserved",
    "x87 FPU error", "alignment check", "machine check", "SIMD error",
    "virtualisation", "control protection",
};

void set_gate(unsigned int vec, unsigned int type, unsigned int dpl,
                     uint16_t sel, uint32_t offset)
{
    idt_tables[smp_processor_id()][vec] = ((uint64_t)(offset & 0xFFFF0000) << 32) |
                     ((uint64_t)(0x80 | (dpl << 5) | type) << 40) |
                     ((uint32_t)sel << 16) | (offset & 0xFFFF);
}

/*
 * A vector Tessera does not use: an empty gate. INT n from a guest still
 * raises #GP((n << 3) | 2), as the gate's DPL 0 is checked first.
 */
void restore_default_gate(unsigned int vec)
{
    idt_tables[smp_processor_id()][vec] = 0;
}

static uint32_t read_cr(int n)
{
    uint32_t v = 0;

    switch (n) {
    case 0: __asm__ __volatile__("mov %%cr0, %0" : "=r"(v)); break;
    case 2: __asm__ __volatile__("mov %%cr2, %0" : "=r"(v)); break;
    case 3: __asm__ __volatile__("mov %%cr3, %0" : "=r"(v)); break;
    case 4: __asm__ __volatile__("mov %%cr4, %0" : "=r"(v)); break;
    }
    return v;
}

static void show_registers(const struct cpu_user_regs *r)
{
    uint32_t esp = regs_ring(r) ? r->esp : regs_ring0_esp(r);
    uint32_t ss = regs_ring(r) ? r->ss : __HYPERVISOR_DS;

    printk(LOG_ERR "EIP: %04x:%08x  EFLAGS: %08x  error code: %08x\n",
           r->cs & 0xFFFF, r->eip, r->eflags, r->error_code);
    printk(LOG_ERR "EAX: %08x  EBX: %08x  ECX: %08x  EDX: %08x\n",
           r->eax, r->ebx, r->ecx, r->edx);
    printk(LOG_ERR "ESI: %08x  EDI: %08x  EBP: %08x  ESP: %04x:%08x\n",
           r->esi, r->edi, r->ebp, ss, esp);
    printk(LOG_ERR "DS: %04x  ES: %04x  FS: %04x  GS: %04x\n",
           r->ds & 0xFFFF, r->es & 0xFFFF, r->fs & 0xFFFF, r->gs & 0xFFFF);
    printk(LOG_ERR "CR0: %08x  CR2: %08x  CR3: %08x  CR4: %08x\n",
           read_cr(0), read_cr(2), read_cr(3), read_cr(4));
}

static void __noreturn fatal_exception(const struct cpu_user_regs *regs)
{
    unsigned int v = regs->vector;
    const char *name = v < ARRAY_SIZE(exception_names) && exception_names[v]
                       ? exception_names[v] : "reserved";

    console_force_unlock();
    printk(LOG_ERR "****************************************\n");
    printk(LOG_ERR "Fatal exception %u (%s) in Tessera, ring %d\n",
           v, name, regs_ring(regs));
    show_registers(regs);
    printk(LOG_ERR "Call trace:\n");
    stack_trace_from(regs->eip, regs->ebp);
    printk(LOG_ERR "****************************************\n");
    machine_exit(1);
}

/*
 * A fault in Tessera is expected only where the exception table says so
 * (guest memory, guest selectors), or on a lazily mapped LDT page the CPU
 * touched on the guest's behalf.
 */
static bool hypervisor_fault_fixup(struct cpu_user_regs *regs)
{
    uint32_t fixup;

    /* Tessera touching guest memory on the guest's behalf sees the same
     * writable-page-table and LDT faults the guest would. */
    if (regs->vector == 14 && !is_idle_domain(current) &&
        ptwr_do_page_fault(current, read_cr(2), regs->error_code))
        return true;
    if (regs->vector == 14 && ldt_shadow_fault(read_cr(2)))
        return true;
    fixup = search_exception_table(regs->eip);
    if (!fixup)
        return false;
    regs->eip = fixup;
    return true;
}

/* From a guest, the lock is held until the way out drops it. */
void do_exception(struct cpu_user_regs *regs)
{
    uint32_t cr2 = read_cr(2);

    hv_lock();
    if (regs_from_guest(regs)) {
        guest_exception(regs, cr2);
        return;
    }
    if (regs->vector == 2)
        printk(LOG_WARNING "NMI received in Tessera: ignored\n");
    else if (!hypervisor_fault_fixup(regs))
        fatal_exception(regs);
    hv_unlock();
}

/* Runs as its own task: the faulting context is in cpu_tss[0]. */
static void __noreturn do_double_fault(void)
{
    struct cpu_user_regs r = {
        .eax = cpu_tss[0].eax, .ebx = cpu_tss[0].ebx, .ecx = cpu_tss[0].ecx,
        .edx = cpu_tss[0].edx, .esi = cpu_tss[0].esi, .edi = cpu_tss[0].edi,
        .ebp = cpu_tss[0].ebp, .ds = cpu_tss[0].ds, .es = cpu_tss[0].es,
        .fs = cpu_tss[0].fs, .gs = cpu_tss[0].gs, .vector = 8,
        .eip = cpu_tss[0].eip, .cs = cpu_tss[0].cs, .eflags = cpu_tss[0].eflags,
        .esp = cpu_tss[0].esp, .ss = cpu_tss[0].ss,
    };

    console_force_unlock();
    printk(LOG_ERR "****************************************\n");
    printk(LOG_ERR "Double fault in Tessera (stack overflow?)\n");
    show_registers(&r);
    printk(LOG_ERR "ESP at the fault: %08x\n", cpu_tss[0].esp);
    printk(LOG_ERR "****************************************\n");
    machine_exit(1);
}

/* CPU cpu's TSS, its descriptor in the default GDT, and TR. */
static void cpu_tss_init(unsigned int cpu)
{
    struct tss *t = &cpu_tss[cpu];

    t->ss0 = __HYPERVISOR_DS;
    t->esp0 = (uint32_t)(uintptr_t)(cpu_stack(cpu) + STACK_SIZE);
    t->iomap_base = sizeof(struct tss);     /* no I/O bitmap */
    gdt_table[GDT_ENTRY_FIRST_CPU_TSS + 2 * cpu] =
        tss_descriptor((uint32_t)(uintptr_t)t, sizeof(struct tss) - 1);
    __asm__ __volatile__("ltr %w0" : : "r"(TSS_SELECTOR(cpu)));
}

static void load_idt(unsigned int cpu)
{
    struct desc_ptr idtr = { sizeof(idt_tables[cpu]) - 1,
                             (uint32_t)(uintptr_t)idt_tables[cpu] };

    __asm__ __volatile__("lidt %0" : : "m"(idtr));
}

static void tss_init(void)
{
    uint64_t *gdt = gdt_table;

    cpu_tss_init(0);

    doublefault_tss.cr3 = (uint32_t)__pa(idle_pg_table);
    doublefault_tss.eip = (uint32_t)(uintptr_t)do_double_fault;
    doublefault_tss.esp = (uint32_t)(uintptr_t)(doublefault_stack + sizeof(doublefault_stack));
    doublefault_tss.ss = doublefault_tss.ds = doublefault_tss.es = __HYPERVISOR_DS;
    doublefault_tss.cs = __HYPERVISOR_CS;
    doublefault_tss.eflags = 0x2;
    doublefault_tss.iomap_base = sizeof(struct tss);
    gdt[GDT_ENTRY_DOUBLEFAULT_TSS] =
        tss_descriptor((uint32_t)(uintptr_t)&doublefault_tss, sizeof(struct tss) - 1);
}

/* An AP starts from the boot CPU's IDT (no guest gate is in it yet). */
void traps_init_cpu(unsigned int cpu)
{
    memcpy(idt_tables[cpu], idt_tables[0], sizeof(idt_tables[0]));
    load_idt(cpu);
    cpu_tss_init(cpu);
}

void traps_init(void)
{
    unsigned int v;

    for (v = 0; v < 32; v++)
        set_gate(v, GATE_INTERRUPT, 0, __HYPERVISOR_CS,
                 (uint32_t)(uintptr_t)(exception_stubs + 16 * v));
    /* int3 and into may be used from any ring (ABI.md §6). */
    set_gate(3, GATE_INTERRUPT, 3, __HYPERVISOR_CS, (uint32_t)(uintptr_t)(exception_stubs + 48));
    set_gate(4, GATE_INTERRUPT, 3, __HYPERVISOR_CS, (uint32_t)(uintptr_t)(exception_stubs + 64));
    set_gate(8, GATE_TASK, 0, DOUBLEFAULT_TSS_SELECTOR, 0);
    /* Hypercalls: int $0x82 from ring 1 (ring 3 gets #GP, ABI.md §1). */
    set_gate(0x82, GATE_INTERRUPT, 1, __HYPERVISOR_CS, (uint32_t)(uintptr_t)hypercall_entry);

    tss_init();
    load_idt(0);
}
