/* SPDX-License-Identifier: GPL-2.0-only */
/* The boot allocator (mm/boot_alloc.c) on synthetic memory maps. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <tessera/errno.h>

#include "../../mm/alloc.h"

#define KB(x)   ((uint64_t)(x) << 10)
#define MB(x)   ((uint64_t)(x) << 20)
#define NL      BOOT_ALLOC_NO_LIMIT
#define MAX_RUNS 64

struct run {
    uint32_t mfn, nr;
};

static struct boot_info bi;
static uint32_t bm[BOOT_MAX_FRAMES / 32 + 1];
static struct run runs[MAX_RUNS];
static unsigned int nr_runs;

static void give(uint32_t mfn, uint32_t nr)
{
    assert_true(nr_runs < MAX_RUNS);
    runs[nr_runs++] = (struct run){mfn, nr};
}

static void add_mem(uint64_t base, uint64_t size, uint32_t type)
{
    assert_true(bi.nr_mem < BOOT_MAX_MEM_REGIONS);
    bi.mem[bi.nr_mem++] = (struct mem_region){base, size, type};
}

static void add_reserved(uint32_t start, uint32_t end)
{
    assert_true(bi.nr_reserved < BOOT_MAX_RESERVED);
    bi.reserved[bi.nr_reserved++] = (struct phys_range){start, end};
}

static int reset(void **state)
{
    (void)state;
    memset(&bi, 0, sizeof(bi));
    memset(bm, 0xA5, sizeof(bm));
    nr_runs = 0;
    return 0;
}

static void init_ok(const struct phys_range *image)
{
    assert_int_equal(boot_alloc_init(&bi, image, bm, ARRAY_SIZE(bm)), 0);
}

/* Hands over and checks the runs are exactly `want`. */
static void expect_runs(const struct run *want, unsigned int n)
{
    nr_runs = 0;
    boot_alloc_handover(give);
    assert_int_equal(nr_runs, n);
    for (unsigned int i = 0; i < n; i++) {
        assert_int_equal(runs[i].mfn, want[i].mfn);
        assert_int_equal(runs[i].nr, want[i].nr);
    }
}

static uint32_t count_free(void)
{
    uint32_t n = 0;

    for (uint32_t f = 0; f < boot_max_page(); f++)
        n += boot_frame_is_free(f);
    return n;
}

static void test_pc_layout(void **state)
{
    const struct phys_range image = {0x100000, 0x180000};
    static const struct run want[] = {{0x180, 0x3E80}};

    (void)state;
    add_mem(0, 0x9FC00, MEM_TYPE_RAM);
    add_mem(0x9FC00, 0x400, MEM_TYPE_RESERVED);
    add_mem(0xF0000, KB(64), MEM_TYPE_RESERVED);
    add_mem(MB(1), MB(63), MEM_TYPE_RAM);
    assert_int_equal(boot_alloc_bitmap_words(&bi), 512);
    init_ok(&image);
    assert_int_equal(boot_max_page(), 0x4000);
    assert_false(boot_frame_is_free(0));
    assert_false(boot_frame_is_free(0x9E));     /* RAM, but in the first MB */
    assert_false(boot_frame_is_free(0xFF));
    assert_false(boot_frame_is_free(0x100));    /* the image */
    assert_false(boot_frame_is_free(0x17F));
    assert_true(boot_frame_is_free(0x180));
    assert_true(boot_frame_is_free(0x3FFF));
    assert_false(boot_frame_is_free(0x4000));
    assert_false(boot_frame_is_free(0xFFFFFFFF));
    assert_int_equal(count_free(), 0x3E80);
    expect_runs(want, 1);
    assert_int_equal(count_free(), 0);
    expect_runs(NULL, 0);                       /* a second handover gives nothing */
    assert_int_equal(boot_alloc_frames(1, 0, NL), BOOT_ALLOC_NONE);
}

static void test_partial_frames_and_holes(void **state)
{
    static const struct run want[] = {
        {0x101, 0x14F}, {0x251, 0xAF}, {0x500, 0x80}, {0x590, 0x70},
    };

    (void)state;
    add_mem(0x100800, 0x200000 - 0x100800, MEM_TYPE_RAM);   /* frame 0x100 partial */
    add_mem(0x200000, 0x100800, MEM_TYPE_RAM);              /* frame 0x300 partial */
    add_mem(0x250010, 0x10, 3);                             /* 16 bytes of ACPI data */
    add_mem(0x400000, 0xFFF, MEM_TYPE_RAM);                 /* no whole frame */
    add_mem(0x500000, MB(1), MEM_TYPE_RAM);
    add_mem(0x580000, KB(64), MEM_TYPE_RESERVED);           /* inside RAM */
    add_mem(0xFEC00000, KB(4), MEM_TYPE_RESERVED);          /* above RAM */
    init_ok(NULL);
    assert_int_equal(boot_max_page(), 0x600);
    /* Freeing over a hole leaves the hole in use. */
    boot_free_range(0x240, 0x260);
    boot_free_range(0x570, 0x5A0);
    assert_false(boot_frame_is_free(0x250));
    assert_false(boot_frame_is_free(0x58F));
    expect_runs(want, ARRAY_SIZE(want));
}

