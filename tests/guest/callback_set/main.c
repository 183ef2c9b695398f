/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * callback_set: set_callbacks (#4, ABI.md §2) checks both selectors with
 * the selector check of §3; either one failing gives -EPERM and changes
 * nothing: neither callback is set. Selectors that pass give 0. Whether a
 * refused call left the event callback alone is seen by raising an upcall
 * (the guest sets upcall_pending itself): it must reach the callback set
 * before, not the address the refused call named.
 * Bug class: privilege escalation (a callback entered with Tessera's
 * ring-0 selector or a reserved one).
 */
#include <guest/events.h>

#include "../trap_common/trap_helpers.h"

void code_hcall(void), code_hcall_next(void);
void wrong_entry(void);
volatile uint32_t wrong_hits;

__asm__(".text\n"
        "code_hcall:\n"
        "    mov     $" STRINGIFY(__HYPERVISOR_xen_version) ", %eax\n"
        "    xor     %ebx, %ebx\n"
        "    int     $0x82\n"
        "code_hcall_next:\n"
        "    ret\n"
        /* What a refused call names: counts, then behaves like capture_entry. */
        "wrong_entry:\n"
        "    incl    %ss:wrong_hits\n"
        "    jmp     capture_entry\n");

static const uint16_t bad[] = {
    0x0808, 0x0810, 0x0809, 0x0818, 0x0821, 0x0939, FLAT_RING3_CS, 0x0010, 0x0004, 0x0000,
};

static const uint16_t good[] = {FLAT_RING1_CS, 0x0011, 0x0941, 0x0005};

static long set_callbacks(uint16_t ev_cs, void (*ev)(void), uint16_t fs_cs, void (*fs)(void))
{
    return HYPERVISOR_set_callbacks(ev_cs, (uintptr_t)ev, fs_cs, (uintptr_t)fs);
}

/* The event callback in force is capture_entry. */
static void check_event_callback(const char *after)
{
    volatile vcpu_info_t *vcpu = &shared_info->vcpu_data[0];
    bool ran;

    wrong_hits = 0;
    reset_capture();
    vcpu->evtchn_upcall_pending = 1;
    vcpu->evtchn_upcall_mask = 0;
    ran = capture_run(code_hcall);
    vcpu->evtchn_upcall_pending = 0;
    vcpu->evtchn_upcall_mask = 1;
    if (!ran || wrong_hits || cap.w[0] != (uintptr_t)code_hcall_next ||
        (cap.w[1] & 0xFFFF) != FLAT_RING1_CS)
        xtf_failure("Fail: after %s: expected the upcall at the previous callback got %s\n",
                    after, !ran ? "none" : wrong_hits ? "the refused address" : "a bad frame");
}

void test_main(void)
{
    char what[64];
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(good); i++) {
        snprintf(what, sizeof(what), "set_callbacks(%#06x, %#06x)", good[i], good[i]);
        check_long(what, set_callbacks(good[i], capture_entry, good[i], capture_entry), 0);
    }

    check_long("set_callbacks(FLAT_RING1_CS, FLAT_RING1_CS)",
               set_callbacks(FLAT_RING1_CS, capture_entry, FLAT_RING1_CS,
                             failsafe_callback_entry), 0);
    for (i = 0; i < ARRAY_SIZE(bad); i++) {
        snprintf(what, sizeof(what), "set_callbacks(event cs %#06x)", bad[i]);
        check_long(what, set_callbacks(bad[i], wrong_entry, FLAT_RING1_CS, wrong_entry),
                   -XEN_EPERM);
        if (events_available())
            check_event_callback(what);
        snprintf(what, sizeof(what), "set_callbacks(failsafe cs %#06x)", bad[i]);
        check_long(what, set_callbacks(FLAT_RING1_CS, wrong_entry, bad[i], wrong_entry),
                   -XEN_EPERM);
        if (events_available())
            check_event_callback(what);
    }

    restore_runtime_callbacks();
    check_long("xen_version(0) afterwards", HYPERVISOR_xen_version(0), XEN_VERSION_2_0);
    if (!events_available())
        printf("Note: shared_info is not mapped: refused calls were not seen to change "
               "nothing\n");
    xtf_success(NULL);
}
