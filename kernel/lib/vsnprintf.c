/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A C99 snprintf without floating point. Pure, so the host tests build it
 * too and compare it with the host's printf.
 */
#include <limits.h>

#include <tessera/lib.h>

/* The output so far; bytes past size - 1 are counted but not stored. */
struct sink {
    char *buf;
    size_t size;
    size_t len;
};

enum {
    F_LEFT = 1 << 0,  /* '-' */
    F_ZERO = 1 << 1,  /* '0' */
    F_PLUS = 1 << 2,  /* '+' */
    F_SPACE = 1 << 3, /* ' ' */
    F_ALT = 1 << 4,   /* '#' */
};

enum length { L_NONE, L_HH, L_H, L_L, L_LL, L_Z, L_T, L_J };

struct spec {
    unsigned int flags;
    int width;
    int prec; /* -1 when absent */
    enum length length;
    char conv;
};

/* %zd and %tu read one type and treat it as the other. */
BUILD_BUG_ON(sizeof(size_t) != sizeof(ptrdiff_t));

static void put(struct sink *out, char c)
{
    if (out->len + 1 < out->size)
        out->buf[out->len] = c;
    out->len++;
}

static void put_str(struct sink *out, const char *s, size_t n)
{
    while (n--)
        put(out, *s++);
}

static void put_pad(struct sink *out, char c, int n)
{
    for (; n > 0; n--)
        put(out, c);
}

static const char *parse_flags(const char *fmt, unsigned int *flags)
{
    for (;; fmt++) {
        switch (*fmt) {
        case '-':
            *flags |= F_LEFT;
            break;
        case '0':
            *flags |= F_ZERO;
            break;
        case '+':
            *flags |= F_PLUS;
            break;
        case ' ':
            *flags |= F_SPACE;
            break;
        case '#':
            *flags |= F_ALT;
            break;
        default:
            return fmt;
        }
    }
}

/* A decimal field or '*'; saturates rather than overflowing on absurd widths. */
static const char *parse_num(const char *fmt, int *n, va_list *ap)
{
    if (*fmt == '*') {
        *n = va_arg(*ap, int);
        return fmt + 1;
    }
    for (*n = 0; *fmt >= '0' && *fmt <= '9'; fmt++)
        *n = *n > (INT_MAX - 9) / 10 ? INT_MAX : *n * 10 + (*fmt - '0');
    return fmt;
}

static const char *parse_length(const char *fmt, enum length *length)
{
    switch (*fmt) {
    case 'h':
        *length = fmt[1] == 'h' ? L_HH : L_H;
        return fmt + (fmt[1] == 'h' ? 2 : 1);
    case 'l':
        *length = fmt[1] == 'l' ? L_LL : L_L;
        return fmt + (fmt[1] == 'l' ? 2 : 1);
    case 'z':
        *length = L_Z;
        return fmt + 1;
    case 't':
        *length = L_T;
        return fmt + 1;
    case 'j':
        *length = L_J;
        return fmt + 1;
    default:
        *length = L_NONE;
        return fmt;
    }
}

/* Parses the conversion after '%', taking '*' arguments from ap. */
static const char *parse_spec(const char *fmt, struct spec *spec, va_list *ap)
{
    spec->flags = 0;
    fmt = parse_flags(fmt, &spec->flags);

    fmt = parse_num(fmt, &spec->width, ap);
    if (spec->width < 0) {
        /* A negative '*' width means '-' and its magnitude (C11 7.21.6.1p5). */
        spec->flags |= F_LEFT;
        spec->width = spec->width == INT_MIN ? INT_MAX : -spec->width;
    }

    spec->prec = -1;
    if (*fmt == '.') {
        fmt = parse_num(fmt + 1, &spec->prec, ap);
        if (spec->prec < 0)
            spec->prec = -1;
    }

    fmt = parse_length(fmt, &spec->length);
    spec->conv = *fmt;
    return *fmt ? fmt + 1 : fmt;
}

static long long fetch_signed(enum length length, va_list *ap)
{
    switch (length) {
    case L_HH:
        return (signed char)va_arg(*ap, int);
    case L_H:
        return (short)va_arg(*ap, int);
    case L_L:
        return va_arg(*ap, long);
    case L_LL:
        return va_arg(*ap, long long);
    case L_Z:
        return (ptrdiff_t)va_arg(*ap, size_t);
    case L_T:
        return va_arg(*ap, ptrdiff_t);
    case L_J:
        return va_arg(*ap, intmax_t);
    default:
        return va_arg(*ap, int);
    }
}

static unsigned long long fetch_unsigned(enum length length, va_list *ap)
{
    switch (length) {
    case L_HH:
        return (unsigned char)va_arg(*ap, unsigned int);
    case L_H:
        return (unsigned short)va_arg(*ap, unsigned int);
    case L_L:
        return va_arg(*ap, unsigned long);
    case L_LL:
        return va_arg(*ap, unsigned long long);
    case L_Z:
        return va_arg(*ap, size_t);
    case L_T:
        return (size_t)va_arg(*ap, ptrdiff_t);
    case L_J:
        return va_arg(*ap, uintmax_t);
    default:
        return va_arg(*ap, unsigned int);
    }
}

/*
 * Writes v's digits backwards, ending at end; returns where they start.
 * 32-bit values take the native divide: 64-bit division is a libgcc call
 * on i686.
 */
