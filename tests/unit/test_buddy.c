/* SPDX-License-Identifier: GPL-2.0-only */
/* The buddy heaps (mm/buddy.c) over a fake frame table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "alloc_fake.h"

#define FRAMES      8192u   /* xenheap 0-3071, domheap 3072-8191 */
#define MAX_BLOCKS  256

struct block {
    unsigned int zone, order;
    uint32_t mfn;
};

static int setup(void **state)
{
    (void)state;
    fake_mm_setup(FRAMES);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fake_mm_teardown();
    return 0;
}

static int cmp_block(const void *a, const void *b)
{
    const struct block *x = a, *y = b;

    if (x->zone != y->zone)
        return x->zone < y->zone ? -1 : 1;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    return x->mfn < y->mfn ? -1 : x->mfn > y->mfn;
}

/* Every free block, sorted. */
static unsigned int free_blocks(struct block *out)
{
    unsigned int n = 0;

    for (unsigned int z = 0; z < NR_MEMZONES; z++) {
        for (unsigned int k = 0; k <= HEAP_MAX_ORDER; k++) {
            const struct list_head *h = heap_free_list(z, k);

            for (const struct list_head *l = h->next; l != h; l = l->next) {
                assert_true(n < MAX_BLOCKS);
                out[n++] = (struct block){z, k, page_to_mfn(list_entry(l, struct page_info, list))};
            }
        }
    }
    qsort(out, n, sizeof(*out), cmp_block);
    return n;
}

static void expect_free_blocks(const struct block *want, unsigned int n)
{
    struct block got[MAX_BLOCKS];

    assert_int_equal(free_blocks(got), n);
    for (unsigned int i = 0; i < n; i++) {
        assert_int_equal(got[i].zone, want[i].zone);
        assert_int_equal(got[i].order, want[i].order);
        assert_int_equal(got[i].mfn, want[i].mfn);
    }
}

/*
 * Checks every invariant of the free lists; marks free frames in `seen`
 * (which must not mark them already: no frame in two blocks, nor in use).
 */
static void audit(uint8_t *seen)
{
    uint32_t count[NR_MEMZONES] = {0};

    for (unsigned int z = 0; z < NR_MEMZONES; z++) {
        for (unsigned int k = 0; k <= HEAP_MAX_ORDER; k++) {
            const struct list_head *h = heap_free_list(z, k);

            for (const struct list_head *l = h->next; l != h; l = l->next) {
                const struct page_info *pg = list_entry(l, struct page_info, list);
                uint32_t mfn = page_to_mfn(pg), n = 1u << k, buddy = mfn ^ n;

                assert_ptr_equal(l->next->prev, l);
                assert_int_equal(mfn % n, 0);
                assert_true(mfn + n <= max_page);
                assert_int_equal(heap_zone(mfn), z);
                assert_int_equal(heap_zone(mfn + n - 1), z);
                for (uint32_t i = 0; i < n; i++) {
                    assert_int_equal(pg[i].order_or_stamp, i ? HEAP_FREE_TAIL : HEAP_FREE_HEAD(k));
                    assert_null(pg[i].owner);
                    assert_int_equal(pg[i].count_info, 0);
                    assert_int_equal(pg[i].type_info, 0);
                    if (seen) {
                        assert_int_equal(seen[mfn + i], 0);
                        seen[mfn + i] = 1;
                    }
                }
                /* Coalescing is complete: no two free buddies of one order. */
                if (k < HEAP_MAX_ORDER && buddy < max_page && heap_zone(buddy) == z)
                    assert_int_not_equal(mfn_to_page(buddy)->order_or_stamp, HEAP_FREE_HEAD(k));
                count[z] += n;
            }
        }
    }
    assert_int_equal(count[MEMZONE_XEN], avail_xenheap_pages());
    assert_int_equal(count[MEMZONE_DOM], avail_domheap_pages());
}

static void domain_init(struct domain *d, uint32_t max_pages)
{
    memset(d, 0, sizeof(*d));
    list_init(&d->page_list);
    list_init(&d->xenpage_list);
    d->max_pages = max_pages;
}

static uint32_t list_length(const struct list_head *h)
{
    uint32_t n = 0;

    for (const struct list_head *l = h->next; l != h; l = l->next)
        n++;
    return n;
}

/* What heap_init_range(384, FRAMES - 384) must give. */
static const struct block initial[] = {
    {MEMZONE_XEN, 7, 384}, {MEMZONE_XEN, 9, 512}, {MEMZONE_XEN, 10, 1024},
    {MEMZONE_XEN, 10, 2048}, {MEMZONE_DOM, 10, 3072}, {MEMZONE_DOM, 12, 4096},
};

