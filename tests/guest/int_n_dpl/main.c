/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * int_n_dpl: INT n from ring 1 (ABI.md §6). With traps[n].DPL >= 1 the
 * guest's handler for n runs with EIP past the two-byte instruction and no
 * error code (also for an exception vector: INT 0x0E brings neither CR2
 * nor an error code). With DPL 0 the guest gets #GP with error code
 * (n << 3) | 2 and EIP at the instruction.
 */
#include "../trap_common/trap_helpers.h"

#define SNIPPET(n)                                      \
    "int_" #n ":\n"                                     \
    "    pushf\n"                                       \
    "    popl    cap_eflags\n"                          \
    "int_" #n "_insn:\n"                                \
    "    int     $" #n "\n"                             \
    "int_" #n "_next:\n"                                \
    "    ret\n"

#define DECLARE(n) void int_##n(void), int_##n##_insn(void), int_##n##_next(void)

DECLARE(0x0d);
DECLARE(0x0e);
DECLARE(0x20);
DECLARE(0x40);
DECLARE(0x80);
DECLARE(0xff);

__asm__(".text\n" SNIPPET(0x0d) SNIPPET(0x0e) SNIPPET(0x20) SNIPPET(0x40) SNIPPET(0x80)
        SNIPPET(0xff));

struct int_case {
    unsigned int vector, dpl;
    void (*code)(void), (*insn)(void), (*next)(void);
};

#define CASE(n, dpl) {n, dpl, int_##n, int_##n##_insn, int_##n##_next}

static const struct int_case cases[] = {
    CASE(0x40, 0), CASE(0x40, 1), CASE(0x40, 2), CASE(0x40, 3),
    CASE(0x20, 1), CASE(0x80, 3), CASE(0xff, 1), CASE(0xff, 0),
    CASE(0x0e, 1), CASE(0x0d, 0),
};

static void run_case(const struct int_case *c)
{
    char name[48];
    bool ran;

    snprintf(name, sizeof(name), "int $%#x, DPL %u", c->vector, c->dpl);
    if (install_capture(c->vector, c->dpl) || install_capture(X86_EXC_GP, 0))
        return;
    reset_capture();
    ran = capture_run(c->code);
    restore_runtime_trap(X86_EXC_GP);
    if (c->vector < GUEST_NR_TRAPS)
        restore_runtime_trap(c->vector);
    if (!ran) {
        xtf_failure("Fail: %s: expected a handler to run got a plain return\n", name);
        return;
    }
    check_u32("handler runs", cap.count, 1);

    if (c->dpl >= 1) {
        const struct frame_word f[] = {
            FW("EIP (past the int)", (uintptr_t)c->next),
            FW_SEL("CS", FLAT_RING1_CS),
            FW_FLAGS(cap_eflags),
        };

        if (cap.w[0] == ((c->vector << 3) | 2))
            xtf_failure("Fail: %s: expected the vector's handler got #GP\n", name);
        check_u32("frame address (3 words)", cap.esp, ring1_frame_base(3));
        check_frame(name, f, ARRAY_SIZE(f));
    } else {
        const struct frame_word f[] = {
            FW("#GP error code", (c->vector << 3) | 2),
            FW("EIP (at the int)", (uintptr_t)c->insn),
            FW_SEL("CS", FLAT_RING1_CS),
            FW_FLAGS(cap_eflags),
        };

        check_u32("frame address (error code + 3 words)", cap.esp, ring1_frame_base(4));
        check_frame(name, f, ARRAY_SIZE(f));
    }
}

void test_main(void)
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(cases); i++)
        run_case(&cases[i]);
    check_long("xen_version(0) afterwards", HYPERVISOR_xen_version(0), XEN_VERSION_2_0);
    xtf_success(NULL);
}