static void test_ram_above_4g(void **state)
{
    static const struct run want[] = {{0x100, 0x100}, {0xFFFFD, 1}};
    static const struct run freed[] = {{0xFFFFF, 1}};

    (void)state;
    add_mem(MB(1), MB(1), MEM_TYPE_RAM);
    add_mem(0xFFFFD000, 0x103000, MEM_TYPE_RAM);    /* crosses 4 GB */
    add_mem(0x200000000ull, MB(1024), MEM_TYPE_RAM);
    add_reserved(0xFFFFF800, 0);                    /* ends at 4 GB: wraps */
    assert_int_equal(boot_alloc_bitmap_words(&bi), BOOT_MAX_FRAMES / 32);
    init_ok(NULL);
    assert_int_equal(boot_max_page(), BOOT_MAX_FRAMES);
    assert_false(boot_frame_is_free(0xFFFFF));
    assert_int_equal(boot_alloc_frames(1, 0, NL), 0xFFFFE);
    expect_runs(want, ARRAY_SIZE(want));
    boot_free_range(0xFFFFF, BOOT_MAX_FRAMES);
    expect_runs(freed, 1);
}

static void test_bitmap_too_small(void **state)
{
    (void)state;
    add_mem(MB(1), MB(15), MEM_TYPE_RAM);
    assert_int_equal(boot_alloc_bitmap_words(&bi), 128);
    assert_int_equal(boot_alloc_init(&bi, NULL, bm, 127), -ENOMEM);
    assert_int_equal(boot_max_page(), 0);
    assert_false(boot_frame_is_free(0x100));
    assert_int_equal(boot_alloc_frames(1, 0, NL), BOOT_ALLOC_NONE);
    expect_runs(NULL, 0);
    assert_int_equal(boot_alloc_init(&bi, NULL, bm, 128), 0);
    assert_int_equal(bm[128], 0xA5A5A5A5);      /* nothing written past the bitmap */
    assert_int_equal(count_free(), 0xF00);
}

static void test_top_down_and_alignment(void **state)
{
    static const struct run want[] = {
        {0x101, 0x2FB}, {0x3FF, 1}, {0x800, 0x3F8}, {0xC00, 0x3E0}, {0xFF0, 0xA},
    };

    (void)state;
    add_mem(MB(1), MB(15), MEM_TYPE_RAM);
    init_ok(NULL);
    assert_int_equal(boot_alloc_frames(1, 0, NL), 0xFFF);
    assert_int_equal(boot_alloc_frames(4, 1, NL), 0xFFB);
    assert_int_equal(boot_alloc_frames(16, 16, NL), 0xFE0);
    assert_int_equal(boot_alloc_frames(1, 0, NL), 0xFFA);   /* the gap above */
    assert_int_equal(boot_alloc_frames(8, 0, 0xC00), 0xBF8);
    assert_int_equal(boot_alloc_frames(1024, 1024, NL), 0x400);
    assert_int_equal(boot_alloc_frames(3, 3, 0x400), 0x3FC); /* not a power of two */
    assert_int_equal(boot_alloc_frames(2, 0, 0x101), BOOT_ALLOC_NONE);
    assert_int_equal(boot_alloc_frames(1, 0, 0x101), 0x100);
    assert_int_equal(boot_alloc_frames(0, 0, NL), BOOT_ALLOC_NONE);
    assert_int_equal(boot_alloc_frames(1, 0, 0), BOOT_ALLOC_NONE);
    assert_int_equal(boot_alloc_frames(0x1000, 0, NL), BOOT_ALLOC_NONE);
    assert_int_equal(boot_alloc_frames(0xFFFFFFFF, 0, NL), BOOT_ALLOC_NONE);
    assert_false(boot_frame_is_free(0xFFF));
    assert_int_equal(count_free(), 0xF00 - 1058);
    expect_runs(want, ARRAY_SIZE(want));
}