static char *format_digits(char *end, unsigned long long v, unsigned int base, bool upper)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    uint32_t v32;

    for (; v > UINT32_MAX; v /= base)
        *--end = digits[v % base];
    for (v32 = (uint32_t)v; v32; v32 /= base)
        *--end = digits[v32 % base];
    return end;
}

static void put_field(struct sink *out, const struct spec *spec, const char *prefix,
                      size_t prefix_len, int zeros, const char *digits, size_t n)
{
    /* 64-bit sum: a huge precision must not wrap the padding negative. */
    long long len = (long long)(prefix_len + n) + zeros;
    int pad = spec->width > len ? spec->width - (int)len : 0;

    if (!(spec->flags & (F_LEFT | F_ZERO)))
        put_pad(out, ' ', pad);
    put_str(out, prefix, prefix_len);
    if ((spec->flags & (F_LEFT | F_ZERO)) == F_ZERO)
        put_pad(out, '0', pad);
    put_pad(out, '0', zeros);
    put_str(out, digits, n);
    if (spec->flags & F_LEFT)
        put_pad(out, ' ', pad);
}

static void format_int(struct sink *out, struct spec spec, unsigned long long v, bool negative,
                       unsigned int base)
{
    char buf[sizeof(v) * CHAR_BIT / 3 + 1];
    char *end = buf + sizeof(buf);
    char *digits = format_digits(end, v, base, spec.conv == 'X');
    int n = (int)(end - digits);
    int zeros = spec.prec > n ? spec.prec - n : 0;
    char prefix[2];
    size_t prefix_len = 0;

    /* Without a precision, zero still prints one digit. */
    if (v == 0 && spec.prec < 0)
        zeros = 1;
    if (spec.prec >= 0)
        spec.flags &= ~F_ZERO;

    if (negative)
        prefix[prefix_len++] = '-';
    else if ((spec.conv == 'd' || spec.conv == 'i') && (spec.flags & (F_PLUS | F_SPACE)))
        prefix[prefix_len++] = spec.flags & F_PLUS ? '+' : ' ';

    if (spec.flags & F_ALT) {
        /* '#' forces a leading 0 for octal, "0x" for non-zero hex. */
        if (base == 8 && zeros == 0)
            zeros = 1;
        if (base == 16 && v != 0) {
            prefix[prefix_len++] = '0';
            prefix[prefix_len++] = spec.conv;
        }
    }
    put_field(out, &spec, prefix, prefix_len, zeros, digits, (size_t)n);
}

static void format_char(struct sink *out, struct spec spec, char c)
{
    spec.flags &= ~F_ZERO;
    put_field(out, &spec, NULL, 0, 0, &c, 1);
}

static void format_str(struct sink *out, struct spec spec, const char *s)
{
    size_t n;

    if (!s)
        s = "(null)";
    n = strnlen(s, spec.prec < 0 ? SIZE_MAX : (size_t)spec.prec);
    spec.flags &= ~F_ZERO;
    put_field(out, &spec, NULL, 0, 0, s, n);
}

static void format_ptr(struct sink *out, struct spec spec, const void *p)
{
    if (!p) {
        spec.prec = -1;
        format_str(out, spec, "(nil)");
        return;
    }
    spec.flags = (spec.flags & (F_LEFT | F_ZERO)) | F_ALT;
    spec.conv = 'x';
    format_int(out, spec, (uintptr_t)p, false, 16);
}

/* Returns false for a conversion it does not know, consuming nothing. */
static bool format_one(struct sink *out, const struct spec *spec, va_list *ap)
{
    long long sv;

    switch (spec->conv) {
    case 'd':
    case 'i':
        sv = fetch_signed(spec->length, ap);
        /* Negate in unsigned arithmetic: -LLONG_MIN does not exist. */
        format_int(out, *spec, sv < 0 ? -(unsigned long long)sv : (unsigned long long)sv, sv < 0,
                   10);
        break;
    case 'u':
        format_int(out, *spec, fetch_unsigned(spec->length, ap), false, 10);
        break;
    case 'o':
        format_int(out, *spec, fetch_unsigned(spec->length, ap), false, 8);
        break;
    case 'x':
    case 'X':
        format_int(out, *spec, fetch_unsigned(spec->length, ap), false, 16);
        break;
    case 'c':
        format_char(out, *spec, (char)va_arg(*ap, int));
        break;
    case 's':
        format_str(out, *spec, va_arg(*ap, const char *));
        break;
    case 'p':
        format_ptr(out, *spec, va_arg(*ap, const void *));
        break;
    case '%':
        put(out, '%');
        break;
    default:
        return false;
    }
    return true;
}

int tessera_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct sink out = {.buf = buf, .size = size, .len = 0};
    struct spec spec;
    const char *start;
    va_list args;

    /* A copy, because the helpers take it by address and va_list may be an array. */
    va_copy(args, ap);
    while (*fmt) {
        if (*fmt != '%') {
            put(&out, *fmt++);
            continue;
        }
        start = fmt;
        fmt = parse_spec(fmt + 1, &spec, &args);
        /* An unknown or truncated conversion is printed as written. */
        if (!format_one(&out, &spec, &args))
            put_str(&out, start, (size_t)(fmt - start));
    }
    va_end(args);

    if (size > 0)
        buf[MIN(out.len, size - 1)] = '\0';
    return out.len > INT_MAX ? -1 : (int)out.len;
}

int tessera_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int ret;

    va_start(ap, fmt);
    ret = tessera_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return ret;
}
