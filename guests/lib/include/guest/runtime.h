/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * guest/runtime.h: what the start of day leaves for the guest.
 *
 * head.S enters guest_start() on the runtime's own stack; it installs the
 * trap table (vectors 0-19) and both callbacks, points SS1:ESP1 at a stack
 * of its own for entries from ring 3, tries to map shared_info, and calls
 * guest_main(). The XTF-style test driver (guest/test.h) supplies a
 * guest_main() that runs test_main() and reports; a guest that is not a
 * test defines its own.
 */
#ifndef GUEST_RUNTIME_H
#define GUEST_RUNTIME_H

#include <guest/lib.h>
#include <public/xen.h>

/* The image is linked (and the builder maps PFN 0) at VIRT_BASE. */
#define GUEST_VIRT_BASE     0xC0000000UL

extern start_info_t *start_info;
/* NULL while shared_info is not mapped (update_va_mapping refused). */
extern shared_info_t *shared_info;
/* update_va_mapping's answer when mapping shared_info (0 on success). */
extern long shared_info_map_rc;

/* The guest's entry after start of day; returning powers the domain off. */
void guest_main(void);

static inline bool guest_is_dom0(void)
{
    return start_info->flags & SIF_INITDOMAIN;
}

static inline bool guest_is_privileged(void)
{
    return start_info->flags & SIF_PRIVILEGED;
}

/*
 * Stops the domain for good with a SHUTDOWN_* reason. For dom0 poweroff
 * halts the machine (which ends a QEMU run) and any other reason reboots
 * it. Should the hypervisor return, the domain yields forever.
 */
void guest_shutdown(unsigned int reason) __noreturn;

/* Image bounds from the linker script. */
extern char __image_start[], __image_end[], __bss_start[], __bss_end[];

#endif /* GUEST_RUNTIME_H */
