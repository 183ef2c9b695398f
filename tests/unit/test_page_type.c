/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The page-type/reference-count system of mm/page_type.c against ABI.md
 * §5.1 and §5.2, on the fake platform of mm_fake.c. Every test states the
 * exact count_info and type_info of the frames it touches, and gives back
 * every reference it took: the teardown checks that all frames are back at
 * their baseline and that no frame is left mapped.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <tessera/errno.h>
#include <tessera/mm.h>

#include "mm_fake.h"

#define NR_FRAMES   32u
#define ABOVE_RAM   NR_FRAMES               /* the first frame past RAM */
#define SPARE_MFN   (NR_FRAMES - 1)         /* never handed out by these tests */

#define CI(n)       (PGC_allocated | (uint32_t)(n))
#define V           PGT_validated
#define PIN         PGT_pinned
#define W           PGT_writable_page
#define L1(va)      (PGT_l1_page_table | (va))
#define L1M         L1(PGT_va_mutable)
#define L1U         L1(PGT_va_unknown)
#define L2          PGT_l2_page_table
#define GDT         PGT_gdt_page
#define LDT         PGT_ldt_page

/* An L2's linear-map count in its back-pointer bits: >0 maps, <0 mapped. */
#define LIN(n)      ((((uint32_t)(n)) & 0x3FFu) << PGT_va_shift)

#define P           _PAGE_PRESENT
#define RW          _PAGE_RW
#define US          _PAGE_USER

/* An unprivileged guest, another one, and a privileged one (dom0). */
static struct domain *d1, *d2, *dp;

static int setup(void **state)
{
    (void)state;
    mm_fake_reset(NR_FRAMES);
    d1 = mm_fake_domain(1, false);
    d2 = mm_fake_domain(2, false);
    dp = mm_fake_domain(0, true);
    return 0;
}

/* Every test must have dropped all it took: frames at baseline, nothing mapped. */
static int teardown(void **state)
{
    uint32_t mfn = mm_fake_unsettled_frame();
    struct mm_fake_stats st = mm_fake_stats;
    int rc = 0;

    (void)state;
    if (mfn != MM_FAKE_NONE) {
        print_error("frame %u not back at baseline: count_info %#x type_info %#x\n", mfn,
                    frame_table[mfn].count_info, frame_table[mfn].type_info);
        rc = -1;
    }
    if (st.maps_live || st.bad_frees) {
        print_error("%u frames left mapped, %u bad frees\n", st.maps_live, st.bad_frees);
        rc = -1;
    }
    mm_fake_release();
    return rc;
}

static uint32_t frame(struct domain *d)
{
    uint32_t mfn = mm_fake_alloc(d);

    assert_int_not_equal(mfn, MM_FAKE_NONE);
    return mfn;
}

static struct page_info *pg(uint32_t mfn)
{
    return mfn_to_page(mfn);
}

static uint32_t pte(uint32_t mfn, uint32_t flags)
{
    return mm_fake_pte(mfn, flags);
}

static void check_frame(uint32_t mfn, uint32_t ci, uint32_t ti, const char *file, int line)
{
    const struct page_info *p = mfn_to_page(mfn);

    if (p->count_info != ci || p->type_info != ti)
        fail_msg("%s:%d: frame %u has count_info %#x type_info %#x, want %#x %#x", file, line,
                 mfn, p->count_info, p->type_info, ci, ti);
}

#define assert_frame(mfn, ci, ti) check_frame((mfn), (ci), (ti), __FILE__, __LINE__)

/* A checked update of entry idx of a validated frame, as mmu_update makes it. */
static int mod_l1(uint32_t l1, uint32_t idx, uint32_t val, struct domain *subject,
                  struct domain *caller)
{
    return mod_l1_entry(&mm_fake_words(l1)[idx], val, subject, caller);
}

static int mod_l2(uint32_t l2, uint32_t slot, uint32_t val)
{
    return mod_l2_entry(&mm_fake_words(l2)[slot], val, l2, slot, pg(l2)->owner);
}

/* --- General references ------------------------------------------------ */

static void test_get_page_counts_and_checks_owner(void **state)
{
    uint32_t f = frame(d1);

    (void)state;
    assert_frame(f, CI(1), 0);
    assert_true(get_page(pg(f), d1));
    assert_frame(f, CI(2), 0);
    assert_false(get_page(pg(f), d2));
    assert_false(get_page(pg(f), NULL));
    assert_frame(f, CI(2), 0);
    put_page(pg(f));
    assert_frame(f, CI(1), 0);
    assert_int_equal(mm_fake_stats.frees, 0);
}

static void test_get_page_free_frame_refused(void **state)
{
    (void)state;
    assert_false(get_page(pg(SPARE_MFN), NULL));
    assert_false(get_page(pg(SPARE_MFN), d1));
    /* Still naming its last owner, but its count reached 0: it is free. */
    pg(SPARE_MFN)->owner = d1;
    assert_false(get_page(pg(SPARE_MFN), d1));
    assert_frame(SPARE_MFN, 0, 0);
    pg(SPARE_MFN)->owner = NULL;
}

static void test_get_page_anonymous_frame_refused(void **state)
{
    (void)state;
    /* Tessera's own frame (owner NULL) in use: no guest reference reaches it. */
    pg(SPARE_MFN)->count_info = CI(1);
    assert_false(get_page(pg(SPARE_MFN), NULL));
    assert_frame(SPARE_MFN, CI(1), 0);
    mm_fake_make_free(SPARE_MFN);
}

static void test_last_put_frees(void **state)
{
    uint32_t f = frame(d1);

    (void)state;
    assert_int_equal(d1->tot_pages, 1);
    assert_true(get_page(pg(f), d1));
    put_page(pg(f));
    assert_frame(f, CI(1), 0);
    assert_int_equal(mm_fake_stats.frees, 0);
    /* The owner drops its own reference, the last one. */
    pg(f)->count_info &= ~PGC_allocated;
    put_page(pg(f));
    assert_int_equal(mm_fake_stats.frees, 1);
    assert_int_equal(mm_fake_stats.last_free_mfn, f);
    assert_frame(f, 0, 0);
    assert_null(pg(f)->owner);
    assert_int_equal(d1->tot_pages, 0);
    mm_fake_rebaseline(f);
}

static void test_released_frame_lingers_until_unmapped(void **state)
{
    uint32_t f = frame(d1);

    (void)state;
    assert_true(get_page(pg(f), d1));               /* a mapping */
    /* The owner gives the frame back (decrease_reservation). */
    pg(f)->count_info &= ~PGC_allocated;
    put_page(pg(f));
    assert_frame(f, 1, 0);
    assert_int_equal(mm_fake_stats.frees, 0);
    /* Still d1's while mapped (Xen 2.0): it may be referenced again. */
    assert_true(get_page(pg(f), d1));
    assert_frame(f, 2, 0);
    put_page(pg(f));
    put_page(pg(f));
    assert_int_equal(mm_fake_stats.frees, 1);
    assert_frame(f, 0, 0);
    mm_fake_rebaseline(f);
}

static void test_count_overflow_refused(void **state)
{
    uint32_t f = frame(d1);

    (void)state;
    pg(f)->count_info = PGC_allocated | (PGC_count_mask - 1);
    assert_true(get_page(pg(f), d1));
    assert_frame(f, PGC_allocated | PGC_count_mask, 0);
    assert_false(get_page(pg(f), d1));
    assert_frame(f, PGC_allocated | PGC_count_mask, 0);
    /* Without the allocated bit the carry would land in bit 31. */
    pg(f)->count_info = PGC_count_mask;
    assert_false(get_page(pg(f), d1));
    assert_frame(f, PGC_count_mask, 0);
    pg(f)->count_info = CI(1);
}

