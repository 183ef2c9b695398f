/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The reference model of page_model.h.
 *
 * Each frame of the model is a struct mframe with the state of ABI.md §5.1
 * spelled out field by field, and a shadow of the frame's 1024 words. The
 * m_* functions below are the rules, in the order ABI.md states them; the
 * implementation packs the same state into count_info and type_info, and
 * the two are compared word for word after every operation.
 *
 * The reference holders are the model's own ledger: the references it took
 * with PM_GET and PM_GET_TYPE, inflated counts, the pins, each frame's
 * PGC_allocated reference, and the entries of the validated tables. The
 * invariant checker recounts every frame's references from those holders
 * alone, on the implementation's state, so a count the implementation
 * drifts is caught even where the model would drift with it.
 *
 * The ops only touch the words in watched[] (pairs, so each is also one
 * descriptor); the rest of every frame stays zero apart from the Tessera
 * slots an L2 validation fills, which the full comparison checks now and
 * then. That keeps the per-step checks small.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tessera/errno.h>
#include <tessera/mm.h>

#include "mm_fake.h"
#include "page_model.h"

#define NR_FRAMES           PM_NR_FRAMES
#define HV_SLOT             FIRST_HYPERVISOR_L2_SLOT
#define COUNT_MAX           PGC_count_mask      /* general count limit */
#define TYPE_COUNT_MAX      PGT_count_mask      /* type count limit */
#define VA_MUTABLE          0x3FFu              /* back-pointer unset */
#define VA_UNKNOWN          0x3FEu              /* installed in more than one slot */
#define LINEAR_MAX          511                 /* L2s one L2 maps, or that map it */
#define MAX_HOLDS           128u
#define TRACE_LEN           24u
#define TRACE_WIDTH         192u
#define FULL_COMPARE_EVERY  64u

/* §3: guest segments end below Tessera's area; bases a page below that. */
#define SEG_END             0xFC400000u
#define SEG_BASE_LIMIT      0xFC3FF000u
#define D_P                 0x00008000u
#define D_DPL               0x00006000u
#define D_S                 0x00001000u
#define D_TYPE              0x00000F00u
#define D_CODE              0x00000800u
#define D_EXPAND_DOWN       0x00000400u
#define D_G                 0x00800000u
#define D_DB                0x00400000u
#define D_LIMIT_HI          0x000F0000u
#define D_GATE_RESERVED     0x000000E0u
#define D_CALL_GATE         0xCu

/* The words the ops write; pairs, so every one is also a descriptor. */
static const uint32_t watched[] = {
    0, 1, 2, 3, 4, 5, 6, 7, 510, 511, 512, 513, 1006, 1007, 1008, 1009, 1022, 1023,
};
#define NR_WATCHED ARRAY_SIZE(watched)

struct mframe {
    enum pm_dom owner;
    bool allocated;         /* PGC_allocated: the owner's own reference */
    uint32_t count;         /* general references, that one included */
    uint32_t type;          /* PGT_* type bits */
    uint32_t tcount;        /* type references */
    bool validated, pinned;
    /* Bits 17-26: an L1's back-pointer; an L2's signed linear-map count. */
    uint32_t va;
    uint32_t words[L1_ENTRIES];
    /* Whose rules an installed L1 entry was checked by (§5.2 subject, caller). */
    int8_t subject[L1_ENTRIES], caller[L1_ENTRIES];
};

enum hold_kind { H_GEN, H_TYPED, H_INFLATED };

/* A reference (or, inflated, n of them) the model itself holds. */
struct hold {
    enum hold_kind kind;
    uint32_t mfn;
    uint32_t type;          /* H_TYPED: the type asked for */
    uint32_t n;             /* H_INFLATED: how many */
    bool typed;             /* H_INFLATED: type references as well */
};

struct page_model {
    struct domain *dom[PM_NR_DOMS];
    struct mframe f[NR_FRAMES];
    struct hold holds[MAX_HOLDS];
    unsigned int nr_holds;
    /* Hook calls the rules predict, since pm_create(). */
    unsigned int flushes, fills, frees;
    uint32_t freed[NR_FRAMES];      /* frames the current op freed */
    unsigned int nr_freed;
    unsigned long step;
    bool full_compare;
    int last_result;
    struct pm_coverage cov;
    char trace[TRACE_LEN][TRACE_WIDTH];
    char name[64];
    char failure[512];
    char report[TRACE_LEN * (TRACE_WIDTH + 1) + 600];
};

static bool fail(struct page_model *m, const char *fmt, ...) __printf(2, 3);

static bool fail(struct page_model *m, const char *fmt, ...)
{
    va_list ap;

    if (m->failure[0])
        return false;
    va_start(ap, fmt);
    vsnprintf(m->failure, sizeof(m->failure), fmt, ap);
    va_end(ap);
    return false;
}

static bool is_guest(enum pm_dom d)
{
    return d >= PM_DOM_D1 && d < PM_NR_DOMS;
}

/* Only dom0 may map I/O frames here (no physdev ranges in the pool). */
static bool privileged(enum pm_dom d)
{
    return d == PM_DOM_PRIV;
}

static struct domain *dptr(const struct page_model *m, enum pm_dom d)
{
    return d == PM_DOM_NONE ? NULL : m->dom[d];
}

static bool is_table(uint32_t type)
{
    return type == PGT_l1_page_table || type == PGT_l2_page_table;
}

/* Types whose contents are checked when they are taken. */
static bool is_checked_type(uint32_t type)
{
    return is_table(type) || type == PGT_gdt_page || type == PGT_ldt_page;
}

static int linear_of(const struct mframe *f)
{
    int v = (int)f->va;

    return v >= 0x200 ? v - 0x400 : v;
}

static void set_linear(struct mframe *f, int n)
{
    f->va = (uint32_t)n & 0x3FFu;
}

/* --- §3: descriptors and selectors, from the text --------------------------- */

static bool model_selector(uint16_t sel)
{
    unsigned int index = sel >> 3;

    if (sel == 0x0819)
        return true;
    return (sel & 3) == 1 && ((sel & 4) || index < 256 || index > 295);
}

static uint32_t desc_base(uint32_t lo, uint32_t hi)
{
    return (hi & 0xFF000000u) | ((hi & 0xFFu) << 16) | (lo >> 16);
}

static uint32_t desc_raw_limit(uint32_t lo, uint32_t hi)
{
    return (hi & D_LIMIT_HI) | (lo & 0xFFFFu);
}

static void set_desc_limit(uint32_t *lo, uint32_t *hi, uint64_t bytes)
{
    uint32_t raw = (uint32_t)((bytes >> 12) - 1) & 0xFFFFFu;

    *lo = (*lo & ~0xFFFFu) | (raw & 0xFFFFu);
    *hi = (*hi & ~D_LIMIT_HI) | (raw & D_LIMIT_HI);
}

/*
 * §3: not present is fine; DPL 0 never; system descriptors only as call
 * gates to a good selector; code/data with base below 0xFC3FF000, and a
 * segment reaching 0xFC400000 (expand-up) or above its base (expand-down)
 * cut back, which needs G=1.
 */
static bool model_descriptor(uint32_t *lo, uint32_t *hi)
{
    uint32_t base = desc_base(*lo, *hi);
    uint64_t unit = (*hi & D_G) ? 4096 : 1;
    /* Expand-up: the size; expand-down: the lowest valid offset. */
    uint64_t span = ((uint64_t)desc_raw_limit(*lo, *hi) + 1) * unit;
    uint64_t cut;

    if (!(*hi & D_P))
        return true;
    if (!(*hi & D_DPL))
        return false;
    if (!(*hi & D_S))
        return ((*hi & D_TYPE) >> 8) == D_CALL_GATE && model_selector(*lo >> 16) &&
               !(*hi & D_GATE_RESERVED);
    if (base >= SEG_BASE_LIMIT)
        return false;
    if ((*hi & (D_CODE | D_EXPAND_DOWN)) == D_EXPAND_DOWN) {
        if (base + span >= (1ull << 32))
            return true;        /* empty, or only addresses below base */
        cut = (1ull << 32) - (base & ~0xFFFu);
    } else {
        if (base + span <= SEG_END)
            return true;
        cut = SEG_END - base;
    }
    if (!(*hi & D_G))
        return false;
    set_desc_limit(lo, hi, cut);
    return true;
}

/*
 * What the CPU would make of an accepted descriptor: NULL if it is safe (no
 * ring 0, no address at 0xFC400000 or above, gates only to good
 * selectors), else why not. Independent of how §3 gets there.
 */
static const char *unsafe_descriptor(uint32_t lo, uint32_t hi)
{
    uint32_t base = desc_base(lo, hi);
    uint64_t limit = desc_raw_limit(lo, hi);
    uint64_t top, first, last;

    if (!(hi & D_P))
        return NULL;
    if (!(hi & D_DPL))
        return "present with DPL 0";
    if (!(hi & D_S)) {
        if (((hi & D_TYPE) >> 8) != D_CALL_GATE)
            return "a system descriptor other than a call gate";
        if (!model_selector(lo >> 16))
            return "a call gate to a selector the guest may not load";
        return (hi & D_GATE_RESERVED) ? "a call gate with reserved bits set" : NULL;
    }
    if (base >= SEG_BASE_LIMIT)
        return "a segment based at 0xFC3FF000 or above";
    if (hi & D_G)
        limit = (limit << 12) | 0xFFF;
    if ((hi & (D_CODE | D_EXPAND_DOWN)) != D_EXPAND_DOWN)
        return base + limit >= SEG_END ? "an expand-up segment reaching 0xFC400000" : NULL;
    /* Expand-down: offsets limit+1 .. top, wrapping at 4 GB. */
    top = (hi & D_DB) ? 0xFFFFFFFFull : 0xFFFFull;
    if (limit >= top)
        return NULL;
    first = base + limit + 1;
    last = base + top;
    if (last < (1ull << 32) ? last >= SEG_END : first < (1ull << 32))
        return "an expand-down segment reaching 0xFC400000";
    return NULL;
}

