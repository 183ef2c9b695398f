/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * strlcpy and number parsing. Pure, so the host tests build it too.
 */
#include <limits.h>

#include <tessera/lib.h>

size_t strlcpy(char *dst, const char *src, size_t size)
{
    size_t len = strlen(src);

    if (size > 0) {
        size_t n = MIN(len, size - 1);

        memcpy(dst, src, n);
        dst[n] = '\0';
    }
    return len;
}

/* The value of c as a digit in any base up to 36, or 36 when it is none. */
static unsigned int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return (unsigned int)(c - '0');
    if (c >= 'a' && c <= 'z')
        return (unsigned int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'Z')
        return (unsigned int)(c - 'A' + 10);
    return 36;
}

static bool has_hex_prefix(const char *s)
{
    /* "0x" alone is the number 0 followed by junk, as with strtoull. */
    return s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16;
}

/* Picks the base and skips its prefix; returns 0 for an unusable base. */
static unsigned int resolve_base(const char **s, unsigned int base)
{
    if ((base == 0 || base == 16) && has_hex_prefix(*s)) {
        *s += 2;
        return 16;
    }
    if (base == 0)
        return **s == '0' ? 8 : 10;
    return base >= 2 && base <= 36 ? base : 0;
}

unsigned long long parse_ull(const char *s, const char **end, unsigned int base)
{
    const char *p = s;
    unsigned long long value = 0;
    unsigned int digit;

    base = resolve_base(&p, base);
    if (base == 0 || digit_value(*p) >= base) {
        if (end)
            *end = s;
        return 0;
    }

    /* Overflow saturates but the digits are still consumed, as with strtoull. */
    for (; (digit = digit_value(*p)) < base; p++) {
        if (__builtin_mul_overflow(value, base, &value) ||
            __builtin_add_overflow(value, digit, &value))
            value = ULLONG_MAX;
    }
    if (end)
        *end = p;
    return value;
}

long long parse_ll(const char *s, const char **end, unsigned int base)
{
    bool negative = *s == '-';
    const char *digits_end;
    unsigned long long magnitude;

    magnitude = parse_ull(s + negative, &digits_end, base);
    if (digits_end == s + negative) {
        if (end)
            *end = s;
        return 0;
    }
    if (end)
        *end = digits_end;

    if (!negative)
        return magnitude > LLONG_MAX ? LLONG_MAX : (long long)magnitude;
    if (magnitude > (unsigned long long)LLONG_MAX)
        return LLONG_MIN;
    return -(long long)magnitude;
}
