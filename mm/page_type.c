/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Frame reference counts and types: the rules of ABI.md §5.1 and §5.2,
 * with the reference invariants stated in mm.h.
 *
 * Every change of count_info, type_info or a table entry is computed from
 * one snapshot x of the word and committed by update_word(p, x, nx). On
 * one CPU the commit always succeeds; SMP turns it into a cmpxchg that
 * fails when another CPU changed the word first, and each loop below then
 * starts again from a fresh snapshot.
 *
 * Frame contents are reached only through map_frame() and TLBs only
 * through flush_tlb_for_retype(), so this file also compiles for the host
 * tests.
 */
#include <tessera/bug.h>
#include <tessera/errno.h>
#include <tessera/mm.h>

/* What a frame with no type reference must match to be reused as it is. */
#define PGT_kind_mask   (PGT_type_mask | PGT_va_mask)

static inline bool update_word(uint32_t *p, uint32_t x, uint32_t nx)
{
    if (*p != x)
        return false;
    *p = nx;
    return true;
}

static inline uint32_t entry_mfn(uint32_t entry)
{
    return entry >> PAGE_SHIFT_4K;
}

static inline bool is_table_type(uint32_t type)
{
    return type == PGT_l1_page_table || type == PGT_l2_page_table;
}

/* --- General references ------------------------------------------------ */

/*
 * "Allocated" means in use (count > 0), as in Xen 2.0: a frame its owner
 * has given back (PGC_allocated clear) stays the owner's until its last
 * mapping goes (ABI.md §5.1). A NULL owner is Tessera's own frame, which
 * no guest reference may reach. SMP must check the owner in the same
 * atomic step as the count (Xen uses cmpxchg8b over both).
 */
bool get_page(struct page_info *pg, struct domain *d)
{
    uint32_t x, nx;

    do {
        x = pg->count_info;
        nx = x + 1;
        if ((x & PGC_count_mask) == 0 || (nx & PGC_count_mask) == 0)
            return false;       /* free, or the count would overflow */
        if (d == NULL || pg->owner != d)
            return false;
    } while (!update_word(&pg->count_info, x, nx));
    return true;
}

void put_page(struct page_info *pg)
{
    uint32_t x, nx;

    do {
        x = pg->count_info;
        ASSERT((x & PGC_count_mask) != 0);
        nx = x - 1;
    } while (!update_word(&pg->count_info, x, nx));
    if ((nx & PGC_count_mask) == 0)
        free_domheap_page(pg);
}

/* --- Validation: the references a table's entries hold ---------------------- */

/*
 * The guest whose entries a table holds. Tessera's own frames, and those
 * it shares through dom_io and dom_xen, never become tables: their owner
 * is no guest the entries could be checked against.
 */
static struct domain *table_owner(const struct page_info *pg)
{
    struct domain *d = pg->owner;

    return d == dom_io || d == dom_xen ? NULL : d;
}

/* An L1's entries are checked against its owner, as subject and caller (§5.2). */
static bool alloc_l1_table(struct page_info *pg)
{
    struct domain *d = table_owner(pg);
    uint32_t *pl1e;
    uint32_t i;
    bool ok;

    if (!d)
        return false;
    pl1e = map_frame(page_to_mfn(pg));
    for (i = 0; i < L1_ENTRIES; i++)
        if (!get_page_from_l1e(pl1e[i], d, d))
            break;
    ok = i == L1_ENTRIES;
    /* Refused: the entries already counted give their references back. */
    while (!ok && i-- > 0)
        put_page_from_l1e(pl1e[i]);
    unmap_frame(pl1e);
    return ok;
}

