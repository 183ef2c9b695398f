/* SPDX-License-Identifier: GPL-2.0-only */
/* xmalloc (mm/xmalloc.c) on the buddy heap over a fake direct map. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "alloc_fake.h"

#define HDR         8u
/* The smallest block: a header and a free-list node (host pointers). */
#define MIN_BLOCK   ROUNDUP(HDR + (uint32_t)sizeof(struct list_head), 8u)
#define HEAP_PAGES  (XENHEAP_FRAMES - 256)

static int setup(void **state)
{
    (void)state;
    fake_mm_setup(XENHEAP_FRAMES + 1024);
    heap_init_range(256, HEAP_PAGES);
    assert_int_equal(avail_xenheap_pages(), HEAP_PAGES);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fake_mm_teardown();
    return 0;
}

static uintptr_t page_of(const void *p)
{
    return (uintptr_t)p & ~(uintptr_t)(FRAME_SIZE - 1);
}

static void fill(void *p, size_t n, uint32_t id)
{
    for (size_t i = 0; i < n; i++)
        ((uint8_t *)p)[i] = (uint8_t)(id * 31 + i * 7 + 1);
}

static void check(const void *p, size_t n, uint32_t id)
{
    for (size_t i = 0; i < n; i++)
        assert_int_equal(((const uint8_t *)p)[i], (uint8_t)(id * 31 + i * 7 + 1));
}

static void test_all_sizes(void **state)
{
    enum { BATCH = 512 };
    static void *p[BATCH];

    (void)state;
    for (size_t first = 1; first <= 8192; first += BATCH) {
        size_t last = MIN(first + BATCH - 1, 8192);

        for (size_t s = first; s <= last; s++) {
            void *q = xmalloc_bytes(s);

            assert_non_null(q);
            assert_int_equal((uintptr_t)q % 8, 0);
            assert_true(heap_virt_to_mfn(q) >= 256);
            assert_true(heap_virt_to_mfn((char *)q + s - 1) < XENHEAP_FRAMES);
            fill(q, s, (uint32_t)s);
            p[s - first] = q;
        }
        for (size_t s = first; s <= last; s++)
            check(p[s - first], s, (uint32_t)s);
        for (size_t s = first; s <= last; s++)
            xfree(p[s - first]);
        assert_int_equal(avail_xenheap_pages(), HEAP_PAGES);    /* every page back */
    }
}

static void test_layout_and_overhead(void **state)
{
    void *a, *b, *c, *objs[64];
    uintptr_t page;

    (void)state;
    a = xmalloc_bytes(1);
    page = page_of(a);
    assert_int_equal(avail_xenheap_pages(), HEAP_PAGES - 1);
    /* Blocks are cut from the tail of the page's free block. */
    assert_int_equal((uintptr_t)a, page + FRAME_SIZE - MIN_BLOCK + HDR);
    b = xmalloc_bytes(100);
    assert_int_equal((uintptr_t)b, (uintptr_t)a - HDR - 112 + HDR);
    c = xmalloc_bytes(FRAME_SIZE - HDR);        /* the largest small object: a page */
    assert_int_equal((uintptr_t)c, page_of(c) + HDR);
    assert_int_equal(avail_xenheap_pages(), HEAP_PAGES - 2);
    xfree(a);
    xfree(b);
    xfree(c);
    assert_int_equal(avail_xenheap_pages(), HEAP_PAGES);
    /* 8 bytes of header: a page holds exactly 64 objects of 56 bytes. */
    for (int i = 0; i < 64; i++) {
        objs[i] = xmalloc_bytes(56);
        assert_int_equal(page_of(objs[i]), page_of(objs[0]));
    }
    assert_int_equal(avail_xenheap_pages(), HEAP_PAGES - 1);
    a = xmalloc_bytes(56);
    assert_int_equal(avail_xenheap_pages(), HEAP_PAGES - 2);
    xfree(a);
    for (int i = 0; i < 64; i++)
        xfree(objs[i]);
    assert_int_equal(avail_xenheap_pages(), HEAP_PAGES);
}

