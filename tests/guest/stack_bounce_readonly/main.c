/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * stack_bounce_readonly: a bounce frame that cannot be written crashes the
 * domain, and only the domain (ABI.md §6). The victim (domain 1) points its
 * ring-1 ESP at the top of a page it mapped read-only and executes ud2:
 * Tessera must fail to write the #UD frame and crash the victim. Dom0 sees
 * DOMFLAGS_CRASHED through GETDOMAININFO and goes on making hypercalls.
 * Bug class: hypervisor write through a guest-controlled pointer (the
 * frame must be written with the guest's permissions, never Tessera's).
 */
#include "../trap_common/trap_helpers.h"

static uint8_t ro_stack[PAGE_SIZE] __aligned(PAGE_SIZE);

static void __noreturn victim(void)
{
    if (!make_readonly_page(ro_stack))
        guest_shutdown(VICTIM_SETUP_FAILED);
    __asm__ __volatile__("mov %0, %%esp\n\t"
                         "ud2"
                         : : "r"(ro_stack + PAGE_SIZE) : "memory");
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