/* --- §5.1: general references ---------------------------------------------- */

static bool overflow(struct page_model *m)
{
    m->cov.overflow_refused++;
    return false;
}

/* A reference on a frame in use (count > 0) that d owns, unless the count is full. */
static bool m_get_page(struct page_model *m, uint32_t mfn, enum pm_dom d)
{
    struct mframe *f = &m->f[mfn];

    if (d == PM_DOM_NONE || f->count == 0 || f->owner != d)
        return false;
    if (f->count == COUNT_MAX)
        return overflow(m);
    f->count++;
    return true;
}

/* The last reference frees the frame: it belongs to nobody any more. */
static void m_put_page(struct page_model *m, uint32_t mfn)
{
    struct mframe *f = &m->f[mfn];

    if (f->count == 0) {
        fail(m, "model: put_page on frame %u with no references", mfn);
        return;
    }
    if (--f->count > 0)
        return;
    f->owner = PM_DOM_NONE;
    m->frees++;
    m->cov.frees++;
    if (m->nr_freed < NR_FRAMES)
        m->freed[m->nr_freed++] = mfn;
}

/* --- §5.1: type references --------------------------------------------------- */

static bool m_validate(struct page_model *m, uint32_t mfn);
static void m_devalidate(struct page_model *m, uint32_t mfn);

/*
 * The type is fixed while the type count is > 0: another reference must
 * ask for the same type of a validated frame. An L1 asked for with another
 * back-pointer takes it if it had none, else it becomes "unknown".
 */
static bool further_type_ref(struct page_model *m, struct mframe *f, uint32_t type, uint32_t va)
{
    if (f->type != type || !f->validated)
        return false;
    f->tcount++;
    if (type == PGT_l1_page_table && f->va != va) {
        f->va = f->va == VA_MUTABLE ? va : VA_UNKNOWN;
        if (f->va == VA_UNKNOWN)
            m->cov.backpointer_unknown++;
    }
    return true;
}

/*
 * want: PGT_* type, for an L1 with the back-pointer it asks for. Type count
 * 0: the frame may change type (a TLB flush) or back-pointer, and is then
 * validated afresh (a writable frame has nothing to validate). A refused
 * validation leaves the frame as it was.
 */
static bool m_get_type(struct page_model *m, uint32_t mfn, uint32_t want)
{
    struct mframe *f = &m->f[mfn];
    uint32_t type = want & PGT_type_mask;
    uint32_t va = (want & PGT_va_mask) >> PGT_va_shift;
    uint32_t old_type = f->type, old_va = f->va;
    bool old_validated = f->validated;

    if (f->tcount == TYPE_COUNT_MAX)
        return overflow(m);
    if (f->tcount > 0)
        return further_type_ref(m, f, type, va);
    if (f->type != type || f->va != va) {
        if (f->type != type)
            m->flushes++;
        f->type = type;
        f->va = va;
        f->validated = type == PGT_writable_page;
    }
    f->tcount = 1;
    if (f->validated)
        return true;
    if (!m_validate(m, mfn)) {
        f->type = old_type;
        f->va = old_va;
        f->validated = old_validated;
        f->tcount = 0;
        m->cov.validation_refused++;
        return false;
    }
    f->validated = true;
    return true;
}

/*
 * The last type reference of a table: its entries let go of their targets
 * (with the count still 1 while they do). The pin as the only reference
 * left of an L1: no slot holds it, so its back-pointer is unset again.
 */
static void m_put_type(struct page_model *m, uint32_t mfn)
{
    struct mframe *f = &m->f[mfn];

    if (f->tcount == 0) {
        fail(m, "model: put_page_type on frame %u with no type references", mfn);
        return;
    }
    if (f->tcount == 1 && f->validated && is_table(f->type)) {
        f->validated = false;
        m_devalidate(m, mfn);
    } else if (f->tcount == 2 && f->pinned && f->type == PGT_l1_page_table) {
        f->va = VA_MUTABLE;
    }
    f->tcount--;
}

static bool m_get_page_and_type(struct page_model *m, uint32_t mfn, enum pm_dom d,
                                uint32_t want)
{
    if (!m_get_page(m, mfn, d))
        return false;
    if (!m_get_type(m, mfn, want)) {
        m_put_page(m, mfn);
        return false;
    }
    return true;
}

static void m_put_page_and_type(struct page_model *m, uint32_t mfn)
{
    m_put_type(m, mfn);
    m_put_page(m, mfn);
}

/* A pin is one extra general and type reference, once per frame, of L1 or L2 tables only. */
static int m_pin(struct page_model *m, uint32_t mfn, enum pm_dom d, uint32_t want)
{
    if (want != (PGT_l1_page_table | PGT_va_mutable) && want != PGT_l2_page_table)
        return -EINVAL;
    if (!m_get_page_and_type(m, mfn, d, want))
        return -EINVAL;
    if (m->f[mfn].pinned) {
        m_put_page_and_type(m, mfn);
        return -EINVAL;
    }
    m->f[mfn].pinned = true;
    return 0;
}

static int m_unpin(struct page_model *m, uint32_t mfn, enum pm_dom d)
{
    if (!m_get_page(m, mfn, d))
        return -EINVAL;
    if (!m->f[mfn].pinned) {
        m_put_page(m, mfn);
        return -EINVAL;
    }
    m->f[mfn].pinned = false;
    m_put_page_and_type(m, mfn);
    m_put_page(m, mfn);
    return 0;
}

/* --- §5.2: L1 entries ------------------------------------------------------- */

/*
 * A present entry: no GLOBAL or PAT; above RAM only with privilege (and
 * uncounted); dom_io's frames with the caller's privilege; otherwise the
 * subject's own frame, never writable through dom_xen. RW needs the frame
 * typable as writable.
 */
static bool m_get_l1e(struct page_model *m, uint32_t e, enum pm_dom subject, enum pm_dom caller)
{
    uint32_t mfn = e >> PAGE_SHIFT_4K;
    enum pm_dom owner = subject;
    const struct mframe *t;

    if (!(e & _PAGE_PRESENT))
        return true;
    if (e & (_PAGE_GLOBAL | _PAGE_PAT))
        return false;
    if (mfn >= NR_FRAMES)
        return privileged(caller);
    t = &m->f[mfn];
    if (t->owner == PM_DOM_IO) {
        if (!privileged(caller))
            return false;
        owner = PM_DOM_IO;
    } else if (subject == PM_DOM_XEN && (e & _PAGE_RW)) {
        return false;
    }
    if (!(e & _PAGE_RW))
        return m_get_page(m, mfn, owner);
    if (m_get_page_and_type(m, mfn, owner, PGT_writable_page))
        return true;
    if (t->tcount > 0 && is_checked_type(t->type))
        m->cov.rw_table_refused++;
    return false;
}

static void m_put_l1e(struct page_model *m, uint32_t e)
{
    uint32_t mfn = e >> PAGE_SHIFT_4K;

    if (!(e & _PAGE_PRESENT) || mfn >= NR_FRAMES)
        return;
    if (e & _PAGE_RW)
        m_put_page_and_type(m, mfn);
    else
        m_put_page(m, mfn);
}

/* --- §5.2: L2 entries ------------------------------------------------------- */

/*
 * A linear page table: a read-only map of the table itself (no reference),
 * or of another validated L2 of d in use (a general and a type reference).
 * One level only: an L2 that maps others may not be mapped, nor the other
 * way round (at most LINEAR_MAX either way).
 */
static bool m_get_linear(struct page_model *m, uint32_t e, uint32_t table, enum pm_dom d)
{
    uint32_t mfn = e >> PAGE_SHIFT_4K;
    struct mframe *self = &m->f[table];
    struct mframe *t = &m->f[mfn];

    if (e & _PAGE_RW)
        return false;
    if (mfn == table)
        return true;
    if (t->type != PGT_l2_page_table || !t->validated || t->tcount == 0)
        return false;
    if (!m_get_page(m, mfn, d))
        return false;
    if (t->tcount == TYPE_COUNT_MAX) {
        m_put_page(m, mfn);
        return overflow(m);
    }
    if (linear_of(self) < 0 || linear_of(self) >= LINEAR_MAX || linear_of(t) > 0 ||
        -linear_of(t) >= LINEAR_MAX) {
        m_put_page(m, mfn);
        m->cov.linear_depth_refused++;
        return false;
    }
    t->tcount++;
    set_linear(self, linear_of(self) + 1);
    set_linear(t, linear_of(t) - 1);
    m->cov.linear_maps++;
    return true;
}

/*
 * Slots 0-1007 only. A present entry: no GLOBAL or PSE, a frame in RAM,
 * either d's L1 with back-pointer = slot or a linear page table.
 */
static bool m_get_l2e(struct page_model *m, uint32_t e, uint32_t table, uint32_t slot,
                      enum pm_dom d)
{
    uint32_t mfn = e >> PAGE_SHIFT_4K;