static void test_reuse_after_free(void **state)
{
    void *a, *b, *c;

    (void)state;
    a = xmalloc_bytes(40);
    b = xmalloc_bytes(40);
    assert_ptr_not_equal(a, b);
    xfree(a);
    c = xmalloc_bytes(40);
    assert_ptr_equal(c, a);
    xfree(b);
    c = xmalloc_bytes(33);                  /* same rounded size */
    assert_ptr_equal(c, b);
    xfree(c);
    xfree(a);
    assert_int_equal(avail_xenheap_pages(), HEAP_PAGES);
}

static void test_zeroing(void **state)
{
    uint8_t *p, *q, *keep;

    (void)state;
    keep = xmalloc_bytes(8);                /* keeps the page */
    p = xmalloc_bytes(200);
    memset(p, 0xAB, 200);
    xfree(p);
    q = xzalloc_bytes(200);
    assert_ptr_equal(q, p);
    for (int i = 0; i < 200; i++)
        assert_int_equal(q[i], 0);
    xfree(q);
    p = xmalloc_bytes(5000);
    memset(p, 0xCD, 5000);
    xfree(p);
    q = xzalloc_bytes(5000);
    assert_ptr_equal(q, p);
    for (int i = 0; i < 5000; i++)
        assert_int_equal(q[i], 0);
    xfree(q);
    xfree(keep);
    assert_null(xzalloc_bytes(SIZE_MAX));
}

static void test_large(void **state)
{
    void *p, *q;

    (void)state;
    p = xmalloc_bytes(FRAME_SIZE - HDR + 1);
    assert_int_equal((uintptr_t)p % FRAME_SIZE, HDR);
    assert_int_equal(avail_xenheap_pages(), HEAP_PAGES - 2);
    q = xmalloc_bytes(2 * FRAME_SIZE - HDR);
    assert_int_equal(avail_xenheap_pages(), HEAP_PAGES - 4);
    xfree(q);
    q = xmalloc_bytes(2 * FRAME_SIZE - HDR + 1);
    assert_int_equal(avail_xenheap_pages(), HEAP_PAGES - 6);
    memset(q, 0x5A, 2 * FRAME_SIZE);
    xfree(q);
    xfree(p);
    assert_int_equal(avail_xenheap_pages(), HEAP_PAGES);
    assert_null(xmalloc_bytes(SIZE_MAX));
    assert_null(xmalloc_bytes(SIZE_MAX - HDR + 1));
    assert_null(xmalloc_bytes((size_t)FRAME_SIZE << HEAP_MAX_ORDER));
    assert_null(xmalloc_bytes((size_t)HEAP_PAGES * FRAME_SIZE));   /* more than the heap */
    assert_int_equal(avail_xenheap_pages(), HEAP_PAGES);
}

static void test_zero_size(void **state)
{
    void *a, *b;

    (void)state;
    a = xmalloc_bytes(0);
    b = xmalloc_bytes(0);
    assert_non_null(a);
    assert_non_null(b);
    assert_ptr_not_equal(a, b);
    xfree(a);
    xfree(b);
    xfree(NULL);
    assert_int_equal(avail_xenheap_pages(), HEAP_PAGES);
}

static void test_double_free(void **state)
{
    void *a, *b, *only, *large;

    (void)state;
    a = xmalloc_bytes(32);
    b = xmalloc_bytes(32);                  /* below a, merges into the free space */
    xfree(b);
    expect_assert_failure(xfree(b));
    assert_string_equal(fake_last_corruption, "xfree: double free");
    xfree(a);                               /* the page goes back */
    expect_assert_failure(xfree(a));
    assert_string_equal(fake_last_corruption, "xfree: double free");
    assert_int_equal(avail_xenheap_pages(), HEAP_PAGES);
    only = xmalloc_bytes(4000);
    xfree(only);
    fake_last_corruption = NULL;
    expect_assert_failure(xfree(only));
    assert_string_equal(fake_last_corruption, "xfree: double free");
    large = xmalloc_bytes(10000);
    xfree(large);
    expect_assert_failure(xfree(large));
    assert_string_equal(fake_last_corruption, "xfree: double free");
    assert_int_equal(avail_xenheap_pages(), HEAP_PAGES);
}