static void test_skips_used_frame(void **state)
{
    (void)state;
    add_mem(MB(1), MB(1), MEM_TYPE_RAM);
    add_reserved(0x1F0000, 0x1F1000);
    init_ok(NULL);
    assert_int_equal(boot_alloc_frames(16, 0, NL), 0x1E0);
    assert_int_equal(boot_alloc_frames(15, 0, NL), 0x1F1);
    assert_int_equal(boot_alloc_frames(1, 0, NL), 0x1DF);
}

static void test_exhaustion_and_free(void **state)
{
    static const struct run want[] = {{0x105, 2}};

    (void)state;
    add_mem(MB(1), KB(64), MEM_TYPE_RAM);
    init_ok(NULL);
    assert_int_equal(boot_alloc_frames(17, 0, NL), BOOT_ALLOC_NONE);
    for (uint32_t f = 0x10F; f >= 0x100; f--)
        assert_int_equal(boot_alloc_frames(1, 0, NL), f);
    assert_int_equal(boot_alloc_frames(1, 0, NL), BOOT_ALLOC_NONE);
    expect_runs(NULL, 0);
    boot_free_range(0x105, 0x107);
    assert_int_equal(count_free(), 2);
    assert_int_equal(boot_alloc_frames(2, 0, NL), 0x105);
    boot_free_range(0x105, 0x107);
    expect_runs(want, 1);
}

static void test_modules_and_shared_frames(void **state)
{
    const struct phys_range image = {0x100000, 0x1A0123};
    static const struct run want[] = {{0x1A1, 0x2000 - 0x1A1}};

    (void)state;
    add_mem(0, 0xA0000, MEM_TYPE_RAM);
    add_mem(MB(1), MB(31), MEM_TYPE_RAM);
    add_reserved(0x1A1000, 0x280800);   /* a module, frames 0x1A1-0x280 */
    add_reserved(0x280800, 0x281100);   /* the loader's info, frames 0x280-0x281 */
    add_reserved(0x281F00, 0x282010);   /* the module's string, frames 0x281-0x282 */
    add_reserved(0x9F000, 0x9F100);     /* in the first MB anyway */
    init_ok(&image);
    assert_false(boot_frame_is_free(0x1A0));
    assert_false(boot_frame_is_free(0x1A1));
    assert_false(boot_frame_is_free(0x282));
    assert_true(boot_frame_is_free(0x283));
    assert_int_equal(count_free(), 0x2000 - 0x283);
    /* Half a module: nothing is released. */
    boot_free_range(0x1A1, 0x200);
    assert_false(boot_frame_is_free(0x1A1));
    /* The module; its last frame also holds the loader's info. */
    boot_free_range(0x1A1, 0x281);
    assert_true(boot_frame_is_free(0x1A1));
    assert_true(boot_frame_is_free(0x27F));
    assert_false(boot_frame_is_free(0x280));
    boot_free_range(0x280, 0x282);
    assert_true(boot_frame_is_free(0x280));
    assert_false(boot_frame_is_free(0x281));    /* the string still lives there */
    boot_free_range(0x281, 0x283);
    assert_true(boot_frame_is_free(0x281));
    assert_true(boot_frame_is_free(0x282));
    /* The image and the first MB stay. */
    boot_free_range(0x100, 0x180);
    boot_free_range(0, 0x100);
    assert_false(boot_frame_is_free(0x100));
    assert_false(boot_frame_is_free(0x50));
    expect_runs(want, 1);
}

static void test_free_range_releases_all_inside(void **state)
{
    (void)state;
    add_mem(MB(1), MB(1), MEM_TYPE_RAM);
    add_reserved(0x110000, 0x110800);
    add_reserved(0x110800, 0x111800);
    add_reserved(0x111800, 0x112000);
    init_ok(NULL);
    assert_int_equal(count_free(), 0x100 - 2);
    boot_free_range(0x110, 0x112);
    assert_int_equal(count_free(), 0x100);
}

static void test_handover_word_boundaries(void **state)
{
    static const struct run want[] = {
        {0x100, 0x1F}, {0x121, 0x1F}, {0x141, 0x1E}, {0x160, 0x2A0},
    };

    (void)state;
    add_mem(MB(1), MB(3), MEM_TYPE_RAM);
    add_reserved(0x11F000, 0x121000);
    add_reserved(0x140000, 0x141000);
    add_reserved(0x15F000, 0x160000);
    init_ok(NULL);
    expect_runs(want, ARRAY_SIZE(want));
}

/* --- Against a frame-by-frame model ----------------------------------------- */

#define MODEL_FRAMES 2048

static bool model[MODEL_FRAMES];

static bool touches(uint64_t start, uint64_t end, uint32_t f)
{
    return start < ((uint64_t)f + 1) * FRAME_SIZE && (uint64_t)f * FRAME_SIZE < end;
}

