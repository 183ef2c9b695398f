/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * trap_fast_trap: set_fast_trap (#11, ABI.md §6). idx must be 0x20-0x2F or
 * 0x80 and traps[idx] must not have IF, else the call returns literally -1;
 * an entry never installed is accepted; idx 0 disables the fast trap.
 * With 0x80 fast (DPL 3), INT 0x80 from ring 3 reaches the handler
 * directly on SS1:ESP1 with EIP past the int, ring 3's ESP and SS: no exit
 * through Tessera, so an upcall armed beforehand is not delivered and the
 * mask is untouched. Once disabled, the same INT is bounced by Tessera,
 * whose exit delivers the upcall first. A DPL-1 fast entry still refuses
 * ring 3: #GP((0x80 << 3) | 2).
 */
#include <guest/events.h>

#include "../trap_common/trap_helpers.h"

#define TI_IF   4

void r3_int80(void), r3_int80_insn(void), r3_int80_next(void);
void event_entry(void);
volatile uint32_t event_hits;

DECLARE_INT_SNIPPET(0x80);

__asm__(INT_SNIPPET(0x80)
        "event_entry:\n"
        "    incl    %ss:event_hits\n"
        "    jmp     capture_entry\n"
        ".pushsection " RING3_SECTION ", \"ax\"\n"
        "r3_int80:\n"
        "    pushf\n"
        "r3_int80_insn:\n"
        "    int     $0x80\n"
        "r3_int80_next:\n"
        "    ud2\n"
        ".popsection\n");

/* INT 0x80 from ring 3 with an upcall armed (when shared_info is there). */
static void ring3_int80(bool fast)
{
    volatile vcpu_info_t *vcpu = events_available() ? &shared_info->vcpu_data[0] : NULL;
    uint32_t user_esp = user_stack_top() - 4;
    const char *name = fast ? "fast INT 0x80" : "bounced INT 0x80";
    bool ran;

    if (install_capture(X86_EXC_GP, 0) || !ring3_prepare(r3_int80))
        return;
    event_hits = 0;
    if (vcpu) {
        vcpu->evtchn_upcall_pending = 1;
        vcpu->evtchn_upcall_mask = 0;
    }
    ran = ring3_run(r3_int80);
    if (vcpu) {
        vcpu->evtchn_upcall_pending = 0;
        vcpu->evtchn_upcall_mask = 1;
    }
    restore_runtime_trap(X86_EXC_GP);
    if (!ran)
        return;

    uint32_t eflags = *(uint32_t *)(uintptr_t)user_esp;
    /* Bounced: the event frame (3 words, to capture_entry's vector) comes first. */
    unsigned int skip = (!fast && vcpu) ? 3 : 0;
    const struct frame_word f[] = {
        FW("event EIP (the 0x80 handler)", (uintptr_t)capture_entry),
        FW_SEL("event CS", FLAT_RING1_CS), FW_FLAGS(eflags),
        FW("EIP (past the int)", (uintptr_t)r3_int80_next), FW_SEL("CS", FLAT_RING3_CS),
        FW_FLAGS(eflags), FW("ESP", user_esp), FW_SEL("SS", FLAT_RING3_DS),
    };

    check_u32("frame address on SS1:ESP1", cap.esp, r1_stack_top() - 20 - 4 * skip);
    if (skip)
        check_frame(name, f, ARRAY_SIZE(f));
    else
        check_frame(name, f + 3, ARRAY_SIZE(f) - 3);
    if (vcpu) {
        check_u32(fast ? "upcalls during a fast INT 0x80" : "upcalls during a bounced INT 0x80",
                  event_hits, fast ? 0 : 1);
        if (fast && cap.upcall_mask != 0)
            xtf_failure("Fail: fast INT 0x80: upcall_mask expected 0 got %u\n", cap.upcall_mask);
    }
}

void test_main(void)
{
    static const uint32_t bad_idx[] = {0x81, 0x1F, 0x30, 0x7F, 0x01, 0x100, 0x180, ~0U};
    char what[48];
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(bad_idx); i++) {
        snprintf(what, sizeof(what), "set_fast_trap(%#x)", bad_idx[i]);
        check_long(what, hypercall1(__HYPERVISOR_set_fast_trap, bad_idx[i]), -1);
    }
    /* Never installed: accepted (and never raised: it would jump to 0). */
    check_long("set_fast_trap(0x2F), entry untouched", HYPERVISOR_set_fast_trap(0x2F), 0);
    check_long("set_fast_trap(0)", HYPERVISOR_set_fast_trap(0), 0);

    install_capture(0x80, 3 | TI_IF);
    check_long("set_fast_trap(0x80), entry with IF", HYPERVISOR_set_fast_trap(0x80), -1);

    check_long("set_callbacks(event_entry)",
               HYPERVISOR_set_callbacks(FLAT_RING1_CS, (uintptr_t)event_entry, FLAT_RING1_CS,
                                        (uintptr_t)failsafe_callback_entry), 0);
    install_capture(0x80, 3);
    check_long("set_fast_trap(0x80), DPL 3", HYPERVISOR_set_fast_trap(0x80), 0);
    ring3_int80(true);
    check_long("set_fast_trap(0)", HYPERVISOR_set_fast_trap(0), 0);
    ring3_int80(false);

    /* A DPL-1 fast entry: ring 1 passes, ring 3 gets #GP. */
    install_capture(0x80, 1);
    check_long("set_fast_trap(0x80), DPL 1", HYPERVISOR_set_fast_trap(0x80), 0);
    check_int("fast trap 0x80 with DPL 1, from ring 1", 0x80, RAISE_INT(0x80), INT_HANDLER);
    if (install_capture(X86_EXC_GP, 0) == 0 && ring3_run(r3_int80)) {
        check_u32("ring 3, DPL-1 fast trap: #GP frame address", cap.esp, r1_stack_top() - 24);
        check_u32("ring 3, DPL-1 fast trap: #GP error code", cap.w[0], (0x80 << 3) | 2);
        check_u32("ring 3, DPL-1 fast trap: EIP", cap.w[1], (uintptr_t)r3_int80_insn);
    }
    restore_runtime_trap(X86_EXC_GP);
    check_long("set_fast_trap(0)", HYPERVISOR_set_fast_trap(0), 0);

    restore_runtime_callbacks();
    check_long("xen_version(0) afterwards", HYPERVISOR_xen_version(0), XEN_VERSION_2_0);
    if (!events_available())
        printf("Note: shared_info is not mapped: 'no exit through Tessera' not checked\n");
    xtf_success(NULL);
}
