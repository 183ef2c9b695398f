/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bootstrap layout (kernel/domain_layout.c, ABI.md §13). The expected
 * addresses are worked out by hand in each test; a sweep at the end also
 * compares against a literal transcription of the rule.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <tessera/domain_layout.h>
#include <tessera/errno.h>

static struct elf_image img;
static struct domain_layout l;
static const char *err;

static void set_image(uint32_t v_start, uint32_t kernstart, uint32_t kernend)
{
    memset(&img, 0, sizeof(img));
    img.v_start = v_start;
    img.v_kernstart = kernstart;
    img.v_kernend = kernend;
    img.entry = kernstart;
}

static int reset(void **state)
{
    (void)state;
    memset(&l, 0xA5, sizeof(l));
    err = "unset";
    return 0;
}

static int run(uint32_t initrd_len, uint32_t nr_pages, bool is_dom0)
{
    memset(&l, 0xA5, sizeof(l));
    err = "unset";
    return domain_layout_compute(&img, initrd_len, nr_pages, is_dom0, &l, &err);
}

static void run_ok(uint32_t initrd_len, uint32_t nr_pages, bool is_dom0)
{
    int rc = run(initrd_len, nr_pages, is_dom0);

    if (rc)
        fail_msg("unexpected error %d: %s", rc, err);
    assert_null(err);
    assert_int_equal(l.v_start, img.v_start);
    assert_int_equal(l.v_kernstart, img.v_kernstart);
    assert_int_equal(l.v_kernend, img.v_kernend);
    assert_int_equal(l.nr_pages, nr_pages);
}

static void run_fails(uint32_t initrd_len, uint32_t nr_pages, bool is_dom0, int rc,
                      const char *error)
{
    assert_int_equal(run(initrd_len, nr_pages, is_dom0), rc);
    assert_non_null(err);
    assert_string_equal(err, error);
}

/* The addresses after the kernel, in layout order. */
struct expect {
    uint32_t initrd, initrd_end, physmap, physmap_end, pt, pt_end, si, si_end, stack, stack_end;
    uint32_t v_end, nr_pt;
};

static void assert_layout(const struct expect *e)
{
    assert_int_equal(l.vinitrd_start, e->initrd);
    assert_int_equal(l.vinitrd_end, e->initrd_end);
    assert_int_equal(l.vphysmap_start, e->physmap);
    assert_int_equal(l.vphysmap_end, e->physmap_end);
    assert_int_equal(l.vpt_start, e->pt);
    assert_int_equal(l.vpt_end, e->pt_end);
    assert_int_equal(l.vstartinfo_start, e->si);
    assert_int_equal(l.vstartinfo_end, e->si_end);
    assert_int_equal(l.vstack_start, e->stack);
    assert_int_equal(l.vstack_end, e->stack_end);
    assert_int_equal(l.v_end, e->v_end);
    assert_int_equal(l.nr_pt_frames, e->nr_pt);
    assert_int_equal(l.nr_bootstrap_pages, (e->v_end - l.v_start) / 4096);
}

/*
 * XenLinux-like: VIRT_BASE 0xC0000000, a 2 MB kernel, a 1 MB initrd,
 * 16384 pages (64 MB).
 *   kernel     C0000000-C0200000
 *   initrd     C0200000-C0300000  (1 MB)
 *   p2m        C0300000-C0310000  (16384 * 4 = 64 KB)
 *   L2 + 1 L1  C0310000-C0312000  (n = 2)
 *   start_info C0312000-C0313000
 *   stack      C0313000-C0314000
 *   v_end = roundup(C0314000, 4 MB) = C0400000; padding EC000 (944 KB) >= 512 KB.
 *   ceil((C0400000 - C0000000) / 4 MB) + 1 = 2 <= 2: two frames.
 *   1024 pages <= 16384.
 */