/* Slots 1008-1023 are Tessera's: whatever the guest left there is overwritten. */
static bool alloc_l2_table(struct page_info *pg)
{
    struct domain *d = table_owner(pg);
    uint32_t mfn = page_to_mfn(pg);
    uint32_t *pl2e;
    uint32_t i;
    bool ok;

    if (!d)
        return false;
    pl2e = map_frame(mfn);
    for (i = 0; i < FIRST_HYPERVISOR_L2_SLOT; i++)
        if (!get_page_from_l2e(pl2e[i], mfn, i, d))
            break;
    ok = i == FIRST_HYPERVISOR_L2_SLOT;
    if (ok)
        fill_hypervisor_l2_slots(pl2e, mfn, d);
    while (!ok && i-- > 0)
        put_page_from_l2e(pl2e[i], mfn);
    unmap_frame(pl2e);
    return ok;
}

/* GDT and LDT frames hold no references; their descriptors are only checked. */
static bool alloc_descriptor_page(struct page_info *pg)
{
    uint32_t *desc = map_frame(page_to_mfn(pg));
    uint32_t i;

    for (i = 0; i < DESCRIPTORS_PER_FRAME; i++)
        if (!check_descriptor(&desc[2 * i], &desc[2 * i + 1]))
            break;
    unmap_frame(desc);
    return i == DESCRIPTORS_PER_FRAME;
}

static bool alloc_page_type(struct page_info *pg, uint32_t type)
{
    switch (type) {
    case PGT_l1_page_table:
        return alloc_l1_table(pg);
    case PGT_l2_page_table:
        return alloc_l2_table(pg);
    case PGT_gdt_page:
    case PGT_ldt_page:
        return alloc_descriptor_page(pg);
    default:
        return true;
    }
}

/* The last type reference of a table went: its entries let go of their targets. */
static void free_page_type(struct page_info *pg, uint32_t type)
{
    uint32_t mfn = page_to_mfn(pg);
    uint32_t *pte = map_frame(mfn);
    uint32_t i;

    if (type == PGT_l1_page_table) {
        for (i = 0; i < L1_ENTRIES; i++)
            put_page_from_l1e(pte[i]);
    } else {
        for (i = 0; i < FIRST_HYPERVISOR_L2_SLOT; i++)
            put_page_from_l2e(pte[i], mfn);
    }
    unmap_frame(pte);
}

/* --- Type references ----------------------------------------------------- */

/* Sets flag in type_info; false if it was set already. */
static bool set_type_flag(struct page_info *pg, uint32_t flag)
{
    uint32_t x;

    do {
        x = pg->type_info;
        if (x & flag)
            return false;
    } while (!update_word(&pg->type_info, x, x | flag));
    return true;
}

/* Clears flag in type_info; false if it was clear already. */
static bool clear_type_flag(struct page_info *pg, uint32_t flag)
{
    uint32_t x;

    do {
        x = pg->type_info;
        if (!(x & flag))
            return false;
    } while (!update_word(&pg->type_info, x, x & ~flag));
    return true;
}

/*
 * Type count 0: nobody relies on the current type any more, so the frame
 * may take another. A new type (or a new L1 back-pointer) starts
 * unvalidated; a writable frame has nothing to validate.
 */
static uint32_t first_type_ref(uint32_t x, uint32_t type)
{
    uint32_t nx;

    if ((x & PGT_kind_mask) == type)
        return x + 1;
    nx = ((x & ~(PGT_kind_mask | PGT_validated)) + 1) | type;
    if ((type & PGT_type_mask) == PGT_writable_page)
        nx |= PGT_validated;
    return nx;
}

/*
 * An L1 installed in another slot: an unset back-pointer takes the slot;
 * a second slot, or a pin (mutable) of an installed L1, makes it unknown.
 */
static uint32_t moved_backpointer(uint32_t x, uint32_t type)
{
    if ((x & PGT_va_mask) == PGT_va_mutable)
        return type & PGT_va_mask;
    return PGT_va_unknown;
}

/*
 * Type count > 0: the type is fixed; only an L1's back-pointer may move.
 * (An L2 keeps its linear-map count in those bits: left alone here.)
 */
