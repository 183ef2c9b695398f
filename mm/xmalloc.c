/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xmalloc: Tessera's own small objects, on xenheap pages.
 *
 * Every object has an 8-byte header in front of it. Objects of up to a
 * page less the header are blocks inside single pages: first fit from one
 * free list, the block's tail is cut off when the rest can stay a free
 * block, and a freed block merges with free neighbours in its page (the
 * header's back offset finds the one before). A page whose blocks are all
 * free goes back to the xenheap. Larger objects get pages of their own,
 * the order kept in the header; callers wanting exactly whole pages should
 * use alloc_xenheap_pages() instead, which has no header.
 *
 * The magic in each header catches double frees, foreign pointers and
 * overruns into the next header; alloc_corruption() reports them.
 */
#include "alloc.h"

struct xhdr {
    uint16_t size;      /* small: bytes of the block, header included; large: 0 */
    uint16_t prev;      /* small: bytes back to the previous block (0: first); large: order */
    uint32_t magic;
};

#define XM_USED         0x7E55A10Cu
#define XM_FREE         0x7E55F4EEu
#define XM_LARGE        0x7E55B16Bu
#define HDR             ((uint32_t)sizeof(struct xhdr))
#define ALIGN           8u
/* A free block holds its list node after the header. */
#define MIN_BLOCK       ROUNDUP(HDR + (uint32_t)sizeof(struct list_head), ALIGN)
#define MAX_SMALL       (FRAME_SIZE - HDR)
#define MAX_LARGE       (((uint64_t)FRAME_SIZE << HEAP_MAX_ORDER) - HDR)

BUILD_BUG_ON(sizeof(struct xhdr) % ALIGN != 0);
BUILD_BUG_ON(FRAME_SIZE > UINT16_MAX);

static struct list_head free_blocks = LIST_HEAD_INIT(free_blocks);

void xmalloc_reset(void)
{
    list_init(&free_blocks);
}

static uint32_t page_offset(const struct xhdr *h)
{
    return (uint32_t)((uintptr_t)h & (FRAME_SIZE - 1));
}

static struct list_head *node(struct xhdr *h)
{
    return (struct list_head *)(h + 1);
}

static struct xhdr *block_of(struct list_head *n)
{
    return (struct xhdr *)n - 1;
}

static struct xhdr *next_block(struct xhdr *h)
{
    if (page_offset(h) + h->size >= FRAME_SIZE)
        return NULL;
    return (struct xhdr *)((char *)h + h->size);
}

static struct xhdr *prev_block(struct xhdr *h)
{
    return h->prev ? (struct xhdr *)((char *)h - h->prev) : NULL;
}

/* The following block learns where h starts. */
static void link_next(struct xhdr *h)
{
    struct xhdr *n = next_block(h);

    if (n)
        n->prev = h->size;
}

static bool sane_small(const struct xhdr *h)
{
    uint32_t off = page_offset(h);

    return h->size >= MIN_BLOCK && h->size % ALIGN == 0 && off + h->size <= FRAME_SIZE &&
           h->prev % ALIGN == 0 && h->prev <= off && (off == 0) == (h->prev == 0);
}

static bool is_header(const struct xhdr *h)
{
    return h && (h->magic == XM_USED || h->magic == XM_FREE) && sane_small(h);
}

static struct xhdr *new_page(void)
{
    struct xhdr *h = alloc_xenheap_pages(0);

    if (!h)
        return NULL;
    *h = (struct xhdr){.size = FRAME_SIZE, .prev = 0, .magic = XM_FREE};
    list_add(node(h), &free_blocks);
    return h;
}

/* Takes `need` bytes from free block h: its tail, or all of it. */
static void *carve(struct xhdr *h, uint32_t need)
{
    struct xhdr *t;

    if (h->size - need < MIN_BLOCK) {
        list_del(node(h));
        h->magic = XM_USED;
        return h + 1;
    }
    h->size -= need;
    t = (struct xhdr *)((char *)h + h->size);
    *t = (struct xhdr){.size = (uint16_t)need, .prev = h->size, .magic = XM_USED};
    link_next(t);
    return t + 1;
}

static void *alloc_large(size_t size)
{
    unsigned int order = 0;
    struct xhdr *h;

    if ((uint64_t)size > MAX_LARGE)
        return NULL;
    while (((uint64_t)FRAME_SIZE << order) < (uint64_t)size + HDR)
        order++;
    h = alloc_xenheap_pages(order);
    if (!h)
        return NULL;
    *h = (struct xhdr){.size = 0, .prev = (uint16_t)order, .magic = XM_LARGE};
    return h + 1;
}

void *xmalloc_bytes(size_t size)
{
    struct list_head *n;
    struct xhdr *h;
    uint32_t need;

    if (size > MAX_SMALL)
        return alloc_large(size);
    need = MAX(ROUNDUP((uint32_t)size + HDR, ALIGN), MIN_BLOCK);
    for (n = free_blocks.next; n != &free_blocks; n = n->next) {
        h = block_of(n);
        if (h->size >= need)
            return carve(h, need);
    }
    h = new_page();
    return h ? carve(h, need) : NULL;
}

void *xzalloc_bytes(size_t size)
{
    void *p = xmalloc_bytes(size);

    if (p)
        memset(p, 0, size);
    return p;
}

static void free_small(struct xhdr *h)
{
    struct xhdr *n = next_block(h);
    struct xhdr *p = prev_block(h);

    if ((n && !is_header(n)) || (p && !is_header(p))) {
        alloc_corruption("xfree: a neighbouring header is overwritten");
        return;
    }
    h->magic = XM_FREE;
    if (n && n->magic == XM_FREE) {
        list_del(node(n));
        h->size += n->size;
    }
    if (p && p->magic == XM_FREE) {
        p->size += h->size;
        h = p;
    } else {
        list_add(node(h), &free_blocks);
    }
    link_next(h);
    if (h->size == FRAME_SIZE) {
        list_del(node(h));
        free_xenheap_pages(h, 0);
    }
}

void xfree(void *ptr)
{
    uintptr_t va = (uintptr_t)ptr;
    struct xhdr *h;
    uint32_t mfn;

    if (!ptr)
        return;
    h = (struct xhdr *)ptr - 1;
    mfn = heap_virt_to_mfn(ptr);
    if (va % ALIGN || (va & (FRAME_SIZE - 1)) < HDR || mfn >= XENHEAP_FRAMES ||
        mfn >= max_page) {
        alloc_corruption("xfree: not an xmalloc pointer");
        return;
    }
    if (h->magic == XM_USED && sane_small(h)) {
        free_small(h);
    } else if (h->magic == XM_LARGE && page_offset(h) == 0 && h->size == 0 &&
               h->prev <= HEAP_MAX_ORDER) {
        h->magic = XM_FREE;
        free_xenheap_pages(h, h->prev);
    } else if (h->magic == XM_FREE) {
        alloc_corruption("xfree: double free");
    } else {
        alloc_corruption("xfree: not an xmalloc pointer, or its header is overwritten");
    }
}