    if (slot >= HV_SLOT)
        return false;
    if (!(e & _PAGE_PRESENT))
        return true;
    if ((e & (_PAGE_GLOBAL | _PAGE_PSE)) || mfn >= NR_FRAMES)
        return false;
    if (m_get_page_and_type(m, mfn, d, PGT_l1_page_table | PGT_va(slot))) {
        m->cov.installs++;
        return true;
    }
    return m_get_linear(m, e, table, d);
}

static void m_put_l2e(struct page_model *m, uint32_t e, uint32_t table)
{
    uint32_t mfn = e >> PAGE_SHIFT_4K;
    struct mframe *t;

    if (!(e & _PAGE_PRESENT) || mfn >= NR_FRAMES || mfn == table)
        return;
    t = &m->f[mfn];
    if (t->type == PGT_l2_page_table) {
        set_linear(&m->f[table], linear_of(&m->f[table]) - 1);
        set_linear(t, linear_of(t) + 1);
    }
    m_put_page_and_type(m, mfn);
}

/* --- Validation ------------------------------------------------------------- */

/* Tables hold a guest's entries: dom_io's and dom_xen's frames never validate. */
static bool m_validate_l1(struct page_model *m, uint32_t mfn)
{
    struct mframe *f = &m->f[mfn];
    enum pm_dom d = f->owner;
    uint32_t i;

    if (!is_guest(d))
        return false;
    for (i = 0; i < L1_ENTRIES; i++)
        if (!m_get_l1e(m, f->words[i], d, d))
            break;
    if (i < L1_ENTRIES) {
        while (i-- > 0)
            m_put_l1e(m, f->words[i]);
        return false;
    }
    memset(f->subject, d, sizeof(f->subject));
    memset(f->caller, d, sizeof(f->caller));
    m->cov.l1_validated++;
    return true;
}

/* Guest slots are checked; Tessera's slots are filled whatever was there. */
static bool m_validate_l2(struct page_model *m, uint32_t mfn)
{
    struct mframe *f = &m->f[mfn];
    enum pm_dom d = f->owner;
    uint32_t i;

    if (!is_guest(d))
        return false;
    for (i = 0; i < HV_SLOT; i++)
        if (!m_get_l2e(m, f->words[i], mfn, i, d))
            break;
    if (i < HV_SLOT) {
        while (i-- > 0)
            m_put_l2e(m, f->words[i], mfn);
        return false;
    }
    for (i = HV_SLOT; i < L2_ENTRIES; i++)
        f->words[i] = mm_fake_hv_l2e(i);
    m->fills++;
    m->cov.l2_validated++;
    return true;
}

/* Every descriptor checked in order, rewritten in place as it passes. */
static bool m_validate_descriptors(struct page_model *m, uint32_t mfn)
{
    uint32_t *w = m->f[mfn].words;
    uint32_t i;

    for (i = 0; i < DESCRIPTORS_PER_FRAME; i++) {
        uint32_t lo = w[2 * i], hi = w[2 * i + 1];
        bool ok = model_descriptor(&w[2 * i], &w[2 * i + 1]);

        if (w[2 * i] != lo || w[2 * i + 1] != hi)
            m->cov.descriptors_rewritten++;
        if (!ok)
            return false;
    }
    m->cov.desc_validated++;
    return true;
}

static bool m_validate(struct page_model *m, uint32_t mfn)
{
    switch (m->f[mfn].type) {
    case PGT_l1_page_table:
        return m_validate_l1(m, mfn);
    case PGT_l2_page_table:
        return m_validate_l2(m, mfn);
    case PGT_gdt_page:
    case PGT_ldt_page:
        return m_validate_descriptors(m, mfn);
    default:
        return true;
    }
}

static void m_devalidate(struct page_model *m, uint32_t mfn)
{
    struct mframe *f = &m->f[mfn];
    uint32_t i;

    if (f->type == PGT_l1_page_table) {
        for (i = 0; i < L1_ENTRIES; i++)
            m_put_l1e(m, f->words[i]);
    } else {
        for (i = 0; i < HV_SLOT; i++)
            m_put_l2e(m, f->words[i], mfn);
    }
}

/* --- Checked entry updates: the new entry's references before the old one's go --- */

static int m_mod_l1(struct page_model *m, uint32_t table, uint32_t idx, uint32_t e,
                    enum pm_dom subject, enum pm_dom caller)
{
    struct mframe *f = &m->f[table];
    uint32_t old = f->words[idx];

    if (!m_get_l1e(m, e, subject, caller))
        return -EINVAL;
    f->words[idx] = e;
    f->subject[idx] = (int8_t)subject;
    f->caller[idx] = (int8_t)caller;
    m_put_l1e(m, old);
    return 0;
}

static int m_mod_l2(struct page_model *m, uint32_t table, uint32_t slot, uint32_t e)
{
    struct mframe *f = &m->f[table];
    uint32_t old = f->words[slot];

    if (slot >= HV_SLOT || !m_get_l2e(m, e, table, slot, f->owner))
        return -EINVAL;
    f->words[slot] = e;
    m_put_l2e(m, old, table);
    return 0;
}

/* What mm_fake_alloc() does: the lowest free frame, zeroed, with one reference. */
static uint32_t m_alloc(struct page_model *m, enum pm_dom d)
{
    uint32_t mfn;

    for (mfn = MM_FAKE_FIRST_FREE_MFN; mfn < NR_FRAMES; mfn++) {
        struct mframe *f = &m->f[mfn];

        if (f->owner != PM_DOM_NONE || f->count)
            continue;
        memset(f, 0, sizeof(*f));
        f->owner = d;
        f->allocated = true;
        f->count = 1;
        return mfn;
    }
    return MM_FAKE_NONE;
}

/* --- The ledger of references the model holds -------------------------------- */

static bool add_hold(struct page_model *m, struct hold h)
{
    if (m->nr_holds == MAX_HOLDS)
        return fail(m, "model: ledger full");
    m->holds[m->nr_holds++] = h;
    return true;
}

/* The latest hold of kind on mfn, or -1. */
static int find_hold(const struct page_model *m, enum hold_kind kind, uint32_t mfn)
{
    int i;

    for (i = (int)m->nr_holds - 1; i >= 0; i--)
        if (m->holds[i].kind == kind && m->holds[i].mfn == mfn)
            return i;
    return -1;
}

static bool any_hold_on(const struct page_model *m, uint32_t mfn)
{
    return find_hold(m, H_GEN, mfn) >= 0 || find_hold(m, H_TYPED, mfn) >= 0 ||
           find_hold(m, H_INFLATED, mfn) >= 0;
}

static struct hold take_hold(struct page_model *m, int i)
{
    struct hold h = m->holds[i];

    memmove(&m->holds[i], &m->holds[i + 1], (m->nr_holds - (unsigned int)i - 1) * sizeof(h));
    m->nr_holds--;
    return h;
}

/* --- Applying one operation to both sides ------------------------------------- */

static bool agree(struct page_model *m, const char *call, long want, long got, bool refused)
{
    m->last_result = (int)got;
    if (want != got)
        return fail(m, "%s returned %ld, the rules say %ld", call, got, want);
    if (refused)
        m->cov.refused++;
    return true;
}

static bool agree_bool(struct page_model *m, const char *call, bool want, bool got)
{
    return agree(m, call, want, got, !want);
}

static bool agree_rc(struct page_model *m, const char *call, int want, int got)
{
    return agree(m, call, want, got, want != 0);
}

static struct page_info *pg(uint32_t mfn)
{
    return mfn_to_page(mfn);
}

static bool valid_table(const struct page_model *m, uint32_t mfn, uint32_t type)
{
    const struct mframe *f = &m->f[mfn];

    return f->type == type && f->tcount > 0 && f->validated;
}

/* Each apply_* returns false if the op does not apply to the current state. */

static bool apply_alloc(struct page_model *m, const struct pm_op *op)
{
    if (!is_guest(op->dom))
        return false;
    agree(m, "mm_fake_alloc", m_alloc(m, op->dom), mm_fake_alloc(dptr(m, op->dom)), false);
    return true;
}

/* dom_mem_op's decrease_reservation: unpin if pinned, then drop PGC_allocated. */
static bool apply_drop_alloc(struct page_model *m, const struct pm_op *op)
{
    struct mframe *f = &m->f[op->mfn];
    enum pm_dom d = f->owner;

    if (!f->allocated || !is_guest(d))
        return false;
    if (f->pinned &&
        !agree_rc(m, "unpin_page_table", m_unpin(m, op->mfn, d),
                  unpin_page_table(pg(op->mfn), dptr(m, d))))
        return true;
    if (!(pg(op->mfn)->count_info & PGC_allocated)) {
        fail(m, "frame %u lost PGC_allocated", op->mfn);
        return true;
    }
    f->allocated = false;
    m_put_page(m, op->mfn);
    pg(op->mfn)->count_info &= ~PGC_allocated;
    put_page(pg(op->mfn));
    return true;
}

static bool apply_get(struct page_model *m, const struct pm_op *op)
{
    bool want, got;

    if (m->nr_holds == MAX_HOLDS)
        return false;
    want = m_get_page(m, op->mfn, op->dom);
    got = get_page(pg(op->mfn), dptr(m, op->dom));
    if (agree_bool(m, "get_page", want, got) && got)
        add_hold(m, (struct hold){ .kind = H_GEN, .mfn = op->mfn });
    return true;
}

