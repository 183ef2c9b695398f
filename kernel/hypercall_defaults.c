/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Every hypercall handler defaults to -ENOSYS: these weak aliases stand in
 * for the handlers of subsystems not built into this configuration. (This
 * file must not see the real prototypes in hypercall.h.)
 */
#include <tessera/errno.h>

long do_ni_hypercall(void);

long do_ni_hypercall(void)
{
    return -ENOSYS;
}

#define DEFAULT_TO_ENOSYS(name) \
    long do_##name(void) __attribute__((weak, alias("do_ni_hypercall")))

DEFAULT_TO_ENOSYS(set_trap_table);
DEFAULT_TO_ENOSYS(mmu_update);
DEFAULT_TO_ENOSYS(set_gdt);
DEFAULT_TO_ENOSYS(stack_switch);
DEFAULT_TO_ENOSYS(set_callbacks);
DEFAULT_TO_ENOSYS(fpu_taskswitch);
DEFAULT_TO_ENOSYS(sched_op);
DEFAULT_TO_ENOSYS(dom0_op);
DEFAULT_TO_ENOSYS(set_debugreg);
DEFAULT_TO_ENOSYS(get_debugreg);
DEFAULT_TO_ENOSYS(update_descriptor);
DEFAULT_TO_ENOSYS(set_fast_trap);
DEFAULT_TO_ENOSYS(dom_mem_op);
DEFAULT_TO_ENOSYS(multicall);
DEFAULT_TO_ENOSYS(update_va_mapping);
DEFAULT_TO_ENOSYS(set_timer_op);
DEFAULT_TO_ENOSYS(event_channel_op);
DEFAULT_TO_ENOSYS(xen_version);
DEFAULT_TO_ENOSYS(console_io);
DEFAULT_TO_ENOSYS(physdev_op);
DEFAULT_TO_ENOSYS(grant_table_op);
DEFAULT_TO_ENOSYS(vm_assist);
DEFAULT_TO_ENOSYS(update_va_mapping_otherdomain);
DEFAULT_TO_ENOSYS(switch_vm86);
