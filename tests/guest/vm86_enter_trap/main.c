/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vm86_enter_trap: switch_vm86 enters VM86 mode from the frame at the
 * caller's ESP, and a fault there comes back as a VM86 bounce frame
 * (ABI.md §2 #23, §6 "switch_vm86" and "Bounce frame location"). The
 * frame [EAX][EIP CS EFLAGS ESP SS ES DS FS GS] starts real-mode code at
 * 1000:0010 (linear 0x10000 + 0x10, mapped with _PAGE_USER) that runs
 * two NOPs and HLT. HLT at CPL 3 raises #GP(0), which must arrive on
 * SS1:ESP1 as errcode EIP=0x12 CS EFLAGS ESP SS ES DS FS GS, exactly the
 * values passed, with EAX as passed and the handler's DS-GS = 0. The
 * frame's EFLAGS asks for IOPL 3 and leaves IF clear: VM86 must run with
 * the caller's IOPL, VM set and (IOPL 0) IF set. CS 0x1000 has RPL-like
 * bits 0, which must not pass for a fault in Tessera itself. A second
 * entry reaches the same code as 0FFF:0020 with other values, so nothing
 * sticks from the first.
 */
#include "../vm86_common/vm86_helpers.h"

#define CODE_IP     0x10
#define HLT_IP      0x12

/* Runs the code at linear 0x10010 as cs:ip; other selectors and SP shifted by delta. */
static void run(const char *what, uint32_t eax, uint32_t eflags, uint16_t cs, uint16_t delta)
{
    uint16_t ip = CODE_IP + (VM86_SEG - cs) * 16;
    struct vm86_args a = vm86_frame(eax, ip, eflags);

    a.cs = cs;
    a.es += delta;
    a.ds += delta;
    a.fs += delta;
    a.gs += delta;
    a.esp = VM86_SP - delta;
    if (!vm86_enter(&a))
        return;
    vm86_check_trap(what, X86_EXC_GP, true, 0, ip + HLT_IP - CODE_IP, &a);
    vm86_check(what, "EAX in VM86", vcap.eax, eax);
}

void test_main(void)
{
    uint8_t *code = vm86_prepare();

    if (!code)
        return;
    code[CODE_IP] = 0x90;           /* nop */
    code[CODE_IP + 1] = 0x90;       /* nop */
    code[HLT_IP] = 0xF4;            /* hlt */
    printf("Caller's IOPL: %u\n", caller_iopl() >> 12);
    if (!vm86_catch(0, 0))
        return;

    run("first entry", 0xCAFE1234, EF_FIXED | EF_IOPL | EF_CF | EF_ZF, VM86_SEG, 0);
    if (vcap.count)
        run("second entry", 0x5A5A0001, EF_FIXED | EF_IF, VM86_SEG - 1, 0x0100);
    vm86_release();

    vm86_check_alive();
    xtf_success(NULL);
}
