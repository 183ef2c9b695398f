/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Writable page tables (mm/ptwr_core.c, ABI.md §5.5) on the fake platform
 * of mm_fake.c: which write faults open a table and how they are
 * classified, the ACTIVE disconnect and its restore, the re-validation
 * decisions of a flush, and the refusal path. Each test builds a small
 * address space of domain 1 with checked references, states the exact
 * counts of the frames it touches, and gives everything back: the
 * teardown checks every frame is at its baseline and nothing is mapped.
 *
 * The address space: L2 `l2` (held as by CR3) with
 *   slot 512 -> table A  (A[0] maps D0 writable)
 *   slot 513 -> table B
 *   slot 768 -> L1 M     (M[K] maps A read-only at VA_A, M[K+1] B at VA_B,
 *                         M[K+2] maps D0 writable at VA_D)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mm_fake.h"
#include "../../mm/ptwr_core.h"

#define NR_FRAMES   32u
#define ABOVE_RAM   NR_FRAMES

#define CI(n)       (PGC_allocated | (uint32_t)(n))
#define V           PGT_validated
#define W           PGT_writable_page
#define L1(slot)    (PGT_l1_page_table | PGT_va(slot))

#define P           _PAGE_PRESENT
#define RW          _PAGE_RW
#define PDE         (P | RW | _PAGE_USER | _PAGE_ACCESSED)
#define PTE_RO      (P | _PAGE_ACCESSED)
#define PTE_RW      (P | RW | _PAGE_ACCESSED | _PAGE_DIRTY)

#define SLOT_A      512u
#define SLOT_B      513u
#define SLOT_M      768u
#define K           16u
#define VA(slot, i) (((uint32_t)(slot) << 22) | ((uint32_t)(i) << 12))
#define VA_A        VA(SLOT_M, K)
#define VA_B        VA(SLOT_M, K + 1)
#define VA_D        VA(SLOT_M, K + 2)
#define WRITE_FAULT 3u      /* present | write */

static struct domain *d1, *d2, *dp;
static uint32_t l2, a, b, m, d0, dd1, dd2;
static struct ptwr_slot slots[PTWR_NR_SLOTS];

/* --- The TLB hooks ------------------------------------------------------- */

static unsigned int tlb_one_calls, tlb_all_calls;
static uint32_t tlb_one_va;
static struct domain *tlb_domain;

void ptwr_flush_tlb_one(struct domain *d, uint32_t va)
{
    tlb_one_calls++;
    tlb_one_va = va;
    tlb_domain = d;
}

void ptwr_flush_tlb_all(struct domain *d)
{
    tlb_all_calls++;
    tlb_domain = d;
}

/* --- Fixture ------------------------------------------------------------- */

static uint32_t frame(struct domain *d)
{
    uint32_t mfn = mm_fake_alloc(d);

    assert_int_not_equal(mfn, MM_FAKE_NONE);
    return mfn;
}

static uint32_t pte(uint32_t mfn, uint32_t flags)
{
    return mm_fake_pte(mfn, flags);
}

static uint32_t *words(uint32_t mfn)
{
    return mm_fake_words(mfn);
}

static void check_frame(uint32_t mfn, uint32_t ci, uint32_t ti, const char *file, int line)
{
    const struct page_info *p = mfn_to_page(mfn);

    if (p->count_info != ci || p->type_info != ti)
        fail_msg("%s:%d: frame %u has count_info %#x type_info %#x, want %#x %#x", file, line,
                 mfn, p->count_info, p->type_info, ci, ti);
}

#define assert_frame(mfn, ci, ti) check_frame((mfn), (ci), (ti), __FILE__, __LINE__)