static void init_standard(void)
{
    heap_init_range(384, FRAMES - 384);
    expect_free_blocks(initial, ARRAY_SIZE(initial));
    assert_int_equal(avail_xenheap_pages(), 3072 - 384);
    assert_int_equal(avail_domheap_pages(), FRAMES - 3072);
}

static void test_init_range_blocks(void **state)
{
    (void)state;
    expect_free_blocks(NULL, 0);
    assert_int_equal(avail_xenheap_pages(), 0);
    assert_int_equal(avail_domheap_pages(), 0);
    assert_null(alloc_xenheap_pages(0));
    assert_null(alloc_domheap_pages(NULL, 0));
    init_standard();
    audit(NULL);
}

static void test_init_frames_one_by_one(void **state)
{
    static uint32_t order[FRAMES];
    uint32_t n = FRAMES - 384;

    (void)state;
    srand(7);
    for (uint32_t i = 0; i < n; i++)
        order[i] = 384 + i;
    for (uint32_t i = n - 1; i > 0; i--) {
        uint32_t j = (uint32_t)rand() % (i + 1), t = order[i];

        order[i] = order[j];
        order[j] = t;
    }
    for (uint32_t i = 0; i < n; i++)
        heap_init_range(order[i], 1);
    expect_free_blocks(initial, ARRAY_SIZE(initial));
    audit(NULL);
}

static void test_init_range_clips(void **state)
{
    static const struct block want[] = {
        {MEMZONE_XEN, 3, 3000}, {MEMZONE_XEN, 6, 3008}, {MEMZONE_DOM, 6, 8128},
        {MEMZONE_DOM, 7, 3072},
    };

    (void)state;
    heap_init_range(8128, 1000);            /* clipped at max_page */
    heap_init_range(0xFFFFFF00u, 0x200);    /* wraps: nothing */
    heap_init_range(5000, 0);
    heap_init_range(3000, 200);             /* across the zone boundary */
    expect_free_blocks(want, ARRAY_SIZE(want));
    assert_int_equal(avail_xenheap_pages(), 72);
    assert_int_equal(avail_domheap_pages(), 128 + 64);
    audit(NULL);
}

static void test_split_and_merge_exact(void **state)
{
    static const struct block split[] = {
        {MEMZONE_XEN, 0, 385}, {MEMZONE_XEN, 1, 386}, {MEMZONE_XEN, 2, 388},
        {MEMZONE_XEN, 3, 392}, {MEMZONE_XEN, 4, 400}, {MEMZONE_XEN, 5, 416},
        {MEMZONE_XEN, 6, 448}, {MEMZONE_XEN, 9, 512}, {MEMZONE_XEN, 10, 1024},
        {MEMZONE_XEN, 10, 2048}, {MEMZONE_DOM, 10, 3072}, {MEMZONE_DOM, 12, 4096},
    };
    void *va;

    (void)state;
    init_standard();
    va = alloc_xenheap_pages(0);
    assert_ptr_equal(va, heap_mfn_to_virt(384));
    assert_int_equal(mfn_to_page(384)->order_or_stamp, 0);
    expect_free_blocks(split, ARRAY_SIZE(split));
    assert_int_equal(avail_xenheap_pages(), 3072 - 384 - 1);
    audit(NULL);
    free_xenheap_pages(va, 0);
    expect_free_blocks(initial, ARRAY_SIZE(initial));
    audit(NULL);
    /* The smallest block that fits, split from the bottom. */
    assert_ptr_equal(alloc_xenheap_pages(8), heap_mfn_to_virt(512));
    assert_ptr_equal(alloc_xenheap_pages(7), heap_mfn_to_virt(384));
    assert_ptr_equal(alloc_xenheap_pages(8), heap_mfn_to_virt(768));
    assert_ptr_equal(alloc_xenheap_pages(8), heap_mfn_to_virt(2048));  /* last freed first */
    free_xenheap_pages(heap_mfn_to_virt(768), 8);
    free_xenheap_pages(heap_mfn_to_virt(384), 7);
    free_xenheap_pages(heap_mfn_to_virt(2048), 8);
    free_xenheap_pages(heap_mfn_to_virt(512), 8);
    expect_free_blocks(initial, ARRAY_SIZE(initial));
}

