/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * guest_start(): from the builder's state to guest_main() (the steps are
 * listed in guest/runtime.h).
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#include "private.h"

#define RING3_ENTRY_STACK_SIZE  8192

start_info_t *start_info;
shared_info_t *shared_info;
long shared_info_map_rc = -XEN_ENOSYS;

uint8_t shared_info_page[4096] __aligned(4096) __section(".bss.page_aligned");

/*
 * Entries from ring 2/3 start at SS1:ESP1. Giving them a stack of their
 * own keeps them off the frames of ring-1 code that dropped to ring 3.
 */
static uint8_t ring3_entry_stack[RING3_ENTRY_STACK_SIZE] __aligned(16);

/* update_va_mapping may not be implemented: then events stay unavailable. */
static void map_shared_info(void)
{
    uint32_t pte = (start_info->shared_info & PAGE_MASK) | _PAGE_PRESENT | _PAGE_RW | _PAGE_USER;

    shared_info_map_rc = HYPERVISOR_update_va_mapping((uintptr_t)shared_info_page >> PAGE_SHIFT,
                                                      pte, UVMF_INVLPG);
    if (shared_info_map_rc == 0)
        shared_info = (shared_info_t *)shared_info_page;
}

void guest_start(start_info_t *si)
{
    long rc;

    start_info = si;
    traps_init();
    events_init();
    rc = HYPERVISOR_stack_switch(FLAT_RING1_DS,
                                 (uintptr_t)ring3_entry_stack + sizeof(ring3_entry_stack));
    if (rc)
        xtf_error("Error: stack_switch returned %ld\n", rc);
    map_shared_info();
    mm_init();
    guest_main();
    guest_shutdown(SHUTDOWN_poweroff);
}

void guest_shutdown(unsigned int reason)
{
    for (;;) {
        HYPERVISOR_shutdown(reason);
        HYPERVISOR_yield();
    }
}
