/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exceptions raised by a guest, and the frames Tessera builds on a guest's
 * stack to deliver traps, events and failsafe callbacks (ABI.md §6).
 *
 * A trap is recorded in the domain's trap_bounce and delivered by
 * prepare_return_to_guest(), the C half of the single exit path, which
 * also delivers a pending event on top of it (so the event handler runs
 * first). A frame that cannot be written crashes the domain, never Tessera.
 */
#include <tessera/bug.h>
#include <tessera/console.h>
#include <tessera/ptwr.h>
#include <tessera/domain.h>
#include <tessera/sched.h>
#include <tessera/softirq.h>
#include <asm/desc.h>
#include <public/xen.h>

#include "private.h"

#define GUEST_VIRT_LIMIT HYPERVISOR_VIRT_START

int guest_stack_push(uint32_t ss, uint32_t *esp, const uint32_t *words, uint32_t n);

static inline uint8_t *upcall_pending(struct domain *d)
{
    return &d->shared_info->vcpu_data[0].evtchn_upcall_pending;
}

static inline uint8_t *upcall_mask(struct domain *d)
{
    return &d->shared_info->vcpu_data[0].evtchn_upcall_mask;
}

/* --- Frames on the guest's stack ------------------------------------------ */

/*
 * The frame's linear range must lie below Tessera's area. The guest's
 * segment limits already ensure it on real CPUs; checking it here keeps
 * Tessera safe where segment limits are not enforced (QEMU's TCG).
 */
static bool frame_below_tessera(struct domain *d, uint32_t ss, uint32_t esp, uint32_t n)
{
    uint32_t base, start;

    if (!guest_segment_base(d, (uint16_t)ss, &base))
        return true;                /* the push faults on the selector anyway */
    start = base + esp - 4 * n;
    return esp >= 4 * n && start < start + 4 * n && start + 4 * n <= GUEST_VIRT_LIMIT;
}

/*
 * Interrupted in ring 1: the frame goes on the current stack. From ring
 * 2/3 or VM86: on the stack registered with stack_switch, and the frame
 * also carries the interrupted ESP and SS.
 */
static bool create_bounce_frame(struct domain *d, struct cpu_user_regs *regs,
                                const struct trap_bounce *tb)
{
    bool vm86 = regs->eflags & X86_EFLAGS_VM;
    bool same_ring = !vm86 && (regs->cs & 3) == 1;
    uint32_t ss = same_ring ? regs->ss : d->arch.guest_ss;
    uint32_t esp = same_ring ? regs->esp : d->arch.guest_esp;
    uint32_t w[14];
    uint32_t n = 0;

    if (tb->flags & TBF_FAILSAFE) {
        w[n++] = vm86 ? 0 : regs->ds;
        w[n++] = vm86 ? 0 : regs->es;
        w[n++] = vm86 ? 0 : regs->fs;
        w[n++] = vm86 ? 0 : regs->gs;
    }
    if (tb->flags & TBF_EXCEPTION_CR2)
        w[n++] = tb->cr2;
    if (tb->flags & TBF_EXCEPTION_ERRCODE)
        w[n++] = tb->error_code;
    w[n++] = regs->eip;
    w[n++] = regs->cs & 0xFFFF;
    w[n++] = regs->eflags;
    if (!same_ring) {
        w[n++] = regs->esp;
        w[n++] = regs->ss & 0xFFFF;
    }
    if (vm86) {
        w[n++] = regs->vm86_es;
        w[n++] = regs->vm86_ds;
        w[n++] = regs->vm86_fs;
        w[n++] = regs->vm86_gs;
    }
    if (!frame_below_tessera(d, ss, esp, n) || guest_stack_push(ss, &esp, w, n) != 0) {
        domain_crash(d, "cannot write a trap frame at %04x:%08x", ss & 0xFFFF, esp);
        return false;
    }

    regs->ss = ss;
    regs->esp = esp;
    regs->cs = tb->cs;
    regs->eip = tb->eip;
    regs->eflags &= ~(X86_EFLAGS_TF | X86_EFLAGS_VM | X86_EFLAGS_RF | X86_EFLAGS_NT);
    if (vm86 || (tb->flags & TBF_FAILSAFE))
        regs->ds = regs->es = regs->fs = regs->gs = 0;
    if (tb->flags & TBF_INTERRUPT)
        *upcall_mask(d) = 1;
    return true;
}

/* Queues an exception for the guest's handler of vector. */
void guest_bounce_exception(struct domain *d, unsigned int vector, uint32_t flags,
                            uint32_t error_code, uint32_t cr2)
{
    const trap_info_t *t = &d->arch.traps[vector];
    struct trap_bounce *tb = &d->arch.trap_bounce;

    if (t->address == 0) {
        domain_crash(d, "exception %u with no handler installed", vector);
        return;
    }
    tb->flags = TBF_EXCEPTION | flags | (TI_GET_IF(t) ? TBF_INTERRUPT : 0);
    tb->error_code = error_code;
    tb->cr2 = cr2;
    tb->cs = t->cs;
    tb->eip = t->address;
}