/* --- Type references ----------------------------------------------------- */

static void test_writable_type_validated_at_once(void **state)
{
    uint32_t f = frame(d1);

    (void)state;
    assert_true(get_page_type(pg(f), W));
    assert_frame(f, CI(1), W | V | 1);
    assert_true(get_page_type(pg(f), W));
    assert_frame(f, CI(1), W | V | 2);
    assert_int_equal(mm_fake_stats.maps, 0);        /* nothing was checked */
    put_page_type(pg(f));
    put_page_type(pg(f));
    /* Unused, it keeps its type: the next writable user needs no flush. */
    assert_frame(f, CI(1), W | V);
    assert_true(get_page_type(pg(f), W));
    assert_frame(f, CI(1), W | V | 1);
    assert_int_equal(mm_fake_stats.flushes, 1);
    put_page_type(pg(f));
}

static void test_type_change_flushes_tlb(void **state)
{
    uint32_t f = frame(d1);

    (void)state;
    assert_true(get_page_type(pg(f), W));
    assert_int_equal(mm_fake_stats.flushes, 1);
    put_page_type(pg(f));
    /* Writable -> L1: a stale writable translation must go first. */
    assert_true(get_page_type(pg(f), L1M));
    assert_int_equal(mm_fake_stats.flushes, 2);
    assert_int_equal(mm_fake_stats.last_flush_mfn, f);
    assert_frame(f, CI(1), L1M | V | 1);
    put_page_type(pg(f));
    assert_frame(f, CI(1), L1M);
    /* The same type again, or only another back-pointer: no flush. */
    assert_true(get_page_type(pg(f), L1M));
    put_page_type(pg(f));
    assert_true(get_page_type(pg(f), L1(PGT_va(5))));
    assert_frame(f, CI(1), L1(PGT_va(5)) | V | 1);
    put_page_type(pg(f));
    assert_int_equal(mm_fake_stats.flushes, 2);
    assert_true(get_page_type(pg(f), GDT));
    assert_int_equal(mm_fake_stats.flushes, 3);
    put_page_type(pg(f));
    assert_true(get_page_type(pg(f), W));
    assert_int_equal(mm_fake_stats.flushes, 4);
    put_page_type(pg(f));
    assert_frame(f, CI(1), W | V);
}

static void test_l1_type_refused_while_writable_mapped(void **state)
{
    uint32_t f = frame(d1);

    (void)state;
    assert_true(get_page_from_l1e(pte(f, P | RW), d1, d1));
    assert_frame(f, CI(2), W | V | 1);
    assert_false(get_page_type(pg(f), L1M));
    assert_false(get_page_type(pg(f), L2));
    assert_false(get_page_type(pg(f), GDT));
    assert_false(get_page_type(pg(f), LDT));
    assert_int_equal(pin_page_table(pg(f), d1, L1M), -EINVAL);
    assert_frame(f, CI(2), W | V | 1);
    put_page_from_l1e(pte(f, P | RW));
    assert_frame(f, CI(1), W | V);
    /* Once the writable mapping is gone, it may become a table. */
    assert_true(get_page_type(pg(f), L1M));
    assert_frame(f, CI(1), L1M | V | 1);
    put_page_type(pg(f));
}

static void test_type_count_overflow_refused(void **state)
{
    uint32_t f = frame(d1);

    (void)state;
    pg(f)->type_info = W | V | (PGT_count_mask - 1);
    assert_true(get_page_type(pg(f), W));
    assert_frame(f, CI(1), W | V | PGT_count_mask);
    assert_false(get_page_type(pg(f), W));
    /* A writable mapping needs one more: refused, its general reference given back. */
    assert_false(get_page_from_l1e(pte(f, P | RW), d1, d1));
    assert_frame(f, CI(1), W | V | PGT_count_mask);
    put_page_type(pg(f));
    assert_frame(f, CI(1), W | V | (PGT_count_mask - 1));
    pg(f)->type_info = W | V;
}

static void test_validation_failure_rolls_back(void **state)
{
    uint32_t l = frame(d1), t = frame(d1);

    (void)state;
    mm_fake_set_entry(l, 0, pte(t, P));
    mm_fake_set_entry(l, 1, pte(t, P | RW));
    mm_fake_set_entry(l, 700, pte(t, P | _PAGE_GLOBAL));
    assert_false(get_page_type(pg(l), L1M));
    assert_frame(l, CI(1), 0);
    /* Entries 0 and 1 were counted, then given back (t keeps its new type). */
    assert_frame(t, CI(1), W | V);
    /* A frame that was writable before is writable after, for a pin too. */
    assert_true(get_page_type(pg(l), W));
    put_page_type(pg(l));
    assert_false(get_page_type(pg(l), L1M));
    assert_frame(l, CI(1), W | V);
    assert_int_equal(pin_page_table(pg(l), d1, L1M), -EINVAL);
    assert_frame(l, CI(1), W | V);
    assert_frame(t, CI(1), W | V);
    /* Fixed, it validates and its entries hold their references. */
    mm_fake_set_entry(l, 700, 0);
    assert_true(get_page_type(pg(l), L1M));
    assert_frame(l, CI(1), L1M | V | 1);
    assert_frame(t, CI(3), W | V | 1);
    put_page_type(pg(l));
    assert_frame(t, CI(1), W | V);
}

static void test_devalidation_drops_refs(void **state)
{
    uint32_t l = frame(d1), f = frame(d1), g = frame(d1);

    (void)state;
    mm_fake_set_entry(l, 3, pte(f, P | RW | US));
    mm_fake_set_entry(l, 4, pte(g, P | US));
    mm_fake_set_entry(l, 1023, pte(g, P));
    assert_true(get_page_type(pg(l), L1M));
    assert_frame(l, CI(1), L1M | V | 1);
    assert_frame(f, CI(2), W | V | 1);
    assert_frame(g, CI(3), 0);
    /* A second type reference going away changes nothing. */
    assert_true(get_page_type(pg(l), L1M));
    put_page_type(pg(l));
    assert_frame(f, CI(2), W | V | 1);
    put_page_type(pg(l));
    assert_frame(l, CI(1), L1M);
    assert_frame(f, CI(1), W | V);
    assert_frame(g, CI(1), 0);
}

/* Type count > 0 but not validated yet: under SMP, another CPU is checking it. */
static void test_type_being_validated_refused(void **state)
{
    uint32_t l = frame(d1), x = frame(d1), y = frame(d1);

    (void)state;
    pg(l)->type_info = L1M | 1;
    assert_false(get_page_type(pg(l), L1M));
    assert_frame(l, CI(1), L1M | 1);
    pg(y)->type_info = L2 | 1;
    assert_false(get_page_from_l2e(pte(y, P), x, 5, d1));
    assert_frame(y, CI(1), L2 | 1);
    pg(l)->type_info = 0;
    pg(y)->type_info = 0;
}

/* Tessera's frames, its own or shared, are no guest's tables. */
static void test_non_guest_table_refused(void **state)
{
    (void)state;
    pg(SPARE_MFN)->count_info = CI(1);              /* in use, no owner */
    assert_false(get_page_type(pg(SPARE_MFN), L1M));
    assert_false(get_page_type(pg(SPARE_MFN), L2));
    assert_frame(SPARE_MFN, CI(1), 0);
    assert_false(get_page_and_type(pg(MM_FAKE_XEN_MFN), dom_xen, L1M));
    assert_false(get_page_and_type(pg(MM_FAKE_XEN_MFN), dom_xen, L2));
    assert_int_equal(pin_page_table(pg(MM_FAKE_IO_MFN), dom_io, L1M), -EINVAL);
    assert_int_equal(pin_page_table(pg(MM_FAKE_IO_MFN), dom_io, L2), -EINVAL);
    assert_frame(MM_FAKE_XEN_MFN, CI(1), 0);
    assert_frame(MM_FAKE_IO_MFN, CI(1), 0);
    assert_int_equal(mm_fake_stats.fills, 0);
    mm_fake_make_free(SPARE_MFN);
}

