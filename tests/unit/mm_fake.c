/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The fake platform of mm_fake.h. Each frame has its own heap buffer so
 * AddressSanitizer catches a walk off the end of a frame. Misuse of a hook
 * (mapping a frame that does not exist, unmapping twice) is a bug in the
 * logic under test: it aborts, which a fuzzer reports as a crash.
 */
#include <stdio.h>
#include <stdlib.h>

#include "mm_fake.h"

#include <tessera/bug.h>

struct page_info *frame_table;
uint32_t max_page;
struct domain *dom_io;
struct domain *dom_xen;

struct mm_fake_stats mm_fake_stats;
void (*mm_fake_panic_hook)(void);

struct frame_baseline {
    uint32_t count_info;
    struct domain *owner;
};

static uint32_t **frame_words;
static struct frame_baseline *baseline;
static struct domain domains[MM_FAKE_MAX_DOMAINS];
static unsigned int nr_domains;
static struct domain fake_dom_io, fake_dom_xen;

static void fake_die(const char *what, uint32_t mfn)
{
    fprintf(stderr, "mm_fake: %s (frame %#x)\n", what, mfn);
    abort();
}

void panic(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    fputs("panic: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    if (mm_fake_panic_hook)
        mm_fake_panic_hook();
    abort();
}

static void init_domain(struct domain *d, domid_t id, bool privileged)
{
    *d = (struct domain){ .id = id, .privileged = privileged, .max_pages = UINT32_MAX };
    list_init(&d->page_list);
    list_init(&d->xenpage_list);
}

/* A frame that belongs to d from the start (no page list: not RAM d was given). */
static void give_special(uint32_t mfn, struct domain *d)
{
    struct page_info *pg = mfn_to_page(mfn);

    pg->owner = d;
    pg->count_info = PGC_allocated | 1;
    pg->type_info = 0;
    mm_fake_rebaseline(mfn);
}

void mm_fake_release(void)
{
    uint32_t mfn;

    for (mfn = 0; frame_words && mfn < max_page; mfn++)
        free(frame_words[mfn]);
    free(frame_words);
    free(frame_table);
    free(baseline);
    frame_words = NULL;
    frame_table = NULL;
    baseline = NULL;
    max_page = 0;
    dom_io = dom_xen = NULL;
    nr_domains = 0;
}

void mm_fake_reset(uint32_t nr_frames)
{
    uint32_t mfn;

    mm_fake_release();
    if (nr_frames < MM_FAKE_MIN_FRAMES)
        fake_die("pool too small", nr_frames);
    frame_table = calloc(nr_frames, sizeof(*frame_table));
    frame_words = calloc(nr_frames, sizeof(*frame_words));
    baseline = calloc(nr_frames, sizeof(*baseline));
    if (!frame_table || !frame_words || !baseline)
        fake_die("out of host memory", nr_frames);
    max_page = nr_frames;
    for (mfn = 0; mfn < nr_frames; mfn++) {
        frame_words[mfn] = aligned_alloc(FRAME_SIZE, FRAME_SIZE);
        if (!frame_words[mfn])
            fake_die("out of host memory", mfn);
        memset(frame_words[mfn], 0, FRAME_SIZE);
    }
    mm_fake_stats = (struct mm_fake_stats){ 0 };
    init_domain(&fake_dom_io, DOMID_IO, false);
    init_domain(&fake_dom_xen, DOMID_XEN, false);
    dom_io = &fake_dom_io;
    dom_xen = &fake_dom_xen;
    give_special(MM_FAKE_IO_MFN, dom_io);
    give_special(MM_FAKE_XEN_MFN, dom_xen);
}

struct domain *mm_fake_domain(domid_t id, bool privileged)
{
    struct domain *d;

    if (nr_domains == MM_FAKE_MAX_DOMAINS)
        fake_die("too many domains", id);
    d = &domains[nr_domains++];
    init_domain(d, id, privileged);
    return d;
}

uint32_t mm_fake_alloc(struct domain *d)
{
    uint32_t mfn;

    for (mfn = MM_FAKE_FIRST_FREE_MFN; mfn < max_page; mfn++) {
        struct page_info *pg = mfn_to_page(mfn);

        if (pg->owner || pg->count_info)
            continue;
        pg->owner = d;
        pg->count_info = PGC_allocated | 1;
        pg->type_info = 0;
        pg->order_or_stamp = 0;
        memset(frame_words[mfn], 0, FRAME_SIZE);
        list_add_tail(&pg->list, &d->page_list);
        d->tot_pages++;
        mm_fake_rebaseline(mfn);
        return mfn;
    }
    return MM_FAKE_NONE;
}

void mm_fake_make_free(uint32_t mfn)
{
    struct page_info *pg = mfn_to_page(mfn);

    if (pg->owner && pg->list.next) {
        list_del(&pg->list);
        pg->owner->tot_pages--;
    }
    pg->owner = NULL;
    pg->count_info = 0;
    pg->type_info = 0;
    mm_fake_rebaseline(mfn);
}

void mm_fake_rebaseline(uint32_t mfn)
{
    baseline[mfn].count_info = frame_table[mfn].count_info;
    baseline[mfn].owner = frame_table[mfn].owner;
}

static bool frame_settled(uint32_t mfn)
{
    const struct page_info *pg = mfn_to_page(mfn);
    uint32_t type = pg->type_info & PGT_type_mask;
    bool table = type == PGT_l1_page_table || type == PGT_l2_page_table;

    if (pg->count_info != baseline[mfn].count_info || pg->owner != baseline[mfn].owner)
        return false;
    if (pg->type_info & (PGT_count_mask | PGT_pinned))
        return false;
    return !(table && (pg->type_info & PGT_validated));
}

uint32_t mm_fake_unsettled_frame(void)
{
    uint32_t mfn;

    for (mfn = 0; mfn < max_page; mfn++)
        if (!frame_settled(mfn))
            return mfn;
    return MM_FAKE_NONE;
}

uint32_t *mm_fake_words(uint32_t mfn)
{
    if (mfn >= max_page)
        fake_die("no such frame", mfn);
    return frame_words[mfn];
}

/* --- The hooks of mm.h and domain.h ------------------------------------------ */

bool domain_io_allowed(const struct domain *d, uint32_t mfn)
{
    (void)mfn;
    return d->privileged;
}

void *map_frame(uint32_t mfn)
{
    if (mfn >= max_page)
        fake_die("map_frame of a frame above RAM", mfn);
    mm_fake_stats.maps++;
    mm_fake_stats.maps_live++;
    return frame_words[mfn];
}

void unmap_frame(void *va)
{
    uint32_t mfn;

    for (mfn = 0; mfn < max_page; mfn++)
        if (frame_words[mfn] == va)
            break;
    if (mfn == max_page || mm_fake_stats.maps_live == 0)
        fake_die("unmap_frame of something not mapped", mfn);
    mm_fake_stats.maps_live--;
}

void flush_tlb_for_retype(struct page_info *pg)
{
    mm_fake_stats.flushes++;
    mm_fake_stats.last_flush_mfn = page_to_mfn(pg);
}

/* As the real one: off the owner's list, owner forgotten, back in the pool. */
void free_domheap_page(struct page_info *pg)
{
    mm_fake_stats.frees++;
    mm_fake_stats.last_free_mfn = page_to_mfn(pg);
    if ((pg->type_info & PGT_count_mask) || pg->count_info != 0)
        mm_fake_stats.bad_frees++;
    if (pg->owner && pg->list.next) {
        list_del(&pg->list);
        pg->owner->tot_pages--;
    }
    pg->owner = NULL;
    pg->count_info = 0;
}

void fill_hypervisor_l2_slots(uint32_t *l2, uint32_t l2_mfn, struct domain *d)
{
    uint32_t slot;

    for (slot = FIRST_HYPERVISOR_L2_SLOT; slot < L2_ENTRIES; slot++)
        l2[slot] = mm_fake_hv_l2e(slot);
    mm_fake_stats.fills++;
    mm_fake_stats.last_fill_mfn = l2_mfn;
    mm_fake_stats.last_fill_domain = d;
}
