/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Writable page tables, the pure part (ptwr_core.h): which write faults
 * open a table, opening and flushing a slot, and re-validation.
 */
#include <tessera/bug.h>
#include <tessera/mm.h>

#include "ptwr_core.h"

static inline uint32_t entry_mfn(uint32_t entry)
{
    return entry >> PAGE_SHIFT_4K;
}

static uint32_t read_entry(uint32_t mfn, uint32_t idx)
{
    uint32_t *t = map_frame(mfn);
    uint32_t e = t[idx];

    unmap_frame(t);
    return e;
}

/* Sets and clears bits of one entry of a frame. */
static void edit_entry(uint32_t mfn, uint32_t idx, uint32_t set, uint32_t clear)
{
    uint32_t *t = map_frame(mfn);

    t[idx] = (t[idx] & ~clear) | set;
    unmap_frame(t);
}

/* A validated L1 of d that something holds as an L1 (type count > 0). */
static bool is_live_l1_of(uint32_t mfn, const struct domain *d)
{
    const struct page_info *pg;

    if (!mfn_valid(mfn))
        return false;
    pg = mfn_to_page(mfn);
    return pg->owner == d && (pg->type_info & PGT_count_mask) != 0 &&
           (pg->type_info & (PGT_type_mask | PGT_validated)) ==
               (PGT_l1_page_table | PGT_validated);
}

/*
 * ACTIVE: the current L2 uses the table in its back-pointer slot. That
 * entry is not present while the table is open ACTIVE already and the
 * guest now writes it through another mapping: still ACTIVE.
 */
static bool in_current_l2(const struct domain *d, uint32_t l2_mfn, const struct ptwr_fault *f,
                          const struct ptwr_slot *active)
{
    uint32_t l2e = read_entry(l2_mfn, f->l2_idx);

    if (entry_mfn(l2e) != f->l1_mfn)
        return false;
    if (l2e & _PAGE_PRESENT)
        return true;
    return active->d == d && active->l1_mfn == f->l1_mfn && active->l2_idx == f->l2_idx;
}

enum ptwr_verdict ptwr_examine(struct domain *d, uint32_t l2_mfn, uint32_t addr,
                               uint32_t error_code, const struct ptwr_slot *slots,
                               struct ptwr_fault *f)
{
    uint32_t slot = addr >> PTWR_SLOT_SHIFT;
    uint32_t pde, pte, backptr;

    /* A write that met a present, read-only translation. */
    if ((error_code & 3) != 3 || addr >= PTWR_VA_LIMIT)
        return PTWR_NOT_OURS;
    /* A read-only PDE, or a linear map (an L2 walked as an L1), is what
     * forbids this write: opening the table would not let it through. */
    pde = read_entry(l2_mfn, slot);
    if ((pde & (_PAGE_PRESENT | _PAGE_RW)) != (_PAGE_PRESENT | _PAGE_RW) ||
        !is_live_l1_of(entry_mfn(pde), d))
        return PTWR_NOT_OURS;
    f->map_mfn = entry_mfn(pde);
    f->map_idx = (addr >> PAGE_SHIFT_4K) & (L1_ENTRIES - 1);
    pte = read_entry(f->map_mfn, f->map_idx);
    if ((pte & (_PAGE_PRESENT | _PAGE_RW)) != _PAGE_PRESENT || !is_live_l1_of(entry_mfn(pte), d))
        return PTWR_NOT_OURS;

    f->l1_mfn = entry_mfn(pte);
    f->va = addr & ~(FRAME_SIZE - 1);
    backptr = mfn_to_page(f->l1_mfn)->type_info & PGT_va_mask;
    f->l2_idx = backptr >> PGT_va_shift;
    /* Unset or ambiguous: no single L2 entry to disconnect and restore. */
    if (backptr == PGT_va_mutable || backptr == PGT_va_unknown)
        return PTWR_CRASH_BACKPOINTER;
    /* Disconnecting the table would take its own writable mapping away. */
    if (f->l2_idx == slot)
        return PTWR_CRASH_SELF_MAP;
    f->which = in_current_l2(d, l2_mfn, f, &slots[PTWR_ACTIVE]) ? PTWR_ACTIVE : PTWR_INACTIVE;
    return PTWR_OPEN;
}

struct ptwr_slot *ptwr_blocking_slot(struct ptwr_slot *slots, const struct ptwr_fault *f)
{
    struct ptwr_slot *same = &slots[f->which];
    struct ptwr_slot *other = &slots[f->which == PTWR_ACTIVE ? PTWR_INACTIVE : PTWR_ACTIVE];

