/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * tessera_snprintf against the host's snprintf: every format here has one
 * meaning in C99, so the two must agree byte for byte, at every buffer size.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include <cmocka.h>

#include <tessera/lib.h>

#define BUF_LEN 512
#define SENTINEL ((char)0xa5)

/* Shows the failing format and both outputs, which cmocka alone would not. */
static void report(int line, const char *fmt, size_t size, const char *want, int want_ret,
                   const char *got, int got_ret, const char *what)
{
    fail_msg("line %d, format \"%s\", size %zu: %s\n  want %d \"%.*s\"\n  got  %d \"%.*s\"", line,
             fmt, size, what, want_ret, want_ret, want, got_ret, (int)strnlen(got, size), got);
}

static void expect_output(int line, const char *fmt, size_t size, const char *want, int want_ret,
                          const char *got, int got_ret)
{
    size_t kept = 0;

    if (got_ret != want_ret)
        report(line, fmt, size, want, want_ret, got, got_ret, "return value");
    if (size > 0) {
        kept = MIN((size_t)want_ret, size - 1);
        if (memcmp(got, want, kept) != 0 || got[kept] != '\0')
            report(line, fmt, size, want, want_ret, got, got_ret, "contents");
        kept++;
    }
    for (size_t i = kept; i < BUF_LEN; i++) {
        if (got[i] != SENTINEL)
            report(line, fmt, size, want, want_ret, got, got_ret, "wrote past the output");
    }
}

/*
 * Formats with the host first, then with Tessera into every buffer size
 * from 0 to one past the full length, and once into a NULL buffer.
 */
static void __printf(2, 3) check_format(int line, const char *fmt, ...)
{
    char want[BUF_LEN], got[BUF_LEN];
    int want_ret, got_ret;
    va_list ap, aq;

    va_start(ap, fmt);
    va_copy(aq, ap);
    want_ret = vsnprintf(want, sizeof(want), fmt, aq);
    va_end(aq);
    assert_in_range(want_ret, 0, BUF_LEN - 2);

    for (size_t size = 0; size <= (size_t)want_ret + 1; size++) {
        memset(got, SENTINEL, sizeof(got));
        va_copy(aq, ap);
        got_ret = tessera_vsnprintf(got, size, fmt, aq);
        va_end(aq);
        expect_output(line, fmt, size, want, want_ret, got, got_ret);
    }

    va_copy(aq, ap);
    got_ret = tessera_vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    assert_int_equal(got_ret, want_ret);
    va_end(ap);
}

#define CHECK(...) check_format(__LINE__, __VA_ARGS__)

/* Tessera's own choices where C leaves the output to the implementation. */
#define EXPECT(want, ...)                                                                          \
    do {                                                                                           \
        char buf_[BUF_LEN];                                                                        \
        int ret_ = tessera_snprintf(buf_, sizeof(buf_), __VA_ARGS__);                              \
        assert_string_equal(buf_, want);                                                           \
        assert_int_equal(ret_, (int)strlen(want));                                                 \
    } while (0)

static void test_literal_text(void **state)
{
    (void)state;
    CHECK("hello, world");
    CHECK("%%");
    CHECK("a%%b%%%%c");
    CHECK("100%% done\n");
    CHECK("%s", "");
}

static void test_signed(void **state)
{
    (void)state;
    CHECK("%d", 0);
    CHECK("%d", 1);
    CHECK("%d", -1);
    CHECK("%d", 42);
    CHECK("%d", INT_MAX);
    CHECK("%d", INT_MIN);
    CHECK("%i", -12345);
    CHECK("%i", INT_MIN);
    CHECK("[%d|%d|%d]", 7, -8, 9);
}

static void test_unsigned(void **state)
{
    static const unsigned int values[] = {
        0, 1, 7, 8, 9, 10, 15, 16, 255, 256, 0x7fffffff, 0x80000000u, 0xdeadbeef, UINT_MAX};

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(values); i++) {
        CHECK("%u", values[i]);
        CHECK("%o", values[i]);
        CHECK("%x", values[i]);
        CHECK("%X", values[i]);
        CHECK("%#o", values[i]);
        CHECK("%#x", values[i]);
        CHECK("%#X", values[i]);
    }
}