/*
 * Where the CPU will save the guest's registers on its next entry: a VM86
 * frame is 16 bytes longer, and the frame's base must stay where
 * guest_cpu_user_regs() finds it. Set last, once the frame we return to
 * (VM86 or not) is final.
 */
static void set_entry_stack(const struct cpu_user_regs *regs)
{
    this_tss()->esp0 = (uint32_t)(uintptr_t)regs +
                    ((regs->eflags & X86_EFLAGS_VM) ? UREGS_VM86_SIZE : UREGS_SIZE);
}

/*
 * The exit path: softirqs (which may switch to another domain), the
 * pending exception, then a pending event on top of it.
 */
void prepare_return_to_guest(struct cpu_user_regs *regs)
{
    struct domain *d;

    if (softirq_pending())
        do_softirq();
    d = current;

    if (d->arch.trap_bounce.flags & TBF_EXCEPTION) {
        struct trap_bounce tb = d->arch.trap_bounce;

        d->arch.trap_bounce.flags = 0;
        if (!create_bounce_frame(d, regs, &tb)) {
            hv_unlock();
            return;
        }
    }
    if (*upcall_pending(d) && !*upcall_mask(d)) {
        struct trap_bounce ev = {
            .flags = TBF_INTERRUPT, .cs = d->arch.event_cs, .eip = d->arch.event_eip,
        };

        create_bounce_frame(d, regs, &ev);
    }
    set_entry_stack(regs);
    hv_unlock();        /* interrupts stay off until the iret */
}

/* Reloading a data selector or the final iret faulted (entry.S fixups). */
void do_failsafe_callback(struct cpu_user_regs *regs)
{
    struct domain *d = current;
    struct trap_bounce tb = {
        .flags = TBF_FAILSAFE, .cs = d->arch.failsafe_cs, .eip = d->arch.failsafe_eip,
    };

    hv_lock();          /* the way out had dropped it */
    if (regs->cs == d->arch.failsafe_cs && regs->eip == d->arch.failsafe_eip) {
        domain_crash(d, "fault while entering the failsafe callback");
        hv_unlock();
        return;
    }
    create_bounce_frame(d, regs, &tb);
    set_entry_stack(regs);
    hv_unlock();
}

/* --- Exceptions from the guest --------------------------------------------- */

/* INT n from the guest arrives as #GP with error (n << 3) | 2 (ABI.md §6). */
static bool emulate_int_n(struct domain *d, struct cpu_user_regs *regs)
{
    unsigned int n = regs->error_code >> 3;
    const trap_info_t *t = &d->arch.traps[n];

    if ((regs->error_code & 7) != 2 || TI_GET_DPL(t) < regs_ring(regs))
        return false;
    regs->eip += 2;
    guest_bounce_exception(d, n, 0, 0, 0);
    return true;
}

static void guest_general_protection(struct domain *d, struct cpu_user_regs *regs)
{
    if (emulate_int_n(d, regs))
        return;
    if (regs->error_code == 0 && regs_ring(regs) == 3 && gpf_emulate_4gb(d, regs))
        return;
    guest_bounce_exception(d, 13, TBF_EXCEPTION_ERRCODE, regs->error_code, 0);
}

static void guest_page_fault(struct domain *d, struct cpu_user_regs *regs, uint32_t cr2)
{
    uint32_t ldt_va;

    if (ptwr_do_page_fault(d, cr2, regs->error_code))
        return;                     /* a page table opened: the write runs again */
    if (ldt_fault_guest_va(d, cr2, &ldt_va)) {
        if (ldt_shadow_fault(cr2))
            return;                 /* mapped: the instruction runs again */
        cr2 = ldt_va;               /* the guest sees a fault on its own LDT */
    }
    guest_bounce_exception(d, 14, TBF_EXCEPTION_ERRCODE | TBF_EXCEPTION_CR2, regs->error_code, cr2);
}

void guest_exception(struct cpu_user_regs *regs, uint32_t cr2)
{
    struct domain *d = current;
    unsigned int v = regs->vector;

    switch (v) {
    case 1:
        guest_debug_trap(d, regs);
        return;
    case 2:
    case 15:
        return;                     /* NMI and vector 15 are not bounced */
    case 7:
        guest_fpu_trap(d, regs);
        return;
    case 8:
    case 18:
        panic("fatal exception %u while domain %u ran", v, d->id);
    case 13:
        guest_general_protection(d, regs);
        return;
    case 14:
        guest_page_fault(d, regs, cr2);
        return;
    case 10: case 11: case 12: case 17:
        guest_bounce_exception(d, v, TBF_EXCEPTION_ERRCODE, regs->error_code, 0);
        return;
    default:
        guest_bounce_exception(d, v, 0, 0, 0);
        return;
    }
}
