/* SPDX-License-Identifier: GPL-2.0-only */
/* Boot command line parser (kernel/cmdline.c) against a table of test options. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include <tessera/cmdline.h>
#include <tessera/errno.h>

#define MAX_REPORTS 8

static bool opt_flag;
static uint8_t opt_u8;
static uint16_t opt_u16;
static uint32_t opt_u32;
static uint64_t opt_u64;
static char opt_str[8];
static char mode_seen[64];
static int mode_calls;

static char reports[MAX_REPORTS][512];
static int nr_reports;

/* Accepts "", "fast" and "slow" and remembers what it was given. */
static int parse_mode(const char *value)
{
    mode_calls++;
    snprintf(mode_seen, sizeof(mode_seen), "%s", value);
    if (strcmp(value, "") && strcmp(value, "fast") && strcmp(value, "slow"))
        return -EINVAL;
    return 0;
}

static const struct boot_param params[] = {
    {.name = "flag", .type = BP_BOOL, .var = &opt_flag, .size = sizeof(opt_flag)},
    {.name = "u8", .type = BP_UINT, .var = &opt_u8, .size = sizeof(opt_u8)},
    {.name = "u16", .type = BP_UINT, .var = &opt_u16, .size = sizeof(opt_u16)},
    {.name = "u32", .type = BP_UINT, .var = &opt_u32, .size = sizeof(opt_u32)},
    {.name = "u64", .type = BP_UINT, .var = &opt_u64, .size = sizeof(opt_u64)},
    {.name = "str", .type = BP_STRING, .var = opt_str, .size = sizeof(opt_str)},
    {.name = "mode", .type = BP_CUSTOM, .parse = parse_mode},
};

static void __printf(1, 2) capture(const char *fmt, ...)
{
    va_list ap;

    assert_true(nr_reports < MAX_REPORTS);
    va_start(ap, fmt);
    vsnprintf(reports[nr_reports++], sizeof(reports[0]), fmt, ap);
    va_end(ap);
}

static int reset(void **state)
{
    (void)state;
    opt_flag = false;
    opt_u8 = 0xAA;
    opt_u16 = 0xAAAA;
    opt_u32 = 0xAAAAAAAA;
    opt_u64 = 0xAAAAAAAAAAAAAAAAULL;
    strcpy(opt_str, "init");
    strcpy(mode_seen, "unset");
    mode_calls = 0;
    memset(reports, 0, sizeof(reports));
    nr_reports = 0;
    return 0;
}

/* Parses s against the whole table; the return value must match the new reports. */
static int parse(const char *s)
{
    int before = nr_reports;
    int problems = cmdline_parse(s, params, params + ARRAY_SIZE(params), capture);

    assert_int_equal(problems, nr_reports - before);
    return problems;
}

static void test_bool_true_spellings(void **state)
{
    static const char *const lines[] = {"flag", "flag=1", "flag=yes", "flag=on", "flag=true"};

    for (size_t i = 0; i < ARRAY_SIZE(lines); i++) {
        reset(state);
        assert_int_equal(parse(lines[i]), 0);
        assert_true(opt_flag);
    }
}

static void test_bool_false_spellings(void **state)
{
    static const char *const lines[] = {"flag=0", "flag=no", "flag=off", "flag=false"};

    for (size_t i = 0; i < ARRAY_SIZE(lines); i++) {
        reset(state);
        opt_flag = true;
        assert_int_equal(parse(lines[i]), 0);
        assert_false(opt_flag);
    }
}

static void test_bool_malformed(void **state)
{
    (void)state;
    opt_flag = true;
    assert_int_equal(parse("flag=maybe"), 1);
    assert_true(opt_flag);
    assert_string_equal(reports[0], "malformed value 'maybe' for boot option 'flag' ignored\n");

    reset(state);
    assert_int_equal(parse("flag= flag=2"), 2);
    assert_false(opt_flag);
    assert_string_equal(reports[0], "malformed value '' for boot option 'flag' ignored\n");
    assert_string_equal(reports[1], "malformed value '2' for boot option 'flag' ignored\n");
}

static void test_uint_bases(void **state)
{
    (void)state;
    assert_int_equal(parse("u32=42 u16=0x1F u8=017 u64=0xfedcba9876543210"), 0);
    assert_int_equal(opt_u32, 42);
    assert_int_equal(opt_u16, 31);
    assert_int_equal(opt_u8, 15);
    assert_true(opt_u64 == 0xfedcba9876543210ULL);

    assert_int_equal(parse("u32=0 u16=0X10"), 0);
    assert_int_equal(opt_u32, 0);
    assert_int_equal(opt_u16, 16);
}

static void test_uint_limits(void **state)
{
    (void)state;
    assert_int_equal(parse("u8=255 u16=65535 u32=4294967295 u64=18446744073709551615"), 0);
    assert_int_equal(opt_u8, 255);
    assert_int_equal(opt_u16, 65535);
    assert_true(opt_u32 == UINT32_MAX);
    assert_true(opt_u64 == UINT64_MAX);
}