static bool apply_put(struct page_model *m, const struct pm_op *op)
{
    int i = find_hold(m, H_GEN, op->mfn);

    if (i < 0)
        return false;
    take_hold(m, i);
    m_put_page(m, op->mfn);
    put_page(pg(op->mfn));
    return true;
}

static bool impl_get_page_and_type(const struct page_model *m, const struct pm_op *op)
{
    struct page_info *p = pg(op->mfn);

    if (!op->split)
        return get_page_and_type(p, dptr(m, op->dom), op->type);
    if (!get_page(p, dptr(m, op->dom)))
        return false;
    if (get_page_type(p, op->type))
        return true;
    put_page(p);
    return false;
}

static bool apply_get_type(struct page_model *m, const struct pm_op *op)
{
    bool want, got;

    if (m->nr_holds == MAX_HOLDS)
        return false;
    want = m_get_page_and_type(m, op->mfn, op->dom, op->type);
    got = impl_get_page_and_type(m, op);
    if (agree_bool(m, "get_page_and_type", want, got) && got)
        add_hold(m, (struct hold){ .kind = H_TYPED, .mfn = op->mfn, .type = op->type });
    return true;
}

static bool apply_put_type(struct page_model *m, const struct pm_op *op)
{
    int i = find_hold(m, H_TYPED, op->mfn);

    if (i < 0)
        return false;
    take_hold(m, i);
    m_put_page_and_type(m, op->mfn);
    if (op->split) {
        put_page_type(pg(op->mfn));
        put_page(pg(op->mfn));
    } else {
        put_page_and_type(pg(op->mfn));
    }
    return true;
}

static bool apply_pin(struct page_model *m, const struct pm_op *op)
{
    agree_rc(m, "pin_page_table", m_pin(m, op->mfn, op->dom, op->type),
             pin_page_table(pg(op->mfn), dptr(m, op->dom), op->type));
    return true;
}

static bool apply_unpin(struct page_model *m, const struct pm_op *op)
{
    agree_rc(m, "unpin_page_table", m_unpin(m, op->mfn, op->dom),
             unpin_page_table(pg(op->mfn), dptr(m, op->dom)));
    return true;
}

/* A guest store: the owner maps the frame writable, writes, and unmaps. */
static bool apply_write(struct page_model *m, const struct pm_op *op)
{
    struct mframe *f = &m->f[op->mfn];
    enum pm_dom d = f->owner;
    struct page_info *p = pg(op->mfn);
    uint32_t *w = mm_fake_words(op->mfn);
    bool want, got;

    if (op->mfn < MM_FAKE_FIRST_FREE_MFN || op->idx + op->two >= L1_ENTRIES)
        return false;
    want = m_get_page_and_type(m, op->mfn, d, PGT_writable_page);
    if (want) {
        f->words[op->idx] = op->val;
        if (op->two)
            f->words[op->idx + 1] = op->val2;
        m_put_page_and_type(m, op->mfn);
    }
    got = get_page_and_type(p, dptr(m, d), PGT_writable_page);
    if (got) {
        w[op->idx] = op->val;
        if (op->two)
            w[op->idx + 1] = op->val2;
        put_page_and_type(p);
    }
    agree_bool(m, "get_page_and_type(writable) for a store", want, got);
    return true;
}

static bool apply_mod_l1(struct page_model *m, const struct pm_op *op)
{
    if (!valid_table(m, op->mfn, PGT_l1_page_table) || op->idx >= L1_ENTRIES)
        return false;
    agree_rc(m, "mod_l1_entry", m_mod_l1(m, op->mfn, op->idx, op->val, op->subject, op->caller),
             mod_l1_entry(&mm_fake_words(op->mfn)[op->idx], op->val, dptr(m, op->subject),
                          dptr(m, op->caller)));
    return true;
}

static bool apply_mod_l2(struct page_model *m, const struct pm_op *op)
{
    enum pm_dom d = m->f[op->mfn].owner;

    if (!valid_table(m, op->mfn, PGT_l2_page_table) || op->idx >= L2_ENTRIES)
        return false;
    agree_rc(m, "mod_l2_entry", m_mod_l2(m, op->mfn, op->idx, op->val),
             mod_l2_entry(&mm_fake_words(op->mfn)[op->idx], op->val, op->mfn, op->idx,
                          dptr(m, d)));
    return true;
}

/*
 * Jumps the counts to just below their limits, as if that many references
 * had been taken, so the overflow checks meet real traffic. Typed: type
 * references (each with its general one) on a frame already in use.
 */
static bool apply_inflate(struct page_model *m, const struct pm_op *op)
{
    struct mframe *f = &m->f[op->mfn];
    struct page_info *p = pg(op->mfn);
    uint32_t n;

    if (f->count == 0 || find_hold(m, H_INFLATED, op->mfn) >= 0 || m->nr_holds == MAX_HOLDS)
        return false;
    if (op->typed && (f->tcount == 0 || !f->validated))
        return false;
    if (op->typed)
        n = f->tcount + op->slack < TYPE_COUNT_MAX ? TYPE_COUNT_MAX - op->slack - f->tcount : 0;
    else
        n = f->count + op->slack < COUNT_MAX ? COUNT_MAX - op->slack - f->count : 0;
    if (n == 0)
        return false;
    f->count += n;
    p->count_info += n;
    if (op->typed) {
        f->tcount += n;
        p->type_info += n;
    }
    add_hold(m, (struct hold){ .kind = H_INFLATED, .mfn = op->mfn, .n = n, .typed = op->typed });
    return true;
}

/* All but one go at once; the last one the ordinary way, which may free or devalidate. */
static bool apply_deflate(struct page_model *m, const struct pm_op *op)
{
    int i = find_hold(m, H_INFLATED, op->mfn);
    struct mframe *f = &m->f[op->mfn];
    struct page_info *p = pg(op->mfn);
    struct hold h;

    if (i < 0)
        return false;
    h = take_hold(m, i);
    f->count -= h.n - 1;
    p->count_info -= h.n - 1;
    if (h.typed) {
        f->tcount -= h.n - 1;
        p->type_info -= h.n - 1;
        m_put_page_and_type(m, op->mfn);
        put_page_and_type(p);
    } else {
        m_put_page(m, op->mfn);
        put_page(p);
    }
    return true;
}

/* An entry's references taken and given back, as a caller outside a table would. */
static bool apply_probe_l1e(struct page_model *m, const struct pm_op *op)
{
    bool want = m_get_l1e(m, op->val, op->subject, op->caller);
    bool got = get_page_from_l1e(op->val, dptr(m, op->subject), dptr(m, op->caller));

    if (want)
        m_put_l1e(m, op->val);
    if (got)
        put_page_from_l1e(op->val);
    agree_bool(m, "get_page_from_l1e", want, got);
    return true;
}

/* The table must be an L2 in use: a linear map counts against it. */
static bool apply_probe_l2e(struct page_model *m, const struct pm_op *op)
{
    enum pm_dom d = m->f[op->mfn].owner;
    bool want, got;

    if (!valid_table(m, op->mfn, PGT_l2_page_table))
        return false;
    want = m_get_l2e(m, op->val, op->mfn, op->idx, d);
    got = get_page_from_l2e(op->val, op->mfn, op->idx, dptr(m, d));
    if (want)
        m_put_l2e(m, op->val, op->mfn);
    if (got)
        put_page_from_l2e(op->val, op->mfn);
    agree_bool(m, "get_page_from_l2e", want, got);
    return true;
}

static bool apply(struct page_model *m, const struct pm_op *op)
{
    if (op->kind != PM_DESC && op->kind != PM_SEL && op->kind != PM_ALLOC &&
        op->kind != PM_PROBE_L1E && op->mfn >= NR_FRAMES)
        return false;
    switch (op->kind) {
    case PM_ALLOC:
        return apply_alloc(m, op);
    case PM_DROP_ALLOC:
        return apply_drop_alloc(m, op);
    case PM_GET:
        return apply_get(m, op);
    case PM_PUT:
        return apply_put(m, op);
    case PM_GET_TYPE:
        return apply_get_type(m, op);
    case PM_PUT_TYPE:
        return apply_put_type(m, op);
    case PM_PIN:
        return apply_pin(m, op);
    case PM_UNPIN:
        return apply_unpin(m, op);
    case PM_WRITE:
        return apply_write(m, op);
    case PM_MOD_L1:
        return apply_mod_l1(m, op);
    case PM_MOD_L2:
        return apply_mod_l2(m, op);
    case PM_INFLATE:
        return apply_inflate(m, op);
    case PM_DEFLATE:
        return apply_deflate(m, op);
    case PM_DESC:
        pm_check_descriptor(m, op->val, op->val2);
        return true;
    case PM_SEL:
        pm_check_selector(m, (uint16_t)op->val);
        return true;
    case PM_PROBE_L1E:
        return apply_probe_l1e(m, op);
    case PM_PROBE_L2E:
        return apply_probe_l2e(m, op);
    default:
        return false;
    }
}

/* --- Comparing the implementation with the model ------------------------------- */

static uint32_t model_count_info(const struct mframe *f)
{
    return (f->allocated ? PGC_allocated : 0) | f->count;
}

static uint32_t model_type_info(const struct mframe *f)
{
    return f->type | (f->validated ? PGT_validated : 0) | (f->pinned ? PGT_pinned : 0) |
           (f->va << PGT_va_shift) | f->tcount;
}