static void test_exhaust_and_free_all(void **state)
{
    static void *pages[3072];
    uint32_t n = 0;
    uint8_t seen[FRAMES] = {0};

    (void)state;
    init_standard();
    while ((pages[n] = alloc_xenheap_pages(0)) != NULL) {
        uint32_t mfn = heap_virt_to_mfn(pages[n]);

        assert_true(mfn >= 384 && mfn < 3072);
        assert_int_equal(seen[mfn], 0);
        seen[mfn] = 1;
        n++;
    }
    assert_int_equal(n, 3072 - 384);
    assert_int_equal(avail_xenheap_pages(), 0);
    assert_int_equal(avail_domheap_pages(), FRAMES - 3072);   /* no fall-back */
    srand(11);
    for (uint32_t i = n - 1; i > 0; i--) {
        uint32_t j = (uint32_t)rand() % (i + 1);
        void *t = pages[i];

        pages[i] = pages[j];
        pages[j] = t;
    }
    for (uint32_t i = 0; i < n; i++)
        free_xenheap_pages(pages[i], 0);
    expect_free_blocks(initial, ARRAY_SIZE(initial));
    audit(NULL);
}

static void test_zone_boundary(void **state)
{
    (void)state;
    heap_init_range(3000, 200);
    assert_null(alloc_xenheap_pages(7));
    assert_ptr_equal(alloc_xenheap_pages(6), heap_mfn_to_virt(3008));
    assert_null(alloc_domheap_pages(NULL, 8));
    assert_ptr_equal(alloc_domheap_pages(NULL, 7), mfn_to_page(3072));
    /* The domain zone is empty: domains borrow from the xenheap... */
    assert_ptr_equal(alloc_domheap_pages(NULL, 3), mfn_to_page(3000));
    free_domheap_pages(mfn_to_page(3000), 3);
    /* ...and the xenheap never from the domain zone. */
    assert_ptr_equal(alloc_xenheap_pages(3), heap_mfn_to_virt(3000));
    assert_null(alloc_xenheap_pages(0));
    assert_null(alloc_domheap_pages(NULL, 0));
    free_domheap_pages(mfn_to_page(3072), 7);
    free_xenheap_pages(heap_mfn_to_virt(3000), 3);
    free_xenheap_pages(heap_mfn_to_virt(3008), 6);
    audit(NULL);
    /* [2048, 3072) and [3072, 4096) are buddies by address but never merge. */
    heap_init_range(2048, 952);
    heap_init_range(3200, 896);
    {
        static const struct block want[] = {
            {MEMZONE_XEN, 10, 2048}, {MEMZONE_DOM, 10, 3072},
        };

        expect_free_blocks(want, ARRAY_SIZE(want));
    }
    audit(NULL);
}

/* A frame table that does not end on a block boundary: buddies past its end. */
static void test_frame_table_end(void **state)
{
    static const struct block want[] = {
        {MEMZONE_DOM, 3, 4992}, {MEMZONE_DOM, 7, 4864}, {MEMZONE_DOM, 8, 4608},
        {MEMZONE_DOM, 9, 4096},
    };
    struct page_info *pg;

    (void)state;
    fake_mm_teardown();
    fake_mm_setup(5000);
    heap_init_range(4096, 1000);
    expect_free_blocks(want, ARRAY_SIZE(want));
    pg = alloc_domheap_pages(NULL, 3);
    assert_ptr_equal(pg, mfn_to_page(4992));
    free_domheap_pages(pg, 3);
    expect_free_blocks(want, ARRAY_SIZE(want));
    audit(NULL);
}

static void test_order_limits(void **state)
{
    const uint32_t frames = 4u << 20;
    struct page_info *pg;

    (void)state;
    assert_null(alloc_xenheap_pages(HEAP_MAX_ORDER + 1));
    assert_null(alloc_domheap_pages(NULL, HEAP_MAX_ORDER + 1));
    fake_mm_teardown();
    fake_mm_setup(frames);
    /* Two free buddies of the top order stay two blocks. */
    heap_init_range(2u << 20, 2u << 20);
    {
        static const struct block want[] = {
            {MEMZONE_DOM, HEAP_MAX_ORDER, 2u << 20}, {MEMZONE_DOM, HEAP_MAX_ORDER, 3u << 20},
        };

        expect_free_blocks(want, ARRAY_SIZE(want));
    }
    assert_null(alloc_domheap_pages(NULL, HEAP_MAX_ORDER + 1));
    pg = alloc_domheap_pages(NULL, HEAP_MAX_ORDER);
    assert_non_null(pg);
    assert_int_equal(avail_domheap_pages(), 1u << HEAP_MAX_ORDER);
    free_domheap_pages(pg, HEAP_MAX_ORDER);
    assert_int_equal(avail_domheap_pages(), 2u << HEAP_MAX_ORDER);
    assert_int_equal(list_length(heap_free_list(MEMZONE_DOM, HEAP_MAX_ORDER)), 2);
}