static void test_l1_maps_itself_rw_refused(void **state)
{
    uint32_t l = frame(d1);

    (void)state;
    mm_fake_set_entry(l, 5, pte(l, P | RW));
    assert_false(get_page_type(pg(l), L1M));
    assert_frame(l, CI(1), 0);
    /* Read-only is fine, and counted like any other mapping. */
    mm_fake_set_entry(l, 5, pte(l, P));
    assert_true(get_page_type(pg(l), L1M));
    assert_frame(l, CI(2), L1M | V | 1);
    put_page_type(pg(l));
    assert_frame(l, CI(1), L1M);
}

static void test_l1_validation_subject_is_owner(void **state)
{
    uint32_t l = frame(d1), m = frame(d2), x = frame(d2);

    (void)state;
    mm_fake_set_entry(l, 0, pte(x, P));
    mm_fake_set_entry(m, 0, pte(x, P));
    assert_false(get_page_type(pg(l), L1M));
    assert_frame(l, CI(1), 0);
    assert_frame(x, CI(1), 0);
    assert_true(get_page_type(pg(m), L1M));
    assert_frame(x, CI(2), 0);
    put_page_type(pg(m));
    assert_frame(x, CI(1), 0);
}

static void test_l2_validation_fills_hypervisor_slots(void **state)
{
    uint32_t x = frame(d1), a = frame(d1), slot;

    (void)state;
    mm_fake_set_entry(x, 3, pte(a, P | RW | US));
    /* Would be refused as a guest entry: proves slots 1008+ are not checked. */
    mm_fake_set_entry(x, 1008, pte(a, P | _PAGE_GLOBAL));
    mm_fake_set_entry(x, 1023, 0xFFFFFFFFu);
    assert_true(get_page_type(pg(x), L2));
    assert_frame(x, CI(1), L2 | V | 1);
    assert_frame(a, CI(2), L1(PGT_va(3)) | V | 1);
    for (slot = FIRST_HYPERVISOR_L2_SLOT; slot < L2_ENTRIES; slot++)
        assert_int_equal(mm_fake_entry(x, slot), mm_fake_hv_l2e(slot));
    assert_int_equal(mm_fake_stats.fills, 1);
    assert_int_equal(mm_fake_stats.last_fill_mfn, x);
    assert_ptr_equal(mm_fake_stats.last_fill_domain, d1);
    put_page_type(pg(x));
    assert_frame(x, CI(1), L2);
    assert_frame(a, CI(1), L1(PGT_va(3)));
    /* Devalidation left Tessera's slots (and the frame they map) alone. */
    assert_frame(MM_FAKE_XEN_MFN, CI(1), 0);
    assert_int_equal(mm_fake_entry(x, 1008), mm_fake_hv_l2e(1008));
}

static void test_l2_validation_failure_rolls_back(void **state)
{
    uint32_t x = frame(d1), a = frame(d1), b = frame(d1);

    (void)state;
    mm_fake_set_entry(x, 3, pte(a, P | RW));
    mm_fake_set_entry(x, 9, pte(b, P | RW | _PAGE_PSE));
    mm_fake_set_entry(x, 1008, 0x1234);
    assert_false(get_page_type(pg(x), L2));
    assert_frame(x, CI(1), 0);
    assert_frame(a, CI(1), L1(PGT_va(3)));          /* typed, then given back */
    assert_frame(b, CI(1), 0);
    assert_int_equal(mm_fake_entry(x, 1008), 0x1234);
    assert_int_equal(mm_fake_stats.fills, 0);
}

static void test_gdt_page_validates_descriptors(void **state)
{
    uint32_t g = frame(d1);
    uint32_t *desc = mm_fake_words(g);

    (void)state;
    assert_true(get_page_type(pg(g), GDT));
    assert_frame(g, CI(1), GDT | V | 1);
    assert_int_equal(mm_fake_stats.maps, 1);
    put_page_type(pg(g));
    /* No references to drop: it stays validated while unused. */
    assert_frame(g, CI(1), GDT | V);
    assert_true(get_page_type(pg(g), GDT));
    assert_int_equal(mm_fake_stats.maps, 1);
    put_page_type(pg(g));
    /* The guest writes a DPL-0 data descriptor into the last slot. */
    assert_true(get_page_type(pg(g), W));
    desc[1022] = 0x0000ffff;
    desc[1023] = 0x00cf9200;
    put_page_type(pg(g));
    assert_false(get_page_type(pg(g), GDT));
    assert_frame(g, CI(1), W | V);
    assert_false(get_page_type(pg(g), LDT));
    assert_frame(g, CI(1), W | V);
    /* DPL 1 passes, its flat limit cut at 0xFC400000 in the frame itself. */
    desc[1023] = 0x00cfb200;
    assert_true(get_page_type(pg(g), LDT));
    assert_frame(g, CI(1), LDT | V | 1);
    assert_int_equal(desc[1022], 0x0000c3ff);
    assert_int_equal(desc[1023], 0x00cfb200);
    put_page_type(pg(g));
    assert_frame(g, CI(1), LDT | V);
}

/* --- L1 back-pointers and pins (§5.1) ------------------------------------- */

static void test_backpointer_set_by_slot(void **state)
{
    uint32_t x = frame(d1), y = frame(d1), a = frame(d1);

    (void)state;
    mm_fake_set_entry(x, 3, pte(a, P | RW));
    mm_fake_set_entry(y, 3, pte(a, P | RW));
    assert_true(get_page_type(pg(x), L2));
    assert_frame(a, CI(2), L1(PGT_va(3)) | V | 1);
    /* The same slot of another L2: the back-pointer still holds. */
    assert_true(get_page_type(pg(y), L2));
    assert_frame(a, CI(3), L1(PGT_va(3)) | V | 2);
    put_page_type(pg(y));
    put_page_type(pg(x));
    assert_frame(a, CI(1), L1(PGT_va(3)));
}

static void test_backpointer_unknown_on_second_slot(void **state)
{
    uint32_t x = frame(d1), a = frame(d1);

    (void)state;
    mm_fake_set_entry(x, 3, pte(a, P | RW));
    mm_fake_set_entry(x, 4, pte(a, P | RW));
    assert_true(get_page_type(pg(x), L2));
    assert_frame(a, CI(3), L1U | V | 2);
    put_page_type(pg(x));
    assert_frame(a, CI(1), L1U);
    /* Unused, its next install sets the back-pointer afresh. */
    assert_true(get_page_type(pg(a), L1(PGT_va(4))));
    assert_frame(a, CI(1), L1(PGT_va(4)) | V | 1);
    put_page_type(pg(a));
}

static void test_pin_l1_before_install_takes_slot(void **state)
{
    uint32_t x = frame(d1), a = frame(d1);

    (void)state;
    assert_true(get_page_type(pg(x), L2));          /* as CR3 would */
    assert_int_equal(pin_page_table(pg(a), d1, L1M), 0);
    assert_frame(a, CI(2), L1M | V | PIN | 1);
    assert_int_equal(mod_l2(x, 7, pte(a, P | RW)), 0);
    assert_frame(a, CI(3), L1(PGT_va(7)) | V | PIN | 2);
    assert_int_equal(mod_l2(x, 7, 0), 0);
    assert_frame(a, CI(2), L1M | V | PIN | 1);
    assert_int_equal(unpin_page_table(pg(a), d1), 0);
    assert_frame(a, CI(1), L1M);
    put_page_type(pg(x));
}