static bool compare_frame(struct page_model *m, uint32_t mfn)
{
    const struct mframe *f = &m->f[mfn];
    const struct page_info *p = pg(mfn);
    const uint32_t *w = mm_fake_words(mfn);
    uint32_t i;

    if (p->count_info != model_count_info(f))
        return fail(m, "frame %u: count_info %#x, the rules say %#x", mfn, p->count_info,
                    model_count_info(f));
    if (p->type_info != model_type_info(f))
        return fail(m, "frame %u: type_info %#x, the rules say %#x", mfn, p->type_info,
                    model_type_info(f));
    if (p->owner != dptr(m, f->owner))
        return fail(m, "frame %u: owner %p, the rules say domain #%d", mfn, (void *)p->owner,
                    (int)f->owner);
    for (i = 0; i < NR_WATCHED; i++)
        if (w[watched[i]] != f->words[watched[i]])
            return fail(m, "frame %u word %u: %#x, the rules say %#x", mfn, watched[i],
                        w[watched[i]], f->words[watched[i]]);
    if (m->full_compare && memcmp(w, f->words, FRAME_SIZE) != 0) {
        for (i = 0; w[i] == f->words[i]; i++)
            ;
        return fail(m, "frame %u word %u: %#x, the rules say %#x", mfn, i, w[i], f->words[i]);
    }
    return true;
}

bool pm_check_model(struct page_model *m)
{
    const struct mm_fake_stats *st = &mm_fake_stats;
    uint32_t mfn;

    for (mfn = 0; mfn < NR_FRAMES; mfn++)
        if (!compare_frame(m, mfn))
            return false;
    if (st->flushes != m->flushes)
        return fail(m, "%u TLB flushes for retypes, the rules say %u", st->flushes, m->flushes);
    if (st->fills != m->fills)
        return fail(m, "%u fills of Tessera's L2 slots, the rules say %u", st->fills, m->fills);
    if (st->frees != m->frees)
        return fail(m, "%u frames freed, the rules say %u", st->frees, m->frees);
    if (st->maps_live || st->bad_frees)
        return fail(m, "%u frames left mapped, %u freed while still referenced", st->maps_live,
                    st->bad_frees);
    return true;
}

/* --- The invariants, recounted from the holders ------------------------------ */

/* What the holders hold on one frame. */
struct tally {
    uint32_t gen, type;
    int maps, mapped;           /* linear: other L2s it maps; L2s mapping it */
    uint32_t installs;          /* L2 slots holding it as an L1 */
};

static const char *type_name(uint32_t type)
{
    static const char *const names[8] = { "untyped", "L1", "L2", "L3", "L4", "GDT", "LDT",
                                          "writable" };

    return names[type >> PGT_type_shift];
}

static bool tally_holds(struct page_model *m, struct tally *t)
{
    unsigned int i;
    uint32_t mfn;

    for (i = 0; i < m->nr_holds; i++) {
        const struct hold *h = &m->holds[i];
        uint32_t type = pg(h->mfn)->type_info & PGT_type_mask;

        switch (h->kind) {
        case H_GEN:
            t[h->mfn].gen++;
            break;
        case H_TYPED:
            if (type != (h->type & PGT_type_mask))
                return fail(m, "invariant: frame %u is %s while a %s reference is held", h->mfn,
                            type_name(type), type_name(h->type & PGT_type_mask));
            t[h->mfn].gen++;
            t[h->mfn].type++;
            break;
        case H_INFLATED:
            t[h->mfn].gen += h->n;
            t[h->mfn].type += h->typed ? h->n : 0;
            break;
        }
    }
    for (mfn = 0; mfn < NR_FRAMES; mfn++) {
        if (pg(mfn)->count_info & PGC_allocated)
            t[mfn].gen++;
        if (pg(mfn)->type_info & PGT_pinned) {
            t[mfn].gen++;
            t[mfn].type++;
        }
    }
    return true;
}

/* One present entry of validated L1 `table` at idx, against §5.2. */
static bool tally_l1e(struct page_model *m, uint32_t table, uint32_t idx, struct tally *t)
{
    uint32_t e = mm_fake_words(table)[idx];
    uint32_t mfn = e >> PAGE_SHIFT_4K;
    enum pm_dom subject = m->f[table].subject[idx];
    enum pm_dom caller = m->f[table].caller[idx];
    const struct page_info *p;
    uint32_t type;

    if (e & L1_DISALLOW_MASK)
        return fail(m, "invariant: L1 %u[%u] = %#x has GLOBAL or PAT", table, idx, e);
    if (mfn >= NR_FRAMES)
        return privileged(caller) ? true :
               fail(m, "invariant: L1 %u[%u] maps I/O above RAM without privilege", table, idx);
    p = pg(mfn);
    type = p->type_info & PGT_type_mask;
    if (!(p->count_info & PGC_count_mask))
        return fail(m, "invariant: L1 %u[%u] maps free frame %u", table, idx, mfn);
    if (p->owner == dom_io ? !privileged(caller) : p->owner != dptr(m, subject))
        return fail(m, "invariant: L1 %u[%u] maps frame %u its subject may not", table, idx, mfn);
    t[mfn].gen++;
    if (!(e & _PAGE_RW))
        return true;
    if (is_checked_type(type) && (p->type_info & PGT_count_mask))
        return fail(m, "invariant: L1 %u[%u] maps %s frame %u writable", table, idx,
                    type_name(type), mfn);
    if (type != PGT_writable_page || p->owner == dom_xen)
        return fail(m, "invariant: L1 %u[%u] maps %s frame %u writable", table, idx,
                    p->owner == dom_xen ? "Tessera's" : type_name(type), mfn);
    t[mfn].type++;
    return true;
}

/* One entry of validated L2 `table` at slot, against §5.2 and the one-level rule. */
static bool tally_l2e(struct page_model *m, uint32_t table, uint32_t slot, struct tally *t)
{
    uint32_t e = mm_fake_words(table)[slot];
    uint32_t mfn = e >> PAGE_SHIFT_4K;
    const struct page_info *p;
    uint32_t x, va;

    if (slot >= HV_SLOT)
        return e == mm_fake_hv_l2e(slot) ? true :
               fail(m, "invariant: L2 %u slot %u = %#x, not Tessera's", table, slot, e);
    if (!(e & _PAGE_PRESENT))
        return true;
    if ((e & L2_DISALLOW_MASK) || mfn >= NR_FRAMES)
        return fail(m, "invariant: L2 %u[%u] = %#x is not allowed", table, slot, e);
    if (mfn == table)
        return (e & _PAGE_RW) ? fail(m, "invariant: L2 %u maps itself writable", table) : true;
    p = pg(mfn);
    x = p->type_info;
    va = (x & PGT_va_mask) >> PGT_va_shift;
    if (p->owner != pg(table)->owner || !(x & PGT_validated) || !(x & PGT_count_mask))
        return fail(m, "invariant: L2 %u[%u] maps frame %u, no table of its owner in use",
                    table, slot, mfn);
    if ((x & PGT_type_mask) == PGT_l1_page_table) {
        if (va != slot && va != VA_UNKNOWN)
            return fail(m, "invariant: L1 %u in L2 %u slot %u has back-pointer %#x", mfn,
                        table, slot, va);
        t[mfn].installs++;
    } else if ((x & PGT_type_mask) == PGT_l2_page_table && !(e & _PAGE_RW)) {
        t[table].maps++;
        t[mfn].mapped++;
    } else {
        return fail(m, "invariant: L2 %u[%u] = %#x maps a %s frame", table, slot, e,
                    type_name(x & PGT_type_mask));
    }
    t[mfn].gen++;
    t[mfn].type++;
    return true;
}

/* A descriptor frame in use holds only descriptors §3 accepts as they are. */
static bool check_descriptor_frame(struct page_model *m, uint32_t mfn)
{
    const uint32_t *w = mm_fake_words(mfn);
    uint32_t i;

    for (i = 0; i < NR_WATCHED; i += 2) {
        uint32_t lo = w[watched[i]], hi = w[watched[i + 1]];
        const char *why = unsafe_descriptor(lo, hi);

        if (why)
            return fail(m, "invariant: descriptor frame %u holds %s (%#010x %#010x)", mfn, why,
                        hi, lo);
        if (!model_descriptor(&lo, &hi) || lo != w[watched[i]] || hi != w[watched[i + 1]])
            return fail(m, "invariant: descriptor frame %u holds an unchecked descriptor", mfn);
    }
    return true;
}

static bool tally_entries(struct page_model *m, uint32_t mfn, struct tally *t)
{
    uint32_t x = pg(mfn)->type_info;
    uint32_t type = x & PGT_type_mask;
    uint32_t i;

    if (!(x & PGT_count_mask) || !(x & PGT_validated))
        return true;
    if (type == PGT_gdt_page || type == PGT_ldt_page)
        return check_descriptor_frame(m, mfn);
    for (i = 0; i < NR_WATCHED; i++) {
        if (type == PGT_l1_page_table && (mm_fake_words(mfn)[watched[i]] & _PAGE_PRESENT) &&
            !tally_l1e(m, mfn, watched[i], t))
            return false;
        if (type == PGT_l2_page_table && !tally_l2e(m, mfn, watched[i], t))
            return false;
    }
    return true;
}

