/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vm86_trap_yield: a trap from VM86 leaves no trace in how the domain's
 * later entries are saved (ABI.md §1 "Return", §6 "switch_vm86", bounce
 * frames). Dom0 enters VM86 code that faults (hlt, #GP(0)), is back in
 * ring 1 through the bounce, then yields to a domU ("idler") and back a
 * few times and makes calls that use the saved frame: each must return
 * 0 with ECX, EDX, ESI, EDI, EBP and DS-GS preserved, and a second
 * switch_vm86 must read its frame at the new ESP. A frame saved at the
 * wrong place would resume dom0 with shifted registers.
 * Bug class: hypervisor state confusion (stale ring-0 stack pointer).
 */
#include "../vm86_common/vm86_helpers.h"

#define PATTERN(i)  (0x5EED0000U + (i))
#define EBP_PATTERN 0x5EEDBBBBU

uint32_t yield_ebp;     /* EBP after the call, stored by absolute address */

static void read_selectors(uint32_t s[4])
{
    __asm__ __volatile__("mov %%ds, %0\n\tmov %%es, %1\n\tmov %%fs, %2\n\tmov %%gs, %3"
                         : "=r"(s[0]), "=r"(s[1]), "=r"(s[2]), "=r"(s[3]));
}

/* sched_op(yield) with known values in the registers it must preserve. */
static void yield_keeps_registers(unsigned int round)
{
    static const char *const names[] = { "ECX", "EDX", "ESI", "EDI", "DS", "ES", "FS", "GS" };
    uint32_t in[4] = { PATTERN(round), PATTERN(round + 16), PATTERN(round + 32),
                       PATTERN(round + 48) };
    uint32_t out[4], sel_before[4], sel_after[4];
    unsigned int i;
    long rc;

    read_selectors(sel_before);
    __asm__ __volatile__("push %%ebp\n\t"
                         "mov $" STRINGIFY(EBP_PATTERN) ", %%ebp\n\t"
                         "int $0x82\n\t"
                         "mov %%ebp, yield_ebp\n\t"
                         "pop %%ebp"
                         : "=a"(rc), "=c"(out[0]), "=d"(out[1]), "=S"(out[2]), "=D"(out[3])
                         : "a"(__HYPERVISOR_sched_op), "b"(SCHEDOP_yield), "c"(in[0]),
                           "d"(in[1]), "S"(in[2]), "D"(in[3])
                         : "memory");
    read_selectors(sel_after);
    vm86_check("yield after a VM86 trap", "return value", (uint32_t)rc, 0);
    for (i = 0; i < 4; i++) {
        vm86_check("yield after a VM86 trap", names[i], out[i], in[i]);
        vm86_check("yield after a VM86 trap", names[4 + i], sel_after[i] & 0xFFFF,
                   sel_before[i] & 0xFFFF);
    }
    vm86_check("yield after a VM86 trap", "EBP", yield_ebp, EBP_PATTERN);
}

void test_main(void)
{
    struct vm86_args a = vm86_frame(0x600D, 0x10, EF_FIXED);
    uint8_t *code;
    unsigned int i;

    if (!guest_is_dom0()) {
        for (;;)
            HYPERVISOR_yield();
    }
    code = vm86_prepare();
    if (!code || !vm86_catch(0, 0))
        return;
    code[0x10] = 0xF4;              /* hlt */
    if (!vm86_enter(&a))
        goto out;
    vm86_check_trap("first entry", X86_EXC_GP, true, 0, 0x10, &a);

    for (i = 0; i < 4 && !xtf_has_failed(); i++)
        yield_keeps_registers(i);
    if (!xtf_has_failed() && vm86_enter(&a))
        vm86_check_trap("entry after the yields", X86_EXC_GP, true, 0, 0x10, &a);
out:
    vm86_release();
    vm86_check_alive();
    xtf_success(NULL);
}