static void test_domain_accounting(void **state)
{
    struct domain d;
    struct page_info *a, *b, *c, *pg;
    uint32_t i = 0;

    (void)state;
    init_standard();
    domain_init(&d, 10);
    a = alloc_domheap_pages(&d, 2);
    assert_ptr_equal(a, mfn_to_page(3072));
    assert_int_equal(d.tot_pages, 4);
    assert_null(alloc_domheap_pages(&d, 3));        /* 4 + 8 > 10 */
    assert_int_equal(d.tot_pages, 4);
    assert_int_equal(avail_domheap_pages(), FRAMES - 3072 - 4);
    b = alloc_domheap_pages(&d, 2);
    c = alloc_domheap_pages(&d, 1);
    assert_non_null(b);
    assert_non_null(c);
    assert_int_equal(d.tot_pages, 10);
    assert_null(alloc_domheap_pages(&d, 0));        /* exactly at max_pages */
    d.max_pages = 5;
    assert_null(alloc_domheap_pages(&d, 0));        /* above a lowered limit */
    assert_int_equal(list_length(&d.page_list), 10);
    /* page_list holds the blocks in allocation order, frames ascending. */
    list_for_each_entry(pg, &d.page_list, list) {
        struct page_info *want = i < 4 ? a + i : i < 8 ? b + (i - 4) : c + (i - 8);

        assert_ptr_equal(pg, want);
        assert_ptr_equal(pg->owner, &d);
        assert_int_equal(pg->count_info, PGC_allocated | 1);
        assert_int_equal(pg->type_info, 0);
        assert_int_equal(pg->order_or_stamp, 0);
        i++;
    }
    audit(NULL);
    /* The last references go, in some order. */
    for (struct page_info *p = a; p < a + 4; p++) {
        p->count_info = 0;
        p->type_info = PGT_writable_page;           /* a type, count 0 */
        free_domheap_page(p);
        assert_null(p->owner);
        assert_int_equal(p->type_info, 0);
    }
    while (!list_empty(&d.page_list)) {
        pg = list_entry(d.page_list.prev, struct page_info, list);
        pg->count_info = 0;
        free_domheap_page(pg);
    }
    assert_int_equal(d.tot_pages, 0);
    expect_free_blocks(initial, ARRAY_SIZE(initial));
    audit(NULL);
}

static void test_anonymous_domheap(void **state)
{
    struct page_info *pg;

    (void)state;
    init_standard();
    pg = alloc_domheap_pages(NULL, 3);
    assert_ptr_equal(pg, mfn_to_page(3072));
    for (int i = 0; i < 8; i++) {
        assert_null(pg[i].owner);
        assert_int_equal(pg[i].count_info, 0);
        assert_int_equal(pg[i].type_info, 0);
    }
    assert_int_equal(avail_domheap_pages(), FRAMES - 3072 - 8);
    free_domheap_pages(pg, 3);
    expect_free_blocks(initial, ARRAY_SIZE(initial));
}

static void test_free_domheap_page_mid_list(void **state)
{
    struct domain d;
    struct page_info *pg, *p;
    const struct page_info *want[] = {NULL, NULL, NULL};
    unsigned int i = 0;

    (void)state;
    init_standard();
    domain_init(&d, 100);
    pg = alloc_domheap_pages(&d, 2);
    want[0] = pg;
    want[1] = pg + 2;
    want[2] = pg + 3;
    pg[1].count_info = 0;
    free_domheap_page(&pg[1]);
    assert_int_equal(d.tot_pages, 3);
    assert_int_equal(avail_domheap_pages(), FRAMES - 3072 - 3);
    assert_int_equal(pg[1].order_or_stamp, HEAP_FREE_HEAD(0));
    assert_int_equal(pg[1].count_info, 0);
    assert_null(pg[1].owner);
    list_for_each_entry(p, &d.page_list, list)
        assert_ptr_equal(p, want[i++]);
    assert_int_equal(i, 3);
    audit(NULL);
}