static void test_xenlinux(void **state)
{
    static const struct expect e = {0xC0200000, 0xC0300000, 0xC0300000, 0xC0310000,
                                    0xC0310000, 0xC0312000, 0xC0312000, 0xC0313000,
                                    0xC0313000, 0xC0314000, 0xC0400000, 2};

    (void)state;
    set_image(0xC0000000, 0xC0000000, 0xC0200000);
    run_ok(1 << 20, 16384, true);
    assert_layout(&e);
    assert_int_equal(l.nr_bootstrap_pages, 1024);

    assert_int_equal(layout_pfn(&l, 0xC0000000), 0);
    assert_int_equal(layout_pfn(&l, 0xC0000FFF), 0);
    assert_int_equal(layout_pfn(&l, 0xC0310000), 0x310);
    assert_int_equal(layout_pfn(&l, 0xC03FFFFF), 0x3FF);
    assert_int_equal(layout_pfn(&l, 0xC0400000), LAYOUT_NO_PFN);
    assert_int_equal(layout_pfn(&l, 0xBFFFFFFF), LAYOUT_NO_PFN);

    assert_false(layout_va_is_pagetable(&l, 0xC030FFFF));
    assert_true(layout_va_is_pagetable(&l, 0xC0310000));
    assert_true(layout_va_is_pagetable(&l, 0xC0311FFF));
    assert_false(layout_va_is_pagetable(&l, 0xC0312000));
}

/*
 * An unaligned initrd length and kernel end: each piece starts on a page.
 *   kernel     C0000000-C0200001 -> initrd at C0201000
 *   initrd     C0201000-C0201001 (1 byte)
 *   p2m        C0202000-C0203FFC (2047 * 4 bytes)
 *   page tables C0204000-C0206000, start_info -C0207000, stack -C0208000
 */
static void test_unaligned_pieces(void **state)
{
    static const struct expect e = {0xC0201000, 0xC0201001, 0xC0202000, 0xC0203FFC,
                                    0xC0204000, 0xC0206000, 0xC0206000, 0xC0207000,
                                    0xC0207000, 0xC0208000, 0xC0400000, 2};

    (void)state;
    set_image(0xC0000000, 0xC0000000, 0xC0200001);
    run_ok(1, 2047, false);
    assert_layout(&e);
}

/*
 * Padding of exactly 512 KB needs no extra 4 MB. 4096 pages: p2m 16 KB.
 *   kernel C0000000-C0378000, no initrd (C0378000-C0378000)
 *   p2m C0378000-C037C000, tables C037C000-C037E000, start_info -C037F000,
 *   stack C037F000-C0380000; C0400000 - C0380000 = 80000 = 512 KB: v_end C0400000.
 */
static void test_padding_exactly_512k(void **state)
{
    static const struct expect e = {0xC0378000, 0xC0378000, 0xC0378000, 0xC037C000,
                                    0xC037C000, 0xC037E000, 0xC037E000, 0xC037F000,
                                    0xC037F000, 0xC0380000, 0xC0400000, 2};

    (void)state;
    set_image(0xC0000000, 0xC0000000, 0xC0378000);
    run_ok(0, 4096, true);
    assert_layout(&e);
}

/*
 * One page more leaves 508 KB: v_end moves up by 4 MB, which then needs
 * a second L1.
 *   kernel C0000000-C0379000, p2m C0379000-C037D000, tables from C037D000.
 *   n = 2: stack ends C0381000, padding 7F000 < 512 KB: v_end C0800000,
 *          ceil(8 MB / 4 MB) + 1 = 3 > 2.
 *   n = 3: tables C037D000-C0380000, start_info -C0381000, stack -C0382000,
 *          v_end C0800000, 3 <= 3.
 */
static void test_padding_below_512k(void **state)
{
    static const struct expect e = {0xC0379000, 0xC0379000, 0xC0379000, 0xC037D000,
                                    0xC037D000, 0xC0380000, 0xC0380000, 0xC0381000,
                                    0xC0381000, 0xC0382000, 0xC0800000, 3};

    (void)state;
    set_image(0xC0000000, 0xC0000000, 0xC0379000);
    run_ok(0, 4096, true);
    assert_layout(&e);
    assert_int_equal(l.nr_bootstrap_pages, 2048);
}

/*
 * The frame added for the region's growth itself pushes it over another
 * 4 MB boundary, so the count must be searched until it is stable.
 *   kernel C0000000-C0778000, p2m C0778000-C077C000, tables from C077C000.
 *   n = 2: stack ends C0780000, padding exactly 512 KB: v_end C0800000,
 *          ceil(8 MB / 4 MB) + 1 = 3 > 2.
 *   n = 3: stack ends C0781000, padding 508 KB: v_end C0C00000,
 *          ceil(12 MB / 4 MB) + 1 = 4 > 3.
 *   n = 4: stack ends C0782000, v_end C0C00000, 4 <= 4.
 */
