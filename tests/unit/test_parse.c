/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * parse_ull, parse_ll and strlcpy from kernel/lib/parse.c.
 */

/* A fortified libc could route strlcpy calls to its own copy, not the one under test. */
#undef _FORTIFY_SOURCE

#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <tessera/lib.h>

/* Parses s and checks both the value and how many characters were used. */
static void check_ull(const char *s, unsigned int base, unsigned long long want, size_t used)
{
    const char *end = NULL;

    assert_int_equal(parse_ull(s, &end, base), want);
    assert_ptr_equal(end, s + used);
    assert_int_equal(parse_ull(s, NULL, base), want);
}

static void check_ll(const char *s, unsigned int base, long long want, size_t used)
{
    const char *end = NULL;

    assert_int_equal(parse_ll(s, &end, base), want);
    assert_ptr_equal(end, s + used);
    assert_int_equal(parse_ll(s, NULL, base), want);
}

static void test_ull_decimal(void **state)
{
    (void)state;
    check_ull("0", 10, 0, 1);
    check_ull("7", 10, 7, 1);
    check_ull("123", 10, 123, 3);
    check_ull("123abc", 10, 123, 3);
    check_ull("4294967296", 10, 4294967296ULL, 10);
    check_ull("0010", 10, 10, 4);
    check_ull("0x10", 10, 0, 1);
    check_ull("12 34", 10, 12, 2);
}

static void test_ull_prefixes(void **state)
{
    (void)state;
    check_ull("0x1F", 0, 0x1f, 4);
    check_ull("0X1f", 0, 0x1f, 4);
    check_ull("0xdeadBEEF,", 0, 0xdeadbeef, 10);
    check_ull("010", 0, 8, 3);
    check_ull("0777", 0, 0777, 4);
    check_ull("0", 0, 0, 1);
    check_ull("10", 0, 10, 2);
    check_ull("99", 0, 99, 2);
    /* A prefix with no digit after it is a 0 followed by junk. */
    check_ull("0x", 0, 0, 1);
    check_ull("0xg", 0, 0, 1);
    check_ull("0x", 16, 0, 1);
    /* 8 is no octal digit: "08" is 0 and junk. */
    check_ull("08", 0, 0, 1);
    check_ull("0789", 0, 07, 2);
}

static void test_ull_other_bases(void **state)
{
    (void)state;
    check_ull("ff", 16, 0xff, 2);
    check_ull("0xff", 16, 0xff, 4);
    check_ull("0x0", 16, 0, 3);
    check_ull("fg", 16, 0xf, 1);
    check_ull("777", 8, 0777, 3);
    check_ull("0x7", 8, 0, 1);
    check_ull("101012", 2, 21, 5);
    check_ull("z", 36, 35, 1);
    check_ull("Z", 36, 35, 1);
    check_ull("10", 36, 36, 2);
    /* Past base 33, 'x' is a digit rather than a prefix. */
    check_ull("0x10", 36, 33 * 36 * 36 + 36, 4);
}

static void test_ull_no_digits(void **state)
{
    (void)state;
    check_ull("", 0, 0, 0);
    check_ull("", 10, 0, 0);
    check_ull("abc", 10, 0, 0);
    check_ull("8", 8, 0, 0);
    check_ull("2", 2, 0, 0);
    check_ull("x10", 16, 0, 0);
    check_ull("-1", 10, 0, 0);
    check_ull("+1", 10, 0, 0);
    check_ull(" 1", 10, 0, 0);
}

static void test_ull_bad_base(void **state)
{
    (void)state;
    check_ull("1", 1, 0, 0);
    check_ull("10", 37, 0, 0);
    check_ull("10", 100, 0, 0);
}

static void test_ull_saturates(void **state)
{
    (void)state;
    check_ull("18446744073709551615", 10, ULLONG_MAX, 20);
    check_ull("18446744073709551614", 10, ULLONG_MAX - 1, 20);
    check_ull("18446744073709551616", 10, ULLONG_MAX, 20);
    check_ull("99999999999999999999999x", 10, ULLONG_MAX, 23);
    check_ull("0xffffffffffffffff", 0, ULLONG_MAX, 18);
    check_ull("0x10000000000000000", 0, ULLONG_MAX, 19);
    check_ull("1777777777777777777777", 8, ULLONG_MAX, 22);
    check_ull("2000000000000000000000", 8, ULLONG_MAX, 22);
}