static void test_shared_xenheap_frame(void **state)
{
    struct domain d;
    struct page_info *pg;
    void *va;

    (void)state;
    init_standard();
    domain_init(&d, 100);
    va = alloc_xenheap_pages(0);
    pg = mfn_to_page(heap_virt_to_mfn(va));
    /* What sharing with a guest does (the domain code's job). */
    pg->owner = &d;
    pg->count_info = PGC_allocated | 1;
    list_add_tail(&pg->list, &d.xenpage_list);
    d.xenheap_pages = 1;
    expect_assert_failure(free_xenheap_pages(va, 0));
    assert_string_equal(fake_last_corruption, "free_xenheap_pages: frame still in use");
    pg->count_info = 0;
    free_domheap_page(pg);
    assert_int_equal(d.xenheap_pages, 0);
    assert_int_equal(d.tot_pages, 0);
    assert_true(list_empty(&d.xenpage_list));
    expect_free_blocks(initial, ARRAY_SIZE(initial));
    audit(NULL);
}

static void test_corruption_detected(void **state)
{
    struct page_info *pg;
    void *va, *upper;
    char *base;

    (void)state;
    init_standard();
    va = alloc_xenheap_pages(0);
    upper = alloc_xenheap_pages(0);                 /* 385: freed into 384's block */
    free_xenheap_pages(va, 0);
    free_xenheap_pages(upper, 0);
    expect_assert_failure(free_xenheap_pages(va, 0));
    assert_string_equal(fake_last_corruption, "free_xenheap_pages: double free");
    expect_assert_failure(free_xenheap_pages(upper, 0));
    assert_string_equal(fake_last_corruption, "free_xenheap_pages: double free");
    expect_free_blocks(initial, ARRAY_SIZE(initial));

    va = alloc_xenheap_pages(1);
    base = va;
    fake_last_corruption = NULL;
    expect_assert_failure(free_xenheap_pages(base + 8, 1));
    expect_assert_failure(free_xenheap_pages(base + FRAME_SIZE, 1));   /* misaligned */
    expect_assert_failure(free_xenheap_pages(&pg, 0));                 /* not the heap */
    assert_string_equal(fake_last_corruption, "free_xenheap_pages: not a xenheap block");
    free_xenheap_pages(va, 1);
    free_xenheap_pages(NULL, 3);                                       /* allowed */

    pg = alloc_domheap_pages(NULL, 0);
    pg->count_info = 1;
    expect_assert_failure(free_domheap_pages(pg, 0));
    assert_string_equal(fake_last_corruption, "free_domheap_pages: frame still referenced");
    pg->count_info = 0;
    pg->type_info = PGT_l1_page_table | 1;
    expect_assert_failure(free_domheap_page(pg));
    pg->type_info = 0;
    free_domheap_page(pg);
    expect_assert_failure(free_domheap_page(pg));
    assert_string_equal(fake_last_corruption, "free_domheap_pages: double free");
    expect_assert_failure(free_domheap_pages(mfn_to_page(3073), 1));
    assert_string_equal(fake_last_corruption, "free_domheap_pages: not a heap block");
    expect_assert_failure(free_domheap_pages(mfn_to_page(2048), 11));  /* spans zones */
    assert_string_equal(fake_last_corruption, "free_domheap_pages: not a heap block");
    expect_free_blocks(initial, ARRAY_SIZE(initial));

    expect_assert_failure(heap_init_range(5000, 1));
    assert_string_equal(fake_last_corruption, "a frame given to the heap twice");
    mfn_to_page(3072)->count_info = 1;              /* a free head scribbled on */
    expect_assert_failure(alloc_domheap_pages(NULL, 10));
    assert_string_equal(fake_last_corruption, "a free list holds a frame in use");
    mfn_to_page(3072)->count_info = 0;
    expect_free_blocks(initial, ARRAY_SIZE(initial));
    audit(NULL);
}

/* --- Randomized stress ------------------------------------------------------ */

#define NR_DOMS 3
#define MAX_LIVE 512

struct live {
    uint32_t mfn;
    unsigned int order;
    int kind;           /* -2 xenheap, -1 anonymous domheap, else a domain */
};

static struct domain doms[NR_DOMS];
static struct live live[MAX_LIVE];
static unsigned int nr_live;

