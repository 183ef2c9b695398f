/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * guest/hypercall.h: one wrapper per hypercall (0-23), with the argument
 * order of <public/xen.h>, each returning the hypervisor's signed result
 * (-XEN_E* on failure), plus the raw hypercallN() for tests that pass bad
 * arguments or numbers outside the table.
 *
 * Every argument register is declared as clobbered: mmu_update, multicall,
 * set_trap_table and dom_mem_op may be continued, and the hypervisor then
 * rewrites them (ABI.md §1). Treating all calls alike costs nothing here.
 */
#ifndef GUEST_HYPERCALL_H
#define GUEST_HYPERCALL_H

#include <guest/lib.h>
#include <public/xen.h>
#include <public/dom0_ops.h>
#include <public/event_channel.h>
#include <public/physdev.h>

static inline long hypercall5(unsigned long op, unsigned long a1, unsigned long a2,
                              unsigned long a3, unsigned long a4, unsigned long a5)
{
    long ret = (long)op;

    __asm__ __volatile__(TRAP_INSTR
                         : "+a"(ret), "+b"(a1), "+c"(a2), "+d"(a3), "+S"(a4), "+D"(a5)
                         :
                         : "memory");
    return ret;
}

#define hypercall0(op)                  hypercall5(op, 0, 0, 0, 0, 0)
#define hypercall1(op, a)               hypercall5(op, a, 0, 0, 0, 0)
#define hypercall2(op, a, b)            hypercall5(op, a, b, 0, 0, 0)
#define hypercall3(op, a, b, c)         hypercall5(op, a, b, c, 0, 0)
#define hypercall4(op, a, b, c, d)      hypercall5(op, a, b, c, d, 0)

/* A guest pointer as a hypercall argument. */
#define HC_PTR(p)   ((unsigned long)(uintptr_t)(p))

static inline long HYPERVISOR_set_trap_table(const trap_info_t *table)
{
    return hypercall1(__HYPERVISOR_set_trap_table, HC_PTR(table));
}

static inline long HYPERVISOR_mmu_update(mmu_update_t *req, unsigned int count,
                                         unsigned int *done)
{
    return hypercall3(__HYPERVISOR_mmu_update, HC_PTR(req), count, HC_PTR(done));
}

static inline long HYPERVISOR_set_gdt(const uint32_t *mfns, unsigned int entries)
{
    return hypercall2(__HYPERVISOR_set_gdt, HC_PTR(mfns), entries);
}

static inline long HYPERVISOR_stack_switch(unsigned long ss, unsigned long esp)
{
    return hypercall2(__HYPERVISOR_stack_switch, ss, esp);
}

static inline long HYPERVISOR_set_callbacks(unsigned long event_cs, unsigned long event_eip,
                                            unsigned long failsafe_cs,
                                            unsigned long failsafe_eip)
{
    return hypercall4(__HYPERVISOR_set_callbacks, event_cs, event_eip, failsafe_cs,
                      failsafe_eip);
}

static inline long HYPERVISOR_fpu_taskswitch(void)
{
    return hypercall0(__HYPERVISOR_fpu_taskswitch);
}

static inline long HYPERVISOR_sched_op(unsigned long op)
{
    return hypercall1(__HYPERVISOR_sched_op, op);
}

/* The caller fills op->interface_version (DOM0_INTERFACE_VERSION). */
static inline long HYPERVISOR_dom0_op(dom0_op_t *op)
{
    return hypercall1(__HYPERVISOR_dom0_op, HC_PTR(op));
}

static inline long HYPERVISOR_set_debugreg(unsigned int reg, unsigned long value)
{
    return hypercall2(__HYPERVISOR_set_debugreg, reg, value);
}

static inline long HYPERVISOR_get_debugreg(unsigned int reg)
{
    return hypercall1(__HYPERVISOR_get_debugreg, reg);
}