static int setup(void **state)
{
    (void)state;
    mm_fake_reset(NR_FRAMES);
    d1 = mm_fake_domain(1, false);
    d2 = mm_fake_domain(2, false);
    dp = mm_fake_domain(0, true);
    memset(slots, 0, sizeof(slots));
    tlb_one_calls = tlb_all_calls = 0;
    tlb_one_va = 0;
    tlb_domain = NULL;

    l2 = frame(d1);
    a = frame(d1);
    b = frame(d1);
    m = frame(d1);
    d0 = frame(d1);
    dd1 = frame(d1);
    dd2 = frame(d1);
    words(a)[0] = pte(d0, PTE_RW);
    words(m)[K] = pte(a, PTE_RO);
    words(m)[K + 1] = pte(b, PTE_RO);
    words(m)[K + 2] = pte(d0, PTE_RW);
    words(l2)[SLOT_A] = pte(a, PDE);
    words(l2)[SLOT_B] = pte(b, PDE);
    words(l2)[SLOT_M] = pte(m, PDE);
    /* CR3's reference validates the whole tree. */
    assert_true(get_page_and_type(mfn_to_page(l2), d1, PGT_l2_page_table));
    assert_frame(a, CI(3), L1(SLOT_A) | V | 1);
    assert_frame(m, CI(2), L1(SLOT_M) | V | 1);
    assert_frame(d0, CI(3), W | V | 2);
    mm_fake_stats.maps = 0;
    return 0;
}

static int teardown(void **state)
{
    uint32_t mfn;
    int rc = 0;

    (void)state;
    put_page_and_type(mfn_to_page(l2));
    mfn = mm_fake_unsettled_frame();
    if (mfn != MM_FAKE_NONE) {
        print_error("frame %u not back at baseline: count_info %#x type_info %#x\n", mfn,
                    frame_table[mfn].count_info, frame_table[mfn].type_info);
        rc = -1;
    }
    if (mm_fake_stats.maps_live || mm_fake_stats.bad_frees) {
        print_error("%u frames left mapped, %u bad frees\n", mm_fake_stats.maps_live,
                    mm_fake_stats.bad_frees);
        rc = -1;
    }
    mm_fake_release();
    return rc;
}

static enum ptwr_verdict examine(uint32_t addr, uint32_t error_code, struct ptwr_fault *f)
{
    memset(f, 0xA5, sizeof(*f));
    return ptwr_examine(d1, l2, addr, error_code, slots, f);
}

/* Opens the table a write at addr reaches, as ptwr_do_page_fault() would. */
static struct ptwr_slot *open_at(uint32_t addr, enum ptwr_which want)
{
    struct ptwr_fault f;

    assert_int_equal(examine(addr, WRITE_FAULT, &f), PTWR_OPEN);
    assert_int_equal(f.which, want);
    assert_null(ptwr_blocking_slot(slots, &f));
    assert_true(ptwr_open(&slots[f.which], d1, l2, &f));
    return &slots[f.which];
}

static unsigned int close_slot(struct ptwr_slot *s, struct ptwr_refusal *r)
{
    memset(r, 0, sizeof(*r));
    ptwr_close(s, r);
    assert_null(s->d);
    return r->count;
}

/* --- Which faults are ours ------------------------------------------------- */

static void test_examine_active(void **state)
{
    struct ptwr_fault f;

    (void)state;
    assert_int_equal(examine(VA_A + 0x44, WRITE_FAULT, &f), PTWR_OPEN);
    assert_int_equal(f.which, PTWR_ACTIVE);
    assert_int_equal(f.l1_mfn, a);
    assert_int_equal(f.l2_idx, SLOT_A);
    assert_int_equal(f.map_mfn, m);
    assert_int_equal(f.map_idx, K);
    assert_int_equal(f.va, VA_A);
    /* A user-mode write is no different. */
    assert_int_equal(examine(VA_A, WRITE_FAULT | 4, &f), PTWR_OPEN);
    assert_int_equal(mm_fake_stats.maps_live, 0);
    /* Looking changes nothing. */
    assert_frame(a, CI(3), L1(SLOT_A) | V | 1);
    assert_int_equal(words(m)[K], pte(a, PTE_RO));
    assert_int_equal(words(l2)[SLOT_A], pte(a, PDE));
}

