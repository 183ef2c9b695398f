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

static bool in_multicall;       /* per CPU with SMP */

long do_multicall(uint32_t list_va, uint32_t nr)
{
    uint32_t i;

    if (in_multicall)
        return -EINVAL;
    if (nr > (GUEST_VIRT_END / sizeof(multicall_entry_t)) ||
        !guest_range_ok(list_va, nr * (uint32_t)sizeof(multicall_entry_t)))
        return -EFAULT;

    in_multicall = true;
    for (i = 0; i < nr; i++) {
        uint32_t va = list_va + i * (uint32_t)sizeof(multicall_entry_t);
        multicall_entry_t call;
        long result;

        if (copy_from_guest(&call, va, sizeof(call)) != 0)
            break;
        result = hypercall_dispatch(call.op, call.args);
        call.args[5] = (uint32_t)result;
        if (copy_to_guest(va + offsetof(multicall_entry_t, args[5]), &call.args[5], 4) != 0)
            break;
    }
    in_multicall = false;
    return i == nr ? 0 : -EFAULT;
}