static void test_pin_l1_installed_gives_unknown(void **state)
{
    uint32_t x = frame(d1), a = frame(d1);

    (void)state;
    mm_fake_set_entry(x, 3, pte(a, P | RW));
    assert_true(get_page_type(pg(x), L2));
    assert_frame(a, CI(2), L1(PGT_va(3)) | V | 1);
    /* Not refused, but the back-pointer is lost. */
    assert_int_equal(pin_page_table(pg(a), d1, L1M), 0);
    assert_frame(a, CI(3), L1U | V | PIN | 2);
    assert_int_equal(mod_l2(x, 3, 0), 0);
    assert_frame(a, CI(2), L1M | V | PIN | 1);
    assert_int_equal(unpin_page_table(pg(a), d1), 0);
    assert_frame(a, CI(1), L1M);
    put_page_type(pg(x));
    assert_frame(x, CI(1), L2);
}

static void test_backpointer_mutable_again_when_only_pinned(void **state)
{
    uint32_t x = frame(d1), a = frame(d1);

    (void)state;
    assert_true(get_page_type(pg(x), L2));
    assert_int_equal(pin_page_table(pg(a), d1, L1M), 0);
    assert_int_equal(mod_l2(x, 5, pte(a, P | RW)), 0);
    assert_int_equal(mod_l2(x, 6, pte(a, P | RW)), 0);
    assert_frame(a, CI(4), L1U | V | PIN | 3);
    /* Another slot still holds it: still unknown. */
    assert_int_equal(mod_l2(x, 5, 0), 0);
    assert_frame(a, CI(3), L1U | V | PIN | 2);
    assert_int_equal(mod_l2(x, 6, 0), 0);
    assert_frame(a, CI(2), L1M | V | PIN | 1);
    /* Usable again by the next install. */
    assert_int_equal(mod_l2(x, 6, pte(a, P | RW)), 0);
    assert_frame(a, CI(3), L1(PGT_va(6)) | V | PIN | 2);
    assert_int_equal(mod_l2(x, 6, 0), 0);
    assert_int_equal(unpin_page_table(pg(a), d1), 0);
    assert_frame(a, CI(1), L1M);
    put_page_type(pg(x));
}

static void test_only_pin_left_leaves_l2_backpointer_clear(void **state)
{
    uint32_t x = frame(d1);

    (void)state;
    assert_int_equal(pin_page_table(pg(x), d1, L2), 0);
    assert_frame(x, CI(2), L2 | V | PIN | 1);
    assert_true(get_page_type(pg(x), L2));
    put_page_type(pg(x));
    assert_frame(x, CI(2), L2 | V | PIN | 1);
    assert_int_equal(unpin_page_table(pg(x), d1), 0);
    assert_frame(x, CI(1), L2);
}

static void test_pin_l2(void **state)
{
    uint32_t x = frame(d1), a = frame(d1);

    (void)state;
    mm_fake_set_entry(x, 3, pte(a, P | RW));
    assert_int_equal(pin_page_table(pg(x), d1, L2), 0);
    assert_frame(x, CI(2), L2 | V | PIN | 1);
    assert_frame(a, CI(2), L1(PGT_va(3)) | V | 1);
    assert_int_equal(unpin_page_table(pg(x), d1), 0);
    assert_frame(x, CI(1), L2);
    assert_frame(a, CI(1), L1(PGT_va(3)));
}

static void test_pin_twice_refused(void **state)
{
    uint32_t a = frame(d1);

    (void)state;
    assert_int_equal(pin_page_table(pg(a), d1, L1M), 0);
    assert_int_equal(pin_page_table(pg(a), d1, L1M), -EINVAL);
    assert_frame(a, CI(2), L1M | V | PIN | 1);
    assert_int_equal(pin_page_table(pg(a), d1, L2), -EINVAL);
    assert_frame(a, CI(2), L1M | V | PIN | 1);
    assert_int_equal(unpin_page_table(pg(a), d1), 0);
    assert_frame(a, CI(1), L1M);
}

static void test_unpin_unpinned(void **state)
{
    uint32_t a = frame(d1);

    (void)state;
    assert_int_equal(unpin_page_table(pg(a), d1), -EINVAL);
    assert_frame(a, CI(1), 0);
    assert_true(get_page_type(pg(a), L1M));
    assert_int_equal(unpin_page_table(pg(a), d1), -EINVAL);
    assert_frame(a, CI(1), L1M | V | 1);
    put_page_type(pg(a));
    assert_int_equal(unpin_page_table(pg(SPARE_MFN), d1), -EINVAL);
    assert_frame(SPARE_MFN, 0, 0);
}

static void test_unpin_needs_owner(void **state)
{
    uint32_t a = frame(d1);

    (void)state;
    assert_int_equal(pin_page_table(pg(a), d1, L1M), 0);
    assert_int_equal(unpin_page_table(pg(a), d2), -EINVAL);
    assert_frame(a, CI(2), L1M | V | PIN | 1);
    assert_int_equal(unpin_page_table(pg(a), d1), 0);
    assert_frame(a, CI(1), L1M);
}

static void test_pin_needs_owner_and_table_type(void **state)
{
    uint32_t a = frame(d1);

    (void)state;
    assert_int_equal(pin_page_table(pg(a), d2, L1M), -EINVAL);
    assert_int_equal(pin_page_table(pg(a), d1, W), -EINVAL);
    assert_int_equal(pin_page_table(pg(a), d1, GDT), -EINVAL);
    /* An L1 is pinned with its back-pointer unset, never a slot. */
    assert_int_equal(pin_page_table(pg(a), d1, L1(PGT_va(0))), -EINVAL);
    assert_frame(a, CI(1), 0);
    assert_int_equal(mm_fake_stats.flushes, 0);
}

/* --- L1 entries (§5.2) ------------------------------------------------------ */

static void test_l1e_not_present_ok(void **state)
{
    uint32_t f = frame(d1);

    (void)state;
    /* Every bit but present: GLOBAL, PAT, RW, a frame above RAM. */
    assert_true(get_page_from_l1e(0xFFFFFFFEu, d1, d1));
    assert_true(get_page_from_l1e(pte(f, RW | _PAGE_GLOBAL | _PAGE_PAT), d1, d1));
    assert_true(get_page_from_l1e(0, d1, d1));
    assert_frame(f, CI(1), 0);
    put_page_from_l1e(pte(f, RW));
    put_page_from_l1e(0xFFFFFFFEu);
    assert_frame(f, CI(1), 0);
}

static void test_l1e_own_frame_counted(void **state)
{
    uint32_t f = frame(d1);

    (void)state;
    assert_true(get_page_from_l1e(pte(f, P), d1, d1));
    assert_frame(f, CI(2), 0);
    assert_true(get_page_from_l1e(pte(f, P | RW | US | _PAGE_ACCESSED | _PAGE_DIRTY), d1, d1));
    assert_frame(f, CI(3), W | V | 1);
    put_page_from_l1e(pte(f, P | RW | US));
    assert_frame(f, CI(2), W | V);
    put_page_from_l1e(pte(f, P));
    assert_frame(f, CI(1), W | V);
}

