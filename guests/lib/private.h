/* SPDX-License-Identifier: GPL-2.0-only */
/* Declarations shared by the runtime's own files; guests do not include this. */
#ifndef GUEST_LIB_PRIVATE_H
#define GUEST_LIB_PRIVATE_H

#include <guest/lib.h>
#include <public/xen.h>

/* The page shared_info is mapped over (page-aligned, inside the image). */
extern uint8_t shared_info_page[4096];

/* entry.S */
void event_callback_entry(void);
void failsafe_callback_entry(void);

/* Start-of-day steps, in the order setup.c runs them. */
void traps_init(void);
void events_init(void);
void mm_init(void);

void guest_start(start_info_t *si) __noreturn;

#endif /* GUEST_LIB_PRIVATE_H */