static void test_pt_count_crosses_4m(void **state)
{
    static const struct expect e = {0xC0778000, 0xC0778000, 0xC0778000, 0xC077C000,
                                    0xC077C000, 0xC0780000, 0xC0780000, 0xC0781000,
                                    0xC0781000, 0xC0782000, 0xC0C00000, 4};

    (void)state;
    set_image(0xC0000000, 0xC0000000, 0xC0778000);
    run_ok(0, 4096, true);
    assert_layout(&e);
    assert_int_equal(l.nr_bootstrap_pages, 3072);
    assert_true(layout_va_is_pagetable(&l, 0xC077F000));
    assert_false(layout_va_is_pagetable(&l, 0xC0780000));
}

/*
 * v_start need not be 4 MB-aligned: PFN 0 maps at v_start itself.
 *   v_start = kernel C0001000-C0201000, 8192 pages: p2m 32 KB
 *   p2m C0201000-C0209000, tables C0209000-C020B000, start_info -C020C000,
 *   stack -C020D000, v_end C0400000; 3FF000 bytes = 1023 pages, one slot.
 */
static void test_v_start_not_4m_aligned(void **state)
{
    static const struct expect e = {0xC0201000, 0xC0201000, 0xC0201000, 0xC0209000,
                                    0xC0209000, 0xC020B000, 0xC020B000, 0xC020C000,
                                    0xC020C000, 0xC020D000, 0xC0400000, 2};

    (void)state;
    set_image(0xC0001000, 0xC0001000, 0xC0201000);
    run_ok(0, 8192, true);
    assert_layout(&e);
    assert_int_equal(l.nr_bootstrap_pages, 1023);
    assert_int_equal(layout_pfn(&l, 0xC0001000), 0);
    assert_int_equal(layout_pfn(&l, 0xC0000FFF), LAYOUT_NO_PFN);
    assert_int_equal(layout_pfn(&l, 0xC0209000), 0x208);
    assert_int_equal(layout_pfn(&l, 0xC03FFFFF), 0x3FE);
}

/*
 * A region just over 4 MB that starts one page below a 4 MB boundary
 * touches two 4 MB slots, so it needs two L1s.
 *   v_start = kernel C03FF000-C0400000, 2048 pages: p2m 8 KB
 *   p2m C0400000-C0402000, tables from C0402000.
 *   n = 2: stack ends C0406000, v_end C0800000; 401000 bytes: ceil = 2, +1 = 3 > 2.
 *   n = 3: tables C0402000-C0405000, start_info -C0406000, stack -C0407000.
 */
static void test_v_start_one_page_below_4m(void **state)
{
    static const struct expect e = {0xC0400000, 0xC0400000, 0xC0400000, 0xC0402000,
                                    0xC0402000, 0xC0405000, 0xC0405000, 0xC0406000,
                                    0xC0406000, 0xC0407000, 0xC0800000, 3};

    (void)state;
    set_image(0xC03FF000, 0xC03FF000, 0xC0400000);
    run_ok(0, 2048, false);
    assert_layout(&e);
    assert_int_equal(l.nr_bootstrap_pages, 1025);
}

/*
 * VIRT_BASE below the kernel: the pages in between are PFNs too.
 *   v_start BFFFF000, kernel C0000000-C0001000, 2048 pages: p2m 8 KB
 *   p2m C0001000-C0003000, tables -C0005000, start_info -C0006000,
 *   stack -C0007000, v_end C0400000; 401000 bytes: 3 frames needed at n = 2.
 *   n = 3: tables C0003000-C0006000, start_info -C0007000, stack -C0008000.
 */
static void test_v_start_below_kernel(void **state)
{
    static const struct expect e = {0xC0001000, 0xC0001000, 0xC0001000, 0xC0003000,
                                    0xC0003000, 0xC0006000, 0xC0006000, 0xC0007000,
                                    0xC0007000, 0xC0008000, 0xC0400000, 3};

    (void)state;
    set_image(0xBFFFF000, 0xC0000000, 0xC0001000);
    run_ok(0, 2048, false);
    assert_layout(&e);
    assert_int_equal(layout_pfn(&l, 0xC0000000), 1);
}

