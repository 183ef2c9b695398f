/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The buddy heaps: the xenheap zone (frames below 12 MB, reached through
 * the direct map) and the domheap zone (everything above), each with a
 * free list per order 0..HEAP_MAX_ORDER, linked through page_info.list.
 *
 * Invariants:
 *  - A free block of order k starts at a multiple of 2^k, lies below
 *    max_page and inside one zone, and is on free_lists[zone][k].
 *  - Its head frame has order_or_stamp == HEAP_FREE_HEAD(k), its other
 *    frames HEAP_FREE_TAIL. Every free frame has owner NULL, count_info 0
 *    and type_info 0, and belongs to exactly one free block.
 *  - Frames handed out by the heaps leave with order_or_stamp 0 (for a
 *    domain's frame it then becomes the page-type code's TLB stamp).
 *  - A frame the heaps never held (loader data, the image, I/O) must not
 *    look free: a zeroed frame table is fine.
 *  - avail[zone] is the number of free frames of the zone.
 * So a block's buddy is free exactly when its head passes is_free_head()
 * with the same order (a buddy position never falls inside a larger free
 * block: that block would contain the block being freed), and freeing any
 * frame that is already free is caught.
 *
 * Frames are not scrubbed: whoever gives domain memory to a guest (the
 * domain builder, dom_mem_op) zeroes it first.
 */
#include "alloc.h"

static struct list_head free_lists[NR_MEMZONES][HEAP_MAX_ORDER + 1];
static uint32_t avail[NR_MEMZONES];
static bool lists_ready;

void heap_reset(void)
{
    for (unsigned int z = 0; z < NR_MEMZONES; z++) {
        for (unsigned int k = 0; k <= HEAP_MAX_ORDER; k++)
            list_init(&free_lists[z][k]);
        avail[z] = 0;
    }
    lists_ready = true;
}

static void heap_ready(void)
{
    if (unlikely(!lists_ready))
        heap_reset();
}

static bool is_free(const struct page_info *pg)
{
    return (pg->order_or_stamp & ~0xFFFFu) == HEAP_FREE_TAG && !pg->owner && !pg->count_info;
}

static bool is_free_head(const struct page_info *pg, unsigned int order)
{
    return pg->order_or_stamp == HEAP_FREE_HEAD(order) && !pg->owner && !pg->count_info;
}

/* Frees a block whose frames are clean and all marked HEAP_FREE_TAIL. */
static void free_block(uint32_t mfn, unsigned int order)
{
    unsigned int zone = heap_zone(mfn);
    struct page_info *pg;

    avail[zone] += 1u << order;
    for (; order < HEAP_MAX_ORDER; order++) {
        uint32_t buddy = mfn ^ (1u << order);
        struct page_info *b;

        if (buddy >= max_page || heap_zone(buddy) != zone)
            break;
        b = mfn_to_page(buddy);
        if (!is_free_head(b, order))
            break;
        list_del(&b->list);
        b->order_or_stamp = HEAP_FREE_TAIL;
        mfn &= ~(1u << order);
    }
    pg = mfn_to_page(mfn);
    pg->order_or_stamp = HEAP_FREE_HEAD(order);
    list_add(&pg->list, &free_lists[zone][order]);
}

/* The lowest 2^order frames of the smallest free block that holds them. */
static uint32_t alloc_block(unsigned int zone, unsigned int order)
{
    struct page_info *pg;
    unsigned int k = order;
    uint32_t mfn;

    heap_ready();
    while (k <= HEAP_MAX_ORDER && list_empty(&free_lists[zone][k]))
        k++;
    if (k > HEAP_MAX_ORDER)
        return BOOT_ALLOC_NONE;
    pg = list_first_entry(&free_lists[zone][k], struct page_info, list);
    if (!is_free_head(pg, k)) {
        alloc_corruption("a free list holds a frame in use");
        return BOOT_ALLOC_NONE;
    }
    list_del(&pg->list);
    mfn = page_to_mfn(pg);
    while (k > order) {
        struct page_info *upper;

        k--;
        upper = mfn_to_page(mfn + (1u << k));
        upper->order_or_stamp = HEAP_FREE_HEAD(k);
        list_add(&upper->list, &free_lists[zone][k]);
    }
    for (uint32_t i = 0; i < (1u << order); i++)
        pg[i].order_or_stamp = 0;
    avail[zone] -= 1u << order;
    return mfn;
}

/* A block that may be freed: aligned, inside one zone and the frame table. */
static bool valid_block(uint32_t mfn, unsigned int order)
{
    uint32_t last;

    if (order > HEAP_MAX_ORDER || (mfn & ((1u << order) - 1)))
        return false;
    last = mfn + (1u << order) - 1;
    return last >= mfn && last < max_page && heap_zone(mfn) == heap_zone(last);
}

/* The largest block starting at mfn that ends by `end` and stays in one zone. */
static unsigned int fitting_order(uint32_t mfn, uint32_t end)
{
    uint32_t limit = mfn < XENHEAP_FRAMES ? MIN(end, XENHEAP_FRAMES) : end;
    unsigned int order = 0;

    while (order < HEAP_MAX_ORDER && !(mfn & (1u << order)) && mfn + (2u << order) <= limit)
        order++;
    return order;
}