static void test_examine_not_ours(void **state)
{
    struct ptwr_fault f;

    (void)state;
    assert_int_equal(examine(VA_A, 2, &f), PTWR_NOT_OURS);     /* not present */
    assert_int_equal(examine(VA_A, 1, &f), PTWR_NOT_OURS);     /* a read */
    assert_int_equal(examine(VA_A, 0, &f), PTWR_NOT_OURS);
    assert_int_equal(examine(PTWR_VA_LIMIT, WRITE_FAULT, &f), PTWR_NOT_OURS);
    assert_int_equal(examine(0xFFFFF000u, WRITE_FAULT, &f), PTWR_NOT_OURS);
    /* A data frame, writable: a genuine fault. */
    assert_int_equal(examine(VA_D, WRITE_FAULT, &f), PTWR_NOT_OURS);
    /* No L1 behind the address at all. */
    assert_int_equal(examine(VA(600, 0), WRITE_FAULT, &f), PTWR_NOT_OURS);
    /* Not mapped in M. */
    assert_int_equal(examine(VA(SLOT_M, K + 9), WRITE_FAULT, &f), PTWR_NOT_OURS);
    /* A read-only PDE forbids the write, whatever the PTE says. */
    words(l2)[SLOT_M] &= ~RW;
    assert_int_equal(examine(VA_A, WRITE_FAULT, &f), PTWR_NOT_OURS);
    words(l2)[SLOT_M] |= RW;
    assert_int_equal(mm_fake_stats.maps_live, 0);
}

static void test_examine_other_domains_table(void **state)
{
    uint32_t x = frame(d2);
    struct ptwr_fault f;

    (void)state;
    assert_true(get_page_and_type(mfn_to_page(x), d2, L1(5)));
    /* Raw: a checked update would refuse it (the frame is not d1's). */
    words(m)[K + 3] = pte(x, PTE_RO);
    assert_int_equal(examine(VA(SLOT_M, K + 3), WRITE_FAULT, &f), PTWR_NOT_OURS);
    /* Nor is an unvalidated or unused L1 of d1's a table to open. */
    mfn_to_page(x)->owner = d1;
    mfn_to_page(x)->type_info &= ~V;
    assert_int_equal(examine(VA(SLOT_M, K + 3), WRITE_FAULT, &f), PTWR_NOT_OURS);
    mfn_to_page(x)->type_info = L1(5) | V;
    assert_int_equal(examine(VA(SLOT_M, K + 3), WRITE_FAULT, &f), PTWR_NOT_OURS);
    mfn_to_page(x)->type_info = L1(5) | V | 1;
    assert_int_equal(examine(VA(SLOT_M, K + 3), WRITE_FAULT, &f), PTWR_OPEN);
    mfn_to_page(x)->owner = d2;
    words(m)[K + 3] = 0;
    put_page_and_type(mfn_to_page(x));
}

static void test_examine_backpointer_unset_or_unknown(void **state)
{
    uint32_t c = frame(d1);
    struct ptwr_fault f;

    (void)state;
    /* Pinned, installed nowhere: back-pointer unset. */
    assert_int_equal(pin_page_table(mfn_to_page(c), d1, L1(0x3FF)), 0);
    assert_int_equal(mod_l1_entry(&words(m)[K + 3], pte(c, PTE_RO), d1, d1), 0);
    assert_int_equal(examine(VA(SLOT_M, K + 3), WRITE_FAULT, &f), PTWR_CRASH_BACKPOINTER);
    assert_int_equal(f.l1_mfn, c);
    assert_int_equal(f.l2_idx, 0x3FF);
    /* A installed in a second slot: ambiguous. */
    assert_int_equal(mod_l2_entry(&words(l2)[600], pte(a, PDE), l2, 600, d1), 0);
    assert_int_equal(examine(VA_A, WRITE_FAULT, &f), PTWR_CRASH_BACKPOINTER);
    assert_int_equal(f.l2_idx, 0x3FE);
    assert_int_equal(mod_l2_entry(&words(l2)[600], 0, l2, 600, d1), 0);
    assert_int_equal(mod_l1_entry(&words(m)[K + 3], 0, d1, d1), 0);
    assert_int_equal(unpin_page_table(mfn_to_page(c), d1), 0);
    assert_int_equal(mm_fake_stats.maps_live, 0);
}

