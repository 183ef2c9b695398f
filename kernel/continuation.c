/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Continuations (ABI.md §1, 2.0.2+): a long hypercall stops when other
 * work is waiting and asks the guest to call it again for the rest. The
 * argument registers are rewritten to describe the remaining work, EAX
 * becomes the call number and EIP goes back over the int $0x82. Inside a
 * multicall, the entry itself is rewritten in the guest's list instead,
 * and the multicall resumes at that entry.
 *
 * test_preempt=N (a test knob): every Nth preemption check says yes, so
 * tests can drive the resume paths deterministically.
 */
#include <tessera/arch.h>
#include <tessera/cmdline.h>
#include <tessera/hypercall.h>
#include <tessera/softirq.h>

static uint32_t opt_test_preempt;
boot_param_uint("test_preempt", opt_test_preempt);

struct multicall_state mc_state;        /* per CPU with SMP */

bool hypercall_preempt_check(void)
{
    static uint32_t checks;

    if (opt_test_preempt && ++checks % opt_test_preempt == 0)
        return true;
    arch_irq_window();      /* a tick due now raises its softirq here */
    return softirq_pending();
}

long hypercall_create_continuation(uint32_t op, unsigned int nargs, const uint32_t *args)
{
    struct cpu_user_regs *regs;
    unsigned int i;

    if (mc_state.active) {
        mc_state.preempted = true;
        mc_state.op = op;
        for (i = 0; i < 5; i++)
            mc_state.args[i] = i < nargs ? args[i] : 0;
        return op;
    }
    regs = guest_cpu_user_regs();
    regs->eip -= 2;                     /* back over int $0x82 */
    regs->eax = op;
    if (nargs > 0)
        regs->ebx = args[0];
    if (nargs > 1)
        regs->ecx = args[1];
    if (nargs > 2)
        regs->edx = args[2];
    if (nargs > 3)
        regs->esi = args[3];
    if (nargs > 4)
        regs->edi = args[4];
    return op;                          /* ends up in EAX again */
}
