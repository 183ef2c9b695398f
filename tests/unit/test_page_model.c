/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The randomized model test of the page-type system: long random sequences
 * of get/put, type references, pins, entry updates and guest stores over a
 * small pool, each step checked against the reference model of
 * page_model.c and the invariants of mm.h, and at the end everything given
 * back and the pool checked at its baseline.
 *
 * PAGE_MODEL_STEPS=n sets the steps per seed (default 50000);
 * PAGE_MODEL_SEED=s runs only seed s (a failure prints its seed).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <tessera/errno.h>
#include <tessera/mm.h>

#include "mm_fake.h"
#include "page_model.h"

#define DEFAULT_STEPS   50000ul

static const uint64_t seeds[] = { 1, 2, 3, 4, 5, 6, 7, 0x7e55e7a };

static unsigned long env_number(const char *name, unsigned long fallback)
{
    const char *s = getenv(name);

    return s && *s ? strtoul(s, NULL, 0) : fallback;
}

static void add_coverage(struct pm_coverage *sum, const struct pm_coverage *c)
{
    sum->ops += c->ops;
    sum->applied += c->applied;
    sum->refused += c->refused;
    sum->l1_validated += c->l1_validated;
    sum->l2_validated += c->l2_validated;
    sum->desc_validated += c->desc_validated;
    sum->validation_refused += c->validation_refused;
    sum->installs += c->installs;
    sum->linear_maps += c->linear_maps;
    sum->linear_depth_refused += c->linear_depth_refused;
    sum->rw_table_refused += c->rw_table_refused;
    sum->overflow_refused += c->overflow_refused;
    sum->backpointer_unknown += c->backpointer_unknown;
    sum->frees += c->frees;
    sum->descriptors_rewritten += c->descriptors_rewritten;
}

/* One seed: steps random ops, then everything dropped. */
static void run_seed(uint64_t seed, unsigned long steps, struct pm_coverage *sum)
{
    struct page_model *m = pm_create();
    struct pm_rng rng;
    char name[64];
    unsigned long i;
    bool ok;

    assert_non_null(m);
    snprintf(name, sizeof(name), "seed %llu (rerun with PAGE_MODEL_SEED=%llu)",
             (unsigned long long)seed, (unsigned long long)seed);
    pm_set_name(m, name);
    pm_rng_init(&rng, seed);
    ok = pm_report(m)[0] == '\0';
    for (i = 0; ok && i < steps; i++)
        ok = pm_step(m, &rng.src);
    ok = ok && pm_finish(m);
    if (!ok) {
        /* cmocka cuts long messages short: the report goes to stderr whole. */
        fprintf(stderr, "%s", pm_report(m));
        pm_destroy(m);
        fail_msg("seed %llu failed", (unsigned long long)seed);
    }
    add_coverage(sum, pm_coverage(m));
    pm_destroy(m);
}

static void test_random_sequences(void **state)
{
    unsigned long steps = env_number("PAGE_MODEL_STEPS", DEFAULT_STEPS);
    const char *only = getenv("PAGE_MODEL_SEED");
    struct pm_coverage sum = { 0 };
    size_t i;

    (void)state;
    if (only && *only) {
        run_seed(strtoull(only, NULL, 0), steps, &sum);
        return;
    }
    for (i = 0; i < ARRAY_SIZE(seeds); i++)
        run_seed(seeds[i], steps, &sum);
    if (steps < DEFAULT_STEPS)
        return;
    /* The runs must have reached the interesting rules, or they proved little. */
    print_message("ops %lu applied %lu refused %lu; validated L1 %lu L2 %lu GDT/LDT %lu "
                  "(refused %lu); installs %lu, linear %lu (depth-refused %lu); RW-to-table "
                  "refused %lu; overflow refused %lu; back-pointer unknown %lu; frees %lu; "
                  "descriptors rewritten %lu\n",
                  sum.ops, sum.applied, sum.refused, sum.l1_validated, sum.l2_validated,
                  sum.desc_validated, sum.validation_refused, sum.installs, sum.linear_maps,
                  sum.linear_depth_refused, sum.rw_table_refused, sum.overflow_refused,
                  sum.backpointer_unknown, sum.frees, sum.descriptors_rewritten);
    assert_true(sum.applied > sum.ops / 2);
    assert_true(sum.l1_validated > 100);
    assert_true(sum.l2_validated > 100);
    assert_true(sum.desc_validated > 100);
    assert_true(sum.validation_refused > 100);
    assert_true(sum.installs > 100);
    assert_true(sum.linear_maps > 20);
    assert_true(sum.linear_depth_refused > 5);
    assert_true(sum.rw_table_refused > 20);
    assert_true(sum.overflow_refused > 20);
    assert_true(sum.backpointer_unknown > 5);
    assert_true(sum.frees > 20);
    assert_true(sum.descriptors_rewritten > 20);
}

