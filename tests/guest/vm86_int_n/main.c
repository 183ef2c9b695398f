/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vm86_int_n: software interrupts in VM86 mode with IOPL 0 (ABI.md §6
 * trap table, "switch_vm86", bounce frames). The caller's IOPL is 0, so
 * VM86 runs with IOPL 0, where INT n is IOPL-sensitive:
 *   int $0x40  faults #GP(0) at the INT, although traps[0x40] has DPL 3
 *              (the "(n<<3)|2, DPL 3 in VM86" path needs IOPL 3);
 *   int $0x82  faults #GP(0) as well: no hypercall, EAX (17) unchanged;
 *   int3       is not IOPL-sensitive: #BP, bounced with EIP past it and
 *              the 9-word VM86 frame (no error code);
 *   into       likewise, with OF set: #OF with EIP past it.
 * Each frame arrives on SS1:ESP1 with VM set and the handler's DS-GS = 0.
 */
#include "../vm86_common/vm86_helpers.h"

struct snippet {
    const char *what;
    uint16_t ip;
    uint8_t bytes[2];
    uint32_t eax, eflags;
    unsigned int vector;
    bool has_err;
    uint16_t trap_ip;       /* the frame's EIP */
};

static const struct snippet snippets[] = {
    {"int $0x40", 0x20, {0xCD, 0x40}, 0x40404040, EF_FIXED, X86_EXC_GP, true, 0x20},
    {"int $0x82", 0x24, {0xCD, 0x82}, __HYPERVISOR_xen_version, EF_FIXED, X86_EXC_GP, true, 0x24},
    {"int3", 0x28, {0xCC, 0x90}, 0x03030303, EF_FIXED, X86_EXC_BP, false, 0x29},
    {"into with OF", 0x2C, {0xCE, 0x90}, 0x04040404, EF_FIXED | EF_OF, X86_EXC_OF, false, 0x2D},
};

void test_main(void)
{
    uint8_t *code = vm86_prepare();
    unsigned int i;

    if (!code)
        return;
    if (caller_iopl() != 0) {
        xtf_error("Error: the caller's IOPL is %u, this test needs 0\n", caller_iopl() >> 12);
        return;
    }
    for (i = 0; i < ARRAY_SIZE(snippets); i++) {
        code[snippets[i].ip] = snippets[i].bytes[0];
        code[snippets[i].ip + 1] = snippets[i].bytes[1];
        code[snippets[i].ip + 2] = 0xF4;        /* hlt: #GP(0) if the INT was skipped */
    }
    if (!vm86_catch(3, 3))
        return;

    for (i = 0; i < ARRAY_SIZE(snippets); i++) {
        const struct snippet *s = &snippets[i];
        struct vm86_args a = vm86_frame(s->eax, s->ip, s->eflags);

        if (!vm86_enter(&a))
            break;
        vm86_check_trap(s->what, s->vector, s->has_err, 0, s->trap_ip, &a);
        vm86_check(s->what, "EAX", vcap.eax, s->eax);
    }
    vm86_release();

    vm86_check_alive();
    xtf_success(NULL);
}
