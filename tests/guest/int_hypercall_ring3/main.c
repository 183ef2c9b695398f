/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * int_hypercall_ring3: int $0x82 from ring 3 is not a hypercall (ABI.md
 * §1, §6). The gate has DPL 1, so ring 3 raises #GP(0x82 << 3 | 2 = 0x412),
 * which is treated like any INT n: while traps[0x82] has DPL < 3 the guest
 * receives that #GP, EIP at the instruction; once the guest installs
 * 0x82 with DPL 3, the int is bounced there with EIP+2. Either way the
 * hypercall must not run (EAX still holds the call number at the
 * handler), and ring 1 keeps making real hypercalls.
 * Bug class: privilege escalation (ring-3 code reaching the hypercall table).
 */
#include "../trap_common/trap_helpers.h"

void r3_hcall(void), r3_hcall_insn(void), r3_hcall_next(void);

__asm__(".pushsection " RING3_SECTION ", \"ax\"\n"
        "r3_hcall:\n"
        "    mov     $" STRINGIFY(__HYPERVISOR_xen_version) ", %eax\n"
        "    xor     %ebx, %ebx\n"      /* XENVER_version */
        "    pushf\n"
        "r3_hcall_insn:\n"
        "    int     $0x82\n"
        "r3_hcall_next:\n"
        "    ud2\n"
        ".popsection\n");

/* traps[0x82] as it stands: DPL < 3 expects #GP, DPL 3 the bounce. */
static void run(const char *name, bool to_handler)
{
    uint32_t user_esp = user_stack_top() - 4;
    bool ran;

    if (install_capture(X86_EXC_GP, 0))
        return;
    ran = ring3_run(r3_hcall);
    restore_runtime_trap(X86_EXC_GP);
    if (!ran)
        return;

    uint32_t eflags = *(uint32_t *)(uintptr_t)user_esp;
    const struct frame_word gp[] = {
        FW("#GP error code", 0x412),
        FW("EIP (at the int)", (uintptr_t)r3_hcall_insn),
        FW_SEL("CS", FLAT_RING3_CS),
        FW_FLAGS(eflags),
        FW("ESP", user_esp),
        FW_SEL("SS", FLAT_RING3_DS),
    };
    const struct frame_word bounce[] = {
        FW("EIP (past the int)", (uintptr_t)r3_hcall_next),
        FW_SEL("CS", FLAT_RING3_CS),
        FW_FLAGS(eflags),
        FW("ESP", user_esp),
        FW_SEL("SS", FLAT_RING3_DS),
    };

    check_u32("handler runs", cap.count, 1);
    if (cap.eax != __HYPERVISOR_xen_version)
        xtf_failure("Fail: %s: the hypercall ran from ring 3: EAX expected %u got %#x\n", name,
                    __HYPERVISOR_xen_version, cap.eax);
    if (to_handler) {
        check_u32("frame address (5 words)", cap.esp, r1_stack_top() - 20);
        check_frame(name, bounce, ARRAY_SIZE(bounce));
    } else {
        check_u32("frame address (6 words)", cap.esp, r1_stack_top() - 24);
        check_frame(name, gp, ARRAY_SIZE(gp));
    }
}

void test_main(void)
{
    /* Start of day leaves traps[0x82] untouched (DPL 0, address 0). */
    run("int $0x82 from ring 3, trap 0x82 not installed", false);

    if (install_capture(0x82, 1))
        xtf_exit();
    run("int $0x82 from ring 3, trap 0x82 DPL 1", false);

    if (install_capture(0x82, 3))
        xtf_exit();
    run("int $0x82 from ring 3, trap 0x82 DPL 3", true);

    /* Ring 1 still reaches the hypervisor, not the guest's trap 0x82. */
    reset_capture();
    check_long("xen_version(0) from ring 1 with trap 0x82 installed",
               HYPERVISOR_xen_version(0), XEN_VERSION_2_0);
    check_u32("guest handler runs for a ring-1 hypercall", cap.count, 0);
    xtf_success(NULL);
}
