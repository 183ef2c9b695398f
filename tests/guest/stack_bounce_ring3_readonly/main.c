/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * stack_bounce_ring3_readonly: a trap from ring 3 whose SS1:ESP1 stack is
 * read-only crashes the domain, and only the domain (ABI.md §2 #3, §6).
 * The victim (domain 1) uses stack_switch to point SS1:ESP1 at the top of
 * a page it mapped read-only, drops to ring 3 and executes ud2: Tessera
 * must fail to write the #UD frame (EIP CS EFLAGS ESP SS) and crash the
 * victim. Dom0 sees DOMFLAGS_CRASHED and goes on making hypercalls.
 * Bug class: hypervisor write through a guest-controlled pointer.
 */
#include "../trap_common/trap_helpers.h"

void r3_ud(void);

__asm__(".pushsection " RING3_SECTION ", \"ax\"\n"
        "r3_ud:\n"
        "    ud2\n"
        ".popsection\n");

static uint8_t ro_stack[PAGE_SIZE] __aligned(PAGE_SIZE);

static void __noreturn victim(void)
{
    uint32_t top = (uint32_t)(uintptr_t)(ro_stack + PAGE_SIZE);

    if (!ring3_prepare(r3_ud) || !make_readonly_page(ro_stack) ||
        HYPERVISOR_stack_switch(FLAT_RING1_DS, top) != 0)
        guest_shutdown(VICTIM_SETUP_FAILED);
    ring3_run(r3_ud);
    guest_shutdown(VICTIM_SURVIVED);
}

void test_main(void)
{
    if (!guest_is_dom0())
        victim();

    dom0_expect_victim_crashed();
    check_long("xen_version(0) afterwards", HYPERVISOR_xen_version(0), XEN_VERSION_2_0);
    check_long("sched_op(yield) afterwards", HYPERVISOR_yield(), 0);
    xtf_success(NULL);
}