static void test_examine_self_map(void **state)
{
    struct ptwr_fault f;

    (void)state;
    /* A maps itself read-only inside the 4 MB it serves. */
    assert_int_equal(mod_l1_entry(&words(a)[7], pte(a, PTE_RO), d1, d1), 0);
    assert_int_equal(examine(VA(SLOT_A, 7), WRITE_FAULT, &f), PTWR_CRASH_SELF_MAP);
    assert_int_equal(f.l1_mfn, a);
    assert_int_equal(mod_l1_entry(&words(a)[7], 0, d1, d1), 0);
}

static void test_examine_inactive(void **state)
{
    uint32_t l2b = frame(d1), e = frame(d1);
    struct ptwr_fault f;

    (void)state;
    /* E serves slot 520 of another L2 only. */
    words(l2b)[520] = pte(e, PDE);
    assert_true(get_page_and_type(mfn_to_page(l2b), d1, PGT_l2_page_table));
    assert_int_equal(mod_l1_entry(&words(m)[K + 4], pte(e, PTE_RO), d1, d1), 0);
    assert_int_equal(examine(VA(SLOT_M, K + 4), WRITE_FAULT, &f), PTWR_OPEN);
    assert_int_equal(f.which, PTWR_INACTIVE);
    assert_int_equal(f.l1_mfn, e);
    assert_int_equal(f.l2_idx, 520);
    /* Not present in the current L2, though naming E: still INACTIVE. */
    words(l2)[520] = pte(e, PDE & ~P);
    assert_int_equal(examine(VA(SLOT_M, K + 4), WRITE_FAULT, &f), PTWR_OPEN);
    assert_int_equal(f.which, PTWR_INACTIVE);
    words(l2)[520] = 0;
    assert_int_equal(mod_l1_entry(&words(m)[K + 4], 0, d1, d1), 0);
    put_page_and_type(mfn_to_page(l2b));
}

/* --- Opening and flushing ---------------------------------------------------- */

static void test_open_close_active(void **state)
{
    struct ptwr_refusal r;
    struct ptwr_slot *s;

    (void)state;
    s = open_at(VA_A + 8, PTWR_ACTIVE);
    /* Disconnected (then a full flush), snapshot taken, mapping writable. */
    assert_ptr_equal(s->d, d1);
    assert_int_equal(words(l2)[SLOT_A], pte(a, PDE & ~P));
    assert_int_equal(tlb_all_calls, 1);
    assert_int_equal(words(m)[K], pte(a, PTE_RO | RW));
    assert_memory_equal(s->snapshot, words(a), FRAME_SIZE);
    assert_int_equal(s->snapshot[0], pte(d0, PTE_RW));
    /* The slot holds the table: one more general and L1-type reference,
     * and no writable-type reference for the mapping. */
    assert_frame(a, CI(4), L1(SLOT_A) | V | 2);
    assert_int_equal(mm_fake_stats.maps_live, 0);

    /* The guest writes: a new RW entry, a new RO one, D0 loses RW. */
    words(a)[1] = pte(dd1, PTE_RW);
    words(a)[2] = pte(dd2, PTE_RO);
    words(a)[0] = pte(d0, PTE_RW & ~RW);
    tlb_one_calls = 0;
    assert_int_equal(close_slot(s, &r), 0);
    assert_int_equal(words(m)[K], pte(a, PTE_RO));
    assert_int_equal(tlb_one_calls, 1);
    assert_int_equal(tlb_one_va, VA_A);
    assert_ptr_equal(tlb_domain, d1);
    assert_int_equal(words(l2)[SLOT_A], pte(a, PDE));
    assert_frame(a, CI(3), L1(SLOT_A) | V | 1);
    assert_frame(d0, CI(3), W | V | 1);            /* only the writable ref went */
    assert_frame(dd1, CI(2), W | V | 1);
    assert_frame(dd2, CI(2), 0);
    assert_int_equal(words(a)[1], pte(dd1, PTE_RW));
    assert_int_equal(mm_fake_stats.maps_live, 0);
}