/* Mini-OS style: a domU loaded at 0 with 16 MB. */
static void test_domu_at_zero(void **state)
{
    static const struct expect e = {0x00020000, 0x00020000, 0x00020000, 0x00024000,
                                    0x00024000, 0x00026000, 0x00026000, 0x00027000,
                                    0x00027000, 0x00028000, 0x00400000, 2};

    (void)state;
    set_image(0, 0, 0x1F800);
    run_ok(0, 4096, false);
    assert_layout(&e);
    assert_int_equal(layout_pfn(&l, 0), 0);
}

static void test_dom0_below_1g(void **state)
{
    (void)state;
    set_image(0x3FC00000, 0x3FC00000, 0x3FD00000);
    run_fails(0, 16384, true, -EINVAL,
              "dom0 must load at or above 0x40000000, but its VIRT_BASE is 0x3fc00000");
    run_ok(0, 16384, false); /* a domU may */
    assert_int_equal(l.v_end, 0x40000000);
    set_image(0x3FFFF000, 0x3FFFF000, 0x40000000);
    run_fails(0, 16384, true, -EINVAL,
              "dom0 must load at or above 0x40000000, but its VIRT_BASE is 0x3ffff000");
    set_image(0x40000000, 0x40000000, 0x40100000);
    run_ok(0, 16384, true);
    assert_int_equal(l.v_end, 0x40400000);
}

/*
 * The XenLinux image with 1023 pages: p2m 4092 bytes (one page), tables
 * C0301000-C0303000, stack ends C0305000, v_end C0400000: 1024 pages.
 */
static void test_region_too_big(void **state)
{
    (void)state;
    set_image(0xC0000000, 0xC0000000, 0xC0200000);
    run_fails(1 << 20, 1023, true, -ENOMEM,
              "dom0_mem too small: the bootstrap region needs 4096 KB");
    run_fails(1 << 20, 1023, false, -ENOMEM,
              "the domain's memory is too small: the bootstrap region needs 4096 KB");
    run_fails(1 << 20, 0, false, -ENOMEM,
              "the domain's memory is too small: the bootstrap region needs 4096 KB");
    run_ok(1 << 20, 1024, true); /* an exact fit */
    assert_int_equal(l.v_end, 0xC0400000);
    assert_int_equal(l.nr_bootstrap_pages, 1024);
}

/*
 * The region must end at or below 0xFC000000.
 *   kernel F8000000-FBC00000, 65536 pages: p2m FBC00000-FBC40000 (256 KB),
 *   tables from FBC40000; v_end FC000000 = 64 MB: 16 L1s, so n = 17:
 *   tables FBC40000-FBC51000, start_info -FBC52000, stack -FBC53000.
 */
static void test_hypervisor_limit(void **state)
{
    static const struct expect e = {0xFBC00000, 0xFBC00000, 0xFBC00000, 0xFBC40000,
                                    0xFBC40000, 0xFBC51000, 0xFBC51000, 0xFBC52000,
                                    0xFBC52000, 0xFBC53000, 0xFC000000, 17};

    (void)state;
    set_image(0xF8000000, 0xF8000000, 0xFBC00000);
    run_ok(0, 65536, false);
    assert_layout(&e);
    /* A 3.5 MB initrd leaves less than 512 KB below FC000000. */
    run_fails(0x380000, 65536, false, -EINVAL,
              "the bootstrap region from 0xf8000000 reaches the hypervisor area at 0xfc000000");
    /* Huge inputs must not wrap around to a small region. */
    run_fails(0xFFFFFFFF, 0xFFFFFFFF, false, -EINVAL,
              "the bootstrap region from 0xf8000000 reaches the hypervisor area at 0xfc000000");
    /* FBC00000 + 8400000 = 1_04000000: 32 bits would wrap to 04000000. */
    run_fails(0x8400000, 4096, false, -EINVAL,
              "the bootstrap region from 0xf8000000 reaches the hypervisor area at 0xfc000000");
    set_image(0, 0, 0x1000);
    run_fails(0, 0xFFFFFFFF, false, -EINVAL,
              "the bootstrap region from 0x00000000 reaches the hypervisor area at 0xfc000000");
    /* 4 * 40000000 is 0 in 32 bits. */
    run_fails(0, 0x40000000, false, -EINVAL,
              "the bootstrap region from 0x00000000 reaches the hypervisor area at 0xfc000000");
}