static void test_uint_overflow(void **state)
{
    (void)state;
    assert_int_equal(parse("u8=256"), 1);
    assert_int_equal(opt_u8, 0xAA);
    assert_string_equal(reports[0], "malformed value '256' for boot option 'u8' ignored\n");

    reset(state);
    assert_int_equal(parse("u16=0x10000 u32=4294967296"), 2);
    assert_int_equal(opt_u16, 0xAAAA);
    assert_true(opt_u32 == 0xAAAAAAAA);
    assert_string_equal(reports[0], "malformed value '0x10000' for boot option 'u16' ignored\n");
    assert_string_equal(reports[1], "malformed value '4294967296' for boot option 'u32' ignored\n");
}

static void test_uint_junk(void **state)
{
    (void)state;
    assert_int_equal(parse("u32=12k u32=09 u32=-1 u32=+1 u32=x1"), 5);
    assert_true(opt_u32 == 0xAAAAAAAA);
    assert_string_equal(reports[0], "malformed value '12k' for boot option 'u32' ignored\n");
    assert_string_equal(reports[1], "malformed value '09' for boot option 'u32' ignored\n");
    assert_string_equal(reports[2], "malformed value '-1' for boot option 'u32' ignored\n");
    assert_string_equal(reports[3], "malformed value '+1' for boot option 'u32' ignored\n");
    assert_string_equal(reports[4], "malformed value 'x1' for boot option 'u32' ignored\n");
}

static void test_uint_empty(void **state)
{
    (void)state;
    assert_int_equal(parse("u32= u64"), 2);
    assert_true(opt_u32 == 0xAAAAAAAA);
    assert_true(opt_u64 == 0xAAAAAAAAAAAAAAAAULL);
    assert_string_equal(reports[0], "malformed value '' for boot option 'u32' ignored\n");
    assert_string_equal(reports[1], "malformed value '' for boot option 'u64' ignored\n");
}

static void test_string(void **state)
{
    (void)state;
    assert_int_equal(parse("str=abc"), 0);
    assert_string_equal(opt_str, "abc");
    assert_int_equal(parse("str=abcdefghij"), 0);
    assert_string_equal(opt_str, "abcdefg");
    assert_int_equal(parse("str=a=b"), 0);
    assert_string_equal(opt_str, "a=b");
    assert_int_equal(parse("str"), 0);
    assert_string_equal(opt_str, "");
}

static void test_custom(void **state)
{
    (void)state;
    assert_int_equal(parse("mode=fast"), 0);
    assert_int_equal(mode_calls, 1);
    assert_string_equal(mode_seen, "fast");

    assert_int_equal(parse("mode"), 0);
    assert_int_equal(mode_calls, 2);
    assert_string_equal(mode_seen, "");

    assert_int_equal(parse("mode=warp"), 1);
    assert_int_equal(mode_calls, 3);
    assert_string_equal(mode_seen, "warp");
    assert_string_equal(reports[0], "malformed value 'warp' for boot option 'mode' ignored\n");
}

static void test_unknown_option(void **state)
{
    (void)state;
    assert_int_equal(parse("bogus=1 u32=7 flag nosuch"), 2);
    assert_int_equal(opt_u32, 7);
    assert_true(opt_flag);
    assert_string_equal(reports[0], "unknown boot option 'bogus' ignored\n");
    assert_string_equal(reports[1], "unknown boot option 'nosuch' ignored\n");
}

static void test_name_must_match_exactly(void **state)
{
    (void)state;
    assert_int_equal(parse("fla flags u3=1 =5"), 4);
    assert_false(opt_flag);
    assert_string_equal(reports[0], "unknown boot option 'fla' ignored\n");
    assert_string_equal(reports[1], "unknown boot option 'flags' ignored\n");
    assert_string_equal(reports[2], "unknown boot option 'u3' ignored\n");
    assert_string_equal(reports[3], "unknown boot option '' ignored\n");
}

static void test_table_bounds(void **state)
{
    (void)state;
    /* Only "flag" is in [first, last): u8 follows it in the array but is outside. */
    assert_int_equal(cmdline_parse("u8=1 flag", params, params + 1, capture), 1);
    assert_int_equal(opt_u8, 0xAA);
    assert_true(opt_flag);
    assert_string_equal(reports[0], "unknown boot option 'u8' ignored\n");
}

static void test_repeated_option(void **state)
{
    (void)state;
    assert_int_equal(parse("u32=1 str=one u32=2 str=two flag=on flag=off"), 0);
    assert_int_equal(opt_u32, 2);
    assert_string_equal(opt_str, "two");
    assert_false(opt_flag);

    assert_int_equal(parse("u32=5 u32=oops"), 1);
    assert_int_equal(opt_u32, 5);
}