static void test_bad_pointers(void **state)
{
    uint64_t local = 0;
    uint8_t *a;
    void *page;

    (void)state;
    a = xzalloc_bytes(256);
    expect_assert_failure(xfree(a + 1));
    assert_string_equal(fake_last_corruption, "xfree: not an xmalloc pointer");
    fake_last_corruption = NULL;
    expect_assert_failure(xfree(&local));
    assert_string_equal(fake_last_corruption, "xfree: not an xmalloc pointer");
    fake_last_corruption = NULL;
    expect_assert_failure(xfree(a + 64));   /* inside an object: zeros, no header */
    assert_string_equal(fake_last_corruption,
                        "xfree: not an xmalloc pointer, or its header is overwritten");
    /* A copy of a's header inside a, 64 bytes long, claiming to start its page. */
    memcpy(a + 56, a - HDR, HDR);
    memcpy(a + 56, &(uint16_t[2]){64, 0}, 4);
    fake_last_corruption = NULL;
    expect_assert_failure(xfree(a + 64));
    assert_string_equal(fake_last_corruption,
                        "xfree: not an xmalloc pointer, or its header is overwritten");
    page = alloc_xenheap_pages(0);
    fake_last_corruption = NULL;
    expect_assert_failure(xfree(page));     /* no room for a header before it */
    assert_string_equal(fake_last_corruption, "xfree: not an xmalloc pointer");
    free_xenheap_pages(page, 0);
    xfree(a);
    assert_int_equal(avail_xenheap_pages(), HEAP_PAGES);
}

static void test_overrun_detected(void **state)
{
    uint8_t *a, *b;

    (void)state;
    a = xmalloc_bytes(24);
    b = xmalloc_bytes(24);
    assert_ptr_equal(b + 32, a);            /* b's block ends at a's header */
    memset(b, 0, 24 + HDR);                 /* overruns into a's header */
    expect_assert_failure(xfree(b));
    assert_string_equal(fake_last_corruption, "xfree: a neighbouring header is overwritten");
    expect_assert_failure(xfree(a));
    assert_string_equal(fake_last_corruption,
                        "xfree: not an xmalloc pointer, or its header is overwritten");
}

/* --- Randomized stress with canaries ------------------------------------------ */

#define MAX_LIVE 300

struct obj {
    uint8_t *p;
    size_t size;
    uint32_t id;
};

static size_t random_size(void)
{
    int r = rand() % 100;

    if (r < 70)
        return (size_t)(rand() % 256 + 1);
    if (r < 95)
        return (size_t)(rand() % (FRAME_SIZE - HDR - 256) + 257);
    return (size_t)(rand() % 16000 + FRAME_SIZE - HDR + 1);
}

static void test_random_stress(void **state)
{
    static struct obj live[MAX_LIVE];
    unsigned int nr = 0;
    uint32_t next_id = 1;

    (void)state;
    srand(99);
    for (int op = 0; op < 40000; op++) {
        if (nr < MAX_LIVE && (nr == 0 || rand() % 100 < 52)) {
            size_t size = random_size();
            uint8_t *p = rand() % 4 ? xmalloc_bytes(size) : xzalloc_bytes(size);

            assert_non_null(p);
            assert_int_equal((uintptr_t)p % 8, 0);
            live[nr] = (struct obj){p, size, next_id++};
            fill(p, size, live[nr].id);
            nr++;
        } else {
            unsigned int i = (unsigned int)rand() % nr;

            check(live[i].p, live[i].size, live[i].id);
            xfree(live[i].p);
            live[i] = live[--nr];
        }
        if (op % 5000 == 0)
            for (unsigned int i = 0; i < nr; i++)
                check(live[i].p, live[i].size, live[i].id);
    }
    assert_true(avail_xenheap_pages() < HEAP_PAGES);
    while (nr) {
        nr--;
        check(live[nr].p, live[nr].size, live[nr].id);
        xfree(live[nr].p);
    }
    /* Every block coalesced back into whole pages, and every page returned. */
    assert_int_equal(avail_xenheap_pages(), HEAP_PAGES);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_all_sizes),
        T(test_layout_and_overhead),
        T(test_reuse_after_free),
        T(test_zeroing),
        T(test_large),
        T(test_zero_size),
        T(test_double_free),
        T(test_bad_pointers),
        T(test_overrun_detected),
        T(test_random_stress),
    };
#undef T

    return cmocka_run_group_tests(tests, NULL, NULL);
}
