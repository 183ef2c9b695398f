/* SPDX-License-Identifier: GPL-2.0-only */
/* The start of day, shared by the architecture and the generic code. */
#ifndef TESSERA_SETUP_H
#define TESSERA_SETUP_H

#include <tessera/compiler.h>

/* Generic start of day; the architecture calls it with boot_info filled. */
void start_tessera(void) __noreturn;

/* Why the loader's information could not be used, or NULL. */
extern const char *boot_info_error;

/* Fails on purpose if debug_crash= asks (DEBUG builds; else nothing). */
#ifdef CONFIG_DEBUG
void debug_crash_point(void);
#else
static inline void debug_crash_point(void) { }
#endif

#endif /* TESSERA_SETUP_H */