static void test_open_close_inactive(void **state)
{
    uint32_t l2b = frame(d1), e = frame(d1);
    uint32_t before[L1_ENTRIES];
    struct ptwr_refusal r;
    struct ptwr_slot *s;

    (void)state;
    words(l2b)[520] = pte(e, PDE);
    assert_true(get_page_and_type(mfn_to_page(l2b), d1, PGT_l2_page_table));
    assert_int_equal(mod_l1_entry(&words(m)[K + 4], pte(e, PTE_RO), d1, d1), 0);
    memcpy(before, words(l2), sizeof(before));
    s = open_at(VA(SLOT_M, K + 4), PTWR_INACTIVE);
    assert_int_equal(tlb_all_calls, 0);
    assert_memory_equal(before, words(l2), sizeof(before));
    assert_int_equal(words(l2b)[520], pte(e, PDE));
    assert_int_equal(words(m)[K + 4], pte(e, PTE_RO | RW));
    words(e)[3] = pte(dd1, PTE_RW);
    assert_int_equal(close_slot(s, &r), 0);
    assert_int_equal(words(m)[K + 4], pte(e, PTE_RO));
    assert_memory_equal(before, words(l2), sizeof(before));
    assert_frame(dd1, CI(2), W | V | 1);
    assert_int_equal(mod_l1_entry(&words(m)[K + 4], 0, d1, d1), 0);
    put_page_and_type(mfn_to_page(l2b));
    assert_frame(dd1, CI(1), W | V);
}

static void test_open_refused_without_reference(void **state)
{
    struct ptwr_fault f;

    (void)state;
    assert_int_equal(examine(VA_A, WRITE_FAULT, &f), PTWR_OPEN);
    /* The table changed hands in between: no reference, nothing touched. */
    mfn_to_page(a)->owner = d2;
    assert_false(ptwr_open(&slots[PTWR_ACTIVE], d1, l2, &f));
    mfn_to_page(a)->owner = d1;
    assert_null(slots[PTWR_ACTIVE].d);
    assert_int_equal(words(l2)[SLOT_A], pte(a, PDE));
    assert_int_equal(words(m)[K], pte(a, PTE_RO));
    assert_frame(a, CI(3), L1(SLOT_A) | V | 1);
}

static void test_second_mapping_of_open_active_table(void **state)
{
    struct ptwr_fault f;
    struct ptwr_slot *s;
    struct ptwr_refusal r;

    (void)state;
    assert_int_equal(mod_l1_entry(&words(m)[K + 5], pte(a, PTE_RO), d1, d1), 0);
    s = open_at(VA_A, PTWR_ACTIVE);
    /* Written through the other mapping: its PDE is not present, yet ACTIVE,
     * and the slot of that class is busy. */
    assert_int_equal(examine(VA(SLOT_M, K + 5), WRITE_FAULT, &f), PTWR_OPEN);
    assert_int_equal(f.which, PTWR_ACTIVE);
    assert_ptr_equal(ptwr_blocking_slot(slots, &f), s);
    assert_int_equal(close_slot(s, &r), 0);
    s = open_at(VA(SLOT_M, K + 5), PTWR_ACTIVE);
    assert_int_equal(words(m)[K], pte(a, PTE_RO));
    assert_int_equal(words(m)[K + 5], pte(a, PTE_RO | RW));
    assert_int_equal(close_slot(s, &r), 0);
    assert_int_equal(mod_l1_entry(&words(m)[K + 5], 0, d1, d1), 0);
}