static void test_l1e_us_pwt_pcd_free(void **state)
{
    uint32_t f = frame(d1);
    uint32_t flags = P | US | _PAGE_PWT | _PAGE_PCD | _PAGE_ACCESSED | _PAGE_DIRTY | 0xE00;

    (void)state;
    assert_true(get_page_from_l1e(pte(f, flags), d1, d1));
    assert_frame(f, CI(2), 0);
    put_page_from_l1e(pte(f, flags));
    assert_frame(f, CI(1), 0);
}

static void test_l1e_global_refused(void **state)
{
    uint32_t f = frame(d1);

    (void)state;
    assert_false(get_page_from_l1e(pte(f, P | _PAGE_GLOBAL), d1, d1));
    assert_false(get_page_from_l1e(pte(f, P | RW | _PAGE_GLOBAL), d1, d1));
    assert_false(get_page_from_l1e(pte(ABOVE_RAM, P | _PAGE_GLOBAL), dp, dp));
    assert_frame(f, CI(1), 0);
    assert_true(get_page_from_l1e(pte(f, P), d1, d1));
    put_page_from_l1e(pte(f, P));
}

static void test_l1e_pat_refused(void **state)
{
    uint32_t f = frame(d1);

    (void)state;
    assert_false(get_page_from_l1e(pte(f, P | _PAGE_PAT), d1, d1));
    assert_false(get_page_from_l1e(pte(f, P | RW | _PAGE_PAT), d1, d1));
    /* Privilege does not lift it. */
    assert_false(get_page_from_l1e(pte(MM_FAKE_IO_MFN, P | _PAGE_PAT), dp, dp));
    assert_false(get_page_from_l1e(pte(ABOVE_RAM, P | _PAGE_PAT), dp, dp));
    assert_frame(f, CI(1), 0);
    assert_frame(MM_FAKE_IO_MFN, CI(1), 0);
}

static void test_l1e_foreign_frame_refused(void **state)
{
    uint32_t f = frame(d2);

    (void)state;
    assert_false(get_page_from_l1e(pte(f, P), d1, d1));
    assert_false(get_page_from_l1e(pte(f, P | RW), d1, d1));
    assert_false(get_page_from_l1e(pte(f, P), dp, dp));     /* privilege: not for RAM */
    assert_frame(f, CI(1), 0);
    /* With d2 as the foreign domain, it is the subject's own frame. */
    assert_true(get_page_from_l1e(pte(f, P), d2, d1));
    assert_frame(f, CI(2), 0);
    put_page_from_l1e(pte(f, P));
    /* A free frame and Tessera's frame are nobody's to map. */
    assert_false(get_page_from_l1e(pte(SPARE_MFN, P), d1, d1));
    assert_false(get_page_from_l1e(pte(MM_FAKE_XEN_MFN, P), d1, d1));
    assert_frame(SPARE_MFN, 0, 0);
    assert_frame(MM_FAKE_XEN_MFN, CI(1), 0);
}

static void test_l1e_rw_to_pagetable_refused(void **state)
{
    uint32_t t = frame(d1), g = frame(d1);

    (void)state;
    assert_true(get_page_type(pg(t), L1M));
    assert_true(get_page_type(pg(g), GDT));
    assert_false(get_page_from_l1e(pte(t, P | RW), d1, d1));
    assert_false(get_page_from_l1e(pte(g, P | RW), d1, d1));
    assert_frame(t, CI(1), L1M | V | 1);
    assert_frame(g, CI(1), GDT | V | 1);
    /* Read-only mappings of tables are fine. */
    assert_true(get_page_from_l1e(pte(t, P), d1, d1));
    assert_true(get_page_from_l1e(pte(g, P), d1, d1));
    assert_frame(t, CI(2), L1M | V | 1);
    assert_frame(g, CI(2), GDT | V | 1);
    put_page_from_l1e(pte(t, P));
    put_page_from_l1e(pte(g, P));
    put_page_type(pg(t));
    put_page_type(pg(g));
}

static void test_io_frame_needs_privilege(void **state)
{
    uint32_t io = MM_FAKE_IO_MFN;

    (void)state;
    /* Above RAM: privilege decides; there is no frame to count. */
    assert_false(get_page_from_l1e(pte(ABOVE_RAM, P | RW | _PAGE_PCD), d1, d1));
    /* The caller's privilege counts, not the subject's. */
    assert_false(get_page_from_l1e(pte(0xFFFFF, P), dp, d1));
    assert_true(get_page_from_l1e(pte(ABOVE_RAM, P | RW | _PAGE_PCD), dp, dp));
    assert_true(get_page_from_l1e(pte(0xFFFFF, P), d1, dp));
    put_page_from_l1e(pte(ABOVE_RAM, P | RW));
    /* dom_io's frames inside RAM: privilege decides, and they are counted. */
    assert_false(get_page_from_l1e(pte(io, P), d1, d1));
    assert_false(get_page_from_l1e(pte(io, P), dom_io, d1));
    assert_frame(io, CI(1), 0);
    assert_true(get_page_from_l1e(pte(io, P), dp, dp));
    assert_frame(io, CI(2), 0);
    assert_true(get_page_from_l1e(pte(io, P | RW), dom_io, dp));
    assert_frame(io, CI(3), W | V | 1);
    assert_true(get_page_from_l1e(pte(io, P), d1, dp));
    assert_frame(io, CI(4), W | V | 1);
    put_page_from_l1e(pte(io, P));
    put_page_from_l1e(pte(io, P | RW));
    put_page_from_l1e(pte(io, P));
    assert_frame(io, CI(1), W | V);
}

static void test_io_frame_in_table_uses_owner_privilege(void **state)
{
    uint32_t l = frame(d1), m = frame(dp);

    (void)state;
    mm_fake_set_entry(l, 0, pte(MM_FAKE_IO_MFN, P));
    mm_fake_set_entry(m, 0, pte(MM_FAKE_IO_MFN, P));
    mm_fake_set_entry(m, 1, pte(ABOVE_RAM, P | RW));
    assert_false(get_page_type(pg(l), L1M));
    mm_fake_set_entry(l, 0, pte(ABOVE_RAM, P));
    assert_false(get_page_type(pg(l), L1M));
    assert_frame(l, CI(1), 0);
    assert_true(get_page_type(pg(m), L1M));
    assert_frame(MM_FAKE_IO_MFN, CI(2), 0);
    put_page_type(pg(m));
    assert_frame(MM_FAKE_IO_MFN, CI(1), 0);
}

static void test_dom_xen_read_only(void **state)
{
    uint32_t xen = MM_FAKE_XEN_MFN, f = frame(d1);

    (void)state;
    assert_true(get_page_from_l1e(pte(xen, P), dom_xen, dp));
    assert_frame(xen, CI(2), 0);
    assert_false(get_page_from_l1e(pte(xen, P | RW), dom_xen, dp));
    assert_frame(xen, CI(2), 0);
    put_page_from_l1e(pte(xen, P));
    assert_frame(xen, CI(1), 0);
    /* Only through dom_xen, and only its frames. */
    assert_false(get_page_from_l1e(pte(xen, P), dp, dp));
    assert_false(get_page_from_l1e(pte(f, P), dom_xen, dp));
    assert_frame(xen, CI(1), 0);
    assert_frame(f, CI(1), 0);
}

/* Each entry, taken and given back, leaves every frame as it was. */
static void test_put_l1e_mirrors_get(void **state)
{
    uint32_t f = frame(d1);
    const uint32_t entries[] = {
        0, pte(f, P), pte(f, P | RW), pte(f, P | RW | US | _PAGE_DIRTY),
        pte(MM_FAKE_IO_MFN, P), pte(MM_FAKE_IO_MFN, P | RW), pte(ABOVE_RAM, P | RW),
    };
    size_t i;

    (void)state;
    for (i = 0; i < ARRAY_SIZE(entries); i++) {
        assert_true(get_page_from_l1e(entries[i], d1, dp));
        put_page_from_l1e(entries[i]);
        assert_int_equal(mm_fake_unsettled_frame(), MM_FAKE_NONE);
    }
}