static void stress_audit(void)
{
    static uint8_t seen[FRAMES];
    uint32_t per_dom[NR_DOMS] = {0};

    memset(seen, 0, sizeof(seen));
    for (unsigned int i = 0; i < nr_live; i++) {
        for (uint32_t f = live[i].mfn; f < live[i].mfn + (1u << live[i].order); f++) {
            assert_int_equal(seen[f], 0);
            seen[f] = 1;
            if (live[i].kind >= 0)
                assert_ptr_equal(mfn_to_page(f)->owner, &doms[live[i].kind]);
        }
        if (live[i].kind >= 0)
            per_dom[live[i].kind] += 1u << live[i].order;
    }
    audit(seen);
    for (uint32_t f = 384; f < FRAMES; f++)
        assert_int_equal(seen[f], 1);                   /* nothing lost */
    for (int d = 0; d < NR_DOMS; d++) {
        const struct page_info *pg;

        assert_int_equal(doms[d].tot_pages, per_dom[d]);
        assert_int_equal(list_length(&doms[d].page_list), per_dom[d]);
        list_for_each_entry(pg, &doms[d].page_list, list)
            assert_ptr_equal(pg->owner, &doms[d]);
    }
}

static void stress_alloc(void)
{
    unsigned int order = (unsigned int)(rand() % 100 < 70 ? rand() % 2 : rand() % 9);
    int kind = rand() % (NR_DOMS + 2) - 2;
    uint32_t mfn;

    if (kind == -2) {
        void *va = alloc_xenheap_pages(order);

        if (!va)
            return;
        mfn = heap_virt_to_mfn(va);
    } else {
        struct domain *d = kind >= 0 ? &doms[kind] : NULL;
        uint32_t before = d ? d->tot_pages : 0;
        struct page_info *pg = alloc_domheap_pages(d, order);

        if (!pg) {
            if (d)
                assert_int_equal(d->tot_pages, before);
            return;
        }
        mfn = page_to_mfn(pg);
    }
    assert_int_equal(mfn % (1u << order), 0);
    /* Xenheap frames never come from the domain zone (domains may borrow
     * the other way when their zone has no block of the order). */
    if (kind == -2)
        assert_int_equal(heap_zone(mfn), MEMZONE_XEN);
    live[nr_live++] = (struct live){mfn, order, kind};
}

static void stress_free(unsigned int i)
{
    struct live l = live[i];
    struct page_info *pg = mfn_to_page(l.mfn);

    live[i] = live[--nr_live];
    if (l.kind == -2) {
        free_xenheap_pages(heap_mfn_to_virt(l.mfn), l.order);
    } else if (l.kind == -1) {
        free_domheap_pages(pg, l.order);
    } else {
        /* Frame by frame, as put_page() would, from the middle out. */
        for (uint32_t j = 0; j < (1u << l.order); j++) {
            struct page_info *p = pg + ((j * 5 + 3) & ((1u << l.order) - 1));

            p->count_info = 0;
            free_domheap_page(p);
        }
    }
}

static void test_random_stress(void **state)
{
    uint32_t free_x, free_d;

    (void)state;
    heap_init_range(2000, FRAMES - 2000);
    heap_init_range(384, 1000);
    heap_init_range(1384, 616);
    expect_free_blocks(initial, ARRAY_SIZE(initial));
    free_x = avail_xenheap_pages();
    free_d = avail_domheap_pages();
    for (int d = 0; d < NR_DOMS; d++)
        domain_init(&doms[d], 300 + 400 * (uint32_t)d);
    nr_live = 0;
    srand(2024);
    for (int op = 0; op < 30000; op++) {
        if (nr_live < MAX_LIVE && (nr_live == 0 || rand() % 100 < 55))
            stress_alloc();
        else
            stress_free((unsigned int)rand() % nr_live);
        if (op % 1000 == 0)
            stress_audit();
    }
    stress_audit();
    assert_true(avail_xenheap_pages() < free_x);
    while (nr_live)
        stress_free(nr_live - 1);
    assert_int_equal(avail_xenheap_pages(), free_x);
    assert_int_equal(avail_domheap_pages(), free_d);
    expect_free_blocks(initial, ARRAY_SIZE(initial));
    stress_audit();
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_init_range_blocks),
        T(test_init_frames_one_by_one),
        T(test_init_range_clips),
        T(test_split_and_merge_exact),
        T(test_exhaust_and_free_all),
        T(test_zone_boundary),
        T(test_frame_table_end),
        T(test_order_limits),
        T(test_domain_accounting),
        T(test_anonymous_domheap),
        T(test_free_domheap_page_mid_list),
        T(test_shared_xenheap_frame),
        T(test_corruption_detected),
        T(test_random_stress),
    };
#undef T

    return cmocka_run_group_tests(tests, NULL, NULL);
}
