/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * stack_switch_ring3: stack_switch (#3, ABI.md §2, §6) sets SS1:ESP1, the
 * stack a trap from ring 2/3 lands on. An ss with RPL 0 gives -EPERM and
 * leaves the stack as it was; a good one moves the next ring-3 trap's frame
 * (EIP CS EFLAGS ESP SS, with ring 3's ESP and SS) to the new SS1:ESP1.
 * Bug class: privilege escalation (ring-0 stack selector for guest frames).
 */
#include "../trap_common/trap_helpers.h"

void r3_ud(void), r3_ud_insn(void);

__asm__(".pushsection " RING3_SECTION ", \"ax\"\n"
        "r3_ud:\n"
        "    pushf\n"
        "r3_ud_insn:\n"
        "    ud2\n"
        ".popsection\n");

static uint8_t alt_stack[4096] __aligned(16);

static uint32_t alt_stack_top(void)
{
    return (uint32_t)(uintptr_t)(alt_stack + sizeof(alt_stack) - 64);
}

/* A #UD from ring 3 must land at top - 20 on SS1 = FLAT_RING1_DS. */
static void check_lands_at(const char *what, uint32_t top)
{
    uint32_t user_esp = user_stack_top() - 4;
    bool ran;

    if (install_capture(X86_EXC_UD, 0))
        return;
    ran = ring3_run(r3_ud);
    restore_runtime_trap(X86_EXC_UD);
    if (!ran)
        return;

    const struct frame_word f[] = {
        FW("EIP", (uintptr_t)r3_ud_insn), FW_SEL("CS", FLAT_RING3_CS),
        FW_FLAGS(*(uint32_t *)(uintptr_t)user_esp), FW("ESP", user_esp),
        FW_SEL("SS", FLAT_RING3_DS),
    };

    check_u32("handler runs", cap.count, 1);
    if (cap.esp != top - 20)
        xtf_failure("Fail: %s: frame address: expected %#x got %#x\n", what, top - 20, cap.esp);
    check_u32("handler SS", cap.ss & 0xFFFF, FLAT_RING1_DS);
    check_frame(what, f, ARRAY_SIZE(f));
}

void test_main(void)
{
    static const uint16_t bad_ss[] = {0x0820, 0x0810, 0x0000, 0x0010, 0x0004};
    char what[48];
    unsigned int i;

    if (!ring3_prepare(r3_ud))          /* SS1:ESP1 = r1_stack */
        xtf_exit();
    check_lands_at("ring-3 #UD, SS1:ESP1 = r1_stack", r1_stack_top());

    for (i = 0; i < ARRAY_SIZE(bad_ss); i++) {
        snprintf(what, sizeof(what), "stack_switch(%#06x, alt_stack)", bad_ss[i]);
        check_long(what, HYPERVISOR_stack_switch(bad_ss[i], alt_stack_top()), -XEN_EPERM);
    }
    check_lands_at("ring-3 #UD after the refused calls", r1_stack_top());

    check_long("stack_switch(FLAT_RING1_DS, alt_stack)",
               HYPERVISOR_stack_switch(FLAT_RING1_DS, alt_stack_top()), 0);
    check_lands_at("ring-3 #UD, SS1:ESP1 = alt_stack", alt_stack_top());

    check_long("stack_switch(FLAT_RING1_DS, r1_stack)",
               HYPERVISOR_stack_switch(FLAT_RING1_DS, r1_stack_top()), 0);
    check_lands_at("ring-3 #UD, SS1:ESP1 = r1_stack again", r1_stack_top());
    check_long("xen_version(0) afterwards", HYPERVISOR_xen_version(0), XEN_VERSION_2_0);
    xtf_success(NULL);
}