/* --- L2 entries (§5.2) ------------------------------------------------------ */

static void test_l2e_slot_1008_refused(void **state)
{
    uint32_t x = frame(d1), a = frame(d1);

    (void)state;
    assert_false(get_page_from_l2e(pte(a, P | RW), x, 1008, d1));
    assert_false(get_page_from_l2e(pte(a, P | RW), x, 1023, d1));
    assert_false(get_page_from_l2e(0, x, 1008, d1));       /* even not present */
    assert_false(get_page_from_l2e(0, x, 0xFFFF, d1));
    assert_frame(a, CI(1), 0);
    assert_true(get_page_from_l2e(pte(a, P | RW), x, 1007, d1));
    assert_frame(a, CI(2), L1(PGT_va(1007)) | V | 1);
    put_page_from_l2e(pte(a, P | RW), x);
    assert_frame(a, CI(1), L1(PGT_va(1007)));
}

static void test_l2e_not_present_ok(void **state)
{
    uint32_t x = frame(d1);

    (void)state;
    assert_true(get_page_from_l2e(0xFFFFFFFEu, x, 0, d1));
    assert_true(get_page_from_l2e(0, x, 1007, d1));
    put_page_from_l2e(0xFFFFFFFEu, x);
    put_page_from_l2e(pte(x, RW), x);
}

static void test_l2e_pse_refused(void **state)
{
    uint32_t x = frame(d1), a = frame(d1);

    (void)state;
    assert_false(get_page_from_l2e(pte(a, P | RW | _PAGE_PSE), x, 2, d1));
    assert_false(get_page_from_l2e(pte(a, P | _PAGE_PSE), x, 2, d1));
    assert_frame(a, CI(1), 0);
    assert_true(get_page_from_l2e(pte(a, P | RW), x, 2, d1));
    assert_frame(a, CI(2), L1(PGT_va(2)) | V | 1);
    put_page_from_l2e(pte(a, P | RW), x);
}

static void test_l2e_global_refused(void **state)
{
    uint32_t x = frame(d1), a = frame(d1);

    (void)state;
    assert_false(get_page_from_l2e(pte(a, P | RW | _PAGE_GLOBAL), x, 2, d1));
    assert_false(get_page_from_l2e(pte(x, P | _PAGE_GLOBAL), x, 2, d1)); /* self-map too */
    assert_frame(a, CI(1), 0);
    assert_frame(x, CI(1), 0);
}

static void test_l2e_target_must_be_own_valid_l1(void **state)
{
    uint32_t x = frame(d1), a = frame(d2), bad = frame(d1);

    (void)state;
    assert_false(get_page_from_l2e(pte(a, P | RW), x, 1, d1));
    assert_false(get_page_from_l2e(pte(a, P), x, 1, d1));
    assert_frame(a, CI(1), 0);
    assert_false(get_page_from_l2e(pte(ABOVE_RAM, P | RW), x, 1, dp));
    assert_false(get_page_from_l2e(pte(SPARE_MFN, P | RW), x, 1, d1));
    assert_frame(SPARE_MFN, 0, 0);
    mm_fake_set_entry(bad, 17, pte(a, P));          /* d2's frame */
    assert_false(get_page_from_l2e(pte(bad, P | RW), x, 1, d1));
    assert_frame(bad, CI(1), 0);
    assert_frame(a, CI(1), 0);
}

static void test_linear_rw_refused(void **state)
{
    uint32_t x = frame(d1), y = frame(d1);

    (void)state;
    assert_true(get_page_type(pg(y), L2));
    assert_false(get_page_from_l2e(pte(y, P | RW), x, 5, d1));
    assert_frame(y, CI(1), L2 | V | 1);
    put_page_type(pg(y));
}

static void test_linear_ro_accepted_and_counted(void **state)
{
    uint32_t x = frame(d1), y = frame(d1);

    (void)state;
    assert_true(get_page_type(pg(y), L2));
    assert_true(get_page_type(pg(x), L2));
    assert_true(get_page_from_l2e(pte(y, P | US), x, 5, d1));
    assert_frame(y, CI(2), L2 | V | 2 | LIN(-1));
    assert_frame(x, CI(1), L2 | V | 1 | LIN(1));
    put_page_from_l2e(pte(y, P | US), x);
    assert_frame(y, CI(1), L2 | V | 1);
    assert_frame(x, CI(1), L2 | V | 1);
    put_page_type(pg(x));
    /* In a table, validated and devalidated with it. */
    mm_fake_set_entry(x, 5, pte(y, P));
    assert_true(get_page_type(pg(x), L2));
    assert_frame(x, CI(1), L2 | V | 1 | LIN(1));
    assert_frame(y, CI(2), L2 | V | 2 | LIN(-1));
    put_page_type(pg(x));
    assert_frame(x, CI(1), L2);
    assert_frame(y, CI(1), L2 | V | 1);
    put_page_type(pg(y));
}

static void test_linear_needs_validated_l2_in_use(void **state)
{
    uint32_t x = frame(d1), y = frame(d1), w = frame(d1), z = frame(d2);

    (void)state;
    /* y was an L2 and is unused: Tessera's slots make it no valid L1 either. */
    assert_true(get_page_type(pg(y), L2));
    put_page_type(pg(y));
    assert_false(get_page_from_l2e(pte(y, P), x, 5, d1));
    assert_frame(y, CI(1), L2);
    /* Writable, not a table. */
    assert_true(get_page_type(pg(w), W));
    assert_false(get_page_from_l2e(pte(w, P), x, 5, d1));
    assert_frame(w, CI(1), W | V | 1);
    put_page_type(pg(w));
    /* Another domain's L2. */
    assert_true(get_page_type(pg(z), L2));
    assert_false(get_page_from_l2e(pte(z, P), x, 5, d1));
    assert_frame(z, CI(1), L2 | V | 1);
    put_page_type(pg(z));
}

/*
 * Bug class: unbounded recursion through chained linear page tables
 * (XSA-240). Xen 2.0 let L2s map each other in chains; Tessera allows one
 * level: an L2 maps others or is mapped by others, never both.
 */
static void test_linear_chain_refused(void **state)
{
    uint32_t a = frame(d1), b = frame(d1), c = frame(d1);

    (void)state;
    assert_true(get_page_type(pg(a), L2));
    assert_true(get_page_type(pg(b), L2));
    assert_true(get_page_type(pg(c), L2));
    assert_int_equal(mod_l2(a, 1, pte(b, P)), 0);         /* a maps b */
    assert_int_equal(mod_l2(a, 2, pte(c, P)), 0);         /* and c */
    assert_frame(a, CI(1), L2 | V | 1 | LIN(2));
    assert_frame(b, CI(2), L2 | V | 2 | LIN(-1));
    assert_int_equal(mod_l2(b, 1, pte(c, P)), -EINVAL);   /* b is mapped: no chain */
    assert_int_equal(mod_l2(c, 1, pte(a, P)), -EINVAL);   /* a maps: cannot be mapped */
    assert_int_equal(mod_l2(b, 1, pte(a, P)), -EINVAL);   /* nor form a loop */
    assert_frame(a, CI(1), L2 | V | 1 | LIN(2));
    assert_frame(b, CI(2), L2 | V | 2 | LIN(-1));
    assert_frame(c, CI(2), L2 | V | 2 | LIN(-1));
    /* Self-maps are not counted and stay allowed on both sides. */
    assert_int_equal(mod_l2(a, 3, pte(a, P)), 0);
    assert_int_equal(mod_l2(b, 3, pte(b, P)), 0);
    assert_frame(a, CI(1), L2 | V | 1 | LIN(2));
    /* Dropping a's entries releases both sides. */
    assert_int_equal(mod_l2(a, 1, 0), 0);
    assert_int_equal(mod_l2(a, 2, 0), 0);
    assert_frame(a, CI(1), L2 | V | 1);
    assert_frame(b, CI(1), L2 | V | 1);
    assert_frame(c, CI(1), L2 | V | 1);
    /* Now b may map c. */
    assert_int_equal(mod_l2(b, 1, pte(c, P)), 0);
    assert_frame(b, CI(1), L2 | V | 1 | LIN(1));
    put_page_type(pg(a));
    put_page_type(pg(b));                                 /* devalidates: drops b -> c */
    assert_frame(c, CI(1), L2 | V | 1);
    put_page_type(pg(c));
}