static void test_bsd_symtab_refused(void **state)
{
    (void)state;
    set_image(0xC0000000, 0xC0000000, 0xC0200000);
    img.bsd_symtab = true;
    run_fails(0, 16384, false, -EINVAL,
              "BSD_SYMTAB is not supported: Tessera cannot place the symbol table after the "
              "kernel");
}

static void test_error_pointer_optional(void **state)
{
    (void)state;
    set_image(0xC0000000, 0xC0000000, 0xC0200000);
    assert_int_equal(domain_layout_compute(&img, 0, 16384, true, &l, NULL), 0);
    assert_int_equal(domain_layout_compute(&img, 0, 1, true, &l, NULL), -ENOMEM);
}

/* ABI.md §13 transcribed step by step, in 32 bits (inputs are kept small). */
static void reference(uint32_t v_start, uint32_t kernend, uint32_t initrd_len, uint32_t nr_pages,
                      struct expect *e)
{
    const uint32_t page = 4096, four_mb = 4u << 20;

    e->initrd = (kernend + page - 1) & ~(page - 1);
    e->initrd_end = e->initrd + initrd_len;
    e->physmap = (e->initrd_end + page - 1) & ~(page - 1);
    e->physmap_end = e->physmap + 4 * nr_pages;
    e->pt = (e->physmap_end + page - 1) & ~(page - 1);
    for (e->nr_pt = 2;; e->nr_pt++) {
        e->pt_end = e->pt + e->nr_pt * page;
        e->si = e->pt_end;
        e->si_end = e->si + page;
        e->stack = e->si_end;
        e->stack_end = e->stack + page;
        e->v_end = (e->stack_end + four_mb - 1) & ~(four_mb - 1);
        if (e->v_end - e->stack_end < (512u << 10))
            e->v_end += four_mb;
        if ((e->v_end - v_start + four_mb - 1) / four_mb + 1 <= e->nr_pt)
            break;
    }
}

/* Kernel ends across several 4 MB boundaries, with assorted initrds and sizes. */
static void test_sweep_against_reference(void **state)
{
    static const uint32_t initrds[] = {0, 1, 4095, 4096, 0x1FF001, 0x3F8000};
    static const uint32_t pages[] = {1, 1024, 1025, 32768, 262144};
    unsigned int checked = 0;
    struct expect e;

    (void)state;
    for (uint32_t kend = 0xC0001000; kend < 0xC1000000; kend += 0x3F00) {
        for (unsigned int i = 0; i < ARRAY_SIZE(initrds); i++) {
            for (unsigned int p = 0; p < ARRAY_SIZE(pages); p++) {
                set_image(0xC0000000, 0xC0000000, kend);
                reference(0xC0000000, kend, initrds[i], pages[p], &e);
                if ((e.v_end - 0xC0000000) / 4096 > pages[p]) {
                    assert_int_equal(run(initrds[i], pages[p], true), -ENOMEM);
                    continue;
                }
                run_ok(initrds[i], pages[p], true);
                assert_layout(&e);
                checked++;
            }
        }
    }
    assert_true(checked > 5000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_xenlinux, reset),
        cmocka_unit_test_setup(test_unaligned_pieces, reset),
        cmocka_unit_test_setup(test_padding_exactly_512k, reset),
        cmocka_unit_test_setup(test_padding_below_512k, reset),
        cmocka_unit_test_setup(test_pt_count_crosses_4m, reset),
        cmocka_unit_test_setup(test_v_start_not_4m_aligned, reset),
        cmocka_unit_test_setup(test_v_start_one_page_below_4m, reset),
        cmocka_unit_test_setup(test_v_start_below_kernel, reset),
        cmocka_unit_test_setup(test_domu_at_zero, reset),
        cmocka_unit_test_setup(test_dom0_below_1g, reset),
        cmocka_unit_test_setup(test_region_too_big, reset),
        cmocka_unit_test_setup(test_hypervisor_limit, reset),
        cmocka_unit_test_setup(test_bsd_symtab_refused, reset),
        cmocka_unit_test_setup(test_error_pointer_optional, reset),
        cmocka_unit_test_setup(test_sweep_against_reference, reset),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