static bool further_type_ref(uint32_t x, uint32_t type, uint32_t *nx)
{
    if ((x & PGT_type_mask) != (type & PGT_type_mask))
        return false;
    /* Not validated yet: its first user is still checking it (SMP) or gave up. */
    if (!(x & PGT_validated))
        return false;
    *nx = x + 1;
    if ((type & PGT_type_mask) == PGT_l1_page_table &&
        (x & PGT_va_mask) != (type & PGT_va_mask))
        *nx = (*nx & ~PGT_va_mask) | moved_backpointer(x, type);
    return true;
}

static bool next_type_word(uint32_t x, uint32_t type, uint32_t *nx)
{
    if (((x + 1) & PGT_count_mask) == 0)
        return false;       /* the 17-bit type count would overflow */
    if ((x & PGT_count_mask) == 0) {
        *nx = first_type_ref(x, type);
        return true;
    }
    return further_type_ref(x, type, nx);
}

/*
 * We hold the only type reference and the frame is not validated, so no
 * one else uses it as this type and no one can write it. A refusal puts
 * the type word back as it was before our attempt.
 */
static bool validate_new_type(struct page_info *pg, uint32_t before, uint32_t type)
{
    if (!alloc_page_type(pg, type)) {
        pg->type_info = before;
        return false;
    }
    set_type_flag(pg, PGT_validated);
    return true;
}

bool get_page_type(struct page_info *pg, uint32_t type)
{
    uint32_t x, nx;

    do {
        x = pg->type_info;
        if (!next_type_word(x, type, &nx))
            return false;
    } while (!update_word(&pg->type_info, x, nx));

    /* A TLB may still hold a writable translation from the old type:
     * flush before the contents are checked, not after. */
    if ((x & PGT_type_mask) != (nx & PGT_type_mask))
        flush_tlb_for_retype(pg);
    if (nx & PGT_validated)
        return true;
    return validate_new_type(pg, x, nx & PGT_type_mask);
}

/* nx: the type word after dropping a reference. */
static bool needs_devalidation(uint32_t nx)
{
    return (nx & PGT_count_mask) == 0 && (nx & PGT_validated) &&
           is_table_type(nx & PGT_type_mask);
}

/*
 * Only the pin holds this L1 now, so no L2 slot does: its next install may
 * set the back-pointer again. (Xen 2.0 does this for any pinned type; only
 * an L1's back-pointer means anything, so the others keep theirs clear.)
 */
static bool only_pin_left(uint32_t nx)
{
    return (nx & (PGT_type_mask | PGT_pinned | PGT_count_mask)) ==
           (PGT_l1_page_table | PGT_pinned | 1);
}

void put_page_type(struct page_info *pg)
{
    for (;;) {
        uint32_t x = pg->type_info;
        uint32_t nx = x - 1;

        ASSERT((x & PGT_count_mask) != 0);
        if (needs_devalidation(nx)) {
            /* Clear validated while we still hold the last reference, so
             * nobody takes the type and trusts entries we are dropping. */
            if (!update_word(&pg->type_info, x, x & ~PGT_validated))
                continue;
            free_page_type(pg, x & PGT_type_mask);
            x &= ~PGT_validated;
            nx &= ~PGT_validated;
        } else if (only_pin_left(nx)) {
            nx |= PGT_va_mutable;
        }
        if (update_word(&pg->type_info, x, nx))
            return;
    }
}

bool get_page_and_type(struct page_info *pg, struct domain *d, uint32_t type)
{
    if (!get_page(pg, d))
        return false;
    if (!get_page_type(pg, type)) {
        put_page(pg);
        return false;
    }
    return true;
}

void put_page_and_type(struct page_info *pg)
{
    put_page_type(pg);
    put_page(pg);
}

/* --- Pins ------------------------------------------------------------------ */

/* An L1 is pinned with its back-pointer unset: no slot holds it yet. */
int pin_page_table(struct page_info *pg, struct domain *d, uint32_t type)
{
    if (type != (PGT_l1_page_table | PGT_va_mutable) && type != PGT_l2_page_table)
        return -EINVAL;
    if (!get_page_and_type(pg, d, type))
        return -EINVAL;
    /* The pin keeps the references just taken, once per frame. */
    if (!set_type_flag(pg, PGT_pinned)) {
        put_page_and_type(pg);
        return -EINVAL;
    }
    return 0;
}