/* An L2 being validated that would join a chain is refused and rolled back. */
static void test_linear_chain_refused_at_validation(void **state)
{
    uint32_t a = frame(d1), b = frame(d1), x = frame(d1);

    (void)state;
    assert_true(get_page_type(pg(a), L2));
    assert_true(get_page_type(pg(b), L2));
    assert_int_equal(mod_l2(a, 1, pte(b, P)), 0);         /* b is mapped by a */
    mm_fake_set_entry(x, 7, pte(a, P));                   /* x would map a (maps b) */
    assert_false(get_page_type(pg(x), L2));
    assert_frame(x, CI(1), 0);
    assert_frame(a, CI(1), L2 | V | 1 | LIN(1));
    mm_fake_set_entry(x, 7, 0);
    assert_int_equal(mod_l2(a, 1, 0), 0);
    put_page_type(pg(a));
    put_page_type(pg(b));
}

static void test_linear_type_count_overflow_refused(void **state)
{
    uint32_t x = frame(d1), y = frame(d1);

    (void)state;
    assert_true(get_page_type(pg(y), L2));
    pg(y)->type_info = L2 | V | PGT_count_mask;
    assert_false(get_page_from_l2e(pte(y, P), x, 5, d1));
    assert_frame(y, CI(1), L2 | V | PGT_count_mask);
    pg(y)->type_info = L2 | V | 1;
    put_page_type(pg(y));
}

static void test_self_map_no_ref(void **state)
{
    uint32_t x = frame(d1);

    (void)state;
    /* In use as an L2, as whenever its entries are checked. */
    assert_true(get_page_type(pg(x), L2));
    assert_true(get_page_from_l2e(pte(x, P), x, 9, d1));
    assert_false(get_page_from_l2e(pte(x, P | RW), x, 9, d1));
    assert_frame(x, CI(1), L2 | V | 1);
    put_page_from_l2e(pte(x, P), x);
    assert_frame(x, CI(1), L2 | V | 1);
    put_page_type(pg(x));
    /* In the table itself: no reference, so it still devalidates. */
    mm_fake_set_entry(x, 9, pte(x, P | US));
    assert_true(get_page_type(pg(x), L2));
    assert_frame(x, CI(1), L2 | V | 1);
    put_page_type(pg(x));
    assert_frame(x, CI(1), L2);
    mm_fake_set_entry(x, 9, pte(x, P | RW));
    assert_false(get_page_type(pg(x), L2));
    assert_frame(x, CI(1), L2);
}

/* --- Checked updates ------------------------------------------------------- */

static void test_mod_l1_installs_and_drops_old(void **state)
{
    uint32_t l = frame(d1), f = frame(d1), g = frame(d1);

    (void)state;
    assert_true(get_page_type(pg(l), L1M));
    assert_int_equal(mod_l1(l, 0, pte(f, P | RW), d1, d1), 0);
    assert_int_equal(mm_fake_entry(l, 0), pte(f, P | RW));
    assert_frame(f, CI(2), W | V | 1);
    assert_int_equal(mod_l1(l, 0, pte(g, P), d1, d1), 0);
    assert_frame(g, CI(2), 0);
    assert_frame(f, CI(1), W | V);
    assert_int_equal(mod_l1(l, 0, 0, d1, d1), 0);
    assert_int_equal(mm_fake_entry(l, 0), 0);
    assert_frame(g, CI(1), 0);
    put_page_type(pg(l));
}

static void test_mod_l1_refusal_leaves_entry(void **state)
{
    uint32_t l = frame(d1), f = frame(d1), h = frame(d2);

    (void)state;
    assert_true(get_page_type(pg(l), L1M));
    assert_int_equal(mod_l1(l, 0, pte(f, P), d1, d1), 0);
    assert_int_equal(mod_l1(l, 0, pte(h, P), d1, d1), -EINVAL);
    assert_int_equal(mod_l1(l, 0, pte(ABOVE_RAM, P), d1, d1), -EINVAL);
    assert_int_equal(mm_fake_entry(l, 0), pte(f, P));
    assert_frame(f, CI(2), 0);
    assert_frame(h, CI(1), 0);
    /* Devalidation drops the entry still installed. */
    put_page_type(pg(l));
    assert_frame(f, CI(1), 0);
}

static void test_mod_l1_flag_only_change_checked(void **state)
{
    uint32_t l = frame(d1), f = frame(d1);

    (void)state;
    assert_true(get_page_type(pg(l), L1M));
    assert_int_equal(mod_l1(l, 0, pte(f, P), d1, d1), 0);
    assert_int_equal(mod_l1(l, 0, pte(f, P | _PAGE_GLOBAL), d1, d1), -EINVAL);
    assert_int_equal(mod_l1(l, 0, pte(f, P | _PAGE_PAT), d1, d1), -EINVAL);
    assert_int_equal(mm_fake_entry(l, 0), pte(f, P));
    assert_frame(f, CI(2), 0);
    assert_int_equal(mod_l1(l, 0, pte(f, P | US | _PAGE_PCD | _PAGE_ACCESSED), d1, d1), 0);
    assert_frame(f, CI(2), 0);
    put_page_type(pg(l));
    assert_frame(f, CI(1), 0);
}

static void test_mod_l1_rw_toggle_counts(void **state)
{
    uint32_t l = frame(d1), f = frame(d1), t = frame(d1);

    (void)state;
    assert_true(get_page_type(pg(l), L1M));
    assert_int_equal(mod_l1(l, 0, pte(f, P), d1, d1), 0);
    assert_frame(f, CI(2), 0);
    assert_int_equal(mod_l1(l, 0, pte(f, P | RW), d1, d1), 0);
    assert_frame(f, CI(2), W | V | 1);
    assert_int_equal(mod_l1(l, 0, pte(f, P), d1, d1), 0);
    assert_frame(f, CI(2), W | V);
    /* A table cannot be made writable by a flag change either. */
    assert_true(get_page_type(pg(t), L1M));
    assert_int_equal(mod_l1(l, 1, pte(t, P), d1, d1), 0);
    assert_int_equal(mod_l1(l, 1, pte(t, P | RW), d1, d1), -EINVAL);
    assert_int_equal(mm_fake_entry(l, 1), pte(t, P));
    assert_frame(t, CI(2), L1M | V | 1);
    put_page_type(pg(l));
    assert_frame(f, CI(1), W | V);
    assert_frame(t, CI(1), L1M | V | 1);
    put_page_type(pg(t));
}

