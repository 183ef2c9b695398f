/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * trap_if_mask: the IF flag of a trap_info_t entry (flags bit 2, ABI.md
 * §6) makes the handler run with vcpu_data[0].evtchn_upcall_mask = 1, like
 * an interrupt gate, and the mask stays set after it (clearing it is the
 * guest's job). Without IF the mask is left as it was, 0 or 1. Checked for
 * a bounced INT n from ring 1 and ring 3 and for an exception (#UD).
 */
#include <guest/events.h>

#include "../trap_common/trap_helpers.h"

#define TI_IF   4

void code_ud(void);
void r3_int_0x40(void);

DECLARE_INT_SNIPPET(0x40);

__asm__(INT_SNIPPET(0x40)
        ".text\n"
        "code_ud:\n"
        "    ud2\n"
        "    ret\n"
        ".pushsection " RING3_SECTION ", \"ax\"\n"
        "r3_int_0x40:\n"
        "    int     $0x40\n"
        "    ud2\n"
        ".popsection\n");

static volatile vcpu_info_t *vcpu;

static void run(const char *name, unsigned int vector, unsigned int flags, bool ring3,
                uint8_t mask_before, uint8_t mask_in_handler)
{
    bool ran;

    if (install_capture(vector, flags))
        return;
    vcpu->evtchn_upcall_mask = mask_before;
    if (ring3) {
        ran = ring3_run(r3_int_0x40);
    } else {
        reset_capture();
        ran = capture_run(vector == X86_EXC_UD ? code_ud : int_0x40);
    }
    if (vector < GUEST_NR_TRAPS)
        restore_runtime_trap(vector);
    if (!ran) {
        xtf_failure("Fail: %s: expected the handler to run got nothing\n", name);
        return;
    }
    if (cap.upcall_mask != mask_in_handler)
        xtf_failure("Fail: %s: upcall_mask in the handler: expected %u got %u\n", name,
                    mask_in_handler, cap.upcall_mask);
    if (vcpu->evtchn_upcall_mask != mask_in_handler)
        xtf_failure("Fail: %s: upcall_mask after the handler: expected %u got %u\n", name,
                    mask_in_handler, vcpu->evtchn_upcall_mask);
}

void test_main(void)
{
    if (!events_available()) {
        xtf_skip("Skip: shared_info is not mapped (update_va_mapping: %ld)\n",
                 shared_info_map_rc);
        xtf_exit();
    }
    vcpu = &shared_info->vcpu_data[0];
    /*
     * VIRQ_TIMER, unbound here, lands on port 0 at every refresh (ABI.md
     * §7, §8): mask that port and drop what it left, so that unmasking
     * upcalls below cannot deliver anything.
     */
    evtchn_mask(0);
    evtchn_clear(0);
    shared_info->evtchn_pending_sel = 0;
    vcpu->evtchn_upcall_pending = 0;
    if (vcpu->evtchn_upcall_pending) {
        xtf_error("Error: an upcall is pending: unmasking would deliver it\n");
        xtf_exit();
    }

    run("INT 0x40 (ring 1), IF", 0x40, 1 | TI_IF, false, 0, 1);
    run("INT 0x40 (ring 1), no IF, mask 0", 0x40, 1, false, 0, 0);
    run("INT 0x40 (ring 1), no IF, mask 1", 0x40, 1, false, 1, 1);
    run("INT 0x40 (ring 3), IF", 0x40, 3 | TI_IF, true, 0, 1);
    run("INT 0x40 (ring 3), no IF", 0x40, 3, true, 0, 0);
    run("#UD, IF", X86_EXC_UD, TI_IF, false, 0, 1);
    run("#UD, no IF", X86_EXC_UD, 0, false, 0, 0);

    vcpu->evtchn_upcall_mask = 1;       /* as start of day left it */
    check_long("xen_version(0) afterwards", HYPERVISOR_xen_version(0), XEN_VERSION_2_0);
    xtf_success(NULL);
}
