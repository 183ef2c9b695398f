/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * check_descriptor and check_selector from arch/x86/descriptor.c, against
 * the rules of ABI.md §3. Descriptors are written as one 64-bit value,
 * high word first, as they appear in a GDT dump.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <tessera/mm.h>

/* Runs check_descriptor on desc; checks the verdict and the descriptor after. */
static void check_desc_at(uint64_t desc, bool ok, uint64_t after, const char *file, int line)
{
    uint32_t lo = (uint32_t)desc;
    uint32_t hi = (uint32_t)(desc >> 32);
    bool got = check_descriptor(&lo, &hi);

    _assert_int_equal(got, ok, file, line);
    _assert_int_equal(((uint64_t)hi << 32) | lo, after, file, line);
}

#define ACCEPT(d)           check_desc_at((d), true, (d), __FILE__, __LINE__)
#define REWRITE(d, after)   check_desc_at((d), true, (after), __FILE__, __LINE__)
/* A refused descriptor must come back untouched. */
#define REJECT(d)           check_desc_at((d), false, (d), __FILE__, __LINE__)

/* --- Not present ------------------------------------------------------------ */

static void test_not_present_anything_goes(void **state)
{
    (void)state;
    /* DPL 0 data, flat 4 GB. */
    ACCEPT(0x00cf12000000ffffULL);
    /* Every bit set except P: system type 0xF, base at 0xFFFFFFFF. */
    ACCEPT(0xffff7fffffffffffULL);
    /* Interrupt gate to Tessera's CS, DPL 0. */
    ACCEPT(0xfc500e0008080000ULL);
    /* Byte-granular expand-down data inside Tessera's area. */
    ACCEPT(0xfd4076000000ffffULL);
    ACCEPT(0);
}

/* --- DPL -------------------------------------------------------------------- */

static void test_dpl0_rejected(void **state)
{
    (void)state;
    REJECT(0x00cf9a000000ffffULL);  /* Tessera's own CS */
    REJECT(0x00cf92000000ffffULL);  /* Tessera's own DS */
    REJECT(0x0040920000000fffULL);  /* small, harmless otherwise */
    REJECT(0x12348c0208195678ULL);  /* call gate to FLAT_RING1_CS */
}

static void test_dpl1_and_3_accepted(void **state)
{
    (void)state;
    ACCEPT(0x0040b2000000ffffULL);  /* DPL 1, base 0, 64 KB */
    ACCEPT(0x0040d2000000ffffULL);  /* DPL 2 */
    ACCEPT(0x0040f2000000ffffULL);  /* DPL 3 */
}

/* --- Expand-up code and data ---------------------------------------------- */

static void test_flat_segments_truncated(void **state)
{
    (void)state;
    /* Flat 4 GB becomes the FLAT_RING* descriptors of ABI.md §3. */
    REWRITE(0x00cfba000000ffffULL, 0x00cfba000000c3ffULL);  /* ring 1 code */
    REWRITE(0x00cfb2000000ffffULL, 0x00cfb2000000c3ffULL);  /* ring 1 data */
    REWRITE(0x00cffa000000ffffULL, 0x00cffa000000c3ffULL);  /* ring 3 code */
    REWRITE(0x00cff2000000ffffULL, 0x00cff2000000c3ffULL);  /* ring 3 data */
    /* Accessed and read-only variants keep their type bits. */
    REWRITE(0x00cff1000000ffffULL, 0x00cff1000000c3ffULL);
    REWRITE(0x00cffb000000ffffULL, 0x00cffb000000c3ffULL);
    /* A 16-bit (D/B clear) page-granular segment is truncated the same way. */
    REWRITE(0x008ff2000000ffffULL, 0x008ff2000000c3ffULL);
}

static void test_limit_at_ceiling_unchanged(void **state)
{
    (void)state;
    /* Ends exactly at 0xFC3FFFFF. */
    ACCEPT(0x00cfba000000c3ffULL);
    ACCEPT(0x00cff2000000c3ffULL);
    /* One page more reaches 0xFC400FFF. */
    REWRITE(0x00cff2000000c400ULL, 0x00cff2000000c3ffULL);
}

static void test_small_segment_unchanged(void **state)
{
    (void)state;
    /* Base 1 MB, 64 KB, byte-granular. */
    ACCEPT(0x0040f2100000ffffULL);
    /* Base 16 MB, 1 GB, page-granular code. */
    ACCEPT(0x01c3fa000000ffffULL);
    /* Base 0, one page. */
    ACCEPT(0x00c0f20000000000ULL);
}

static void test_truncation_with_unaligned_base(void **state)
{
    (void)state;
    /* Base 0x800: the last whole page before the ceiling ends at 0xFC3FF7FF. */
    REWRITE(0x00cff2000800ffffULL, 0x00cff2000800c3feULL);
    /* Base 0xFC3FEFFF, two pages: one page is all that fits. */
    REWRITE(0xfcc0f23fefff0001ULL, 0xfcc0f23fefff0000ULL);
    /* Base 0x10000000, 4 GB: wraps, and the limit's top nibble changes too. */
    REWRITE(0x10cffa000000ffffULL, 0x10cefa000000c3ffULL);
}