static void test_mod_l2_installs_l1_and_drops_old(void **state)
{
    uint32_t x = frame(d1), a = frame(d1), b = frame(d1);

    (void)state;
    assert_true(get_page_type(pg(x), L2));
    assert_int_equal(mod_l2(x, 3, pte(a, P | RW)), 0);
    assert_frame(a, CI(2), L1(PGT_va(3)) | V | 1);
    assert_int_equal(mod_l2(x, 3, pte(b, P | RW)), 0);
    assert_frame(b, CI(2), L1(PGT_va(3)) | V | 1);
    assert_frame(a, CI(1), L1(PGT_va(3)));
    assert_int_equal(mod_l2(x, 3, 0), 0);
    assert_frame(b, CI(1), L1(PGT_va(3)));
    put_page_type(pg(x));
}

static void test_mod_l2_slot_1008_refused(void **state)
{
    uint32_t x = frame(d1), a = frame(d1);
    uint32_t *w = mm_fake_words(x);

    (void)state;
    assert_true(get_page_type(pg(x), L2));
    assert_int_equal(mod_l2_entry(&w[1008], pte(a, P | RW), x, 1008, d1), -EINVAL);
    assert_int_equal(mod_l2_entry(&w[1008], 0, x, 1008, d1), -EINVAL);
    assert_int_equal(mod_l2_entry(&w[1023], 0, x, 1023, d1), -EINVAL);
    assert_int_equal(w[1008], mm_fake_hv_l2e(1008));
    assert_int_equal(w[1023], mm_fake_hv_l2e(1023));
    assert_frame(a, CI(1), 0);
    assert_int_equal(mod_l2_entry(&w[1007], pte(a, P | RW), x, 1007, d1), 0);
    assert_frame(a, CI(2), L1(PGT_va(1007)) | V | 1);
    put_page_type(pg(x));
    assert_frame(a, CI(1), L1(PGT_va(1007)));
}

static void test_mod_l2_flag_only_change_checked(void **state)
{
    uint32_t x = frame(d1), a = frame(d1);
    unsigned int maps;

    (void)state;
    assert_true(get_page_type(pg(x), L2));
    assert_int_equal(mod_l2(x, 3, pte(a, P | RW)), 0);
    maps = mm_fake_stats.maps;
    assert_int_equal(mod_l2(x, 3, pte(a, P | RW | _PAGE_PSE)), -EINVAL);
    assert_int_equal(mod_l2(x, 3, pte(a, P | RW | _PAGE_GLOBAL)), -EINVAL);
    assert_int_equal(mm_fake_entry(x, 3), pte(a, P | RW));
    assert_frame(a, CI(2), L1(PGT_va(3)) | V | 1);
    /* Allowed flag changes keep the L1 validated: it is not checked again. */
    assert_int_equal(mod_l2(x, 3, pte(a, P | RW | US | _PAGE_ACCESSED)), 0);
    assert_int_equal(mod_l2(x, 3, pte(a, P)), 0);
    assert_frame(a, CI(2), L1(PGT_va(3)) | V | 1);
    assert_int_equal(mm_fake_stats.maps, maps);
    assert_int_equal(mod_l2(x, 3, 0), 0);
    assert_frame(a, CI(1), L1(PGT_va(3)));
    put_page_type(pg(x));
}

static void test_mod_l2_linear_rw_toggle_refused(void **state)
{
    uint32_t x = frame(d1), y = frame(d1);

    (void)state;
    assert_true(get_page_type(pg(y), L2));
    assert_true(get_page_type(pg(x), L2));
    assert_int_equal(mod_l2(x, 5, pte(y, P)), 0);
    assert_frame(y, CI(2), L2 | V | 2 | LIN(-1));
    assert_int_equal(mod_l2(x, 5, pte(y, P | RW)), -EINVAL);
    assert_int_equal(mm_fake_entry(x, 5), pte(y, P));
    assert_frame(x, CI(1), L2 | V | 1 | LIN(1));
    assert_int_equal(mod_l2(x, 5, pte(y, P | US)), 0);
    assert_frame(y, CI(2), L2 | V | 2 | LIN(-1));
    assert_frame(x, CI(1), L2 | V | 1 | LIN(1));
    assert_int_equal(mod_l2(x, 5, 0), 0);
    assert_frame(y, CI(1), L2 | V | 1);
    /* The self-map the same way, without references. */
    assert_int_equal(mod_l2(x, 6, pte(x, P)), 0);
    assert_int_equal(mod_l2(x, 6, pte(x, P | RW)), -EINVAL);
    assert_frame(x, CI(1), L2 | V | 1);
    assert_int_equal(mod_l2(x, 6, 0), 0);
    put_page_type(pg(x));
    put_page_type(pg(y));
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_get_page_counts_and_checks_owner),
        T(test_get_page_free_frame_refused),
        T(test_get_page_anonymous_frame_refused),
        T(test_last_put_frees),
        T(test_released_frame_lingers_until_unmapped),
        T(test_count_overflow_refused),
        T(test_writable_type_validated_at_once),
        T(test_type_change_flushes_tlb),
        T(test_l1_type_refused_while_writable_mapped),
        T(test_type_count_overflow_refused),
        T(test_validation_failure_rolls_back),
        T(test_devalidation_drops_refs),
        T(test_type_being_validated_refused),
        T(test_non_guest_table_refused),
        T(test_l1_maps_itself_rw_refused),
        T(test_l1_validation_subject_is_owner),
        T(test_l2_validation_fills_hypervisor_slots),
        T(test_l2_validation_failure_rolls_back),
        T(test_gdt_page_validates_descriptors),
        T(test_backpointer_set_by_slot),
        T(test_backpointer_unknown_on_second_slot),
        T(test_pin_l1_before_install_takes_slot),
        T(test_pin_l1_installed_gives_unknown),
        T(test_backpointer_mutable_again_when_only_pinned),
        T(test_only_pin_left_leaves_l2_backpointer_clear),
        T(test_pin_l2),
        T(test_pin_twice_refused),
        T(test_unpin_unpinned),
        T(test_unpin_needs_owner),
        T(test_pin_needs_owner_and_table_type),
        T(test_l1e_not_present_ok),
        T(test_l1e_own_frame_counted),
        T(test_l1e_us_pwt_pcd_free),
        T(test_l1e_global_refused),
        T(test_l1e_pat_refused),
        T(test_l1e_foreign_frame_refused),
        T(test_l1e_rw_to_pagetable_refused),
        T(test_io_frame_needs_privilege),
        T(test_io_frame_in_table_uses_owner_privilege),
        T(test_dom_xen_read_only),
        T(test_put_l1e_mirrors_get),
        T(test_l2e_slot_1008_refused),
        T(test_l2e_not_present_ok),
        T(test_l2e_pse_refused),
        T(test_l2e_global_refused),
        T(test_l2e_target_must_be_own_valid_l1),
        T(test_linear_rw_refused),
        T(test_linear_ro_accepted_and_counted),
        T(test_linear_needs_validated_l2_in_use),
        T(test_linear_chain_refused),
        T(test_linear_chain_refused_at_validation),
        T(test_linear_type_count_overflow_refused),
        T(test_self_map_no_ref),
        T(test_mod_l1_installs_and_drops_old),
        T(test_mod_l1_refusal_leaves_entry),
        T(test_mod_l1_flag_only_change_checked),
        T(test_mod_l1_rw_toggle_counts),
        T(test_mod_l2_installs_l1_and_drops_old),
        T(test_mod_l2_slot_1008_refused),
        T(test_mod_l2_flag_only_change_checked),
        T(test_mod_l2_linear_rw_toggle_refused),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