static void test_ll(void **state)
{
    (void)state;
    check_ll("0", 10, 0, 1);
    check_ll("42", 10, 42, 2);
    check_ll("-1", 10, -1, 2);
    check_ll("-0", 10, 0, 2);
    check_ll("123junk", 10, 123, 3);
    check_ll("-123junk", 10, -123, 4);
    check_ll("-0x10", 0, -16, 5);
    check_ll("-010", 0, -8, 4);
    check_ll("-08", 0, 0, 2);
    check_ll("-ff", 16, -255, 3);
    check_ll("-4294967296", 10, -4294967296LL, 11);
}

static void test_ll_no_digits(void **state)
{
    (void)state;
    check_ll("", 10, 0, 0);
    check_ll("-", 10, 0, 0);
    check_ll("-x", 10, 0, 0);
    check_ll("--1", 10, 0, 0);
    check_ll("+1", 10, 0, 0);
    check_ll("- 1", 10, 0, 0);
    check_ll("1", 37, 0, 0);
}

static void test_ll_saturates(void **state)
{
    (void)state;
    check_ll("9223372036854775807", 10, LLONG_MAX, 19);
    check_ll("9223372036854775808", 10, LLONG_MAX, 19);
    check_ll("18446744073709551616", 10, LLONG_MAX, 20);
    check_ll("-9223372036854775807", 10, -LLONG_MAX, 20);
    check_ll("-9223372036854775808", 10, LLONG_MIN, 20);
    check_ll("-9223372036854775809", 10, LLONG_MIN, 20);
    check_ll("-99999999999999999999999!", 10, LLONG_MIN, 24);
    check_ll("0x7fffffffffffffff", 0, LLONG_MAX, 18);
    check_ll("0x8000000000000000", 0, LLONG_MAX, 18);
    check_ll("-0x8000000000000000", 0, LLONG_MIN, 19);
}

/* Every size from 0 to past the source: result, terminator, untouched tail. */
static void test_strlcpy_sizes(void **state)
{
    static const char src[] = "hello";
    const size_t len = sizeof(src) - 1;
    char dst[16];

    (void)state;
    for (size_t size = 0; size <= len + 3; size++) {
        size_t copied = size ? MIN(len, size - 1) : 0;

        memset(dst, '#', sizeof(dst));
        assert_int_equal(strlcpy(dst, src, size), len);
        assert_memory_equal(dst, src, copied);
        if (size > 0)
            assert_int_equal(dst[copied], '\0');
        for (size_t i = size ? copied + 1 : 0; i < sizeof(dst); i++)
            assert_int_equal(dst[i], '#');
    }
}

static void test_strlcpy_cases(void **state)
{
    char dst[8];

    (void)state;
    assert_int_equal(strlcpy(dst, "", sizeof(dst)), 0);
    assert_string_equal(dst, "");
    assert_int_equal(strlcpy(dst, "abc", sizeof(dst)), 3);
    assert_string_equal(dst, "abc");
    assert_int_equal(strlcpy(dst, "a much longer string", sizeof(dst)), 20);
    assert_string_equal(dst, "a much ");
    assert_int_equal(strlcpy(dst, "1234567", sizeof(dst)), 7);
    assert_string_equal(dst, "1234567");
    assert_int_equal(strlcpy(dst, "12345678", sizeof(dst)), 8);
    assert_string_equal(dst, "1234567");
    assert_int_equal(strlcpy(NULL, "abc", 0), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ull_decimal),
        cmocka_unit_test(test_ull_prefixes),
        cmocka_unit_test(test_ull_other_bases),
        cmocka_unit_test(test_ull_no_digits),
        cmocka_unit_test(test_ull_bad_base),
        cmocka_unit_test(test_ull_saturates),
        cmocka_unit_test(test_ll),
        cmocka_unit_test(test_ll_no_digits),
        cmocka_unit_test(test_ll_saturates),
        cmocka_unit_test(test_strlcpy_sizes),
        cmocka_unit_test(test_strlcpy_cases),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
