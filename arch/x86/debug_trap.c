/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * #DB raised by a guest (ABI.md §6): DR6 is kept for get_debugreg, and
 * hardware breakpoint hits are dropped while the guest's DR7 is 0 (they
 * can only be stale); anything else is bounced without an error code.
 */
#include <tessera/domain.h>
#include <asm/processor.h>

#include "private.h"

#define DR6_BREAKPOINTS 0xF

void guest_debug_trap(struct domain *d, struct cpu_user_regs *regs)
{
    uint32_t dr6 = read_dr6();

    d->arch.debugreg[6] = dr6;
    if (d->arch.debugreg[7] == 0 && (dr6 & DR6_BREAKPOINTS) && !(dr6 & ~0xFFFF0FF0u & ~0xFu))
        return;
    guest_bounce_exception(d, 1, 0, 0, 0);
}
