/* SPDX-License-Identifier: GPL-2.0-only */
/* sched_op (ABI.md §9): yield, block, shutdown. */
#include <tessera/errno.h>
#include <tessera/hypercall.h>
#include <tessera/sched.h>
#include <public/xen.h>

/*
 * Blocking clears the upcall mask, like sti; hlt. An event already
 * pending and unmasked means there is no reason to sleep.
 */
static void block_current(void)
{
    vcpu_info_t *v = &current->shared_info->vcpu_data[0];

    v->evtchn_upcall_mask = 0;
    if (v->evtchn_upcall_pending)
        return;
    sched_block_current();
}

long do_sched_op(uint32_t op)
{
    switch (op & SCHEDOP_cmdmask) {
    case SCHEDOP_yield:
        sched_yield_current();
        return 0;
    case SCHEDOP_block:
        block_current();
        return 0;
    case SCHEDOP_shutdown:
        domain_shutdown(current, (uint8_t)(op >> SCHEDOP_reasonshift));
        return 0;
    default:
        return -ENOSYS;
    }
}
