/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Memory: the frame table, the page-type/reference-count system (ABI.md
 * §5.1, §5.2), and the allocators.
 *
 * Who holds which reference (the invariants everything else relies on):
 *  - count_info bit 31 (PGC_allocated) is the owner's own reference: set
 *    while the frame belongs to its domain, dropped when the domain gives it
 *    back. The general count (bits 0-30) counts every reference, that one
 *    included. A frame returns to the free pool when the count reaches 0.
 *  - A present L1 entry holds a general reference on its target; a writable
 *    one also holds a writable-type reference. A present L2 entry holds a
 *    general and an L1-type reference on its L1 (none for a self-map).
 *    CR3 holds an L2-type reference. A pin is one extra type reference.
 *  - A frame with a non-zero type count has exactly one type, so a frame is
 *    never a page table (or GDT/LDT) and writable-mapped at the same time.
 *    The one exception is an L1 opened by writable page tables (mm/ptwr.c):
 *    its own mapping is made writable, holding no writable-type reference,
 *    until the next flush re-validates every entry that changed.
 *  - Page-table, GDT and LDT frames are validated when their type count
 *    goes 0 -> 1 and devalidated (L1/L2: every entry's reference dropped)
 *    when it returns to 0.
 * The logic in mm/page_type.c is pure: it reaches frame contents and TLBs
 * only through the hooks at the end of this file, so it compiles for the
 * host tests.
 */
#ifndef TESSERA_MM_H
#define TESSERA_MM_H

#include <tessera/domain.h>
#include <tessera/lib.h>
#include <tessera/list.h>

#define PAGE_SHIFT_4K       12
#define FRAME_SIZE          4096u
#define L1_ENTRIES          1024u
#define L2_ENTRIES          1024u
#define FIRST_HYPERVISOR_L2_SLOT 1008u  /* 0xFC000000 >> 22 */
#define DESCRIPTORS_PER_FRAME 512u

/* Page-table entry bits (x86_32 non-PAE). */
#define _PAGE_PRESENT       0x001u
#define _PAGE_RW            0x002u
#define _PAGE_USER          0x004u
#define _PAGE_PWT           0x008u
#define _PAGE_PCD           0x010u
#define _PAGE_ACCESSED      0x020u
#define _PAGE_DIRTY         0x040u
#define _PAGE_PAT           0x080u  /* in an L1 entry */
#define _PAGE_PSE           0x080u  /* in an L2 entry */
#define _PAGE_GLOBAL        0x100u

/* Bits a guest may never set in a present entry. */
#define L1_DISALLOW_MASK    (_PAGE_GLOBAL | _PAGE_PAT)
#define L2_DISALLOW_MASK    (_PAGE_GLOBAL | _PAGE_PSE)

/* count_info */
#define PGC_allocated       (1u << 31)
#define PGC_count_mask      ((1u << 31) - 1)

/* type_info */
#define PGT_type_shift      29
#define PGT_type_mask       (7u << PGT_type_shift)
#define PGT_none            (0u << PGT_type_shift)
#define PGT_l1_page_table   (1u << PGT_type_shift)
#define PGT_l2_page_table   (2u << PGT_type_shift)
#define PGT_gdt_page        (5u << PGT_type_shift)
#define PGT_ldt_page        (6u << PGT_type_shift)
#define PGT_writable_page   (7u << PGT_type_shift)
#define PGT_validated       (1u << 28)
#define PGT_pinned          (1u << 27)
/* Bits 17-26: an L1's back-pointer (the L2 slot it is installed in); for
 * an L2, Tessera's linear-map count (mm/page_type.c: one level only). */
#define PGT_va_shift        17
#define PGT_va_mask         (0x3FFu << PGT_va_shift)
#define PGT_va_mutable      (0x3FFu << PGT_va_shift)    /* back-pointer unset */
#define PGT_va_unknown      (0x3FEu << PGT_va_shift)    /* installed in >1 slot */
#define PGT_count_mask      ((1u << 17) - 1)

/* The back-pointer field value for L2 slot s. */
#define PGT_va(slot)        ((uint32_t)(slot) << PGT_va_shift)

struct page_info {
    /* On the owner's page_list, or a free list of the buddy allocator. */
    struct list_head list;
    uint32_t count_info;
    uint32_t type_info;
    struct domain *owner;       /* NULL: Tessera's own or free */
    /* Free frames: buddy order of the block this frame heads. In use: the
     * TLB-flush time stamp of the last type change. */
    uint32_t order_or_stamp;
};

/* Host tests may size the frame table; in Tessera it lives at 0xFD400000. */
extern struct page_info *frame_table;
extern uint32_t max_page;       /* frames 0 .. max_page-1 have entries */

static inline struct page_info *mfn_to_page(uint32_t mfn)
{
    return &frame_table[mfn];
}

static inline uint32_t page_to_mfn(const struct page_info *pg)
{
    return (uint32_t)(pg - frame_table);
}

static inline bool mfn_valid(uint32_t mfn)
{
    return mfn < max_page;
}

/* --- General references ------------------------------------------------ */

/* Takes a reference if pg is allocated and owned by d; false otherwise
 * (not owned, not allocated, or the count would overflow). */
bool get_page(struct page_info *pg, struct domain *d);
/* Drops a reference; the last one frees the frame (free_domheap_page). */
void put_page(struct page_info *pg);

/* --- Type references ----------------------------------------------------- */

/*
 * Takes a type reference of type (PGT_* | optionally PGT_va(slot) or
 * PGT_va_mutable for L1). A count 0 -> 1 change may retype the frame
 * (flushing stale TLB entries) and validates L1/L2/GDT/LDT frames against
 * the frame's owner. Fails on a conflicting type in use, a failed
 * validation, or overflow.
 */
bool get_page_type(struct page_info *pg, uint32_t type);
void put_page_type(struct page_info *pg);

bool get_page_and_type(struct page_info *pg, struct domain *d, uint32_t type);
void put_page_and_type(struct page_info *pg);

/* Pins (one extra type reference, once) / unpins a table frame of d.
 * Return 0 or -EINVAL. */
int pin_page_table(struct page_info *pg, struct domain *d, uint32_t type);
int unpin_page_table(struct page_info *pg, struct domain *d);

/* --- Entries (ABI.md §5.2) ----------------------------------------------- */

/*
 * Reference for a new L1 entry. subject owns the target (the foreign
 * domain if one is set, else the caller); caller's privilege decides I/O
 * frames. Returns true if the entry may be installed (references taken).
 */
bool get_page_from_l1e(uint32_t l1e, struct domain *subject, struct domain *caller);
void put_page_from_l1e(uint32_t l1e);

/*
 * Reference for L2 entry `slot` of the L2 frame l2_mfn owned by d: an L1
 * of d (back-pointer = slot), or a read-only linear map of a validated L2.
 */
bool get_page_from_l2e(uint32_t l2e, uint32_t l2_mfn, uint32_t slot, struct domain *d);
void put_page_from_l2e(uint32_t l2e, uint32_t l2_mfn);

/*
 * Checked update of one entry of a validated L1/L2 frame: takes the new
 * entry's references, swaps it in, drops the old one's. A present entry
 * whose frame stays the same is still checked (unlike Xen 2.0's fast
 * path). Returns 0 or -EINVAL.
 */
int mod_l1_entry(uint32_t *pl1e, uint32_t new, struct domain *subject,
                 struct domain *caller);
int mod_l2_entry(uint32_t *pl2e, uint32_t new, uint32_t l2_mfn, uint32_t slot,
                 struct domain *d);

/* --- Descriptors (ABI.md §3), arch/x86/descriptor.c ------------------------ */

/* Checks (and, as §3 says, may rewrite) one descriptor; true if allowed. */
bool check_descriptor(uint32_t *lo, uint32_t *hi);
/* The selector check: 0x0819, or RPL 1 with TI=1 or an index outside 256-295. */
bool check_selector(uint16_t sel);

/* --- Hooks the pure logic calls (mm/ in Tessera, fakes in tests/unit) ------ */

/* Maps a frame for Tessera's use; unmap_frame() before the next map in
 * the same function is not required (a few may be live at once). */
void *map_frame(uint32_t mfn);
void unmap_frame(void *va);
/* A frame's type changed: no CPU may still use an old translation of it. */
void flush_tlb_for_retype(struct page_info *pg);
/* The last reference went: return the frame to its free pool. */
void free_domheap_page(struct page_info *pg);
/* Writes Tessera's L2 slots 1008-1023 into a guest L2 being validated. */
void fill_hypervisor_l2_slots(uint32_t *l2, uint32_t l2_mfn, struct domain *d);

/* --- Allocators ------------------------------------------------------------ */

/* Tessera heap (the 12 MB direct map): whole pages, and small objects. */
void *alloc_xenheap_pages(unsigned int order);     /* NULL if none */
void free_xenheap_pages(void *va, unsigned int order);
void *xmalloc_bytes(size_t size);                   /* NULL if none */
void *xzalloc_bytes(size_t size);
void xfree(void *p);
#define xmalloc(type) ((type *)xmalloc_bytes(sizeof(type)))
#define xzalloc(type) ((type *)xzalloc_bytes(sizeof(type)))

/*
 * Domain heap: 2^order machine-contiguous frames given to d (allocated,
 * one general reference, owner set, tot_pages counted). NULL when memory
 * is short or d would exceed max_pages. d may be NULL for an anonymous
 * allocation (Tessera's own tables above the heap).
 */
struct page_info *alloc_domheap_pages(struct domain *d, unsigned int order);
/* Frees frames whose count already reached zero (from free_domheap_page). */
void free_domheap_pages(struct page_info *pg, unsigned int order);

uint32_t avail_domheap_pages(void);
uint32_t avail_xenheap_pages(void);

/* --- Start of day and frame ownership (mm/layout.c) ------------------------- */

/* Builds the frame table, the M2P table and the heaps from boot_info. */
void mm_init(void);
/* Sets up the map cache behind map_frame() (called by mm_init()). */
void mapcache_init(void);
/* Gives d a frame of Tessera's: allocated, one reference, never freed by d. */
void share_frame_with(struct page_info *pg, struct domain *d);
/*
 * A Tessera-heap frame that belongs to a guest domain (its shared info,
 * its per-domain L1): owned by d, on d's xenpage_list, M2P 0xFFFFFFFF.
 */
void share_xen_frame_with_domain(void *va, struct domain *d);
/* Takes such a frame back from d (domain destruction); freed once unmapped. */
void free_shared_xen_frame(void *va, struct domain *d);
/* Is pg one of the Tessera frames shared with d (not d's memory)? */
bool is_shared_xen_frame(const struct domain *d, const struct page_info *pg);
/* Gives d its per-domain L1 (GDT/LDT area); 0 or -ENOMEM. */
int perdomain_pt_alloc(struct domain *d);
void perdomain_pt_free(struct domain *d);
/* The first frame of the M2P table (shared_info.arch.mfn_to_pfn_start). */
uint32_t m2p_first_mfn(void);
/* Marks machine range [start, end), e.g. a consumed module, as free... */
void mm_release_boot_range(uint32_t start, uint32_t end);
/* ...and gives it, with the boot allocator's own memory, to the heaps. */
void mm_finish_boot(void);
/* Is the frame RAM by the loader's memory map? */
bool frame_is_ram(uint32_t mfn);
/* DEBUG builds: checks what mm_init() built, panics on a fault. */
#ifdef CONFIG_DEBUG
void mm_selftest(void);
#else
static inline void mm_selftest(void) { }
#endif

#endif /* TESSERA_MM_H */
