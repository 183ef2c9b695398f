/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * trap_frame_gp: the exact bounce frame of #GP raised in ring 1 (ABI.md
 * §6): [errcode] EIP CS EFLAGS on the current stack, EIP at the faulting
 * instruction. Two sources: loading Tessera's data selector 0x0810 (DPL 0)
 * into FS gives error code 0x0810; hlt (privileged) gives error code 0.
 */
#include "../trap_common/trap_helpers.h"

void code_sel(void);
void code_sel_insn(void);
void code_hlt(void);
void code_hlt_insn(void);

__asm__(".text\n"
        "code_sel:\n"
        "    mov     $0x0810, %eax\n"
        "    pushf\n"
        "    popl    cap_eflags\n"
        "code_sel_insn:\n"
        "    mov     %eax, %fs\n"
        "    ret\n"
        "code_hlt:\n"
        "    pushf\n"
        "    popl    cap_eflags\n"
        "code_hlt_insn:\n"
        "    hlt\n"
        "    ret\n");

static void check_one(const char *name, void (*code)(void), void (*insn)(void), uint32_t ec)
{
    bool ran;

    if (install_capture(X86_EXC_GP, 0))
        return;
    reset_capture();
    ran = capture_run(code);
    restore_runtime_trap(X86_EXC_GP);
    if (!ran) {
        xtf_failure("Fail: %s: expected #GP got no exception\n", name);
        return;
    }

    const struct frame_word f[] = {
        FW("error code", ec),
        FW("EIP", (uintptr_t)insn),
        FW_SEL("CS", FLAT_RING1_CS),
        FW_FLAGS(cap_eflags),
    };

    check_u32("handler runs", cap.count, 1);
    check_u32("frame address (error code + 3 words)", cap.esp, ring1_frame_base(4));
    check_frame(name, f, ARRAY_SIZE(f));
}

void test_main(void)
{
    check_one("mov $0x0810, %fs", code_sel, code_sel_insn, 0x0810);
    check_one("hlt", code_hlt, code_hlt_insn, 0);
    check_long("xen_version(0) afterwards", HYPERVISOR_xen_version(0), XEN_VERSION_2_0);
    xtf_success(NULL);
}
