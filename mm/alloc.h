/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The allocators' private interface: the boot allocator (start of day),
 * the buddy heaps' set-up, and the hooks the host tests replace.
 *
 * Life cycle: boot_alloc_init() from the loader's memory map; early users
 * (frame table, M2P table, ...) take frames with boot_alloc_frames(); once
 * the frame table exists, boot_alloc_handover(heap_init_range) gives every
 * frame still free to the buddy heaps, and from then on memory comes from
 * alloc_xenheap_pages()/alloc_domheap_pages() and xmalloc() (mm.h).
 *
 * None of this locks: callers serialise (start of day is one CPU; the heap
 * calls must be made under the heap lock once there are several).
 */
#ifndef MM_ALLOC_H
#define MM_ALLOC_H

#include <tessera/bootinfo.h>
#include <tessera/lib.h>
#include <tessera/mm.h>
#include <asm/page.h>

/* --- Boot allocator (mm/boot_alloc.c) ------------------------------------- */

#define BOOT_ALLOC_NONE         0xFFFFFFFFu /* no frame: allocation failed */
#define BOOT_ALLOC_NO_LIMIT     0xFFFFFFFFu /* below_frame: anywhere in RAM */
#define BOOT_MAX_FRAMES         0x100000u   /* 4 GB: all a non-PAE CPU reaches */
#define BOOT_FIRST_FRAME        256u        /* the first MB stays I/O (ABI.md §5.2) */

/* Words of bitmap boot_alloc_init() needs for this memory map. */
uint32_t boot_alloc_bitmap_words(const struct boot_info *bi);

/*
 * Starts the boot allocator. A frame is free when it lies wholly inside a
 * RAM region, touches no other region, no range of bi->reserved[] and not
 * the image, and is not in the first MB. RAM above 4 GB is ignored. The
 * bitmap (one bit per frame below boot_max_page()) must itself lie outside
 * every free frame, e.g. in the image. Returns 0, or -ENOMEM when
 * bitmap_words is too small (then nothing is free).
 */
int boot_alloc_init(const struct boot_info *bi, const struct phys_range *tessera_image,
                    uint32_t *bitmap, uint32_t bitmap_words);

/*
 * nr contiguous frames whose first frame is a multiple of align_frames
 * (0 and 1: any) and whose last one is below below_frame. Returns the
 * first frame, or BOOT_ALLOC_NONE. Takes the highest fitting frames.
 */
uint32_t boot_alloc_frames(uint32_t nr, uint32_t align_frames, uint32_t below_frame);

/*
 * Frees frames start..end-1: a module once consumed, or frames from
 * boot_alloc_frames(). Every reserved range whose frames all lie inside
 * is forgotten, so loader data sharing an edge frame with a module goes
 * with it: free a module only when its neighbours in those frames are
 * dead too. Frames still touched by another reserved range, the image, a
 * non-RAM region or the first MB stay in use.
 */
void boot_free_range(uint32_t start, uint32_t end);

/* The highest RAM frame + 1 (at most BOOT_MAX_FRAMES). */
uint32_t boot_max_page(void);

bool boot_frame_is_free(uint32_t mfn);

/*
 * Hands every free frame over, as maximal contiguous runs in ascending
 * order, and marks them used: a later call gives only what was freed since.
 */
void boot_alloc_handover(void (*give)(uint32_t mfn, uint32_t nr));

/* --- Buddy heaps (mm/buddy.c) ----------------------------------------------- */

#define MEMZONE_XEN             0   /* frames below XENHEAP_FRAMES: the direct map */
#define MEMZONE_DOM             1
#define NR_MEMZONES             2
#define XENHEAP_FRAMES          ((uint32_t)(DIRECTMAP_SIZE >> PAGE_SHIFT))  /* 3072 */
#define HEAP_MAX_ORDER          20u /* 4 GB: one block could span all RAM */

/* order_or_stamp of a free block's head frame, and of its other frames. */
#define HEAP_FREE_TAG           0xF4EE0000u
#define HEAP_FREE_HEAD(order)   (HEAP_FREE_TAG | (order))
#define HEAP_FREE_TAIL          (HEAP_FREE_TAG | 0xFFFFu)

static inline unsigned int heap_zone(uint32_t mfn)
{
    return mfn < XENHEAP_FRAMES ? MEMZONE_XEN : MEMZONE_DOM;
}

/* Forgets every free frame (start of day; tests between cases). */
void heap_reset(void);

/*
 * Gives frames mfn..mfn+nr-1 to the heaps (any alignment, either zone);
 * frames at or above max_page are ignored. Their frame-table entries are
 * overwritten: owner NULL, counts 0.
 */
void heap_init_range(uint32_t mfn, uint32_t nr);

/* The free blocks of one zone and order (tests and audits). */
const struct list_head *heap_free_list(unsigned int zone, unsigned int order);

/* The direct map, where xenheap frames are reached (tests: a fake buffer). */
#ifdef TESSERA_HOST_TEST
void *heap_mfn_to_virt(uint32_t mfn);
uint32_t heap_virt_to_mfn(const void *va);  /* BOOT_ALLOC_NONE if outside */
#else
#define heap_mfn_to_virt(mfn)   __va((uintptr_t)(mfn) << PAGE_SHIFT)
#define heap_virt_to_mfn(va)    ((uint32_t)(__pa(va) >> PAGE_SHIFT))
#endif

/* --- xmalloc (mm/xmalloc.c) ------------------------------------------------- */

/* Forgets every small-object page without freeing it (tests only). */
void xmalloc_reset(void);

/* --- Hook ------------------------------------------------------------------- */

/*
 * A heap or xmalloc structure is broken (double free, bad pointer,
 * overrun). Tessera panics (mm/layout.c); host tests check that it is
 * called. Callers return without touching anything if it ever returns.
 */
void alloc_corruption(const char *why);

#endif /* MM_ALLOC_H */
