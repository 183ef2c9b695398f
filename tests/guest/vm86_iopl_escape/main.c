/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vm86_iopl_escape: the EFLAGS word of the switch_vm86 frame cannot raise
 * VM86's I/O privilege (ABI.md §6 "switch_vm86": IOPL comes from the
 * caller, IF is forced to 1 when that IOPL is 0; §12: dom0 has no I/O
 * bitmap). Each snippet is entered from a frame asking for IOPL 3 with IF
 * clear, with the caller at IOPL 0:
 *   cli, sti, pushf, popf   IOPL-sensitive in VM86: #GP(0) at the insn;
 *   out %al, $0x80         checked against the (absent) I/O bitmap:
 *                           #GP(0), whatever IOPL is.
 * Had the frame's IOPL been honoured, cli would clear the real IF and the
 * following hlt would fault one byte later, with IF clear in the frame.
 * Bug class: privilege escalation (guest-chosen IOPL / real interrupt flag).
 */
#include "../vm86_common/vm86_helpers.h"

struct snippet {
    const char *what;
    uint16_t ip;
    uint8_t bytes[2];
    unsigned int len;
};

static const struct snippet snippets[] = {
    {"cli", 0x40, {0xFA}, 1},
    {"sti", 0x44, {0xFB}, 1},
    {"pushf", 0x48, {0x9C}, 1},
    {"popf", 0x4C, {0x9D}, 1},
    {"out %al, $0x80", 0x50, {0xE6, 0x80}, 2},
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
        code[snippets[i].ip + snippets[i].len] = 0xF4;      /* hlt */
    }
    if (!vm86_catch(0, 0))
        return;

    for (i = 0; i < ARRAY_SIZE(snippets); i++) {
        const struct snippet *s = &snippets[i];
        struct vm86_args a = vm86_frame(0x10 + i, s->ip, EF_FIXED | EF_IOPL);

        if (!vm86_enter(&a))
            break;
        /* vm86_check_trap expects EFLAGS with IOPL 0 and IF set. */
        vm86_check_trap(s->what, X86_EXC_GP, true, 0, s->ip, &a);
        if ((vcap.w[3] & (EF_IOPL | EF_IF)) != EF_IF)
            xtf_failure("Fail: %s: VM86 ran with IOPL %u, IF %u: expected IOPL 0, IF 1\n",
                        s->what, (vcap.w[3] & EF_IOPL) >> 12, !!(vcap.w[3] & EF_IF));
    }
    vm86_release();

    vm86_check_alive();
    xtf_success(NULL);
}
