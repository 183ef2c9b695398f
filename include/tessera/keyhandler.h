/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Debug keys (ABI.md §15): while serial input belongs to Tessera, each
 * received character runs the handler registered for it. Built with
 * CONFIG_DEBUG_KEYS; without it keys are ignored and nothing registers.
 */
#ifndef TESSERA_KEYHANDLER_H
#define TESSERA_KEYHANDLER_H

#include <tessera/lib.h>

typedef void (*key_handler_t)(unsigned char key);

#ifdef CONFIG_DEBUG_KEYS
/*
 * Binds key to handler; desc is the line 'h' prints. A later call for
 * the same key replaces the earlier binding.
 */
void register_keyhandler(unsigned char key, key_handler_t handler, const char *desc);
/* Runs the handler bound to key; unbound keys are ignored. */
void handle_keypress(unsigned char key);
/* Registers Tessera's own keys (h, d, q, r, a, R). */
void keyhandler_init(void);
#else
static inline void register_keyhandler(unsigned char key, key_handler_t handler,
                                       const char *desc)
{
    (void)key;
    (void)handler;
    (void)desc;
}
static inline void handle_keypress(unsigned char key) { (void)key; }
static inline void keyhandler_init(void) { }
#endif

#endif /* TESSERA_KEYHANDLER_H */