int unpin_page_table(struct page_info *pg, struct domain *d)
{
    /* Our own reference proves d owns the frame and keeps it alive while
     * the pin's references go. */
    if (!get_page(pg, d))
        return -EINVAL;
    if (!clear_type_flag(pg, PGT_pinned)) {
        put_page(pg);
        return -EINVAL;
    }
    put_page_and_type(pg);
    put_page(pg);
    return 0;
}

/* --- L1 entries ------------------------------------------------------------ */

/* A mapping holds a general reference; a writable one also the writable type. */
static bool get_mapping_ref(struct page_info *pg, struct domain *owner, bool writable)
{
    if (writable)
        return get_page_and_type(pg, owner, PGT_writable_page);
    return get_page(pg, owner);
}

bool get_page_from_l1e(uint32_t l1e, struct domain *subject, struct domain *caller)
{
    uint32_t mfn = entry_mfn(l1e);
    bool writable = l1e & _PAGE_RW;
    struct page_info *pg;

    if (!(l1e & _PAGE_PRESENT))
        return true;
    if (l1e & L1_DISALLOW_MASK)
        return false;
    /* Device memory above RAM has no frame-table entry to count. */
    if (!mfn_valid(mfn))
        return domain_io_allowed(caller, mfn);
    pg = mfn_to_page(mfn);
    if (pg->owner == dom_io) {
        /* I/O frames inside RAM: the caller's privilege decides, whoever the subject. */
        if (!domain_io_allowed(caller, mfn))
            return false;
        return get_mapping_ref(pg, dom_io, writable);
    }
    /* Tessera's frames are shared read-only. */
    if (subject == dom_xen && writable)
        return false;
    return get_mapping_ref(pg, subject, writable);
}

void put_page_from_l1e(uint32_t l1e)
{
    uint32_t mfn = entry_mfn(l1e);

    if (!(l1e & _PAGE_PRESENT) || !mfn_valid(mfn))
        return;
    if (l1e & _PAGE_RW)
        put_page_and_type(mfn_to_page(mfn));
    else
        put_page(mfn_to_page(mfn));
}

/* --- L2 entries ------------------------------------------------------------ */

/*
 * Linear page tables nest at most one level deep. Xen 2.0 let a guest
 * chain L2s (each mapping the next read-only), so dropping the head
 * devalidated the whole chain recursively, to a depth of the guest's
 * choosing: a hypervisor stack overflow (the bug class of XSA-240). An L2
 * therefore either maps other L2s linearly or is mapped linearly by
 * others, never both. For an L2 the back-pointer bits are free and hold
 * that state as a signed count: n > 0, it maps n others; n < 0, -n others
 * map it. (Self-maps are not counted: they nest nothing.)
 */
#define LINEAR_MAX      511

static int linear_count(uint32_t type_info)
{
    int v = (int)((type_info & PGT_va_mask) >> PGT_va_shift);

    return v >= 0x200 ? v - 0x400 : v;
}

static uint32_t with_linear_count(uint32_t type_info, int n)
{
    return (type_info & ~PGT_va_mask) | (((uint32_t)n & 0x3FF) << PGT_va_shift);
}

/* Moves pg's linear count one step in direction dir (+1 maps, -1 mapped),
 * unless it points the other way already or is at its limit. */
static bool linear_step(struct page_info *pg, int dir)
{
    uint32_t x;
    int n;

    do {
        x = pg->type_info;
        n = linear_count(x);
        if (n * dir < 0 || (n * dir) >= LINEAR_MAX)
            return false;
    } while (!update_word(&pg->type_info, x, with_linear_count(x, n + dir)));
    return true;
}

/* Undoes one step of linear_step(). */
static void linear_unstep(struct page_info *pg, int dir)
{
    uint32_t x;

    do {
        x = pg->type_info;
        ASSERT(linear_count(x) * dir > 0);
    } while (!update_word(&pg->type_info, x, with_linear_count(x, linear_count(x) - dir)));
}