static bool check_frame(struct page_model *m, uint32_t mfn, const struct tally *t)
{
    const struct page_info *p = pg(mfn);
    uint32_t count = p->count_info & PGC_count_mask;
    uint32_t tcount = p->type_info & PGT_count_mask;
    uint32_t type = p->type_info & PGT_type_mask;
    uint32_t va = (p->type_info & PGT_va_mask) >> PGT_va_shift;
    int linear = (int)va >= 0x200 ? (int)va - 0x400 : (int)va;

    if ((p->count_info & PGC_allocated) && !p->owner)
        return fail(m, "invariant: frame %u allocated without an owner", mfn);
    if (count ? !p->owner : (p->owner || tcount || (p->type_info & PGT_pinned)))
        return fail(m, "invariant: frame %u count %u with owner %p, type count %u", mfn, count,
                    (void *)p->owner, tcount);
    if (count != t->gen)
        return fail(m, "invariant: frame %u count %u, its holders hold %u", mfn, count, t->gen);
    if (tcount != t->type)
        return fail(m, "invariant: frame %u type count %u, its holders hold %u", mfn, tcount,
                    t->type);
    if (tcount && is_checked_type(type) && !(p->type_info & PGT_validated))
        return fail(m, "invariant: %s frame %u in use, not validated", type_name(type), mfn);
    if (!tcount && is_table(type) && (p->type_info & PGT_validated))
        return fail(m, "invariant: unused %s frame %u left validated", type_name(type), mfn);
    if ((p->type_info & PGT_pinned) && !is_table(type))
        return fail(m, "invariant: pinned %s frame %u", type_name(type), mfn);
    if (type == PGT_l1_page_table && tcount && va == VA_MUTABLE && t->installs)
        return fail(m, "invariant: L1 %u installed, back-pointer unset", mfn);
    if (t->maps && t->mapped)
        return fail(m, "invariant: L2 %u maps %d L2s and is mapped by %d", mfn, t->maps,
                    t->mapped);
    if (type == PGT_l2_page_table && linear != t->maps - t->mapped)
        return fail(m, "invariant: L2 %u linear count %d, its entries say %d", mfn, linear,
                    t->maps - t->mapped);
    return true;
}

bool pm_check_invariants(struct page_model *m)
{
    struct tally t[NR_FRAMES];
    uint32_t mfn;

    memset(t, 0, sizeof(t));
    if (!tally_holds(m, t))
        return false;
    for (mfn = 0; mfn < NR_FRAMES; mfn++)
        if (!tally_entries(m, mfn, t))
            return false;
    for (mfn = 0; mfn < NR_FRAMES; mfn++)
        if (!check_frame(m, mfn, &t[mfn]))
            return false;
    return true;
}

/* --- Descriptors ---------------------------------------------------------------- */

bool pm_check_descriptor(struct page_model *m, uint32_t lo, uint32_t hi)
{
    uint32_t ilo = lo, ihi = hi, mlo = lo, mhi = hi, alo, ahi;
    bool got = check_descriptor(&ilo, &ihi);
    bool want = model_descriptor(&mlo, &mhi);
    const char *why;

    m->last_result = got;
    if (got != want || ilo != mlo || ihi != mhi)
        return fail(m, "check_descriptor(%#010x %#010x) = %d -> %#010x %#010x, §3 says %d -> "
                    "%#010x %#010x", hi, lo, got, ihi, ilo, want, mhi, mlo);
    if (!got)
        return (ilo == lo && ihi == hi) ? true :
               fail(m, "check_descriptor changed a descriptor it refused");
    why = unsafe_descriptor(ilo, ihi);
    if (why)
        return fail(m, "check_descriptor accepted %s: %#010x %#010x", why, ihi, ilo);
    if (((ilo ^ lo) & ~0xFFFFu) || ((ihi ^ hi) & ~D_LIMIT_HI))
        return fail(m, "check_descriptor changed more than the limit of %#010x %#010x", hi, lo);
    if ((ilo != lo || ihi != hi) && !(hi & D_G))
        return fail(m, "check_descriptor rewrote a byte-granular limit");
    alo = ilo;
    ahi = ihi;
    if (!check_descriptor(&alo, &ahi) || alo != ilo || ahi != ihi)
        return fail(m, "check_descriptor does not accept its own result %#010x %#010x", ihi,
                    ilo);
    return true;
}

bool pm_check_selector(struct page_model *m, uint16_t sel)
{
    bool got = check_selector(sel);

    m->last_result = got;
    if (got != model_selector(sel))
        return fail(m, "check_selector(%#06x) = %d, §3 says %d", sel, got, !got);
    return true;
}

/* --- Generating operations ----------------------------------------------------- */

static uint32_t pick(struct pm_source *s, uint32_t n)
{
    return n <= 1 ? 0 : s->pick(s, n);
}

static bool chance(struct pm_source *s, uint32_t in)
{
    return pick(s, in) == 0;
}

static uint32_t pick32(struct pm_source *s)
{
    return pick(s, 0x10000) << 16 | pick(s, 0x10000);
}

static enum pm_dom pick_guest(struct pm_source *s)
{
    return (enum pm_dom)(PM_DOM_D1 + (int)pick(s, 3));
}

static enum pm_dom pick_any_dom(struct pm_source *s)
{
    switch (pick(s, 8)) {
    case 0:
        return PM_DOM_NONE;
    case 1:
        return PM_DOM_IO;
    case 2:
        return PM_DOM_XEN;
    default:
        return pick_guest(s);
    }
}

/* Mostly the frame's owner, so that most requests are not refused outright. */
static enum pm_dom pick_dom_for(const struct page_model *m, struct pm_source *s, uint32_t mfn)
{
    return chance(s, 4) ? pick_any_dom(s) : m->f[mfn].owner;
}

/* One of d's frames, or any frame. */
static uint32_t pick_frame_of(const struct page_model *m, struct pm_source *s, enum pm_dom d)
{
    uint32_t n = 0, mfn, k;

    for (mfn = 0; mfn < NR_FRAMES; mfn++)
        n += m->f[mfn].owner == d;
    if (n == 0)
        return pick(s, NR_FRAMES);
    k = pick(s, n);
    for (mfn = 0; mfn < NR_FRAMES; mfn++)
        if (m->f[mfn].owner == d && k-- == 0)
            break;
    return mfn;
}

/* A frame in the given validated-table state (of owner, unless PM_DOM_NONE), or any frame. */
static uint32_t pick_table_of(const struct page_model *m, struct pm_source *s, uint32_t type,
                              enum pm_dom owner)
{
    uint32_t n = 0, mfn, k;

    for (mfn = 0; mfn < NR_FRAMES; mfn++)
        n += valid_table(m, mfn, type) && (owner == PM_DOM_NONE || m->f[mfn].owner == owner);
    if (n == 0)
        return pick(s, NR_FRAMES);
    k = pick(s, n);
    for (mfn = 0; mfn < NR_FRAMES; mfn++)
        if (valid_table(m, mfn, type) && (owner == PM_DOM_NONE || m->f[mfn].owner == owner) &&
            k-- == 0)
            break;
    return mfn;
}

static uint32_t pick_table(const struct page_model *m, struct pm_source *s, uint32_t type)
{
    return pick_table_of(m, s, type, PM_DOM_NONE);
}

/* A frame an op may take: the table itself, I/O, Tessera's, above RAM, or a pool frame. */
static uint32_t pick_target(const struct page_model *m, struct pm_source *s, uint32_t self)
{
    switch (pick(s, 16)) {
    case 0:
        return self;
    case 1:
        return MM_FAKE_IO_MFN;
    case 2:
        return MM_FAKE_XEN_MFN;
    case 3:
        return NR_FRAMES + pick(s, 2);
    case 4:
        return 0xFFFFF;
    case 5:
    case 6:
    case 7:
        return pick(s, NR_FRAMES);
    default:
        return pick_frame_of(m, s, self < NR_FRAMES ? m->f[self].owner : PM_DOM_NONE);
    }
}

static uint32_t pick_l1e(const struct page_model *m, struct pm_source *s, uint32_t self)
{
    static const uint32_t free_flags[4] = { _PAGE_USER, _PAGE_ACCESSED, _PAGE_DIRTY, _PAGE_PCD };
    uint32_t e = pick_target(m, s, self) << PAGE_SHIFT_4K;
    uint32_t bits = pick(s, 16), i;

    if (chance(s, 32))
        return pick32(s);
    e |= chance(s, 10) ? 0 : _PAGE_PRESENT;
    e |= chance(s, 2) ? _PAGE_RW : 0;
    for (i = 0; i < 4; i++)
        e |= (bits >> i & 1) ? free_flags[i] : 0;
    e |= chance(s, 16) ? _PAGE_GLOBAL : 0;
    e |= chance(s, 16) ? _PAGE_PAT : 0;
    return e;
}

/*
 * Often tables in use: L1s to install (meeting back-pointers), and read-only
 * maps of the owner's L2s, so that linear page tables meet the one-level rule.
 */
static uint32_t pick_l2e(const struct page_model *m, struct pm_source *s, uint32_t self)
{
    enum pm_dom owner = self < NR_FRAMES ? m->f[self].owner : PM_DOM_NONE;
    uint32_t e;

    if (chance(s, 32))
        return pick32(s);
    switch (pick(s, 4)) {
    case 0:
        e = pick_table_of(m, s, PGT_l2_page_table, owner) << PAGE_SHIFT_4K;
        e |= chance(s, 4) ? _PAGE_RW : 0;
        break;
    case 1:
        e = pick_table(m, s, PGT_l1_page_table) << PAGE_SHIFT_4K;
        e |= chance(s, 4) ? 0 : _PAGE_RW;
        break;
    default:
        e = pick_target(m, s, self) << PAGE_SHIFT_4K;
        e |= chance(s, 3) ? 0 : _PAGE_RW;
        break;
    }
    e |= chance(s, 10) ? 0 : _PAGE_PRESENT;
    e |= chance(s, 2) ? _PAGE_USER | _PAGE_ACCESSED : 0;
    e |= chance(s, 16) ? _PAGE_PSE : 0;
    e |= chance(s, 16) ? _PAGE_GLOBAL : 0;
    return e;
}

