/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The memory and string functions the hypervisor links instead of a C
 * library. Host tests use the host's own, so this file is hypervisor-only.
 */
#include <tessera/lib.h>

/*
 * GCC recognises byte loops as memset/memcpy and would compile these very
 * functions into calls to themselves.
 */
#define no_libcall __attribute__((optimize("no-tree-loop-distribute-patterns")))

/* Word accesses that may alias any object, so copying typed data is safe. */
typedef uint32_t __attribute__((may_alias)) word_t;

#define WORD_MASK (sizeof(word_t) - 1)

static inline bool words_ok(const void *a, const void *b, size_t n)
{
    return n >= 4 * sizeof(word_t) && (((uintptr_t)a | (uintptr_t)b) & WORD_MASK) == 0;
}

no_libcall void *memcpy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    if (words_ok(d, s, n)) {
        for (; n >= sizeof(word_t); n -= sizeof(word_t)) {
            *(word_t *)d = *(const word_t *)s;
            d += sizeof(word_t);
            s += sizeof(word_t);
        }
    }
    while (n--)
        *d++ = *s++;
    return dst;
}

no_libcall void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    /* Forward is safe unless dst starts inside [src, src + n). */
    if ((uintptr_t)d - (uintptr_t)s >= n)
        return memcpy(dst, src, n);

    d += n;
    s += n;
    if (words_ok(d, s, n)) {
        for (; n >= sizeof(word_t); n -= sizeof(word_t)) {
            d -= sizeof(word_t);
            s -= sizeof(word_t);
            *(word_t *)d = *(const word_t *)s;
        }
    }
    while (n--)
        *--d = *--s;
    return dst;
}

no_libcall void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    unsigned char byte = (unsigned char)c;

    if (words_ok(d, d, n)) {
        word_t w = byte * (word_t)0x01010101u;

        for (; n >= sizeof(word_t); n -= sizeof(word_t)) {
            *(word_t *)d = w;
            d += sizeof(word_t);
        }
    }
    while (n--)
        *d++ = byte;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;

    for (; n; n--, p++, q++) {
        if (*p != *q)
            return *p - *q;
    }
    return 0;
}

no_libcall size_t strlen(const char *s)
{
    const char *p = s;

    while (*p)
        p++;
    return (size_t)(p - s);
}

no_libcall size_t strnlen(const char *s, size_t max)
{
    size_t n = 0;

    while (n < max && s[n])
        n++;
    return n;
}

int strcmp(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;

    while (*p && *p == *q) {
        p++;
        q++;
    }
    return *p - *q;
}

int strncmp(const char *a, const char *b, size_t n)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;

    for (; n; n--, p++, q++) {
        if (*p != *q || !*p)
            return *p - *q;
    }
    return 0;
}

no_libcall char *strchr(const char *s, int c)
{
    char ch = (char)c;

    /* The terminator counts as part of the string, so strchr(s, 0) finds it. */
    for (;; s++) {
        if (*s == ch)
            return (char *)s;
        if (!*s)
            return NULL;
    }
}

char *strstr(const char *haystack, const char *needle)
{
    size_t len = strlen(needle);

    if (len == 0)
        return (char *)haystack;
    for (; *haystack; haystack++) {
        if (strncmp(haystack, needle, len) == 0)
            return (char *)haystack;
    }
    return NULL;
}
