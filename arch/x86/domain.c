/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domains on x86: their initial register state, the switch from one to
 * another (page tables, GDT/LDT, ring-1 stack, fast trap gate, FPU), the
 * idle loop, and the lazily mapped LDT shadow (ABI.md §3).
 */
#include <tessera/bug.h>
#include <tessera/domain.h>
#include <tessera/mm.h>
#include <tessera/ptwr.h>
#include <tessera/sched.h>
#include <tessera/softirq.h>
#include <asm/desc.h>
#include <asm/flushtlb.h>
#include <asm/current.h>
#include <asm/layout.h>
#include <asm/processor.h>

#include "private.h"

void reset_stack_and_jump(void (*fn)(void)) __noreturn;
void ret_to_guest(void);

#define PTE_HYPERVISOR  (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define LDT_DESC_TYPE   0x82u   /* present, DPL 0, LDT */

/* The frame at the top of this CPU's stack: the running guest's registers. */
struct cpu_user_regs *guest_cpu_user_regs(void)
{
    return (struct cpu_user_regs *)((uint8_t *)get_cpu_info() + STACK_SIZE -
                                    sizeof(struct cpu_user_regs));
}

/* ABI.md §13 "Entry state": flat ring-1 segments, every trap {0x0819, 0}. */
void arch_domain_init(struct domain *d)
{
    unsigned int v;

    for (v = 0; v < 256; v++) {
        d->arch.traps[v].vector = (uint8_t)v;
        d->arch.traps[v].cs = FLAT_RING1_CS;
    }
    d->arch.event_cs = d->arch.failsafe_cs = FLAT_RING1_CS;
    d->arch.regs.cs = FLAT_RING1_CS;
    d->arch.regs.ds = d->arch.regs.es = d->arch.regs.fs = d->arch.regs.gs = FLAT_RING1_DS;
    d->arch.regs.ss = FLAT_RING1_DS;
    d->arch.regs.eflags = X86_EFLAGS_IF | 0x2;
    d->arch.guest_ss = FLAT_RING1_DS;
}

/* --- LDT shadow --------------------------------------------------------- */

bool ldt_fault_guest_va(struct domain *d, uint32_t va, uint32_t *guest_va)
{
    uint32_t off = va - LDT_VIRT_START;

    if (va < LDT_VIRT_START || off >= d->arch.ldt_ents * 8)
        return false;
    *guest_va = d->arch.ldt_base + off;
    return true;
}

/* The machine frame behind guest VA va in d's current page tables, or 0. */
static uint32_t guest_va_to_mfn(struct domain *d, uint32_t va)
{
    uint32_t *l2 = map_frame(d->arch.pt_base);
    uint32_t l2e = l2[va >> 22], l1e = 0;
    uint32_t *l1;

    unmap_frame(l2);
    if (!(l2e & _PAGE_PRESENT))
        return 0;
    l1 = map_frame(l2e >> PAGE_SHIFT);
    l1e = l1[(va >> PAGE_SHIFT) & (L1_ENTRIES - 1)];
    unmap_frame(l1);
    return (l1e & _PAGE_PRESENT) ? l1e >> PAGE_SHIFT : 0;
}

/*
 * Maps the LDT page holding va on demand: the guest's mapping of it must
 * be present, and the frame takes the LDT type (every descriptor checked).
 */
bool ldt_shadow_fault(uint32_t va)
{
    struct domain *d = current;
    uint32_t guest_va, mfn, page;

    if (is_idle_domain(d) || !ldt_fault_guest_va(d, va, &guest_va))
        return false;
    page = (va - LDT_VIRT_START) >> PAGE_SHIFT;
    mfn = guest_va_to_mfn(d, guest_va & PAGE_MASK);
    if (!mfn || !mfn_valid(mfn) ||
        !get_page_and_type(mfn_to_page(mfn), d, PGT_ldt_page))
        return false;
    d->perdomain_pt[FIRST_LDT_PT_SLOT + page] = (mfn << PAGE_SHIFT) | PTE_HYPERVISOR;
    d->arch.ldt_mapped |= 1u << page;
    flush_tlb_one_local(LDT_VIRT_START + (page << PAGE_SHIFT));
    return true;
}

void ldt_shadow_invalidate(struct domain *d)
{
    unsigned int page;

    for (page = 0; page < 16; page++) {
        uint32_t *pte = &d->perdomain_pt[FIRST_LDT_PT_SLOT + page];

        if (!(d->arch.ldt_mapped & (1u << page)))
            continue;
        put_page_and_type(mfn_to_page(*pte >> PAGE_SHIFT));
        *pte = 0;
    }
    if (d->arch.ldt_mapped && d == current)
        flush_tlb_local();
    d->arch.ldt_mapped = 0;
}

/* --- Switching ------------------------------------------------------------ */

void arch_load_segment_tables(struct domain *d)
{
    uint64_t *gdt = gdt_table;
    uint32_t base = (uint32_t)(uintptr_t)gdt_table;
    uint32_t ents = DEFAULT_GDT_ENTRIES;

    if (d->arch.gdt_ents) {
        gdt = (uint64_t *)GDT_VIRT_START;
        base = GDT_VIRT_START;
        ents = d->arch.gdt_ents;
    }
    load_gdt(base, (uint16_t)(ents * 8 - 1));
    if (d->arch.ldt_ents == 0) {
        load_ldt_selector(0);
        return;
    }
    /* The LDT descriptor lives in this CPU's reserved slot of the GDT. */
    gdt[LDT_SELECTOR(smp_processor_id()) >> 3] =
        ((uint64_t)(LDT_VIRT_START & 0xFF000000) << 32) | ((uint64_t)LDT_DESC_TYPE << 40) |
        ((uint64_t)(LDT_VIRT_START & 0x00FFFFFF) << 16) | ((d->arch.ldt_ents * 8 - 1) & 0xFFFF);
    load_ldt_selector(LDT_SELECTOR(smp_processor_id()));
}

