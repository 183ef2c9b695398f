/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * int_n_ring3: INT n from ring 3 (ABI.md §6). Only traps[n].DPL = 3 lets
 * it through: the handler runs on SS1:ESP1 with EIP past the instruction,
 * no error code, and the ring-3 ESP and SS in the frame. With DPL 0, 1 or
 * 2 the guest gets #GP with error code (n << 3) | 2 and EIP at the
 * instruction, on the same stack and with the same ESP and SS.
 */
#include "../trap_common/trap_helpers.h"

#define SNIPPET(n)                                      \
    "r3_int_" #n ":\n"                                  \
    "    pushf\n"                                       \
    "r3_int_" #n "_insn:\n"                             \
    "    int     $" #n "\n"                             \
    "r3_int_" #n "_next:\n"                             \
    "    ud2\n"

#define DECLARE(n) void r3_int_##n(void), r3_int_##n##_insn(void), r3_int_##n##_next(void)

DECLARE(0x40);
DECLARE(0x80);

__asm__(".pushsection " RING3_SECTION ", \"ax\"\n" SNIPPET(0x40) SNIPPET(0x80) ".popsection\n");

struct int_case {
    unsigned int vector, dpl;
    void (*code)(void), (*insn)(void), (*next)(void);
};

#define CASE(n, dpl) {n, dpl, r3_int_##n, r3_int_##n##_insn, r3_int_##n##_next}

static const struct int_case cases[] = {
    CASE(0x40, 0), CASE(0x40, 1), CASE(0x40, 2), CASE(0x40, 3), CASE(0x80, 1), CASE(0x80, 3),
};

static void run_case(const struct int_case *c)
{
    uint32_t user_esp = user_stack_top() - 4;   /* below the pushed EFLAGS */
    char name[48];
    bool ran;

    snprintf(name, sizeof(name), "ring 3: int $%#x, DPL %u", c->vector, c->dpl);
    if (install_capture(c->vector, c->dpl) || install_capture(X86_EXC_GP, 0))
        return;
    ran = ring3_run(c->code);
    restore_runtime_trap(X86_EXC_GP);
    if (!ran)
        return;
    check_u32("handler runs", cap.count, 1);

    uint32_t eflags = *(uint32_t *)(uintptr_t)user_esp;

    if (c->dpl == 3) {
        const struct frame_word f[] = {
            FW("EIP (past the int)", (uintptr_t)c->next),
            FW_SEL("CS", FLAT_RING3_CS),
            FW_FLAGS(eflags),
            FW("ESP", user_esp),
            FW_SEL("SS", FLAT_RING3_DS),
        };

        if (cap.w[0] == ((c->vector << 3) | 2))
            xtf_failure("Fail: %s: expected the vector's handler got #GP\n", name);
        check_u32("frame address (5 words on SS1:ESP1)", cap.esp, r1_stack_top() - 20);
        check_frame(name, f, ARRAY_SIZE(f));
    } else {
        const struct frame_word f[] = {
            FW("#GP error code", (c->vector << 3) | 2),
            FW("EIP (at the int)", (uintptr_t)c->insn),
            FW_SEL("CS", FLAT_RING3_CS),
            FW_FLAGS(eflags),
            FW("ESP", user_esp),
            FW_SEL("SS", FLAT_RING3_DS),
        };

        check_u32("frame address (6 words on SS1:ESP1)", cap.esp, r1_stack_top() - 24);
        check_frame(name, f, ARRAY_SIZE(f));
    }
    check_u32("handler SS", cap.ss & 0xFFFF, FLAT_RING1_DS);
}

void test_main(void)
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(cases); i++)
        run_case(&cases[i]);
    check_long("xen_version(0) afterwards", HYPERVISOR_xen_version(0), XEN_VERSION_2_0);
    xtf_success(NULL);
}