void heap_init_range(uint32_t mfn, uint32_t nr)
{
    uint32_t end = (uint32_t)MIN((uint64_t)mfn + nr, (uint64_t)max_page);

    heap_ready();
    for (uint32_t f = mfn; f < end; f++) {
        if (is_free(mfn_to_page(f))) {
            alloc_corruption("a frame given to the heap twice");
            return;
        }
    }
    for (uint32_t f = mfn; f < end; f++)
        *mfn_to_page(f) = (struct page_info){.order_or_stamp = HEAP_FREE_TAIL};
    while (mfn < end) {
        unsigned int order = fitting_order(mfn, end);

        free_block(mfn, order);
        mfn += 1u << order;
    }
}

const struct list_head *heap_free_list(unsigned int zone, unsigned int order)
{
    heap_ready();
    return &free_lists[zone][order];
}

/* --- Xenheap --------------------------------------------------------------- */

void *alloc_xenheap_pages(unsigned int order)
{
    uint32_t mfn;

    if (order > HEAP_MAX_ORDER)
        return NULL;
    mfn = alloc_block(MEMZONE_XEN, order);
    return mfn == BOOT_ALLOC_NONE ? NULL : heap_mfn_to_virt(mfn);
}

void free_xenheap_pages(void *va, unsigned int order)
{
    uint32_t mfn;

    if (!va)
        return;
    mfn = heap_virt_to_mfn(va);
    if (((uintptr_t)va & (FRAME_SIZE - 1)) || !valid_block(mfn, order) ||
        heap_zone(mfn) != MEMZONE_XEN) {
        alloc_corruption("free_xenheap_pages: not a xenheap block");
        return;
    }
    for (uint32_t i = 0; i < (1u << order); i++) {
        const struct page_info *pg = mfn_to_page(mfn + i);

        if (is_free(pg)) {
            alloc_corruption("free_xenheap_pages: double free");
            return;
        }
        if (pg->owner || pg->count_info || pg->type_info) {
            alloc_corruption("free_xenheap_pages: frame still in use");
            return;
        }
    }
    for (uint32_t i = 0; i < (1u << order); i++)
        mfn_to_page(mfn + i)->order_or_stamp = HEAP_FREE_TAIL;
    free_block(mfn, order);
}

uint32_t avail_xenheap_pages(void)
{
    return avail[MEMZONE_XEN];
}

/* --- Domheap --------------------------------------------------------------- */

struct page_info *alloc_domheap_pages(struct domain *d, unsigned int order)
{
    struct page_info *pg;
    uint32_t n, mfn;

    if (order > HEAP_MAX_ORDER)
        return NULL;
    n = 1u << order;
    if (d && (d->tot_pages > d->max_pages || n > d->max_pages - d->tot_pages))
        return NULL;
    mfn = alloc_block(MEMZONE_DOM, order);
    /* A machine with little memory above the direct map (embedded boards)
     * lends domains the Tessera heap rather than run none at all. */
    if (mfn == BOOT_ALLOC_NONE)
        mfn = alloc_block(MEMZONE_XEN, order);
    if (mfn == BOOT_ALLOC_NONE)
        return NULL;
    pg = mfn_to_page(mfn);
    for (uint32_t i = 0; i < n; i++) {
        pg[i].owner = d;
        pg[i].type_info = 0;
        pg[i].count_info = d ? PGC_allocated | 1 : 0;
        if (d)
            list_add_tail(&pg[i].list, &d->page_list);
    }
    if (d)
        d->tot_pages += n;
    return pg;
}

/* Takes an unreferenced frame off its owner's page_list or xenpage_list. */
/* Is pg one of the few Tessera frames shared with d (not its memory)? */
static bool on_xenpage_list(const struct domain *d, const struct page_info *pg)
{
    const struct page_info *p;

    list_for_each_entry(p, &d->xenpage_list, list) {
        if (p == pg)
            return true;
    }
    return false;
}

static void disown(struct page_info *pg)
{
    struct domain *d = pg->owner;

    if (d) {
        /* Domain memory may sit in either zone: the list tells. */
        if (on_xenpage_list(d, pg))
            d->xenheap_pages--;
        else
            d->tot_pages--;
        list_del(&pg->list);
    }
    pg->owner = NULL;
    pg->type_info = 0;
    pg->order_or_stamp = HEAP_FREE_TAIL;
}

/*
 * Frames of either zone: a xenheap frame shared with a guest also comes
 * here when its last reference goes, and returns to the xenheap zone.
 */
void free_domheap_pages(struct page_info *pg, unsigned int order)
{
    uint32_t mfn = page_to_mfn(pg);

    if (!valid_block(mfn, order)) {
        alloc_corruption("free_domheap_pages: not a heap block");
        return;
    }
    for (uint32_t i = 0; i < (1u << order); i++) {
        if (is_free(&pg[i])) {
            alloc_corruption("free_domheap_pages: double free");
            return;
        }
        if (pg[i].count_info || (pg[i].type_info & PGT_count_mask)) {
            alloc_corruption("free_domheap_pages: frame still referenced");
            return;
        }
    }
    for (uint32_t i = 0; i < (1u << order); i++)
        disown(&pg[i]);
    free_block(mfn, order);
}

void free_domheap_page(struct page_info *pg)
{
    free_domheap_pages(pg, 0);
}

uint32_t avail_domheap_pages(void)
{
    return avail[MEMZONE_DOM];
}
