/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * callback_event_frame: the event callback's frame (ABI.md §6). On every
 * exit to the guest with upcall_pending set and upcall_mask clear, Tessera
 * pushes EIP CS EFLAGS to ev_cs:ev_eip and sets the mask. The guest sets
 * upcall_pending itself (no event channel needed). Cases: the exit of a
 * hypercall (EAX already holds its result); an exception bounced by the
 * same exit (the event frame lies on top of the exception frame and points
 * at the exception handler, which runs second); the same from ring 3 (the
 * event frame is a ring-1 one, the #BP frame below carries ESP and SS);
 * and no frame at all while the mask is set.
 */
#include <guest/events.h>

#include "../trap_common/trap_helpers.h"

void code_hcall(void), code_hcall_next(void);
void code_ud(void), code_ud_insn(void);
void r3_int3(void), r3_int3_next(void);
void exc_entry(void);

__asm__(".text\n"
        "code_hcall:\n"
        "    mov     $" STRINGIFY(__HYPERVISOR_xen_version) ", %eax\n"
        "    xor     %ebx, %ebx\n"
        "    pushf\n"
        "    popl    cap_eflags\n"
        "    int     $0x82\n"
        "code_hcall_next:\n"
        "    ret\n"
        "code_ud:\n"
        "    pushf\n"
        "    popl    cap_eflags\n"
        "code_ud_insn:\n"
        "    ud2\n"
        "    ret\n"
        /* The exception handler: never reached, the event handler runs first. */
        "exc_entry:\n"
        "    ud2\n"
        ".pushsection " RING3_SECTION ", \"ax\"\n"
        "r3_int3:\n"
        "    pushf\n"
        "    int3\n"
        "r3_int3_next:\n"
        "    ud2\n"
        ".popsection\n");

static volatile vcpu_info_t *vcpu;

static void arm(uint8_t mask)
{
    vcpu->evtchn_upcall_pending = 1;
    vcpu->evtchn_upcall_mask = mask;
    reset_capture();
}

static void check_upcall(const char *name, bool ran)
{
    if (!ran) {
        xtf_failure("Fail: %s: expected the event callback got a plain return\n", name);
        return;
    }
    check_u32("event callback runs", cap.count, 1);
    if (cap.upcall_mask != 1)
        xtf_failure("Fail: %s: upcall_mask in the callback: expected 1 got %u\n", name,
                    cap.upcall_mask);
}

static void test_hypercall_exit(void)
{
    bool ran;

    arm(0);
    ran = capture_run(code_hcall);
    check_upcall("hypercall exit", ran);

    const struct frame_word f[] = {
        FW("EIP", (uintptr_t)code_hcall_next), FW_SEL("CS", FLAT_RING1_CS),
        FW_FLAGS(cap_eflags),
    };

    check_u32("frame address (3 words)", cap.esp, ring1_frame_base(3));
    check_frame("event after a hypercall", f, ARRAY_SIZE(f));
    check_u32("EAX in the callback (xen_version's result)", cap.eax, XEN_VERSION_2_0);
}

static void test_on_exception(void)
{
    bool ran;

    guest_set_trap(X86_EXC_UD, 0, exc_entry);
    arm(0);
    ran = capture_run(code_ud);
    restore_runtime_trap(X86_EXC_UD);
    check_upcall("#UD exit", ran);

    const struct frame_word f[] = {
        FW("event EIP (the #UD handler)", (uintptr_t)exc_entry),
        FW_SEL("event CS", FLAT_RING1_CS), FW_FLAGS(cap_eflags),
        FW("#UD EIP", (uintptr_t)code_ud_insn), FW_SEL("#UD CS", FLAT_RING1_CS),
        FW_FLAGS(cap_eflags),
    };

    check_u32("frame address (3 + 3 words)", cap.esp, ring1_frame_base(6));
    check_frame("event on top of #UD", f, ARRAY_SIZE(f));
}

static void test_on_ring3_exception(void)
{
    uint32_t user_esp = user_stack_top() - 4;
    bool ran;

    guest_set_trap(X86_EXC_BP, 3, exc_entry);
    if (!ring3_prepare(r3_int3))    /* no hypercall may run once armed */
        return;
    arm(0);
    ran = ring3_run(r3_int3);
    restore_runtime_trap(X86_EXC_BP);
    check_upcall("#BP exit from ring 3", ran);

    uint32_t eflags = *(uint32_t *)(uintptr_t)user_esp;
    const struct frame_word f[] = {
        FW("event EIP (the #BP handler)", (uintptr_t)exc_entry),
        FW_SEL("event CS", FLAT_RING1_CS), FW_FLAGS(eflags),
        FW("#BP EIP", (uintptr_t)r3_int3_next), FW_SEL("#BP CS", FLAT_RING3_CS),
        FW_FLAGS(eflags), FW("#BP ESP", user_esp), FW_SEL("#BP SS", FLAT_RING3_DS),
    };

    check_u32("frame address (3 + 5 words on SS1:ESP1)", cap.esp, r1_stack_top() - 32);
    check_frame("event on top of #BP from ring 3", f, ARRAY_SIZE(f));
}

void test_main(void)
{
    if (!events_available()) {
        xtf_skip("Skip: shared_info is not mapped (update_va_mapping: %ld)\n",
                 shared_info_map_rc);
        xtf_exit();
    }
    vcpu = &shared_info->vcpu_data[0];
    check_long("set_callbacks(capture_entry, runtime failsafe)",
               HYPERVISOR_set_callbacks(FLAT_RING1_CS, (uintptr_t)capture_entry, FLAT_RING1_CS,
                                        (uintptr_t)failsafe_callback_entry), 0);

    test_hypercall_exit();
    test_on_exception();
    test_on_ring3_exception();

    arm(1);
    if (capture_run(code_hcall))
        xtf_failure("Fail: masked: expected no event callback got one\n");

    vcpu->evtchn_upcall_pending = 0;
    vcpu->evtchn_upcall_mask = 1;
    restore_runtime_callbacks();
    check_long("xen_version(0) afterwards", HYPERVISOR_xen_version(0), XEN_VERSION_2_0);
    xtf_success(NULL);
}
