/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The boot allocator: a bitmap with one bit per frame (set = free) that
 * serves the start of day until the frame table exists and the buddy heaps
 * take over (alloc.h has the life cycle).
 *
 * Allocations come from the top of the allowed range down. Only the
 * lowest 12 MB are direct-mapped, so they are the one scarce kind of
 * memory (Tessera's heap); top-down leaves them for callers that ask for
 * them with below_frame, and the large aligned blocks the frame table and
 * M2P table want are found where RAM is contiguous.
 */
#include <tessera/errno.h>

#include "alloc.h"

#define BITS    32u

struct frame_range {
    uint32_t start, end;    /* frames, end exclusive */
};

#define MAX_HELD (BOOT_MAX_RESERVED + 1)

static uint32_t *bitmap;
static uint32_t nr_frames;                              /* boot_max_page() */
static struct frame_range ram[BOOT_MAX_MEM_REGIONS];    /* whole frames inside RAM */
static struct frame_range holes[BOOT_MAX_MEM_REGIONS];  /* frames touching non-RAM */
static struct phys_range held[MAX_HELD];                /* reserved ranges, the image */
static unsigned int nr_ram, nr_holes, nr_held;

/* --- Bit ranges --------------------------------------------------------- */

/* The bits of frames lo..hi-1, which share one word (hi may end it). */
static uint32_t word_mask(uint32_t lo, uint32_t hi)
{
    uint32_t n = hi - lo;

    return (n == BITS ? ~0u : (1u << n) - 1) << (lo % BITS);
}

static void set_bits(uint32_t lo, uint32_t hi, bool free)
{
    while (lo < hi) {
        uint32_t w = lo / BITS;
        uint32_t end = MIN(hi, (w + 1) * BITS);
        uint32_t m = word_mask(lo, end);

        bitmap[w] = free ? bitmap[w] | m : bitmap[w] & ~m;
        lo = end;
    }
}

/* The highest frame in lo..hi-1 whose bit is `free`, or BOOT_ALLOC_NONE. */
static uint32_t find_last(uint32_t lo, uint32_t hi, bool free)
{
    while (hi > lo) {
        uint32_t w = (hi - 1) / BITS;
        uint32_t start = MAX(lo, w * BITS);
        uint32_t bits = (free ? bitmap[w] : ~bitmap[w]) & word_mask(start, hi);

        if (bits)
            return w * BITS + 31 - (uint32_t)__builtin_clz(bits);
        hi = start;
    }
    return BOOT_ALLOC_NONE;
}

/* The lowest frame in lo..hi-1 whose bit is `free`, or hi. */
static uint32_t find_first(uint32_t lo, uint32_t hi, bool free)
{
    while (lo < hi) {
        uint32_t w = lo / BITS;
        uint32_t end = MIN(hi, (w + 1) * BITS);
        uint32_t bits = (free ? bitmap[w] : ~bitmap[w]) & word_mask(lo, end);

        if (bits)
            return w * BITS + (uint32_t)__builtin_ctz(bits);
        lo = end;
    }
    return hi;
}

/* --- Ranges from the loader ---------------------------------------------- */

/* The end of a byte range; an end below the start wrapped to 4 GB. */
static uint64_t end_of(const struct phys_range *r)
{
    return r->end < r->start ? 1ull << 32 : r->end;
}

static uint32_t frame_up(uint64_t addr)
{
    return (uint32_t)((addr + FRAME_SIZE - 1) >> PAGE_SHIFT);
}

static void add_mem_region(const struct mem_region *r)
{
    const uint64_t limit = (uint64_t)BOOT_MAX_FRAMES << PAGE_SHIFT;
    uint64_t start = r->base;
    uint64_t end = r->base + r->size;

    if (end < start)            /* wraps: up to the top of 64-bit space */
        end = UINT64_MAX;
    start = MIN(start, limit);
    end = MIN(end, limit);
    if (r->type == MEM_TYPE_RAM) {
        start = ROUNDUP(start, (uint64_t)FRAME_SIZE) >> PAGE_SHIFT;
        end >>= PAGE_SHIFT;
        if (start < end)
            ram[nr_ram++] = (struct frame_range){(uint32_t)start, (uint32_t)end};
    } else {
        start >>= PAGE_SHIFT;
        end = ROUNDUP(end, (uint64_t)FRAME_SIZE) >> PAGE_SHIFT;
        if (start < end)
            holes[nr_holes++] = (struct frame_range){(uint32_t)start, (uint32_t)end};
    }
}

static void hold(const struct phys_range *r)
{
    if (r->start != r->end)
        held[nr_held++] = *r;
}

static void read_memory_map(const struct boot_info *bi)
{
    unsigned int n = MIN(bi->nr_mem, (unsigned int)BOOT_MAX_MEM_REGIONS);

    nr_ram = nr_holes = 0;
    for (unsigned int i = 0; i < n; i++)
        add_mem_region(&bi->mem[i]);
}

static uint32_t ram_top(void)
{
    uint32_t top = 0;

    for (unsigned int i = 0; i < nr_ram; i++)
        top = MAX(top, ram[i].end);
    return top;
}

/* Recomputes the free bits of lo..hi-1 from the rules (boot_alloc_init()). */
static void apply_rules(uint32_t lo, uint32_t hi)
{
    unsigned int i;

    for (i = 0; i < nr_ram; i++)
        set_bits(MAX(lo, ram[i].start), MIN(hi, ram[i].end), true);
    for (i = 0; i < nr_holes; i++)
        set_bits(MAX(lo, holes[i].start), MIN(hi, holes[i].end), false);
    for (i = 0; i < nr_held; i++) {
        uint32_t start = held[i].start >> PAGE_SHIFT;

        set_bits(MAX(lo, start), MIN(hi, frame_up(end_of(&held[i]))), false);
    }
    set_bits(lo, MIN(hi, BOOT_FIRST_FRAME), false);
}

/* --- Interface ------------------------------------------------------------ */

uint32_t boot_alloc_bitmap_words(const struct boot_info *bi)
{
    read_memory_map(bi);
    return DIV_ROUND_UP(ram_top(), BITS);
}

int boot_alloc_init(const struct boot_info *bi, const struct phys_range *tessera_image,
                    uint32_t *bm, uint32_t bitmap_words)
{
    unsigned int nr_res = MIN(bi->nr_reserved, (unsigned int)BOOT_MAX_RESERVED);
    uint32_t top;

    read_memory_map(bi);
    nr_held = 0;
    for (unsigned int i = 0; i < nr_res; i++)
        hold(&bi->reserved[i]);
    if (tessera_image)
        hold(tessera_image);

    top = ram_top();
    bitmap = bm;
    nr_frames = 0;
    if (DIV_ROUND_UP(top, BITS) > bitmap_words)
        return -ENOMEM;
    nr_frames = top;
    memset(bitmap, 0, DIV_ROUND_UP(top, BITS) * sizeof(*bitmap));
    apply_rules(0, nr_frames);
    return 0;
}

uint32_t boot_alloc_frames(uint32_t nr, uint32_t align_frames, uint32_t below_frame)
{
    uint32_t end = MIN(below_frame, nr_frames);
    uint32_t align = align_frames ? align_frames : 1;

    if (nr == 0)
        return BOOT_ALLOC_NONE;
    /* Try the highest aligned window ending by `end`; a used frame in it moves `end` below. */
    while (end >= nr) {
        uint32_t start = end - nr;
        uint32_t used, free;

        start -= start % align;
        used = find_last(start, start + nr, false);
        if (used == BOOT_ALLOC_NONE) {
            set_bits(start, start + nr, false);
            return start;
        }
        free = find_last(0, used, true);
        if (free == BOOT_ALLOC_NONE)
            break;
        end = free + 1;
    }
    return BOOT_ALLOC_NONE;
}

void boot_free_range(uint32_t start, uint32_t end)
{
    if (start >= end)
        return;
    for (unsigned int i = 0; i < nr_held;) {
        if (held[i].start >> PAGE_SHIFT >= start && frame_up(end_of(&held[i])) <= end)
            held[i] = held[--nr_held];
        else
            i++;
    }
    apply_rules(start, MIN(end, nr_frames));
}

uint32_t boot_max_page(void)
{
    return nr_frames;
}

bool boot_frame_is_free(uint32_t mfn)
{
    return mfn < nr_frames && (bitmap[mfn / BITS] >> (mfn % BITS)) & 1;
}

void boot_alloc_handover(void (*give)(uint32_t mfn, uint32_t nr))
{
    uint32_t pos = 0;

    while (pos < nr_frames) {
        uint32_t start = find_first(pos, nr_frames, true);
        uint32_t end;

        if (start == nr_frames)
            break;
        end = find_first(start, nr_frames, false);
        set_bits(start, end, false);
        give(start, end - start);
        pos = end;
    }
}
