/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * guest/console.h: formatted output through console_io (hypercall 18).
 *
 * The hypervisor writes the bytes to its serial line. On a release build
 * only dom0 may do so: an unprivileged domain's output is then dropped
 * (console_io answers -EPERM), which is why the functions return the
 * hypercall's result.
 *
 * Conversions: %d %i %u %x %X %o %s %c %p %%, with the l and ll size
 * prefixes, the flags '-' '0' '+' ' ' '#', a field width and a precision
 * (either may be '*').
 */
#ifndef GUEST_CONSOLE_H
#define GUEST_CONSOLE_H

#include <guest/lib.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

/* Writes len bytes as they are; returns console_io's result. */
long console_write(const char *s, size_t len);

/*
 * Formats into a 1 KB buffer (longer output is cut) and writes it. Returns
 * the number of characters written, or console_io's negative error.
 */
long vprintf(const char *fmt, va_list ap);
long printf(const char *fmt, ...) __printf(1, 2);

#endif /* GUEST_CONSOLE_H */
