/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * trap_bp_of: #BP and #OF are always bounced, whatever DPL the guest gave
 * them, with EIP already past the instruction and no error code (ABI.md
 * §6). Both are installed with DPL 0 and raised from ring 1 (int3, int $3,
 * into) and from ring 3 (int3, into); the ring-3 frames land on SS1:ESP1
 * and carry ESP and SS.
 */
#include "../trap_common/trap_helpers.h"

void r1_int3(void);
void r1_int3_next(void);
void r1_int_3(void);
void r1_int_3_next(void);
void r1_into(void);
void r1_into_next(void);
void r3_int3(void);
void r3_int3_next(void);
void r3_into(void);
void r3_into_next(void);

__asm__(".text\n"
        "r1_int3:\n"
        "    pushf\n"
        "    popl    cap_eflags\n"
        "    int3\n"
        "r1_int3_next:\n"
        "    ret\n"
        "r1_int_3:\n"
        "    pushf\n"
        "    popl    cap_eflags\n"
        "    .byte   0xcd, 0x03\n"      /* int $3, the two-byte form */
        "r1_int_3_next:\n"
        "    ret\n"
        "r1_into:\n"
        "    mov     $0x7f, %al\n"
        "    add     $1, %al\n"         /* OF = 1 */
        "    pushf\n"
        "    popl    cap_eflags\n"
        "    into\n"
        "r1_into_next:\n"
        "    ret\n"
        /* Ring 3: EFLAGS is left on the user stack, below its top. */
        ".pushsection " RING3_SECTION ", \"ax\"\n"
        "r3_int3:\n"
        "    pushf\n"
        "    int3\n"
        "r3_int3_next:\n"
        "    ud2\n"
        "r3_into:\n"
        "    mov     $0x7f, %al\n"
        "    add     $1, %al\n"
        "    pushf\n"
        "    into\n"
        "r3_into_next:\n"
        "    ud2\n"
        ".popsection\n");

static void run_ring1(const char *name, unsigned int vec, void (*code)(void),
                      void (*next)(void))
{
    bool ran;

    if (install_capture(vec, 0))        /* DPL 0: lower than the raising ring */
        return;
    reset_capture();
    ran = capture_run(code);
    restore_runtime_trap(vec);
    if (!ran) {
        xtf_failure("Fail: %s from ring 1: expected the handler got no exception\n", name);
        return;
    }

    const struct frame_word f[] = {
        FW("EIP", (uintptr_t)next),
        FW_SEL("CS", FLAT_RING1_CS),
        FW_FLAGS(cap_eflags),
    };

    check_u32("handler runs", cap.count, 1);
    check_u32("frame address (3 words)", cap.esp, ring1_frame_base(3));
    check_frame(name, f, ARRAY_SIZE(f));
}

static void run_ring3(const char *name, unsigned int vec, void (*code)(void),
                      void (*next)(void))
{
    bool ran;

    if (install_capture(vec, 0))
        return;
    ran = ring3_run(code);
    restore_runtime_trap(vec);
    if (!ran)
        return;

    uint32_t user_esp = user_stack_top() - 4;
    const struct frame_word f[] = {
        FW("EIP", (uintptr_t)next),
        FW_SEL("CS", FLAT_RING3_CS),
        FW_FLAGS(*(uint32_t *)(uintptr_t)user_esp),
        FW("ESP", user_esp),
        FW_SEL("SS", FLAT_RING3_DS),
    };

    check_u32("handler runs", cap.count, 1);
    check_u32("frame address (5 words on SS1:ESP1)", cap.esp, r1_stack_top() - 20);
    check_frame(name, f, ARRAY_SIZE(f));
}

void test_main(void)
{
    run_ring1("int3", X86_EXC_BP, r1_int3, r1_int3_next);
    run_ring1("int $3", X86_EXC_BP, r1_int_3, r1_int_3_next);
    run_ring1("into", X86_EXC_OF, r1_into, r1_into_next);
    run_ring3("int3 (ring 3)", X86_EXC_BP, r3_int3, r3_int3_next);
    run_ring3("into (ring 3)", X86_EXC_OF, r3_into, r3_into_next);
    check_long("xen_version(0) afterwards", HYPERVISOR_xen_version(0), XEN_VERSION_2_0);
    xtf_success(NULL);
}