static void test_blanks(void **state)
{
    (void)state;
    assert_int_equal(parse("   u32=3    flag  \t u16=4\t\tstr=x y  "), 1);
    assert_int_equal(opt_u32, 3);
    assert_true(opt_flag);
    assert_int_equal(opt_u16, 4);
    assert_string_equal(opt_str, "x");
    assert_string_equal(reports[0], "unknown boot option 'y' ignored\n");

    reset(state);
    assert_int_equal(parse("u32=9\tu8=1"), 0);
    assert_int_equal(opt_u32, 9);
    assert_int_equal(opt_u8, 1);
}

static void test_empty_lines(void **state)
{
    (void)state;
    assert_int_equal(parse(""), 0);
    assert_int_equal(parse(" \t  "), 0);
    assert_int_equal(parse(NULL), 0);
    assert_false(opt_flag);
    assert_string_equal(opt_str, "init");
}

static void fill(char *buf, const char *prefix, char c, size_t n)
{
    size_t len = strlen(prefix);

    memcpy(buf, prefix, len);
    memset(buf + len, c, n);
    buf[len + n] = '\0';
}

static void assert_prefix(const char *s, const char *prefix)
{
    assert_memory_equal(s, prefix, strlen(prefix));
}

static void assert_suffix(const char *s, const char *suffix)
{
    size_t len = strlen(s), slen = strlen(suffix);

    assert_true(len >= slen);
    assert_string_equal(s + len - slen, suffix);
}

static void test_long_name(void **state)
{
    char line[1200];

    (void)state;
    fill(line, "", 'a', 1000);
    strcat(line, "=1 u32=6");
    assert_int_equal(parse(line), 1);
    assert_int_equal(opt_u32, 6);
    assert_prefix(reports[0], "unknown boot option 'aaaaaaaa");
    assert_suffix(reports[0], "aaa...' ignored\n");
    assert_true(strlen(reports[0]) < 400);
}

static void test_long_value(void **state)
{
    char line[1200];

    (void)state;
    fill(line, "str=", 'x', 1000);
    assert_int_equal(parse(line), 1);
    assert_string_equal(opt_str, "init");
    assert_prefix(reports[0], "malformed value 'xxxxxxxx");
    assert_suffix(reports[0], "xxx...' for boot option 'str' ignored\n");
    assert_true(strlen(reports[0]) < 400);

    /* A long number must not be cut into a shorter, valid one. */
    reset(state);
    fill(line, "u32=", '1', 1000);
    strcat(line, " flag");
    assert_int_equal(parse(line), 1);
    assert_true(opt_u32 == 0xAAAAAAAA);
    assert_true(opt_flag);
    assert_suffix(reports[0], "111...' for boot option 'u32' ignored\n");
}

static void test_problem_count(void **state)
{
    (void)state;
    assert_int_equal(parse("a b=1 u8=300 flag=x u16=2"), 4);
    assert_int_equal(opt_u16, 2);
}

static void assert_skip(const char *line, size_t offset)
{
    assert_ptr_equal(cmdline_skip_image_name(line), line + offset);
}

static void test_skip_image_name(void **state)
{
    (void)state;
    assert_skip("/boot/tessera a=1", 14);
    assert_skip("build/tessera", 13);
    assert_skip("noreboot", 0);
    assert_skip("dom0_mem=4096 x", 0);
    assert_skip("root=/dev/sda", 0);
    assert_skip("a/b=c d", 0);
    assert_skip("", 0);
    assert_skip("  noreboot x", 2);
    assert_skip(" \t/boot/tessera \t noreboot", 18);
    assert_skip("\t./tessera", 10);
    assert_string_equal(cmdline_skip_image_name(NULL), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_bool_true_spellings, reset),
        cmocka_unit_test_setup(test_bool_false_spellings, reset),
        cmocka_unit_test_setup(test_bool_malformed, reset),
        cmocka_unit_test_setup(test_uint_bases, reset),
        cmocka_unit_test_setup(test_uint_limits, reset),
        cmocka_unit_test_setup(test_uint_overflow, reset),
        cmocka_unit_test_setup(test_uint_junk, reset),
        cmocka_unit_test_setup(test_uint_empty, reset),
        cmocka_unit_test_setup(test_string, reset),
        cmocka_unit_test_setup(test_custom, reset),
        cmocka_unit_test_setup(test_unknown_option, reset),
        cmocka_unit_test_setup(test_name_must_match_exactly, reset),
        cmocka_unit_test_setup(test_table_bounds, reset),
        cmocka_unit_test_setup(test_repeated_option, reset),
        cmocka_unit_test_setup(test_blanks, reset),
        cmocka_unit_test_setup(test_empty_lines, reset),
        cmocka_unit_test_setup(test_long_name, reset),
        cmocka_unit_test_setup(test_long_value, reset),
        cmocka_unit_test_setup(test_problem_count, reset),
        cmocka_unit_test_setup(test_skip_image_name, reset),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