static void test_blocking_slots(void **state)
{
    struct ptwr_fault f = { .which = PTWR_INACTIVE, .l1_mfn = 20, .map_mfn = 21 };

    (void)state;
    assert_null(ptwr_blocking_slot(slots, &f));
    slots[PTWR_INACTIVE].d = d1;
    assert_ptr_equal(ptwr_blocking_slot(slots, &f), &slots[PTWR_INACTIVE]);
    slots[PTWR_INACTIVE].d = NULL;
    slots[PTWR_ACTIVE] = (struct ptwr_slot){ .d = d1, .l1_mfn = 22, .map_mfn = 23 };
    assert_null(ptwr_blocking_slot(slots, &f));             /* independent */
    slots[PTWR_ACTIVE].map_mfn = 20;                        /* its mapping is in f's table */
    assert_ptr_equal(ptwr_blocking_slot(slots, &f), &slots[PTWR_ACTIVE]);
    slots[PTWR_ACTIVE].map_mfn = 23;
    slots[PTWR_ACTIVE].l1_mfn = 21;                         /* f's mapping is in its table */
    assert_ptr_equal(ptwr_blocking_slot(slots, &f), &slots[PTWR_ACTIVE]);
    slots[PTWR_ACTIVE].l1_mfn = 20;                         /* the same table */
    assert_ptr_equal(ptwr_blocking_slot(slots, &f), &slots[PTWR_ACTIVE]);
    f.which = PTWR_ACTIVE;
    assert_ptr_equal(ptwr_blocking_slot(slots, &f), &slots[PTWR_ACTIVE]);
    memset(slots, 0, sizeof(slots));
}

static void test_disconnected_range(void **state)
{
    struct ptwr_slot *s;
    struct ptwr_refusal r;

    (void)state;
    s = open_at(VA_A, PTWR_ACTIVE);
    assert_true(ptwr_disconnected(s, d1, VA(SLOT_A, 0)));
    assert_true(ptwr_disconnected(s, d1, VA(SLOT_A, 1023) | 0xFFF));
    assert_false(ptwr_disconnected(s, d1, VA(SLOT_A + 1, 0)));
    assert_false(ptwr_disconnected(s, d1, VA(SLOT_A, 0) - 1));
    assert_false(ptwr_disconnected(s, d2, VA(SLOT_A, 0)));
    s->which = PTWR_INACTIVE;
    assert_false(ptwr_disconnected(s, d1, VA(SLOT_A, 0)));
    s->which = PTWR_ACTIVE;
    assert_int_equal(close_slot(s, &r), 0);
    assert_false(ptwr_disconnected(s, d1, VA(SLOT_A, 0)));
}

/* --- Re-validation ------------------------------------------------------------ */

static void test_revalidate_unchanged_and_flag_changes(void **state)
{
    uint32_t snap[L1_ENTRIES];
    struct ptwr_refusal r = { 0 };

    (void)state;
    memcpy(snap, words(a), sizeof(snap));
    assert_int_equal(ptwr_revalidate(words(a), snap, d1, &r), 0);
    assert_frame(d0, CI(3), W | V | 2);
    /* Same frame, other flags (here: DIRTY gone): checked in full, same counts. */
    words(a)[0] = pte(d0, PTE_RW & ~_PAGE_DIRTY);
    assert_int_equal(ptwr_revalidate(words(a), snap, d1, &r), 0);
    assert_frame(d0, CI(3), W | V | 2);
    /* Gaining RW takes the writable reference. */
    memcpy(snap, words(a), sizeof(snap));
    words(a)[5] = pte(dd1, PTE_RO);
    assert_int_equal(ptwr_revalidate(words(a), snap, d1, &r), 0);
    memcpy(snap, words(a), sizeof(snap));
    words(a)[5] = pte(dd1, PTE_RW);
    assert_int_equal(ptwr_revalidate(words(a), snap, d1, &r), 0);
    assert_frame(dd1, CI(2), W | V | 1);
    /* Losing it drops exactly that. */
    memcpy(snap, words(a), sizeof(snap));
    words(a)[5] = pte(dd1, PTE_RW & ~RW);
    assert_int_equal(ptwr_revalidate(words(a), snap, d1, &r), 0);
    assert_frame(dd1, CI(2), W | V);
    /* Not present: whatever the guest likes, no references. */
    memcpy(snap, words(a), sizeof(snap));
    words(a)[5] = 0xDEADBEE0u;
    assert_int_equal(ptwr_revalidate(words(a), snap, d1, &r), 0);
    assert_frame(dd1, CI(1), W | V);
    assert_int_equal(r.count, 0);
    words(a)[5] = 0;
}