static void test_flags(void **state)
{
    (void)state;
    CHECK("%-5d|", 42);
    CHECK("%-5d|", -42);
    CHECK("%05d", 42);
    CHECK("%05d", -42);
    CHECK("%+d", 42);
    CHECK("%+d", -42);
    CHECK("%+d", 0);
    CHECK("% d", 42);
    CHECK("% d", -42);
    CHECK("% d", 0);
    CHECK("%+05d", 42);
    CHECK("% 05d", 42);
    CHECK("%-+6d|", 42);
    CHECK("%- 6d|", 42);
    CHECK("%05u", 42u);
    CHECK("%05x", 0xabu);
    CHECK("%#5x", 0xabu);
    CHECK("%#05x", 0xabu);
    CHECK("%#08X", 0xabu);
    CHECK("%-#8x|", 0xabu);
    CHECK("%#5o", 8u);
    CHECK("%#05o", 8u);
    CHECK("%-#5o|", 8u);
    CHECK("%#o", 0u);
    CHECK("%#x", 0u);
    CHECK("%#5x", 0u);
    CHECK("%#05x", 0u);
    CHECK("%2d", 12345);
    CHECK("%05d", INT_MIN);
}

/* C defines these (a flag is ignored), but GCC warns about them. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
static void test_ignored_flags(void **state)
{
    (void)state;
    CHECK("%-05d|", 42);
    CHECK("%+ d", 42);
    CHECK("% +d", 42);
    CHECK("%08.3d", 42);
    CHECK("%08.3d", -42);
    CHECK("%08.0d", 0);
    CHECK("%#08.3x", 0xabu);
    CHECK("%+u", 42u);
    CHECK("% u", 42u);
    CHECK("%+x", 42u);
    CHECK("% o", 42u);
    CHECK("%+X", 42u);
}
#pragma GCC diagnostic pop

static void test_precision(void **state)
{
    (void)state;
    CHECK("%.5d", 42);
    CHECK("%.5d", -42);
    CHECK("%8.5d", -42);
    CHECK("%-8.5d|", -42);
    CHECK("%+.5d", 42);
    CHECK("%.1d", 0);
    CHECK("%.2d", 12345);
    CHECK("%.20d", INT_MIN);
    CHECK("%.3x", 5u);
    CHECK("%#.5x", 0xabu);
    CHECK("%#10.5x", 0xabu);
    CHECK("%#.3o", 8u);
    CHECK("%#.2o", 8u);
    CHECK("%#.5o", 8u);
    CHECK("%.d", 7);
    CHECK("%.0d", 7);
}

/* Precision 0 prints no digit for 0, except the one '#' asks for in octal. */
static void test_zero_with_precision_zero(void **state)
{
    (void)state;
    CHECK("[%.0d]", 0);
    CHECK("[%.0i]", 0);
    CHECK("[%.0u]", 0u);
    CHECK("[%.0o]", 0u);
    CHECK("[%.0x]", 0u);
    CHECK("[%.0X]", 0u);
    CHECK("[%.d]", 0);
    CHECK("[%5.0d]", 0);
    CHECK("[%-5.0d]", 0);
    CHECK("[%+.0d]", 0);
    CHECK("[% .0d]", 0);
    CHECK("[%#.0o]", 0u);
    CHECK("[%#.0x]", 0u);
    CHECK("[%#5.0o]", 0u);
    CHECK("[%.0lld]", 0LL);
}

static void test_star(void **state)
{
    (void)state;
    CHECK("%*d", 5, 42);
    CHECK("%*d|", -5, 42);
    CHECK("%*d", 0, 42);
    CHECK("%-*d|", 4, 1);
    CHECK("%-*d|", -4, 1);
    CHECK("%.*d", 3, 7);
    CHECK("%.*d", 0, 0);
    CHECK("%.*d", -1, 0);
    CHECK("%.*d", -1, 7);
    CHECK("%*.*d", 8, 4, -3);
    CHECK("%*.*d|", -8, 4, -3);
    CHECK("%0*d", 6, -3);
    CHECK("%*s|", 6, "ab");
    CHECK("%*s|", -6, "ab");
    CHECK("%.*s|", 2, "abcdef");
    CHECK("%.*s|", -1, "abc");
    CHECK("%*c|", 3, 'z');
    CHECK("%*d %*d", 3, 1, 4, 2);
}

