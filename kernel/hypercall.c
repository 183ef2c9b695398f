/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Generic hypercalls: the -ENOSYS default, xen_version and vm_assist, and
 * dispatch for multicall entries (the table itself is in arch/x86).
 */
#include <tessera/errno.h>
#include <tessera/hypercall.h>
#include <tessera/sched.h>
#include <public/xen.h>

typedef long (*hypercall_fn)(uint32_t, uint32_t, uint32_t, uint32_t, uint32_t);
extern const hypercall_fn hypercall_table[32];

long hypercall_dispatch(uint32_t op, const uint32_t args[5])
{
    return hypercall_table[op & 31](args[0], args[1], args[2], args[3], args[4]);
}

long do_xen_version(uint32_t cmd)
{
    return cmd == XENVER_version ? XEN_VERSION_2_0 : -ENOSYS;
}

/* Which vm_assist types this build offers (bit n: type n). */
static uint32_t vm_assist_types(void)
{
    uint32_t types = (1u << VMASST_TYPE_4gb_segments) | (1u << VMASST_TYPE_4gb_segments_notify);

    if (IS_ENABLED(CONFIG_WRITABLE_PAGETABLES))
        types |= 1u << VMASST_TYPE_writable_pagetables;
    return types;
}

long domain_vm_assist(struct domain *d, uint32_t cmd, uint32_t type)
{
    /* Xen 2.0 checks the type's range before the command. */
    if (type > VMASST_TYPE_writable_pagetables)
        return -EINVAL;
    if (cmd != VMASST_CMD_enable && cmd != VMASST_CMD_disable)
        return -ENOSYS;
    if (!(vm_assist_types() & (1u << type)))
        return -EINVAL;             /* a type this build does not offer */
    if (cmd == VMASST_CMD_enable)
        d->arch.vm_assist |= 1u << type;
    else
        d->arch.vm_assist &= ~(1u << type);
    return 0;
}

long do_vm_assist(uint32_t cmd, uint32_t type)
{
    return domain_vm_assist(current, cmd, type);
}