static uint32_t pick_selector(struct pm_source *s)
{
    static const uint16_t sels[] = {
        0x0819, 0x0821, 0x082B, 0x0833, 0x0808, 0x0810, 0x0811, 0x0009, 0x07F9, 0x0801,
        0x0939, 0x0941, 0x093D, 0x000D, 0x0019, 0x001B, 0x0018,
    };

    return chance(s, 4) ? pick(s, 0x10000) : sels[pick(s, ARRAY_SIZE(sels))];
}

/* Bases and raw limits near the edges §3 cares about, or anything. */
static uint32_t pick_base(struct pm_source *s)
{
    switch (pick(s, 6)) {
    case 0:
        return 0;
    case 1:
        return SEG_BASE_LIMIT - 0x1000 + pick(s, 0x2000);
    case 2:
        return SEG_END - pick(s, 0x10000000);
    case 3:
        return pick(s, 0x3000);
    default:
        return pick32(s);
    }
}

static uint32_t pick_limit(struct pm_source *s)
{
    switch (pick(s, 4)) {
    case 0:
        return 0xFFFFF;
    case 1:
        return 0xFC3FF - 8 + pick(s, 16);
    case 2:
        return pick(s, 16);
    default:
        return pick(s, 0x100000);
    }
}

static void pick_descriptor(struct pm_source *s, uint32_t *lo, uint32_t *hi)
{
    uint32_t base = pick_base(s), limit = pick_limit(s);
    uint32_t flags = (chance(s, 8) ? 0 : D_P) | pick(s, 4) << 13 | pick(s, 16) << 8 |
                     (chance(s, 2) ? D_G : 0) | (chance(s, 2) ? D_DB : 0);

    switch (pick(s, 6)) {
    case 0: /* a call gate, mostly well formed */
        *lo = pick_selector(s) << 16 | pick(s, 0x10000);
        *hi = (pick32(s) & 0xFFFF0000u) | (flags & (D_P | D_DPL)) | D_CALL_GATE << 8 |
              pick(s, 32) | (chance(s, 4) ? pick(s, 8) << 5 : 0);
        return;
    case 1: /* anything */
        *lo = pick32(s);
        *hi = pick32(s);
        return;
    default: /* code or data */
        *lo = base << 16 | (limit & 0xFFFF);
        *hi = (base & 0xFF000000u) | (base >> 16 & 0xFF) | (limit & D_LIMIT_HI) | flags |
              (chance(s, 8) ? 0 : D_S);
        return;
    }
}

static uint32_t pick_watched(struct pm_source *s)
{
    return watched[pick(s, NR_WATCHED)];
}

/* A type to ask for: mostly the ones guests use, with L1 back-pointers at watched slots. */
static uint32_t pick_type(struct pm_source *s)
{
    switch (pick(s, 10)) {
    case 0:
    case 1:
    case 2:
        return PGT_writable_page;
    case 3:
        return PGT_l1_page_table | PGT_va_mutable;
    case 4:
        return PGT_l1_page_table | PGT_va(watched[pick(s, NR_WATCHED - 4)]);
    case 5:
    case 6:
        return PGT_l2_page_table;
    case 7:
        return PGT_gdt_page;
    case 8:
        return PGT_ldt_page;
    default:
        return chance(s, 2) ? PGT_l1_page_table | PGT_va_mutable : PGT_l2_page_table;
    }
}

static uint32_t pick_pin_type(struct pm_source *s)
{
    switch (pick(s, 8)) {
    case 0:
        return pick_type(s);
    case 1:
    case 2:
    case 3:
        return PGT_l1_page_table | PGT_va_mutable;
    default:
        return PGT_l2_page_table;
    }
}

/* The mfn of a random hold of kind, or an arbitrary frame if there is none. */
static uint32_t pick_held(const struct page_model *m, struct pm_source *s, enum hold_kind kind)
{
    uint32_t n = 0, i, k;

    for (i = 0; i < m->nr_holds; i++)
        n += m->holds[i].kind == kind;
    if (n == 0)
        return pick(s, NR_FRAMES);
    k = pick(s, n);
    for (i = 0; i < m->nr_holds; i++)
        if (m->holds[i].kind == kind && k-- == 0)
            break;
    return m->holds[i].mfn;
}

/* What a guest stores: an entry of either level, a descriptor, zero or anything. */
static void gen_write(const struct page_model *m, struct pm_source *s, struct pm_op *op)
{
    op->mfn = MM_FAKE_FIRST_FREE_MFN + pick(s, NR_FRAMES - MM_FAKE_FIRST_FREE_MFN);
    op->idx = pick_watched(s);
    switch (pick(s, 6)) {
    case 0:
    case 1:
        op->val = pick_l1e(m, s, op->mfn);
        break;
    case 2:
    case 3:
        op->val = pick_l2e(m, s, op->mfn);
        break;
    case 4:
        op->idx &= ~1u;
        op->two = true;
        pick_descriptor(s, &op->val, &op->val2);
        break;
    default:
        op->val = chance(s, 2) ? 0 : pick32(s);
        break;
    }
}

/* mmu_update's subjects: the caller, or a foreign domain it may name (§5.3). */
static void pick_subject(struct pm_source *s, struct pm_op *op)
{
    op->subject = op->caller;
    if (chance(s, 4))
        op->subject = privileged(op->caller) ? pick_any_dom(s) : PM_DOM_IO;
    if (op->subject == PM_DOM_NONE)
        op->subject = op->caller;
}

static void gen_mod_l1(const struct page_model *m, struct pm_source *s, struct pm_op *op)
{
    op->mfn = pick_table(m, s, PGT_l1_page_table);
    op->idx = pick_watched(s);
    op->val = pick_l1e(m, s, op->mfn);
    op->caller = m->f[op->mfn].owner;
    pick_subject(s, op);
}

static const struct {
    enum pm_op_kind kind;
    uint32_t weight;
} op_weights[] = {
    { PM_ALLOC, 3 },    { PM_DROP_ALLOC, 2 }, { PM_GET, 8 },     { PM_PUT, 7 },
    { PM_GET_TYPE, 14 }, { PM_PUT_TYPE, 11 }, { PM_PIN, 6 },     { PM_UNPIN, 5 },
    { PM_WRITE, 14 },   { PM_MOD_L1, 12 },    { PM_MOD_L2, 12 }, { PM_INFLATE, 1 },
    { PM_DEFLATE, 2 },  { PM_DESC, 2 },       { PM_SEL, 1 },     { PM_PROBE_L1E, 3 },
    { PM_PROBE_L2E, 3 },
};

static enum pm_op_kind pick_kind(struct pm_source *s)
{
    uint32_t total = 0, k, i;

    for (i = 0; i < ARRAY_SIZE(op_weights); i++)
        total += op_weights[i].weight;
    k = pick(s, total);
    for (i = 0; k >= op_weights[i].weight; i++)
        k -= op_weights[i].weight;
    return op_weights[i].kind;
}

static void gen_op(const struct page_model *m, struct pm_source *s, struct pm_op *op)
{
    *op = (struct pm_op){ .kind = pick_kind(s), .dom = PM_DOM_NONE, .subject = PM_DOM_NONE,
                          .caller = PM_DOM_NONE };
    switch (op->kind) {
    case PM_ALLOC:
        op->dom = pick_guest(s);
        break;
    case PM_GET:
    case PM_UNPIN:
    case PM_DROP_ALLOC:
        op->mfn = pick(s, NR_FRAMES);
        op->dom = pick_dom_for(m, s, op->mfn);
        break;
    case PM_PUT:
        op->mfn = pick_held(m, s, H_GEN);
        break;
    case PM_GET_TYPE:
    case PM_PIN:
        op->mfn = pick(s, NR_FRAMES);
        op->dom = pick_dom_for(m, s, op->mfn);
        op->type = op->kind == PM_PIN ? pick_pin_type(s) : pick_type(s);
        op->split = chance(s, 2);
        break;
    case PM_PUT_TYPE:
        op->mfn = pick_held(m, s, H_TYPED);
        op->split = chance(s, 2);
        break;
    case PM_WRITE:
        gen_write(m, s, op);
        break;
    case PM_MOD_L1:
        gen_mod_l1(m, s, op);
        break;
    case PM_MOD_L2:
        op->mfn = pick_table(m, s, PGT_l2_page_table);
        op->idx = pick_watched(s);
        op->val = pick_l2e(m, s, op->mfn);
        break;
    case PM_INFLATE:
        op->mfn = pick(s, NR_FRAMES);
        op->typed = chance(s, 2);
        op->slack = pick(s, 3);
        break;
    case PM_DEFLATE:
        op->mfn = pick_held(m, s, H_INFLATED);
        break;
    case PM_DESC:
        pick_descriptor(s, &op->val, &op->val2);
        break;
    case PM_SEL:
        op->val = pick_selector(s);
        break;
    case PM_PROBE_L1E:
        op->caller = pick_guest(s);
        op->val = pick_l1e(m, s, pick_frame_of(m, s, op->caller));
        pick_subject(s, op);
        break;
    case PM_PROBE_L2E:
        op->mfn = pick_table(m, s, PGT_l2_page_table);
        op->idx = pick_watched(s);
        op->val = pick_l2e(m, s, op->mfn);
        break;
    default:
        break;
    }
}