static void test_byte_granular_crossing_rejected(void **state)
{
    (void)state;
    /* Base 0xFC3F0000, 64 KB: ends exactly at 0xFC3FFFFF. */
    ACCEPT(0xfc40f23f0000ffffULL);
    /* One byte more. */
    REJECT(0xfc41f23f00000000ULL);
    /* Base 0xFC300001, 1 MB. */
    REJECT(0xfc4ff2300001ffffULL);
    /* Same for code. */
    REJECT(0xfc41fa3f00000000ULL);
}

static void test_base_at_or_above_ceiling_rejected(void **state)
{
    (void)state;
    /* Base 0xFC3FEFFF, one page: the highest base allowed. */
    ACCEPT(0xfcc0f23fefff0000ULL);
    REJECT(0xfcc0f23ff0000000ULL);  /* base 0xFC3FF000 */
    REJECT(0xfc40f23ff0000000ULL);  /* ... even one byte long */
    REJECT(0xfcc0f2400000ffffULL);  /* base 0xFC400000 */
    REJECT(0xffc0faffffff0000ULL);  /* base 0xFFFFFFFF */
    REJECT(0xfc40f63ff0000000ULL);  /* expand-down too */
}

static void test_wraparound_truncated(void **state)
{
    (void)state;
    /* Base 0x1000, limit 0xFFFFE pages: the end lands exactly on 4 GB. */
    REWRITE(0x00cff2001000fffeULL, 0x00cff2001000c3feULL);
    /* Base 0x10000000, 0xF8001 pages: wraps to 0x08001000, below the base. */
    REWRITE(0x10cff20000008000ULL, 0x10cef2000000c3ffULL);
}

/* --- Expand-down data ------------------------------------------------------- */

static void test_expand_down_below_base_unchanged(void **state)
{
    (void)state;
    /* Base 0, limit 0xFFFFF pages: no valid offset at all. */
    ACCEPT(0x00cff6000000ffffULL);
    /* Base 4 MB, limit 0xFFBFF pages: covers 0-0x3FFFFF. */
    ACCEPT(0x00cff6400000fbffULL);
    /* Base 4 MB, limit 0xFFC00 pages: covers 0x1000-0x3FFFFF. */
    ACCEPT(0x00cff6400000fc00ULL);
}

static void test_expand_down_above_base_truncated(void **state)
{
    (void)state;
    /* Base 0, limit 0: 0x1000-0xFFFFFFFF shrinks to nothing. */
    REWRITE(0x00c0f60000000000ULL, 0x00cff6000000ffffULL);
    /* Base 4 MB, lowest offset 0x401000: shrinks to 0-0x3FFFFF. */
    REWRITE(0x00c0f64000000400ULL, 0x00cff6400000fbffULL);
    /* Base 0x400800: only base's page number counts. */
    REWRITE(0x00c0f64008000000ULL, 0x00cff6400800fbffULL);
    /* Read-only, accessed, ring 1 variant. */
    REWRITE(0x00c0b54000000400ULL, 0x00cfb5400000fbffULL);
}

static void test_expand_down_byte_granular_rejected(void **state)
{
    (void)state;
    /* A byte-granular expand-down segment always reaches above its base. */
    REJECT(0x0040f6400000ffffULL);
    REJECT(0x004ff6000000ffffULL);
    REJECT(0x0000f64000000000ULL);
}

static void test_conforming_code_is_expand_up(void **state)
{
    (void)state;
    /* Type bit 2 on code means conforming, not expand-down. */
    REWRITE(0x00cffe000000ffffULL, 0x00cffe000000c3ffULL);
    REWRITE(0x00cfbe000000ffffULL, 0x00cfbe000000c3ffULL);
    ACCEPT(0x00c0fe0000000000ULL);
}

/* --- System descriptors ----------------------------------------------------- */

static void test_call_gate_good_target_accepted(void **state)
{
    (void)state;
    /* Offset 0x12345678, 2 parameters, DPL 3, to FLAT_RING1_CS. */
    ACCEPT(0x1234ec0208195678ULL);
    ACCEPT(0x1234ac0008195678ULL);  /* DPL 1, no parameters */
    ACCEPT(0x1234ec1f00115678ULL);  /* GDT index 2, 31 parameters */
    ACCEPT(0x1234ec02000d5678ULL);  /* LDT index 1 */
    ACCEPT(0x1234ec0207f95678ULL);  /* GDT index 255 */
    ACCEPT(0x1234ec0209415678ULL);  /* GDT index 296 */
}