static bool model_rules(uint32_t f)
{
    uint64_t lo = (uint64_t)f * FRAME_SIZE, hi = lo + FRAME_SIZE;
    bool ram = false;

    if (f < BOOT_FIRST_FRAME)
        return false;
    for (unsigned int i = 0; i < bi.nr_mem; i++) {
        const struct mem_region *r = &bi.mem[i];

        if (r->type == MEM_TYPE_RAM && r->base <= lo && hi <= r->base + r->size)
            ram = true;
        if (r->type != MEM_TYPE_RAM && touches(r->base, r->base + r->size, f))
            return false;
    }
    for (unsigned int i = 0; i < bi.nr_reserved; i++)
        if (touches(bi.reserved[i].start, bi.reserved[i].end, f))
            return false;
    return ram;
}

static uint32_t model_alloc(uint32_t nr, uint32_t align, uint32_t below)
{
    uint32_t top = MIN(below, boot_max_page());

    align = align ? align : 1;
    for (int64_t s = (int64_t)top - nr; s >= 0; s--) {
        uint32_t i = 0;

        if (s % align)
            continue;
        while (i < nr && model[s + i])
            i++;
        if (i == nr) {
            memset(&model[s], 0, nr);
            return (uint32_t)s;
        }
    }
    return BOOT_ALLOC_NONE;
}

static void model_check(void)
{
    for (uint32_t f = 0; f < MODEL_FRAMES; f++)
        assert_int_equal(boot_frame_is_free(f), model[f]);
}

static void test_random_against_model(void **state)
{
    static const uint32_t aligns[] = {0, 1, 2, 3, 4, 8, 16, 64};
    unsigned int seed = 12345, nr_live, successes = 0;
    struct run live[80];

    (void)state;
    for (int round = 0; round < 40; round++) {
        reset(NULL);
        srand(seed + (unsigned int)round);
        for (int i = 0; i < 6; i++) {
            uint64_t base = (uint64_t)(rand() % (MODEL_FRAMES - 256)) * FRAME_SIZE;

            base += (uint64_t)(rand() % 3) * 0x800;

            add_mem(base, (uint64_t)(rand() % 400 + 1) * 0x800, rand() % 4 ? MEM_TYPE_RAM : 2);
        }
        add_mem(MB(8) - FRAME_SIZE, FRAME_SIZE, MEM_TYPE_RAM);  /* MODEL_FRAMES frames */
        for (int i = 0; i < 8; i++) {
            uint32_t start = (uint32_t)(rand() % (MODEL_FRAMES * 4)) * 0x400;

            add_reserved(start, start + (uint32_t)(rand() % 40 + 1) * 0x200);
        }
        init_ok(NULL);
        assert_int_equal(boot_max_page(), MODEL_FRAMES);
        for (uint32_t f = 0; f < MODEL_FRAMES; f++)
            model[f] = model_rules(f);
        model_check();
        nr_live = 0;
        for (int i = 0; i < 80; i++) {
            uint32_t nr = (uint32_t)(rand() % 48 + 1);
            uint32_t align = aligns[rand() % ARRAY_SIZE(aligns)];
            uint32_t below = rand() % 2 ? NL : (uint32_t)(rand() % MODEL_FRAMES);
            uint32_t got = boot_alloc_frames(nr, align, below);

            assert_int_equal(got, model_alloc(nr, align, below));
            if (got != BOOT_ALLOC_NONE) {
                live[nr_live++] = (struct run){got, nr};
                successes++;
            }
            if (nr_live && rand() % 3 == 0) {
                struct run r = live[rand() % nr_live];

                boot_free_range(r.mfn, r.mfn + r.nr);
                memset(&model[r.mfn], 1, r.nr);
                for (unsigned int j = 0; j < nr_live; j++)
                    if (live[j].mfn == r.mfn)
                        live[j] = live[--nr_live];
            }
        }
        model_check();
    }
    assert_true(successes > 1000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_pc_layout, reset),
        cmocka_unit_test_setup(test_partial_frames_and_holes, reset),
        cmocka_unit_test_setup(test_ram_above_4g, reset),
        cmocka_unit_test_setup(test_bitmap_too_small, reset),
        cmocka_unit_test_setup(test_top_down_and_alignment, reset),
        cmocka_unit_test_setup(test_skips_used_frame, reset),
        cmocka_unit_test_setup(test_exhaustion_and_free, reset),
        cmocka_unit_test_setup(test_modules_and_shared_frames, reset),
        cmocka_unit_test_setup(test_free_range_releases_all_inside, reset),
        cmocka_unit_test_setup(test_handover_word_boundaries, reset),
        cmocka_unit_test_setup(test_random_against_model, reset),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
