/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The guest's own vsnprintf (conversions listed in guest/console.h). It
 * always NUL-terminates a non-empty buffer and returns the length the full
 * output would have had, as C99 does, so callers can detect truncation.
 */
#include <guest/console.h>

#define FL_LEFT     0x01
#define FL_ZERO     0x02
#define FL_PLUS     0x04
#define FL_SPACE    0x08
#define FL_ALT      0x10
#define FL_UPPER    0x20

struct out {
    char *buf;
    size_t size;
    size_t len;             /* characters produced so far, stored or not */
};

struct spec {
    unsigned int flags;
    int width;
    int prec;               /* -1: none */
    int size;               /* 0 int, 1 long, 2 long long */
};

static void put(struct out *o, char c)
{
    if (o->len + 1 < o->size)
        o->buf[o->len] = c;
    o->len++;
}

static void pad(struct out *o, char c, int n)
{
    while (n-- > 0)
        put(o, c);
}

/* Emits prefix and body (digits or text) inside the field. */
static void field(struct out *o, const struct spec *s, const char *prefix, const char *body,
                  int len, int zeros)
{
    int plen = (int)strlen(prefix);
    int fill = s->width - plen - zeros - len;

    if (!(s->flags & FL_LEFT) && !(s->flags & FL_ZERO))
        pad(o, ' ', fill);
    while (*prefix)
        put(o, *prefix++);
    if (!(s->flags & FL_LEFT) && (s->flags & FL_ZERO))
        pad(o, '0', fill);
    pad(o, '0', zeros);
    while (len-- > 0)
        put(o, *body++);
    if (s->flags & FL_LEFT)
        pad(o, ' ', fill);
}

static void number(struct out *o, struct spec *s, unsigned long long v, unsigned int base,
                   bool negative)
{
    const char *digits = (s->flags & FL_UPPER) ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24];
    const char *prefix = "";
    int n = 0, zeros;

    while (v) {
        tmp[sizeof(tmp) - 1 - n++] = digits[v % base];
        v /= base;
    }
    if (n == 0 && s->prec != 0)
        tmp[sizeof(tmp) - 1 - n++] = '0';
    if (negative)
        prefix = "-";
    else if (s->flags & FL_PLUS)
        prefix = "+";
    else if (s->flags & FL_SPACE)
        prefix = " ";
    else if ((s->flags & FL_ALT) && base == 16)
        prefix = (s->flags & FL_UPPER) ? "0X" : "0x";
    else if ((s->flags & FL_ALT) && base == 8 && (n == 0 || tmp[sizeof(tmp) - n] != '0'))
        prefix = "0";
    zeros = s->prec > n ? s->prec - n : 0;
    if (s->prec >= 0)
        s->flags &= ~FL_ZERO;       /* a precision overrides the 0 flag, as in C */
    field(o, s, prefix, &tmp[sizeof(tmp) - n], n, zeros);
}

static const char *parse_flags(const char *f, struct spec *s)
{
    for (;; f++) {
        switch (*f) {
        case '-': s->flags |= FL_LEFT; break;
        case '0': s->flags |= FL_ZERO; break;
        case '+': s->flags |= FL_PLUS; break;
        case ' ': s->flags |= FL_SPACE; break;
        case '#': s->flags |= FL_ALT; break;
        default: return f;
        }
    }
}

static const char *parse_int(const char *f, int *v, va_list *ap)
{
    if (*f == '*') {
        *v = va_arg(*ap, int);
        return f + 1;
    }
    *v = 0;
    while (*f >= '0' && *f <= '9')
        *v = *v * 10 + (*f++ - '0');
    return f;
}

/* Parses "%[flags][width][.prec][size]" up to the conversion letter. */
static const char *parse_spec(const char *f, struct spec *s, va_list *ap)
{
    *s = (struct spec){.prec = -1};
    f = parse_flags(f, s);
    f = parse_int(f, &s->width, ap);
    if (s->width < 0) {
        s->flags |= FL_LEFT;
        s->width = -s->width;
    }
    if (*f == '.') {
        f = parse_int(f + 1, &s->prec, ap);
        if (s->prec < 0)
            s->prec = -1;
    }
    for (; *f == 'l' || *f == 'h' || *f == 'z'; f++) {
        if (*f == 'l')
            s->size++;
        else if (*f == 'z')
            s->size = 1;
    }
    return f;
}

static unsigned long long get_unsigned(const struct spec *s, va_list *ap)
{
    if (s->size >= 2)
        return va_arg(*ap, unsigned long long);
    if (s->size == 1)
        return va_arg(*ap, unsigned long);
    return va_arg(*ap, unsigned int);
}

static long long get_signed(const struct spec *s, va_list *ap)
{
    if (s->size >= 2)
        return va_arg(*ap, long long);
    if (s->size == 1)
        return va_arg(*ap, long);
    return va_arg(*ap, int);
}

static void string(struct out *o, struct spec *s, const char *str)
{
    int len;

    if (!str)
        str = "(null)";
    len = (int)strnlen(str, s->prec >= 0 ? (size_t)s->prec : (size_t)-1);
    s->flags &= ~FL_ZERO;
    field(o, s, "", str, len, 0);
}

static void convert(struct out *o, char c, struct spec *s, va_list *ap)
{
    long long sv;
    char ch;

    switch (c) {
    case 'd':
    case 'i':
        sv = get_signed(s, ap);
        number(o, s, sv < 0 ? 0ULL - (unsigned long long)sv : (unsigned long long)sv, 10,
               sv < 0);
        break;
    case 'u':
        number(o, s, get_unsigned(s, ap), 10, false);
        break;
    case 'X':
        s->flags |= FL_UPPER;
        /* fall through */
    case 'x':
        number(o, s, get_unsigned(s, ap), 16, false);
        break;
    case 'o':
        number(o, s, get_unsigned(s, ap), 8, false);
        break;
    case 'p':
        s->flags |= FL_ALT;
        number(o, s, (uintptr_t)va_arg(*ap, void *), 16, false);
        break;
    case 'c':
        ch = (char)va_arg(*ap, int);
        s->flags &= ~FL_ZERO;
        field(o, s, "", &ch, 1, 0);
        break;
    case 's':
        string(o, s, va_arg(*ap, const char *));
        break;
    default:                    /* "%%", or an unknown conversion printed as is */
        put(o, '%');
        if (c != '%')
            put(o, c);
        break;
    }
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct out o = {.buf = buf, .size = size};
    struct spec s;
    va_list args;

    va_copy(args, ap);
    while (*fmt) {
        if (*fmt != '%') {
            put(&o, *fmt++);
            continue;
        }
        fmt = parse_spec(fmt + 1, &s, &args);
        if (!*fmt)
            break;
        convert(&o, *fmt++, &s, &args);
    }
    va_end(args);
    if (size)
        buf[MIN(o.len, size - 1)] = '\0';
    return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