/* The fast system-call gate: a real trap gate while its domain runs. */
static void load_fast_trap(struct domain *prev, struct domain *next)
{
    if (prev->arch.fast_trap_idx && !is_idle_domain(prev))
        restore_default_gate(prev->arch.fast_trap_idx);
    if (next->arch.fast_trap_idx) {
        const trap_info_t *t = &next->arch.traps[next->arch.fast_trap_idx];

        set_gate(next->arch.fast_trap_idx, GATE_TRAP, TI_GET_DPL(t), t->cs, t->address);
    }
}

void arch_load_fast_trap(struct domain *d)
{
    load_fast_trap(d, d);
}

void context_switch(struct domain *prev, struct domain *next)
{
    struct cpu_user_regs *frame = guest_cpu_user_regs();

    if (!is_idle_domain(prev)) {
        prev->arch.regs = *frame;
        fpu_switch_out(prev);
        ptwr_flush_all(prev);       /* descheduling flushes both slots */
    }
    load_fast_trap(prev, next);
    get_cpu_info()->curr_domain = next;
    hv_lock_reset_depth();      /* the stack is about to be dropped */

    if (is_idle_domain(next)) {
        write_cr3((uint32_t)__pa(idle_pg_table));
        load_gdt((uint32_t)(uintptr_t)gdt_table, DEFAULT_GDT_ENTRIES * 8 - 1);
        load_ldt_selector(0);
        reset_stack_and_jump(idle_loop);
    }
    write_cr3(next->arch.pt_base << PAGE_SHIFT);
    arch_load_segment_tables(next);
    this_tss()->ss1 = next->arch.guest_ss;
    this_tss()->esp1 = next->arch.guest_esp;
    if (prev->arch.debugreg[7] && !next->arch.debugreg[7])
        __asm__ __volatile__("mov %0, %%db7" : : "r"(0));
    debugreg_load(next);
    *frame = next->arch.regs;
    reset_stack_and_jump(ret_to_guest);
}

void arch_flush_cache(void)
{
    __asm__ __volatile__("wbinvd" : : : "memory");
}

/* Runs with the hypervisor lock except while it sleeps. */
void idle_loop(void)
{
    hv_lock_reset_depth();
    for (;;) {
        local_irq_disable();
        if (softirq_pending()) {
            do_softirq();
            continue;
        }
        hv_unlock();
        safe_halt();            /* an interrupt or an event check wakes it */
        local_irq_disable();
        hv_lock();
    }
}

/* Drops the references the CPU state holds: GDT frames, LDT shadow, CR3. */
void arch_domain_destroy(struct domain *d)
{
    fpu_forget(d);
    ldt_shadow_invalidate(d);
    gdt_release(d);
    if (d->arch.pt_base) {
        put_page_and_type(mfn_to_page(d->arch.pt_base));
        d->arch.pt_base = 0;
    }
}

void gdt_release(struct domain *d)
{
    unsigned int i;

    for (i = 0; i < MAX_GDT_FRAMES; i++) {
        if (!d->arch.gdt_frames[i])
            continue;
        put_page_and_type(mfn_to_page(d->arch.gdt_frames[i]));
        d->arch.gdt_frames[i] = 0;
        d->perdomain_pt[i] = 0;
    }
    d->arch.gdt_ents = 0;
}

/* --- GETDOMAININFO's context ------------------------------------------------ */

static const struct cpu_user_regs *domain_regs(const struct domain *d)
{
    return d == current ? guest_cpu_user_regs() : &d->arch.regs;
}

void arch_get_domain_context(const struct domain *d, full_execution_context_t *c)
{
    const struct cpu_user_regs *r = domain_regs(d);

    memset(c, 0, sizeof(*c));
    c->flags = d->arch.fpu_initialised ? ECF_I387_VALID : 0;
    c->cpu_ctxt = (execution_context_t){
        .ebx = r->ebx, .ecx = r->ecx, .edx = r->edx, .esi = r->esi, .edi = r->edi,
        .ebp = r->ebp, .eax = r->eax, .eip = r->eip, .cs = r->cs, .eflags = r->eflags,
        .esp = r->esp, .ss = r->ss, .es = r->es, .ds = r->ds, .fs = r->fs, .gs = r->gs,
    };
    /* (quirk, ABI.md §10) only the first 256 bytes of the FXSAVE image fit. */
    memcpy(c->fpu_ctxt, d->arch.fpu_state, sizeof(c->fpu_ctxt));
    memcpy(c->trap_ctxt, d->arch.traps, sizeof(c->trap_ctxt));
    c->fast_trap_idx = d->arch.fast_trap_idx;
    c->ldt_base = d->arch.ldt_base;
    c->ldt_ents = d->arch.ldt_ents;
    if (d->arch.gdt_ents)
        memcpy(c->gdt_frames, d->arch.gdt_frames, sizeof(c->gdt_frames));
    c->gdt_ents = d->arch.gdt_ents;
    c->guestos_ss = d->arch.guest_ss;
    c->guestos_esp = d->arch.guest_esp;
    c->pt_base = d->arch.pt_base << PAGE_SHIFT;
    memcpy(c->debugreg, d->arch.debugreg, sizeof(c->debugreg));
    c->event_callback_cs = d->arch.event_cs;
    c->event_callback_eip = d->arch.event_eip;
    c->failsafe_callback_cs = d->arch.failsafe_cs;
    c->failsafe_callback_eip = d->arch.failsafe_eip;
}
