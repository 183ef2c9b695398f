/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypercall handlers (ABI.md §2). Arguments arrive as the guest's EBX,
 * ECX, EDX, ESI, EDI; the return value goes back in EAX (-errno on
 * failure). Guest pointers are guest virtual addresses.
 */
#ifndef TESSERA_HYPERCALL_H
#define TESSERA_HYPERCALL_H

#include <tessera/lib.h>

long do_ni_hypercall(void);
long do_set_trap_table(uint32_t table_va);
long do_stack_switch(uint32_t ss, uint32_t esp);
long do_set_callbacks(uint32_t ev_cs, uint32_t ev_eip, uint32_t fs_cs, uint32_t fs_eip);
long do_fpu_taskswitch(void);
long do_sched_op(uint32_t op);
long do_set_fast_trap(uint32_t idx);
long do_multicall(uint32_t list_va, uint32_t nr);
long do_xen_version(uint32_t cmd);
long do_console_io(uint32_t cmd, uint32_t count, uint32_t buf_va);
long do_vm_assist(uint32_t cmd, uint32_t type);
long do_set_gdt(uint32_t frames_va, uint32_t entries);
long do_update_descriptor(uint32_t ma, uint32_t lo, uint32_t hi);
long do_dom0_op(uint32_t op_va);
long do_physdev_op(uint32_t op_va);

/* Dispatches one call as int $0x82 would (multicall entries). */
long hypercall_dispatch(uint32_t op, const uint32_t args[5]);

/* --- Continuations (kernel/continuation.c) --------------------------------- */

/* Should a long call stop here and continue later? */
bool hypercall_preempt_check(void);
/*
 * Arranges for the guest to re-issue call op with these arguments (at
 * most 5); returns the value the handler must return.
 */
long hypercall_create_continuation(uint32_t op, unsigned int nargs, const uint32_t *args);

/* A multicall under way: where a preempted entry leaves its new arguments. */
struct multicall_state {
    bool active;
    bool preempted;
    uint32_t op;
    uint32_t args[5];
};
extern struct multicall_state mc_state;

#endif /* TESSERA_HYPERCALL_H */