/* The byte source the fuzz target uses runs the same model. */
static void test_byte_stream(void **state)
{
    static uint8_t bytes[16384];
    struct page_model *m = pm_create();
    struct pm_bytes src;
    size_t i;
    bool ok = true;

    (void)state;
    for (i = 0; i < sizeof(bytes); i++)
        bytes[i] = (uint8_t)(i * 151 + (i >> 7) * 13);
    pm_bytes_init(&src, bytes, sizeof(bytes));
    while (ok && !src.src.exhausted)
        ok = pm_step(m, &src.src);
    ok = ok && pm_finish(m);
    if (!ok) {
        fprintf(stderr, "%s", pm_report(m));
        fail_msg("the byte stream failed");
    }
    assert_true(pm_coverage(m)->applied > 1000);
    pm_destroy(m);
}

static struct pm_op op(enum pm_op_kind kind, uint32_t mfn, enum pm_dom dom, uint32_t type)
{
    return (struct pm_op){ .kind = kind, .mfn = mfn, .dom = dom, .type = type,
                           .subject = PM_DOM_NONE, .caller = PM_DOM_NONE };
}

static struct pm_op mod_l2(uint32_t table, uint32_t slot, uint32_t val)
{
    struct pm_op o = op(PM_MOD_L2, table, PM_DOM_NONE, 0);

    o.idx = slot;
    o.val = val;
    return o;
}

static void apply_ok(struct page_model *m, struct pm_op o, int result)
{
    if (!pm_apply(m, &o)) {
        fprintf(stderr, "%s", pm_report(m));
        fail_msg("the model disagrees");
    }
    assert_int_equal(pm_last_result(m), result);
}

/* The one-level rule for linear page tables, as the model states it. */
static void test_linear_depth_rule(void **state)
{
    struct page_model *m = pm_create();
    uint32_t a = pm_initial_frame(PM_DOM_D1, 0);
    uint32_t b = pm_initial_frame(PM_DOM_D1, 1);
    uint32_t c = pm_initial_frame(PM_DOM_D1, 2);
    const uint32_t ro = _PAGE_PRESENT;

    (void)state;
    apply_ok(m, op(PM_GET_TYPE, a, PM_DOM_D1, PGT_l2_page_table), 1);
    apply_ok(m, op(PM_GET_TYPE, b, PM_DOM_D1, PGT_l2_page_table), 1);
    apply_ok(m, op(PM_GET_TYPE, c, PM_DOM_D1, PGT_l2_page_table), 1);
    apply_ok(m, mod_l2(a, 1, mm_fake_pte(b, ro)), 0);
    apply_ok(m, mod_l2(b, 1, mm_fake_pte(c, ro)), -EINVAL);     /* b is mapped */
    apply_ok(m, mod_l2(c, 1, mm_fake_pte(a, ro)), -EINVAL);     /* a maps */
    apply_ok(m, mod_l2(b, 2, mm_fake_pte(b, ro)), 0);           /* self-maps don't count */
    assert_int_equal(pm_coverage(m)->linear_depth_refused, 2);
    assert_int_equal(pm_coverage(m)->linear_maps, 1);
    if (!pm_finish(m)) {
        fprintf(stderr, "%s", pm_report(m));
        fail_msg("pm_finish failed");
    }
    pm_destroy(m);
}

/* The checker itself: a count that drifts from the model is reported. */
static void test_checker_sees_count_drift(void **state)
{
    struct page_model *m = pm_create();
    uint32_t f = pm_initial_frame(PM_DOM_D2, 3);

    (void)state;
    assert_true(pm_check_model(m));
    assert_true(pm_check_invariants(m));
    frame_table[f].count_info++;
    assert_false(pm_check_invariants(m));
    assert_non_null(strstr(pm_report(m), "holders hold"));
    assert_false(pm_check_model(m));
    frame_table[f].count_info--;
    pm_destroy(m);
}

/* ... and a writable mapping of a table, even with every count adjusted to match. */
static void test_checker_sees_writable_table(void **state)
{
    struct page_model *m = pm_create();
    uint32_t l1 = pm_initial_frame(PM_DOM_D1, 0);
    uint32_t gdt = pm_initial_frame(PM_DOM_D1, 1);

    (void)state;
    apply_ok(m, op(PM_GET_TYPE, l1, PM_DOM_D1, PGT_l1_page_table | PGT_va_mutable), 1);
    apply_ok(m, op(PM_GET_TYPE, gdt, PM_DOM_D1, PGT_gdt_page), 1);
    mm_fake_set_entry(l1, 0, mm_fake_pte(gdt, _PAGE_PRESENT | _PAGE_RW));
    frame_table[gdt].count_info++;
    frame_table[gdt].type_info++;
    assert_false(pm_check_invariants(m));
    assert_non_null(strstr(pm_report(m), "maps GDT frame"));
    pm_destroy(m);
}

/* ... and a reference taken behind the model's back stops pm_finish(). */
static void test_checker_sees_leak(void **state)
{
    struct page_model *m = pm_create();
    uint32_t f = pm_initial_frame(PM_DOM_PRIV, 5);

    (void)state;
    assert_true(get_page(mfn_to_page(f), mfn_to_page(f)->owner));
    assert_false(pm_finish(m));
    assert_non_null(strstr(pm_report(m), "count_info"));
    pm_destroy(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_sequences),
        cmocka_unit_test(test_byte_stream),
        cmocka_unit_test(test_linear_depth_rule),
        cmocka_unit_test(test_checker_sees_count_drift),
        cmocka_unit_test(test_checker_sees_writable_table),
        cmocka_unit_test(test_checker_sees_leak),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
