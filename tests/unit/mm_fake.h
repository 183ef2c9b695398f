/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A fake platform for mm/page_type.c on the host: a frame table of a few
 * frames, each with its own 4 KB buffer, the hooks mm.h asks for
 * (map_frame, flush_tlb_for_retype, free_domheap_page,
 * fill_hypervisor_l2_slots), dom_io, dom_xen, test domains and
 * domain_io_allowed() (= the domain is privileged), and panic(), which
 * prints and aborts (so ASSERT()s work with CONFIG_DEBUG=1). No cmocka
 * here, so model tests and fuzz targets can link it as well.
 *
 * Frames after mm_fake_reset(n), as on a PC:
 *   MM_FAKE_IO_MFN   an I/O frame inside RAM (first MB), dom_io's
 *   MM_FAKE_XEN_MFN  a Tessera frame shared read-only through dom_xen
 *   the rest         free: owner NULL, counts 0
 * Every machine frame number from n upwards lies "above RAM".
 *
 * Baselines: every frame remembers the state it had when it was last
 * handed out (mm_fake_alloc/mm_fake_assign) or mm_fake_rebaseline()d, and
 * mm_fake_unsettled_frame() finds one that has not returned to it.
 */
#ifndef TESTS_UNIT_MM_FAKE_H
#define TESTS_UNIT_MM_FAKE_H

#include <tessera/domain.h>
#include <tessera/mm.h>

#define MM_FAKE_IO_MFN          0u
#define MM_FAKE_XEN_MFN         1u
#define MM_FAKE_FIRST_FREE_MFN  2u
#define MM_FAKE_MIN_FRAMES      (MM_FAKE_FIRST_FREE_MFN + 1u)
#define MM_FAKE_MAX_DOMAINS     16u
#define MM_FAKE_NONE            0xFFFFFFFFu   /* no frame */

/* What the hooks saw since the last reset. */
struct mm_fake_stats {
    unsigned int flushes;           /* flush_tlb_for_retype calls */
    uint32_t last_flush_mfn;
    unsigned int frees;             /* free_domheap_page calls */
    uint32_t last_free_mfn;
    /* Frees of a frame still typed (type count > 0) or still carrying
     * PGC_allocated: both mean a reference was dropped twice. */
    unsigned int bad_frees;
    unsigned int fills;             /* fill_hypervisor_l2_slots calls */
    uint32_t last_fill_mfn;
    struct domain *last_fill_domain;
    unsigned int maps;              /* map_frame calls */
    unsigned int maps_live;         /* mapped and not yet unmapped */
};

extern struct mm_fake_stats mm_fake_stats;

/*
 * If set, panic() calls it after printing its message, before aborting:
 * a model test or fuzz target can then say what it was doing. Not touched
 * by mm_fake_reset(); the default is NULL.
 */
extern void (*mm_fake_panic_hook)(void);

/*
 * Forgets everything (frames, buffers, domains, statistics) and builds a
 * fresh frame table of nr_frames frames (at least MM_FAKE_MIN_FRAMES),
 * with dom_io and dom_xen. Call mm_fake_release() at the end.
 */
void mm_fake_reset(uint32_t nr_frames);
void mm_fake_release(void);

/* A new domain (at most MM_FAKE_MAX_DOMAINS per reset); no frames yet. */
struct domain *mm_fake_domain(domid_t id, bool privileged);

/*
 * Gives the lowest free frame to d as alloc_domheap_pages() would
 * (allocated, one reference, owner d, on d's page list, type 0, zeroed);
 * MM_FAKE_NONE when none is left. The state given is the frame's baseline.
 */
uint32_t mm_fake_alloc(struct domain *d);

/* Makes frame mfn free (count 0, owner NULL), whatever it was. */
void mm_fake_make_free(uint32_t mfn);

/* The state of frame mfn becomes its baseline. */
void mm_fake_rebaseline(uint32_t mfn);

/*
 * The first frame that is not back at its baseline: count_info and owner
 * as recorded, no type reference, not pinned, and an L1/L2 type not left
 * validated. MM_FAKE_NONE when every frame is settled.
 */
uint32_t mm_fake_unsettled_frame(void);

/* The frame's 1024 words, for tests to read and write directly. */
uint32_t *mm_fake_words(uint32_t mfn);

static inline void mm_fake_set_entry(uint32_t mfn, uint32_t idx, uint32_t val)
{
    mm_fake_words(mfn)[idx] = val;
}

static inline uint32_t mm_fake_entry(uint32_t mfn, uint32_t idx)
{
    return mm_fake_words(mfn)[idx];
}

/* A page-table entry for frame mfn. */
static inline uint32_t mm_fake_pte(uint32_t mfn, uint32_t flags)
{
    return (mfn << PAGE_SHIFT_4K) | flags;
}

/*
 * What the fake fill_hypervisor_l2_slots() writes into slot (1008-1023):
 * a present, writable entry for the Tessera frame, with the slot number
 * in bits 7-10. Should the logic ever treat these slots as guest entries,
 * the Tessera frame's count moves (or the entry is refused: bits 7 and 8
 * are PSE and GLOBAL), which the baseline check sees.
 */
static inline uint32_t mm_fake_hv_l2e(uint32_t slot)
{
    return mm_fake_pte(MM_FAKE_XEN_MFN, _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED |
                                            _PAGE_DIRTY | ((slot - FIRST_HYPERVISOR_L2_SLOT) << 7));
}

#endif /* TESTS_UNIT_MM_FAKE_H */