/* --- Tracing ------------------------------------------------------------------ */

static const char *dom_name(enum pm_dom d)
{
    static const char *const names[PM_NR_DOMS] = { "io", "xen", "d1", "d2", "dom0" };

    return d == PM_DOM_NONE ? "NULL" : names[d];
}

static void describe_type(char *buf, size_t size, uint32_t type)
{
    uint32_t va = (type & PGT_va_mask) >> PGT_va_shift;

    if ((type & PGT_type_mask) != PGT_l1_page_table)
        snprintf(buf, size, "%s", type_name(type & PGT_type_mask));
    else if (va == VA_MUTABLE)
        snprintf(buf, size, "L1@unset");
    else
        snprintf(buf, size, "L1@%u", va);
}

static void describe_op(const struct pm_op *op, char *buf, size_t size)
{
    static const char *const names[PM_NR_OPS] = {
        "alloc", "drop_alloc", "get", "put", "get_type", "put_type", "pin", "unpin",
        "write", "mod_l1", "mod_l2", "inflate", "deflate", "desc", "sel", "probe_l1e",
        "probe_l2e",
    };
    char type[16];

    describe_type(type, sizeof(type), op->type);
    snprintf(buf, size, "%s f%u dom=%s type=%s idx=%u val=%#x/%#x%s%s%s subj=%s caller=%s",
             names[op->kind], op->mfn, dom_name(op->dom), type, op->idx, op->val, op->val2,
             op->two ? " two" : "", op->split ? " split" : "", op->typed ? " typed" : "",
             dom_name(op->subject), dom_name(op->caller));
}

/* --- Running --------------------------------------------------------------------- */

int pm_last_result(const struct page_model *m)
{
    return m->last_result;
}

const struct pm_coverage *pm_coverage(const struct page_model *m)
{
    return &m->cov;
}

bool pm_apply(struct page_model *m, const struct pm_op *op)
{
    char *line;
    size_t len;
    uint32_t i;

    if (m->failure[0])
        return false;
    m->step++;
    line = m->trace[m->step % TRACE_LEN];
    m->cov.ops++;
    snprintf(line, TRACE_WIDTH, "#%lu ", m->step);
    len = strlen(line);
    describe_op(op, line + len, TRACE_WIDTH - len);
    m->nr_freed = 0;
    m->last_result = 0;
    if (!apply(m, op)) {
        strncat(line, " (skipped)", TRACE_WIDTH - strlen(line) - 1);
        return true;
    }
    m->cov.applied++;
    len = strlen(line);
    snprintf(line + len, TRACE_WIDTH - len, " -> %d", m->last_result);
    m->full_compare = m->full_compare || m->step % FULL_COMPARE_EVERY == 0;
    if (m->failure[0] || !pm_check_model(m) || !pm_check_invariants(m))
        return false;
    m->full_compare = false;
    /* Freed as the rules say: the free frame is the new baseline. */
    for (i = 0; i < m->nr_freed; i++)
        mm_fake_rebaseline(m->freed[i]);
    return true;
}

bool pm_step(struct page_model *m, struct pm_source *src)
{
    struct pm_op op;

    gen_op(m, src, &op);
    return pm_apply(m, &op);
}

/* The op that gives back hold h. */
static struct pm_op release_op(const struct hold *h)
{
    static const enum pm_op_kind kinds[] = { PM_PUT, PM_PUT_TYPE, PM_DEFLATE };

    return (struct pm_op){ .kind = kinds[h->kind], .mfn = h->mfn, .dom = PM_DOM_NONE,
                           .subject = PM_DOM_NONE, .caller = PM_DOM_NONE };
}

bool pm_finish(struct page_model *m)
{
    uint32_t mfn;

    while (m->nr_holds) {
        struct pm_op op = release_op(&m->holds[m->nr_holds - 1]);

        if (!pm_apply(m, &op))
            return false;
    }
    for (mfn = 0; mfn < NR_FRAMES; mfn++) {
        struct pm_op op = { .kind = PM_UNPIN, .mfn = mfn, .dom = m->f[mfn].owner,
                            .subject = PM_DOM_NONE, .caller = PM_DOM_NONE };

        if (m->f[mfn].pinned && !pm_apply(m, &op))
            return false;
    }
    m->full_compare = true;
    if (!pm_check_model(m) || !pm_check_invariants(m))
        return false;
    for (mfn = 0; mfn < NR_FRAMES; mfn++) {
        const struct mframe *f = &m->f[mfn];

        if (f->count != (f->allocated ? 1u : 0u) || f->tcount || any_hold_on(m, mfn))
            return fail(m, "model: frame %u still held after everything was dropped", mfn);
    }
    mfn = mm_fake_unsettled_frame();
    if (mfn != MM_FAKE_NONE)
        return fail(m, "frame %u not back at its baseline: count_info %#x type_info %#x", mfn,
                    pg(mfn)->count_info, pg(mfn)->type_info);
    return true;
}

void pm_set_name(struct page_model *m, const char *name)
{
    snprintf(m->name, sizeof(m->name), "%s", name);
}

const char *pm_report(struct page_model *m)
{
    size_t len;
    unsigned long i, first;

    if (!m->failure[0])
        return "";
    len = (size_t)snprintf(m->report, sizeof(m->report), "%s%s%s\nafter step %lu; the last ops:\n",
                           m->name, m->name[0] ? ": " : "", m->failure, m->step);
    first = m->step > TRACE_LEN ? m->step - TRACE_LEN + 1 : 1;
    for (i = first; i <= m->step && len < sizeof(m->report); i++)
        len += (size_t)snprintf(m->report + len, sizeof(m->report) - len, "  %s\n",
                                m->trace[i % TRACE_LEN]);
    return m->report;
}

/* --- Setting up ---------------------------------------------------------------- */

/* The model whose step is running, for a panic in the implementation. */
static struct page_model *running;

static void report_panic(void)
{
    fail(running, "the implementation panicked (message above)");
    fputs(pm_report(running), stderr);
}

static void model_special(struct page_model *m, uint32_t mfn, enum pm_dom d)
{
    m->f[mfn].owner = d;
    m->f[mfn].allocated = true;
    m->f[mfn].count = 1;
}

struct page_model *pm_create(void)
{
    struct page_model *m = calloc(1, sizeof(*m));
    uint32_t mfn, i;
    int d;

    if (!m)
        return NULL;
    running = m;
    mm_fake_panic_hook = report_panic;
    mm_fake_reset(NR_FRAMES);
    m->dom[PM_DOM_IO] = dom_io;
    m->dom[PM_DOM_XEN] = dom_xen;
    m->dom[PM_DOM_D1] = mm_fake_domain(1, false);
    m->dom[PM_DOM_D2] = mm_fake_domain(2, false);
    m->dom[PM_DOM_PRIV] = mm_fake_domain(0, true);
    for (mfn = 0; mfn < NR_FRAMES; mfn++)
        m->f[mfn].owner = PM_DOM_NONE;
    model_special(m, MM_FAKE_IO_MFN, PM_DOM_IO);
    model_special(m, MM_FAKE_XEN_MFN, PM_DOM_XEN);
    for (d = PM_DOM_D1; d < PM_NR_DOMS; d++) {
        for (i = 0; i < PM_FRAMES_PER_GUEST; i++) {
            struct pm_op op = { .kind = PM_ALLOC, .dom = (enum pm_dom)d,
                                .subject = PM_DOM_NONE, .caller = PM_DOM_NONE };

            pm_apply(m, &op);
        }
    }
    return m;
}

void pm_destroy(struct page_model *m)
{
    mm_fake_panic_hook = NULL;
    running = NULL;
    mm_fake_release();
    free(m);
}

/* --- Sources ----------------------------------------------------------------------- */

/* splitmix64: tiny, and every seed (0 too) gives a good stream. */
static uint64_t rng_next(struct pm_rng *r)
{
    uint64_t z = (r->state += 0x9E3779B97F4A7C15ull);

    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static uint32_t rng_pick(struct pm_source *src, uint32_t n)
{
    struct pm_rng *r = (struct pm_rng *)src;

    return (uint32_t)((rng_next(r) >> 32) % n);
}

void pm_rng_init(struct pm_rng *rng, uint64_t seed)
{
    *rng = (struct pm_rng){ .src = { .pick = rng_pick }, .state = seed };
}

/* As few bytes as n needs, so that each byte of the input means one choice. */
static uint32_t bytes_pick(struct pm_source *src, uint32_t n)
{
    struct pm_bytes *b = (struct pm_bytes *)src;
    uint32_t v = 0, width = n <= 0x100 ? 1 : n <= 0x10000 ? 2 : 4;

    while (width--) {
        if (b->pos == b->size) {
            src->exhausted = true;
            return 0;
        }
        v = v << 8 | b->data[b->pos++];
    }
    return v % n;
}

void pm_bytes_init(struct pm_bytes *bytes, const uint8_t *data, size_t size)
{
    *bytes = (struct pm_bytes){ .src = { .pick = bytes_pick }, .data = data, .size = size };
}
