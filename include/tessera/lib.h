/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The small C library every subsystem uses: strings, formatting, number
 * parsing, min/max and the alignment helpers.
 *
 * The pure parts (kernel/lib/) also compile for the host so tests/unit can
 * exercise them; there, TESSERA_HOST_TEST is defined and the string
 * functions come from the host C library instead of kernel/lib/string.c.
 */
#ifndef TESSERA_LIB_H
#define TESSERA_LIB_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tessera/compiler.h>

#ifdef TESSERA_HOST_TEST
#include <string.h>
#else
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
#endif

/* Copies at most size-1 bytes and always terminates; returns strlen(src). */
size_t strlcpy(char *dst, const char *src, size_t size);

/*
 * Formatting (kernel/lib/vsnprintf.c). Named with a tessera_ prefix so the
 * host tests can link them beside the C library's printf family.
 * Supports %d %i %u %x %X %o %c %s %p %% with flags "-0+ #", width,
 * precision (also '*') and the length modifiers hh h l ll z t j.
 * Returns the length the full output would have had, like C99.
 */
int tessera_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int tessera_snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
#ifndef TESSERA_HOST_TEST
#define vsnprintf tessera_vsnprintf
#define snprintf tessera_snprintf
#endif

/*
 * Number parsing with C base prefixes (0x.. hex, 0.. octal, else decimal)
 * when base is 0. *end points after the last digit used. No overflow
 * detection beyond saturating at the type's maximum.
 */
unsigned long long parse_ull(const char *s, const char **end, unsigned int base);
long long parse_ll(const char *s, const char **end, unsigned int base);

#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define ROUNDUP(x, a)   (((x) + (a) - 1) & ~((__typeof__(x))(a) - 1))
#define ROUNDDOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))

#endif /* TESSERA_LIB_H */
