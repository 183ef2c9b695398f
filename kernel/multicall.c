/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * multicall(list, nr): a batch of hypercalls in one entry (ABI.md §1).
 * Each 32-byte entry is {op, args[7]}; the result goes to args[5]. A
 * failing entry does not stop the batch; a multicall inside a multicall
 * gets -EINVAL.
 */
#include <tessera/guest_access.h>
#include <tessera/hypercall.h>
#include <public/xen.h>

/* The preempted entry goes back into the list with its new arguments. */
static int rewrite_entry(uint32_t va)
{
    multicall_entry_t call = { .op = mc_state.op };

    memcpy(call.args, mc_state.args, sizeof(mc_state.args));
    return copy_to_guest(va, &call, offsetof(multicall_entry_t, args[5]));
}

static long resume_at(uint32_t list_va, uint32_t i, uint32_t nr)
{
    uint32_t args[2] = { list_va + i * (uint32_t)sizeof(multicall_entry_t), nr - i };

    return hypercall_create_continuation(__HYPERVISOR_multicall, 2, args);
}

long do_multicall(uint32_t list_va, uint32_t nr)
{
    uint32_t i;

    if (mc_state.active)
        return -EINVAL;
    if (nr > (GUEST_VIRT_END / sizeof(multicall_entry_t)) ||
        !guest_range_ok(list_va, nr * (uint32_t)sizeof(multicall_entry_t)))
        return -EFAULT;

    for (i = 0; i < nr; i++) {
        uint32_t va = list_va + i * (uint32_t)sizeof(multicall_entry_t);
        multicall_entry_t call;
        long result;

        if (copy_from_guest(&call, va, sizeof(call)) != 0)
            return -EFAULT;
        mc_state = (struct multicall_state){ .active = true };
        result = hypercall_dispatch(call.op, call.args);
        mc_state.active = false;
        if (mc_state.preempted)
            return rewrite_entry(va) ? -EFAULT : resume_at(list_va, i, nr);
        call.args[5] = (uint32_t)result;
        if (copy_to_guest(va + offsetof(multicall_entry_t, args[5]), &call.args[5], 4) != 0)
            return -EFAULT;
        if (i + 1 < nr && hypercall_preempt_check())
            return resume_at(list_va, i + 1, nr);
    }
    return 0;
}