    if (same->d)
        return same;
    /* A mapping inside an open table, or an open table's own mapping being
     * opened, would be diffed against a snapshot that lies about it. */
    if (other->d && (other->l1_mfn == f->l1_mfn || other->map_mfn == f->l1_mfn ||
                     other->l1_mfn == f->map_mfn))
        return other;
    return NULL;
}

bool ptwr_disconnected(const struct ptwr_slot *s, const struct domain *d, uint32_t addr)
{
    return s->d == d && s->which == PTWR_ACTIVE && (addr >> PTWR_SLOT_SHIFT) == s->l2_idx;
}

bool ptwr_open(struct ptwr_slot *s, struct domain *d, uint32_t l2_mfn,
               const struct ptwr_fault *f)
{
    uint32_t *t;

    if (!get_page_and_type(mfn_to_page(f->l1_mfn), d, PGT_l1_page_table | PGT_va(f->l2_idx)))
        return false;
    s->d = d;
    s->which = f->which;
    s->l1_mfn = f->l1_mfn;
    s->l2_idx = f->l2_idx;
    s->l2_mfn = l2_mfn;
    s->map_mfn = f->map_mfn;
    s->map_idx = f->map_idx;
    s->va = f->va;
    /* No CPU may walk a table whose entries are not checked. */
    if (f->which == PTWR_ACTIVE) {
        edit_entry(l2_mfn, f->l2_idx, 0, _PAGE_PRESENT);
        ptwr_flush_tlb_all(d);
    }
    t = map_frame(f->l1_mfn);
    memcpy(s->snapshot, t, sizeof(s->snapshot));
    unmap_frame(t);
    /* The documented exception to "never a table and mapped RW": no
     * writable-type reference, and RW goes again at the flush. */
    edit_entry(f->map_mfn, f->map_idx, _PAGE_RW, 0);
    ptwr_flush_tlb_one(d, f->va);
    return true;
}

static void note_refusal(struct ptwr_refusal *r, uint32_t idx, uint32_t entry)
{
    if (r->count++ == 0) {
        r->idx = idx;
        r->entry = entry;
    }
}

/* The same frame, present, only RW gone: a strict loss of rights. */
static bool only_lost_rw(uint32_t old, uint32_t new)
{
    return (new & _PAGE_PRESENT) && old == (new | _PAGE_RW) && old != new;
}

static void drop_writable_ref(uint32_t entry)
{
    uint32_t mfn = entry_mfn(entry);

    /* Device memory above RAM holds no references at all. */
    if (mfn_valid(mfn))
        put_page_type(mfn_to_page(mfn));
}

unsigned int ptwr_revalidate(uint32_t *l1, const uint32_t *snapshot, struct domain *d,
                             struct ptwr_refusal *r)
{
    unsigned int before = r->count;
    uint32_t i;

    for (i = 0; i < L1_ENTRIES; i++) {
        uint32_t old = snapshot[i], new = l1[i];

        if (new == old || only_lost_rw(old, new) || get_page_from_l1e(new, d, d))
            continue;
        l1[i] = 0;
        note_refusal(r, i, new);
    }
    /* Only now: a frame one entry let go of may be what another took. */
    for (i = 0; i < L1_ENTRIES; i++) {
        uint32_t old = snapshot[i], new = l1[i];

        if (new == old)
            continue;
        if (only_lost_rw(old, new))
            drop_writable_ref(new);
        else
            put_page_from_l1e(old);
    }
    return r->count - before;
}

void ptwr_close(struct ptwr_slot *s, struct ptwr_refusal *r)
{
    struct domain *d = s->d;
    uint32_t l1_mfn = s->l1_mfn;
    unsigned int before = r->count;
    uint32_t *t;

    s->d = NULL;
    /* 1. The guest writes no more, and no TLB remembers that it could. */
    ASSERT(entry_mfn(read_entry(s->map_mfn, s->map_idx)) == l1_mfn);
    edit_entry(s->map_mfn, s->map_idx, 0, _PAGE_RW);
    ptwr_flush_tlb_one(d, s->va);

    /* 2. What it wrote takes its references; what it replaced drops them. */
    t = map_frame(l1_mfn);
    ptwr_revalidate(t, s->snapshot, d, r);
    unmap_frame(t);
    if (before == 0 && r->count)
        r->l1_mfn = l1_mfn;

    /* 3. Checked entries only: the table may be walked again. */
    if (s->which == PTWR_ACTIVE) {
        ASSERT(entry_mfn(read_entry(s->l2_mfn, s->l2_idx)) == l1_mfn);
        edit_entry(s->l2_mfn, s->l2_idx, _PAGE_PRESENT, 0);
    }
    put_page_and_type(mfn_to_page(l1_mfn));
}
