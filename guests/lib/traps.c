/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exception handling: the virtual IDT for vectors 0-19 and the C half of
 * every exception (the dispatch order is described in guest/traps.h).
 */
#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/traps.h>

#include "private.h"

volatile struct exception_record last_exception;
static trap_hook_t trap_hook;

void set_trap_hook(trap_hook_t hook)
{
    trap_hook = hook;
}

long guest_set_trap(unsigned int vector, unsigned int flags, void (*entry)(void))
{
    trap_info_t t[2] = {
        {.vector = (uint8_t)vector, .flags = (uint8_t)flags, .cs = FLAT_RING1_CS,
         .address = (uint32_t)(uintptr_t)entry},
        {0},
    };

    return HYPERVISOR_set_trap_table(t);
}

/*
 * No handler runs with events masked (IF clear): an event may nest on top
 * of an exception frame, which the event path handles. #BP and #OF get
 * DPL 3 so that int3/into work from any ring, as on bare hardware.
 */
void traps_init(void)
{
    trap_info_t table[GUEST_NR_TRAPS + 1];
    unsigned int v;
    long rc;

    for (v = 0; v < GUEST_NR_TRAPS; v++) {
        table[v] = (trap_info_t){
            .vector = (uint8_t)v,
            .flags = (v == X86_EXC_BP || v == X86_EXC_OF) ? 3 : 0,
            .cs = FLAT_RING1_CS,
            .address = trap_entry_table[v],
        };
    }
    table[GUEST_NR_TRAPS] = (trap_info_t){0};
    rc = HYPERVISOR_set_trap_table(table);
    if (rc)
        xtf_error("Error: set_trap_table returned %ld\n", rc);
}

static void dump_regs(const struct cpu_regs *r)
{
    char name[24];

    printf("Unexpected exception %s at %04x:%08x, eflags %08x\n",
           exinfo_str(EXINFO(r->vector, r->error_code), name, sizeof(name)),
           r->cs & 0xFFFF, r->eip, r->eflags);
    if (r->vector == X86_EXC_PF)
        printf("  cr2 %08x\n", r->cr2);
    printf("  eax %08x ebx %08x ecx %08x edx %08x\n", r->eax, r->ebx, r->ecx, r->edx);
    printf("  esi %08x edi %08x ebp %08x esp %08x\n", r->esi, r->edi, r->ebp, regs_sp(r));
    printf("  ds %04x es %04x fs %04x gs %04x ss %04x\n", r->ds & 0xFFFF, r->es & 0xFFFF,
           r->fs & 0xFFFF, r->gs & 0xFFFF,
           regs_from_other_ring(r) ? r->ss & 0xFFFF : FLAT_RING1_DS);
}

static void __noreturn unexpected(const struct cpu_regs *regs)
{
    static bool dumping;

    if (dumping)                /* faulted while reporting: just stop */
        guest_shutdown(SHUTDOWN_crash);
    dumping = true;
    dump_regs(regs);
    xtf_error("Error: unexpected exception\n");
    xtf_exit();
}

void guest_trap(struct cpu_regs *regs)
{
    const struct extable_entry *ex;

    last_exception.vector = regs->vector;
    last_exception.error_code = regs->error_code;
    last_exception.eip = regs->eip;
    last_exception.cr2 = regs->cr2;
    last_exception.count++;

    if (trap_hook && trap_hook(regs))
        return;
    ex = extable_search(regs->eip);
    if (ex && !ex->handler) {
        regs->eip = ex->fixup;
        return;
    }
    if (ex && ex->handler(regs, ex))
        return;
    unexpected(regs);
}