/* ma: machine address of the 8-byte slot; lo/hi: the descriptor's two words. */
static inline long HYPERVISOR_update_descriptor(unsigned long ma, unsigned long lo,
                                                unsigned long hi)
{
    return hypercall3(__HYPERVISOR_update_descriptor, ma, lo, hi);
}

static inline long HYPERVISOR_set_fast_trap(unsigned int idx)
{
    return hypercall1(__HYPERVISOR_set_fast_trap, idx);
}

static inline long HYPERVISOR_dom_mem_op(unsigned int op, uint32_t *list, unsigned int n,
                                         unsigned int order, domid_t dom)
{
    return hypercall5(__HYPERVISOR_dom_mem_op, op, HC_PTR(list), n, order, dom);
}

static inline long HYPERVISOR_multicall(multicall_entry_t *list, unsigned int nr)
{
    return hypercall2(__HYPERVISOR_multicall, HC_PTR(list), nr);
}

/* page_nr is the VA >> 12, not the VA. */
static inline long HYPERVISOR_update_va_mapping(unsigned long page_nr, unsigned long pte,
                                                unsigned long flags)
{
    return hypercall3(__HYPERVISOR_update_va_mapping, page_nr, pte, flags);
}

/* Absolute system time in ns; 0 cancels. EBX = high word, ECX = low word. */
static inline long HYPERVISOR_set_timer_op(uint64_t timeout)
{
    return hypercall2(__HYPERVISOR_set_timer_op, (unsigned long)(timeout >> 32),
                      (unsigned long)timeout);
}

static inline long HYPERVISOR_event_channel_op(evtchn_op_t *op)
{
    return hypercall1(__HYPERVISOR_event_channel_op, HC_PTR(op));
}

static inline long HYPERVISOR_xen_version(unsigned int cmd)
{
    return hypercall1(__HYPERVISOR_xen_version, cmd);
}

static inline long HYPERVISOR_console_io(unsigned int cmd, unsigned int count, char *buf)
{
    return hypercall3(__HYPERVISOR_console_io, cmd, count, HC_PTR(buf));
}

static inline long HYPERVISOR_physdev_op(physdev_op_t *op)
{
    return hypercall1(__HYPERVISOR_physdev_op, HC_PTR(op));
}

/* Argument order of the hypervisor: (cmd, uop, count). */
static inline long HYPERVISOR_grant_table_op(unsigned int cmd, void *uop, unsigned int count)
{
    return hypercall3(__HYPERVISOR_grant_table_op, cmd, HC_PTR(uop), count);
}

static inline long HYPERVISOR_vm_assist(unsigned int cmd, unsigned int type)
{
    return hypercall2(__HYPERVISOR_vm_assist, cmd, type);
}

static inline long HYPERVISOR_update_va_mapping_otherdomain(unsigned long page_nr,
                                                            unsigned long pte,
                                                            unsigned long flags, domid_t dom)
{
    return hypercall4(__HYPERVISOR_update_va_mapping_otherdomain, page_nr, pte, flags, dom);
}

/*
 * The stack must hold [EAX][EIP CS EFLAGS ESP SS ES DS FS GS] at the
 * hypervisor's entry; the call then does not return. Only a test that has
 * built that frame by hand (in assembly) can use this meaningfully.
 */
static inline long HYPERVISOR_switch_vm86(void)
{
    return hypercall0(__HYPERVISOR_switch_vm86);
}

/* sched_op shorthands. */
static inline long HYPERVISOR_yield(void)
{
    return HYPERVISOR_sched_op(SCHEDOP_yield);
}

static inline long HYPERVISOR_block(void)
{
    return HYPERVISOR_sched_op(SCHEDOP_block);
}

static inline long HYPERVISOR_shutdown(unsigned int reason)
{
    return HYPERVISOR_sched_op(SCHEDOP_shutdown | (reason << SCHEDOP_reasonshift));
}

#endif /* GUEST_HYPERCALL_H */
