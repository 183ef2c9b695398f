/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * guest/lib.h: the freestanding basics of the guest runtime: fixed-width
 * types, compiler helpers and the few string functions a tiny guest needs.
 * Guests see only the public ABI (include/public, as <public/...>) and
 * guests/lib/include: never the hypervisor's own headers.
 */
#ifndef GUEST_LIB_H
#define GUEST_LIB_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define __noreturn      __attribute__((noreturn))
#define __aligned(x)    __attribute__((aligned(x)))
#define __section(s)    __attribute__((section(s)))
#define __used          __attribute__((used))
#define __weak          __attribute__((weak))
#define __printf(a, b)  __attribute__((format(printf, a, b)))

#define barrier()       __asm__ __volatile__("" ::: "memory")

#define ARRAY_SIZE(a)   (sizeof(a) / sizeof((a)[0]))
#define MIN(a, b)       ((a) < (b) ? (a) : (b))
#define MAX(a, b)       ((a) > (b) ? (a) : (b))

#define STRINGIFY_(x)   #x
#define STRINGIFY(x)    STRINGIFY_(x)

/* The guest's errno values are the hypervisor's: -XEN_E* from <public/xen.h>. */

void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strstr(const char *haystack, const char *needle);

#endif /* GUEST_LIB_H */