static void test_call_gate_bad_target_rejected(void **state)
{
    (void)state;
    REJECT(0x1234ec0208085678ULL);  /* Tessera's CS */
    REJECT(0x1234ec0208095678ULL);  /* GDT index 257, RPL 1 */
    REJECT(0x1234ec0208215678ULL);  /* FLAT_RING1_DS */
    REJECT(0x1234ec02082b5678ULL);  /* FLAT_RING3_CS: RPL 3 */
    REJECT(0x1234ec0208185678ULL);  /* FLAT_RING1_CS with RPL 0 */
    REJECT(0x1234ec0200105678ULL);  /* GDT index 2, RPL 0 */
    REJECT(0x1234ec0209395678ULL);  /* GDT index 295, RPL 1 */
}

static void test_call_gate_reserved_bits_rejected(void **state)
{
    (void)state;
    REJECT(0x1234ec2208195678ULL);
    REJECT(0x1234ec4208195678ULL);
    REJECT(0x1234ec8208195678ULL);
    REJECT(0x1234ece008195678ULL);
}

static void test_other_system_types_rejected(void **state)
{
    (void)state;
    REJECT(0x0000e90000000067ULL);  /* available 32-bit TSS */
    REJECT(0x0000eb0000000067ULL);  /* busy 32-bit TSS */
    REJECT(0x0000e20000000fffULL);  /* LDT */
    REJECT(0x1234ee0008195678ULL);  /* interrupt gate */
    REJECT(0x1234ef0008195678ULL);  /* trap gate */
    REJECT(0x0000e50008190000ULL);  /* task gate */
    REJECT(0x1234e40208195678ULL);  /* 16-bit call gate */

    /* Every type but 0xC, with a target and fields a call gate would pass. */
    for (uint64_t type = 0; type < 16; type++) {
        uint64_t desc = 0x1234e00208195678ULL | (type << 40);

        if (type != 0xC)
            REJECT(desc);
    }
}

/* --- Selector check --------------------------------------------------------- */

static void test_selector_truth_table(void **state)
{
    static const struct {
        uint16_t sel;
        bool ok;
    } cases[] = {
        { 0x0819, true },   /* FLAT_RING1_CS */
        { 0x0818, false },  /* its slot with RPL 0 */
        { 0x081b, false },  /* ... RPL 3 */
        { 0x0821, false },  /* FLAT_RING1_DS: RPL 1, index 260 */
        { 0x082b, false },  /* FLAT_RING3_CS: RPL 3 */
        { 0x0833, false },  /* FLAT_RING3_DS */
        { 0x0808, false },  /* Tessera's CS */
        { 0x0809, false },  /* index 257, RPL 1 */
        { 0x0801, false },  /* index 256 */
        { 0x0939, false },  /* index 295 */
        { 0x07f9, true },   /* index 255 */
        { 0x0941, true },   /* index 296 */
        { 0xfff9, true },   /* index 8191 */
        { 0x0001, true },   /* null selector with RPL 1 */
        { 0x0011, true },   /* index 2 */
        { 0x0010, false },  /* RPL 0 */
        { 0x0012, false },  /* RPL 2 */
        { 0x0013, false },  /* RPL 3 */
        { 0x000d, true },   /* LDT index 1 */
        { 0x080d, true },   /* LDT index 257 */
        { 0x0825, true },   /* LDT index 260 */
        { 0xfffd, true },   /* LDT index 8191 */
        { 0x000c, false },  /* LDT, RPL 0 */
        { 0x000f, false },  /* LDT, RPL 3 */
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        if (check_selector(cases[i].sel) != cases[i].ok)
            fail_msg("check_selector(0x%04x) should be %d", cases[i].sel, cases[i].ok);
    }
}

static void test_selector_count(void **state)
{
    unsigned int good = 0;

    (void)state;
    for (uint32_t sel = 0; sel <= 0xFFFF; sel++)
        good += check_selector((uint16_t)sel);
    /* Every RPL 1 selector, less 40 reserved GDT slots, plus 0x0819 back. */
    assert_int_equal(good, 16384 - 40 + 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_not_present_anything_goes),
        cmocka_unit_test(test_dpl0_rejected),
        cmocka_unit_test(test_dpl1_and_3_accepted),
        cmocka_unit_test(test_flat_segments_truncated),
        cmocka_unit_test(test_limit_at_ceiling_unchanged),
        cmocka_unit_test(test_small_segment_unchanged),
        cmocka_unit_test(test_truncation_with_unaligned_base),
        cmocka_unit_test(test_byte_granular_crossing_rejected),
        cmocka_unit_test(test_base_at_or_above_ceiling_rejected),
        cmocka_unit_test(test_wraparound_truncated),
        cmocka_unit_test(test_expand_down_below_base_unchanged),
        cmocka_unit_test(test_expand_down_above_base_truncated),
        cmocka_unit_test(test_expand_down_byte_granular_rejected),
        cmocka_unit_test(test_conforming_code_is_expand_up),
        cmocka_unit_test(test_call_gate_good_target_accepted),
        cmocka_unit_test(test_call_gate_bad_target_rejected),
        cmocka_unit_test(test_call_gate_reserved_bits_rejected),
        cmocka_unit_test(test_other_system_types_rejected),
        cmocka_unit_test(test_selector_truth_table),
        cmocka_unit_test(test_selector_count),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