static void test_length_signed(void **state)
{
    (void)state;
    CHECK("%hhd", 0);
    CHECK("%hhd", 127);
    CHECK("%hhd", -128);
    CHECK("%hhd", 200);
    CHECK("%hhd", -129);
    CHECK("%hhi", 0x1ff);
    CHECK("%hd", 32767);
    CHECK("%hd", -32768);
    CHECK("%hd", 40000);
    CHECK("%hi", 0x12345);
    CHECK("%ld", 0L);
    CHECK("%ld", LONG_MAX);
    CHECK("%ld", LONG_MIN);
    CHECK("%li", -1L);
    CHECK("%lld", 0LL);
    CHECK("%lld", LLONG_MAX);
    CHECK("%lld", LLONG_MIN);
    CHECK("%lld", -4294967296LL);
    CHECK("%lli", 4294967295LL);
    CHECK("%lld", 4294967296LL);
    CHECK("%lld", 10000000000LL);
    CHECK("%+lld", 1234567890123LL);
    CHECK("%zd", (ssize_t)-1);
    CHECK("%zd", (ssize_t)SSIZE_MAX);
    CHECK("%td", (ptrdiff_t)0);
    CHECK("%td", PTRDIFF_MIN);
    CHECK("%td", PTRDIFF_MAX);
    CHECK("%jd", INTMAX_MIN);
    CHECK("%jd", INTMAX_MAX);
    CHECK("%ji", (intmax_t)-5);
}

static void test_length_unsigned(void **state)
{
    (void)state;
    CHECK("%hhu", 255u);
    CHECK("%hhu", 300u);
    CHECK("%hhx", 0x1ffu);
    CHECK("%hho", 0777u);
    CHECK("%hu", 65535u);
    CHECK("%hu", 70000u);
    CHECK("%hx", 0xfffffu);
    CHECK("%#ho", 0x18000u);
    CHECK("%lu", ULONG_MAX);
    CHECK("%lx", ULONG_MAX);
    CHECK("%lo", ULONG_MAX);
    CHECK("%llu", 0ULL);
    CHECK("%llu", ULLONG_MAX);
    CHECK("%llo", ULLONG_MAX);
    CHECK("%llx", ULLONG_MAX);
    CHECK("%llX", 0xFEDCBA9876543210ULL);
    CHECK("%#llx", 0x100000000ULL);
    CHECK("%#llo", 0x100000000ULL);
    CHECK("%llu", 4294967295ULL);
    CHECK("%llu", 4294967296ULL);
    CHECK("%llu", 18446744069414584320ULL);
    CHECK("%020llu", 1ULL << 63);
    CHECK("%zu", (size_t)0);
    CHECK("%zu", SIZE_MAX);
    CHECK("%zx", SIZE_MAX);
    CHECK("%tx", (ptrdiff_t)-1);
    CHECK("%to", (ptrdiff_t)8);
    CHECK("%ju", UINTMAX_MAX);
    CHECK("%jx", UINTMAX_MAX);
    CHECK("%jo", (uintmax_t)01234567);
}

/* Arguments of mixed sizes must stay in step through va_arg. */
static void test_mixed_arguments(void **state)
{
    (void)state;
    CHECK("%d %lld %d", 1, LLONG_MIN, 2);
    CHECK("%hhd %llx %s %zu %c", -1, 0x123456789ULL, "x", (size_t)3, 'q');
    CHECK("%jd/%hd/%ld/%td/%u", INTMAX_MIN, (short)-2, -3L, (ptrdiff_t)-4, 5u);
    CHECK("%*.*lld|%-*s|%#*llx", 25, 22, LLONG_MIN, 5, "ab", 20, ULLONG_MAX);
}

static void test_chars(void **state)
{
    (void)state;
    CHECK("%c", 'A');
    CHECK("%c%c%c", 'a', 'b', 'c');
    CHECK("%5c", 'x');
    CHECK("%-5c|", 'x');
    CHECK("%c", 0xe9);
    CHECK("[%c]", '\0');
    CHECK("%3c|", '\0');
}

