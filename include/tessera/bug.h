/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fatal errors of Tessera itself. Guest input never reaches these: a bad
 * hypercall argument gets an error code, a broken guest is crashed alone.
 */
#ifndef TESSERA_BUG_H
#define TESSERA_BUG_H

#include <tessera/compiler.h>

/* Prints the message, a register dump and a stack trace, then ends the
 * machine: reboot, or halt with "noreboot" (tests: QEMU exits). */
void panic(const char *fmt, ...) __noreturn __printf(1, 2);

#define BUG() panic("BUG at %s:%d", __FILE__, __LINE__)
#define BUG_ON(c) do { if (unlikely(c)) BUG(); } while (0)

/* Checked only in DEBUG builds; the condition is still compiled. */
#define ASSERT(c)                                                       \
    do {                                                                \
        if (IS_ENABLED(CONFIG_DEBUG) && unlikely(!(c)))                 \
            panic("Assertion '%s' failed at %s:%d", #c, __FILE__, __LINE__); \
    } while (0)

#endif /* TESSERA_BUG_H */