static void test_revalidate_moved_frame_survives(void **state)
{
    uint32_t f = frame(d1);
    uint32_t snap[L1_ENTRIES];
    struct ptwr_refusal r = { 0 };

    (void)state;
    assert_int_equal(mod_l1_entry(&words(a)[3], pte(f, PTE_RO), d1, d1), 0);
    /* Given back by its owner: only the mapping keeps it. */
    mfn_to_page(f)->count_info &= ~PGC_allocated;
    put_page(mfn_to_page(f));
    assert_frame(f, 1, 0);
    memcpy(snap, words(a), sizeof(snap));
    /* Moved from entry 3 to entry 4: never freed in between. */
    words(a)[3] = 0;
    words(a)[4] = pte(f, PTE_RO);
    assert_int_equal(ptwr_revalidate(words(a), snap, d1, &r), 0);
    assert_int_equal(r.count, 0);
    assert_int_equal(mm_fake_stats.frees, 0);
    assert_frame(f, 1, 0);
    assert_ptr_equal(mfn_to_page(f)->owner, d1);
    assert_int_equal(mod_l1_entry(&words(a)[4], 0, d1, d1), 0);
    assert_int_equal(mm_fake_stats.frees, 1);
    assert_int_equal(mm_fake_stats.last_free_mfn, f);
    mm_fake_rebaseline(f);
}

static void test_revalidate_refusals(void **state)
{
    uint32_t x = frame(d2);
    uint32_t snap[L1_ENTRIES];
    struct ptwr_refusal r = { 0 };

    (void)state;
    memcpy(snap, words(a), sizeof(snap));
    words(a)[0] = pte(d0, PTE_RW | _PAGE_GLOBAL);  /* replaces D0 RW */
    words(a)[1] = pte(dd1, PTE_RO | _PAGE_PAT);
    words(a)[2] = pte(x, PTE_RO);                   /* d2's frame */
    words(a)[3] = pte(m, PTE_RW);                   /* an L1, writable */
    words(a)[4] = pte(ABOVE_RAM + 5, PTE_RW);       /* device memory, unprivileged */
    words(a)[5] = pte(dd2, PTE_RW);                 /* valid */
    assert_int_equal(ptwr_revalidate(words(a), snap, d1, &r), 5);
    assert_int_equal(r.count, 5);
    assert_int_equal(r.idx, 0);
    assert_int_equal(r.entry, pte(d0, PTE_RW | _PAGE_GLOBAL));
    /* Refused entries are cleared, the valid one stays. */
    assert_int_equal(words(a)[0], 0);
    assert_int_equal(words(a)[1], 0);
    assert_int_equal(words(a)[2], 0);
    assert_int_equal(words(a)[3], 0);
    assert_int_equal(words(a)[4], 0);
    assert_int_equal(words(a)[5], pte(dd2, PTE_RW));
    /* D0's old entry let go of both its references; nothing else moved. */
    assert_frame(d0, CI(2), W | V | 1);
    assert_frame(dd1, CI(1), 0);
    assert_frame(x, CI(1), 0);
    assert_frame(m, CI(2), L1(SLOT_M) | V | 1);
    assert_frame(dd2, CI(2), W | V | 1);
    assert_int_equal(mod_l1_entry(&words(a)[5], 0, d1, d1), 0);
}

static void test_revalidate_io_rw_loss_privileged(void **state)
{
    uint32_t snap[L1_ENTRIES], io = pte(ABOVE_RAM + 5, PTE_RW);
    struct ptwr_refusal r = { 0 };
    uint32_t t = frame(dp);

    (void)state;
    /* dp's table maps device memory above RAM: no references either way. */
    assert_true(get_page_and_type(mfn_to_page(t), dp, L1(9)));
    assert_int_equal(mod_l1_entry(&words(t)[0], io, dp, dp), 0);
    memcpy(snap, words(t), sizeof(snap));
    words(t)[0] = io & ~RW;
    assert_int_equal(ptwr_revalidate(words(t), snap, dp, &r), 0);
    /* ... and an I/O frame inside RAM is counted against dom_io. */
    memcpy(snap, words(t), sizeof(snap));
    words(t)[1] = pte(MM_FAKE_IO_MFN, PTE_RW);
    assert_int_equal(ptwr_revalidate(words(t), snap, dp, &r), 0);
    assert_frame(MM_FAKE_IO_MFN, CI(2), W | V | 1);
    memcpy(snap, words(t), sizeof(snap));
    words(t)[1] = pte(MM_FAKE_IO_MFN, PTE_RW & ~RW);
    assert_int_equal(ptwr_revalidate(words(t), snap, dp, &r), 0);
    assert_frame(MM_FAKE_IO_MFN, CI(2), W | V);
    assert_int_equal(r.count, 0);
    put_page_and_type(mfn_to_page(t));
    assert_frame(MM_FAKE_IO_MFN, CI(1), W | V);
}