static void test_strings(void **state)
{
    static const char unterminated[3] = {'a', 'b', 'c'};

    (void)state;
    CHECK("%s", "abc");
    CHECK("%10s|", "abc");
    CHECK("%-10s|", "abc");
    CHECK("%2s", "abcdef");
    CHECK("%.2s", "abcdef");
    CHECK("%10.2s|", "abcdef");
    CHECK("%-10.2s|", "abcdef");
    CHECK("%.0s|", "abcdef");
    CHECK("%.10s|", "abc");
    CHECK("%s%s%s", "one", "", "three");
    /* A precision bounds the read, so the argument needs no terminator. */
    CHECK("%.3s", unterminated);
}

/* The host output is long, so check_format tries well over a hundred sizes. */
static void test_truncation(void **state)
{
    (void)state;
    CHECK("%s|%d|%-12lld|%#llx|%+.7i|%c|%*u|%%|%.3s|%05hhd", "start", INT_MIN, LLONG_MIN,
          ULLONG_MAX, 42, '!', 9, 17u, "truncated", -7);
    CHECK("%300d", 1);
    CHECK("%-200s|", "left");
    CHECK("%.300d", -1);
    CHECK("%#.250llo", 0ULL);
}

static void test_size_zero(void **state)
{
    char buf[4] = "xyz";

    (void)state;
    assert_int_equal(tessera_snprintf(NULL, 0, "%d", 12345), 5);
    assert_int_equal(tessera_snprintf(buf, 0, "%s", "abcdef"), 6);
    assert_memory_equal(buf, "xyz", 4);
    assert_int_equal(tessera_snprintf(buf, 1, "%s", "abcdef"), 6);
    assert_memory_equal(buf, "\0yz", 4);
    assert_int_equal(tessera_snprintf(buf, sizeof(buf), "%d", -12345), 6);
    assert_string_equal(buf, "-12");
}

static void test_null_string(void **state)
{
    const char *volatile null = NULL;

    (void)state;
    EXPECT("(null)", "%s", null);
    EXPECT("  (null)|", "%8s|", null);
    EXPECT("(null)  |", "%-8s|", null);
    EXPECT("<(null)>", "<%s>", null);
}

static void test_pointer(void **state)
{
    char want[2 + 2 * sizeof(void *) + 1] = "0x";

    (void)state;
    EXPECT("0x1234", "%p", (void *)0x1234);
    EXPECT("0xdeadbeef", "%p", (void *)(uintptr_t)0xdeadbeefu);
    EXPECT("0x1", "%p", (void *)1);
    EXPECT("     0xabc|", "%10p|", (void *)0xabc);
    EXPECT("0xabc     |", "%-10p|", (void *)0xabc);
    EXPECT("(nil)", "%p", NULL);
    EXPECT("   (nil)|", "%8p|", NULL);
    EXPECT("(nil)   |", "%-8p|", NULL);

    memset(want + 2, 'f', 2 * sizeof(void *));
    EXPECT(want, "%p", (void *)UINTPTR_MAX);
}

/* Tessera prints what it cannot convert as written, so the mistake shows. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
static void test_unknown_conversion(void **state)
{
    (void)state;
    EXPECT("a%kb", "a%kb");
    EXPECT("[%-5.2qz]", "[%-5.2q%c]", 'z');
    EXPECT("%", "%");
    EXPECT("7%", "%d%", 7);
    EXPECT("x%5", "x%5");
}
#pragma GCC diagnostic pop

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_literal_text),
        cmocka_unit_test(test_signed),
        cmocka_unit_test(test_unsigned),
        cmocka_unit_test(test_flags),
        cmocka_unit_test(test_ignored_flags),
        cmocka_unit_test(test_precision),
        cmocka_unit_test(test_zero_with_precision_zero),
        cmocka_unit_test(test_star),
        cmocka_unit_test(test_length_signed),
        cmocka_unit_test(test_length_unsigned),
        cmocka_unit_test(test_mixed_arguments),
        cmocka_unit_test(test_chars),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_truncation),
        cmocka_unit_test(test_size_zero),
        cmocka_unit_test(test_null_string),
        cmocka_unit_test(test_pointer),
        cmocka_unit_test(test_unknown_conversion),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
