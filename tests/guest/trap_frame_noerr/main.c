/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * trap_frame_noerr: the exact bounce frame of exceptions without an error
 * code raised in ring 1 (ABI.md §6, "Words from the new ESP upward"): #DE,
 * #BR and #UD arrive on the current stack as EIP CS EFLAGS, nothing below
 * and nothing more above, with EIP at the faulting instruction and the
 * EFLAGS the code had.
 */
#include "../trap_common/trap_helpers.h"

void code_de(void);
void code_de_insn(void);
void code_br(void);
void code_br_insn(void);
void code_ud(void);
void code_ud_insn(void);

/* Each snippet records EFLAGS after its last flag-changing instruction. */
__asm__(".text\n"
        "code_de:\n"
        "    mov     $1, %eax\n"
        "    xor     %edx, %edx\n"
        "    xor     %ecx, %ecx\n"
        "    pushf\n"
        "    popl    cap_eflags\n"
        "code_de_insn:\n"
        "    div     %ecx\n"
        "    ret\n"
        "code_br:\n"
        "    push    $10\n"              /* bounds [5, 10] at (%esp) */
        "    push    $5\n"
        "    mov     $11, %eax\n"
        "    pushf\n"
        "    popl    cap_eflags\n"
        "code_br_insn:\n"
        "    bound   %eax, (%esp)\n"
        "    add     $8, %esp\n"
        "    ret\n"
        "code_ud:\n"
        "    pushf\n"
        "    popl    cap_eflags\n"
        "code_ud_insn:\n"
        "    ud2\n"
        "    ret\n");

static void check_one(const char *name, unsigned int vec, void (*code)(void),
                      void (*insn)(void), unsigned int pushed)
{
    bool ran;

    if (install_capture(vec, 0))
        return;
    reset_capture();
    ran = capture_run(code);
    restore_runtime_trap(vec);
    if (!ran) {
        xtf_failure("Fail: %s: expected the handler to run got a plain return\n", name);
        return;
    }

    const struct frame_word f[] = {
        FW("EIP", (uintptr_t)insn),
        FW_SEL("CS", FLAT_RING1_CS),
        FW_FLAGS(cap_eflags),
    };
    check_u32("handler runs", cap.count, 1);
    /* The frame starts right below what the code had pushed on the stack. */
    check_u32("frame address (no error code, 3 words)", cap.esp, ring1_frame_base(3 + pushed));
    check_u32("handler SS", cap.ss & 0xFFFF, FLAT_RING1_DS);
    check_frame(name, f, ARRAY_SIZE(f));
}

void test_main(void)
{
    check_one("#DE", X86_EXC_DE, code_de, code_de_insn, 0);
    check_one("#BR", X86_EXC_BR, code_br, code_br_insn, 2);
    check_one("#UD", X86_EXC_UD, code_ud, code_ud_insn, 0);
    /* Tessera is alive and the runtime's handlers are back. */
    check_long("xen_version(0) afterwards", HYPERVISOR_xen_version(0), XEN_VERSION_2_0);
    xtf_success(NULL);
}