/* The crash path: a flush that refuses an entry leaves every count exact. */
static void test_close_with_refusal_balanced(void **state)
{
    struct ptwr_refusal r;
    struct ptwr_slot *s;

    (void)state;
    s = open_at(VA_A, PTWR_ACTIVE);
    words(a)[0] = pte(d0, PTE_RW | _PAGE_GLOBAL);
    words(a)[1] = pte(dd1, PTE_RW);
    assert_int_equal(close_slot(s, &r), 1);
    assert_int_equal(r.l1_mfn, a);
    assert_int_equal(r.idx, 0);
    assert_int_equal(r.entry, pte(d0, PTE_RW | _PAGE_GLOBAL));
    /* Reconnected and read-only again, as after any flush. */
    assert_int_equal(words(l2)[SLOT_A], pte(a, PDE));
    assert_int_equal(words(m)[K], pte(a, PTE_RO));
    assert_int_equal(words(a)[0], 0);
    assert_frame(a, CI(3), L1(SLOT_A) | V | 1);
    assert_frame(d0, CI(2), W | V | 1);
    assert_frame(dd1, CI(2), W | V | 1);
    /* The teardown then drops the whole tree and finds every frame settled. */
}

/* Two open slots at once, flushed in turn; refusals add up. */
static void test_two_slots_refusals_accumulate(void **state)
{
    uint32_t l2b = frame(d1), e = frame(d1);
    struct ptwr_refusal r = { 0 };
    struct ptwr_slot *sa, *se;

    (void)state;
    words(l2b)[520] = pte(e, PDE);
    assert_true(get_page_and_type(mfn_to_page(l2b), d1, PGT_l2_page_table));
    assert_int_equal(mod_l1_entry(&words(m)[K + 4], pte(e, PTE_RO), d1, d1), 0);
    sa = open_at(VA_A, PTWR_ACTIVE);
    se = open_at(VA(SLOT_M, K + 4), PTWR_INACTIVE);
    words(a)[9] = pte(dd1, PTE_RO);
    words(e)[8] = pte(dd2, PTE_RO | _PAGE_GLOBAL);
    words(e)[9] = pte(dd2, PTE_RO | _PAGE_PAT);
    ptwr_close(sa, &r);
    assert_int_equal(r.count, 0);
    ptwr_close(se, &r);
    assert_int_equal(r.count, 2);
    assert_int_equal(r.l1_mfn, e);
    assert_int_equal(r.idx, 8);
    assert_frame(dd1, CI(2), 0);
    assert_frame(dd2, CI(1), 0);
    assert_int_equal(words(m)[K], pte(a, PTE_RO));
    assert_int_equal(words(m)[K + 4], pte(e, PTE_RO));
    assert_int_equal(mod_l1_entry(&words(m)[K + 4], 0, d1, d1), 0);
    put_page_and_type(mfn_to_page(l2b));
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_examine_active),
        T(test_examine_not_ours),
        T(test_examine_other_domains_table),
        T(test_examine_backpointer_unset_or_unknown),
        T(test_examine_self_map),
        T(test_examine_inactive),
        T(test_open_close_active),
        T(test_open_close_inactive),
        T(test_open_refused_without_reference),
        T(test_second_mapping_of_open_active_table),
        T(test_blocking_slots),
        T(test_disconnected_range),
        T(test_revalidate_unchanged_and_flag_changes),
        T(test_revalidate_moved_frame_survives),
        T(test_revalidate_refusals),
        T(test_revalidate_io_rw_loss_privileged),
        T(test_close_with_refusal_balanced),
        T(test_two_slots_refusals_accumulate),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