/*
 * A read-only map of an L2 (linear page table). The self-map holds no
 * reference: the L2 would otherwise keep its own type count from ever
 * reaching 0. Another L2 must already be in use and validated; it gets a
 * general and a type reference, without being validated again.
 */
static bool get_linear_pagetable(uint32_t l2e, uint32_t l2_mfn, struct domain *d)
{
    uint32_t mfn = entry_mfn(l2e);
    struct page_info *pg = mfn_to_page(mfn);
    struct page_info *self = mfn_to_page(l2_mfn);
    uint32_t x;

    if (l2e & _PAGE_RW)
        return false;
    if (mfn == l2_mfn)
        return true;
    if (!get_page(pg, d))
        return false;
    do {
        x = pg->type_info;
        if ((x & (PGT_type_mask | PGT_validated)) != (PGT_l2_page_table | PGT_validated) ||
            (x & PGT_count_mask) == 0 || (x & PGT_count_mask) == PGT_count_mask) {
            put_page(pg);
            return false;
        }
    } while (!update_word(&pg->type_info, x, x + 1));
    if (!linear_step(self, +1)) {
        put_page_and_type(pg);
        return false;
    }
    if (!linear_step(pg, -1)) {
        linear_unstep(self, +1);
        put_page_and_type(pg);
        return false;
    }
    return true;
}

bool get_page_from_l2e(uint32_t l2e, uint32_t l2_mfn, uint32_t slot, struct domain *d)
{
    uint32_t mfn = entry_mfn(l2e);

    if (slot >= FIRST_HYPERVISOR_L2_SLOT)
        return false;
    if (!(l2e & _PAGE_PRESENT))
        return true;
    if ((l2e & L2_DISALLOW_MASK) || !mfn_valid(mfn))
        return false;
    if (get_page_and_type(mfn_to_page(mfn), d, PGT_l1_page_table | PGT_va(slot)))
        return true;
    return get_linear_pagetable(l2e, l2_mfn, d);
}

/* Both an L1 and a linear L2 hold a general and a type reference. */
void put_page_from_l2e(uint32_t l2e, uint32_t l2_mfn)
{
    uint32_t mfn = entry_mfn(l2e);
    struct page_info *pg;

    if (!(l2e & _PAGE_PRESENT) || !mfn_valid(mfn) || mfn == l2_mfn)
        return;
    pg = mfn_to_page(mfn);
    /* The reference we hold keeps the target's type fixed. */
    if ((pg->type_info & PGT_type_mask) == PGT_l2_page_table) {
        linear_unstep(mfn_to_page(l2_mfn), +1);
        linear_unstep(pg, -1);
    }
    put_page_and_type(pg);
}

/* --- Checked entry updates ------------------------------------------------- */

/*
 * The new entry's references are taken before the old one's are dropped:
 * when both map the same frame (a flag change), its counts never touch
 * zero in between, so it is neither retyped nor devalidated, and the new
 * flags are still checked in full.
 */
int mod_l1_entry(uint32_t *pl1e, uint32_t new, struct domain *subject,
                 struct domain *caller)
{
    uint32_t old = *pl1e;

    if (!get_page_from_l1e(new, subject, caller))
        return -EINVAL;
    if (!update_word(pl1e, old, new)) {
        put_page_from_l1e(new);
        return -EINVAL;
    }
    put_page_from_l1e(old);
    return 0;
}

int mod_l2_entry(uint32_t *pl2e, uint32_t new, uint32_t l2_mfn, uint32_t slot,
                 struct domain *d)
{
    uint32_t old;

    if (slot >= FIRST_HYPERVISOR_L2_SLOT)
        return -EINVAL;
    old = *pl2e;
    if (!get_page_from_l2e(new, l2_mfn, slot, d))
        return -EINVAL;
    if (!update_word(pl2e, old, new)) {
        put_page_from_l2e(new, l2_mfn);
        return -EINVAL;
    }
    put_page_from_l2e(old, l2_mfn);
    return 0;
}
