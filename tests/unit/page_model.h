/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A reference model of the page-type system (ABI.md §5.1, §5.2, and the
 * descriptor rules of §3) and an invariant checker, shared by the
 * randomized model test (test_page_model.c) and the fuzz target
 * (tests/fuzz/fuzz_page_type.c).
 *
 * The model drives mm/page_type.c on the fake platform of mm_fake.c: a
 * pool of PM_NR_FRAMES frames, two unprivileged guests, a privileged one,
 * dom_io and dom_xen. Each operation (get/put, type references, pins,
 * entry updates, guest writes, ...) is applied twice: to the model, which
 * predicts the result and every frame's count_info and type_info from the
 * rules, and to the implementation. After every operation the two must
 * agree exactly, and the implementation's state must satisfy the
 * invariants of mm.h, recounted from scratch from the reference holders.
 *
 * Operations come from a pm_source: a seeded PRNG for the model test, the
 * fuzzer's bytes for the fuzz target. Any disagreement makes pm_step()
 * return false; pm_report() then tells what went wrong and the last
 * operations that led there.
 */
#ifndef TESTS_UNIT_PAGE_MODEL_H
#define TESTS_UNIT_PAGE_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* --- Where the choices come from ------------------------------------------ */

struct pm_source {
    /* A number in 0..n-1 (n >= 1). */
    uint32_t (*pick)(struct pm_source *src, uint32_t n);
    bool exhausted;     /* a byte source ran dry: picks return 0 from then on */
};

/* A seeded PRNG: the same seed gives the same operations. */
struct pm_rng {
    struct pm_source src;
    uint64_t state;
};

void pm_rng_init(struct pm_rng *rng, uint64_t seed);

/* The fuzzer's input, read front to back, one to four bytes per pick. */
struct pm_bytes {
    struct pm_source src;
    const uint8_t *data;
    size_t size;
    size_t pos;
};

void pm_bytes_init(struct pm_bytes *bytes, const uint8_t *data, size_t size);

/* --- The pool ------------------------------------------------------------- */

#define PM_NR_FRAMES        24u
#define PM_FRAMES_PER_GUEST 6u      /* handed to each guest at the start */

/* Domains by index; PM_DOM_NONE stands for a NULL domain pointer. */
enum pm_dom {
    PM_DOM_NONE = -1,
    PM_DOM_IO,
    PM_DOM_XEN,
    PM_DOM_D1,          /* unprivileged */
    PM_DOM_D2,          /* unprivileged */
    PM_DOM_PRIV,        /* privileged (dom0) */
    PM_NR_DOMS
};

/* The i-th frame guest dom (PM_DOM_D1..PM_DOM_PRIV) was given at the start. */
static inline uint32_t pm_initial_frame(enum pm_dom dom, uint32_t i)
{
    return 2u + (uint32_t)(dom - PM_DOM_D1) * PM_FRAMES_PER_GUEST + i;
}

/* --- Operations ------------------------------------------------------------ */

enum pm_op_kind {
    PM_ALLOC,           /* dom: a frame from the free pool (mm_fake_alloc) */
    PM_DROP_ALLOC,      /* mfn: the owner gives it back (unpin, drop PGC_allocated) */
    PM_GET,             /* mfn, dom: get_page */
    PM_PUT,             /* mfn: drops the latest PM_GET reference on it */
    PM_GET_TYPE,        /* mfn, dom, type: get_page_and_type (split: the two calls) */
    PM_PUT_TYPE,        /* mfn: drops the latest PM_GET_TYPE reference (split too) */
    PM_PIN,             /* mfn, dom, type: pin_page_table */
    PM_UNPIN,           /* mfn, dom: unpin_page_table */
    PM_WRITE,           /* mfn, idx, val[, val2]: the owner writes through a RW mapping */
    PM_MOD_L1,          /* mfn, idx, val, subject, caller: mod_l1_entry */
    PM_MOD_L2,          /* mfn, idx, val: mod_l2_entry by the owner */
    PM_INFLATE,         /* mfn, typed, slack: jump the counts to slack below their limit */
    PM_DEFLATE,         /* mfn: gives the PM_INFLATE references back */
    PM_DESC,            /* val, val2: check_descriptor on (lo, hi) */
    PM_SEL,             /* val: check_selector */
    PM_PROBE_L1E,       /* val, subject, caller: get_page_from_l1e, then put it back */
    PM_PROBE_L2E,       /* mfn, idx, val: get_page_from_l2e by the owner, then put it back */
    PM_NR_OPS
};

struct pm_op {
    enum pm_op_kind kind;
    uint32_t mfn;
    enum pm_dom dom;
    uint32_t type;          /* PGT_* type (| PGT_va(slot) or PGT_va_mutable for L1) */
    uint32_t idx;           /* word index in the frame */
    uint32_t val, val2;     /* entry/word values; val2 used when two is set */
    bool two;               /* PM_WRITE: also write val2 at idx + 1 */
    bool split;             /* PM_GET_TYPE/PM_PUT_TYPE: separate general and type calls */
    bool typed;             /* PM_INFLATE: type references too */
    uint32_t slack;         /* PM_INFLATE: how far below the limit */
    enum pm_dom subject, caller;
};

/* What the runs reached: lets a test insist that its ops mean something. */
struct pm_coverage {
    unsigned long ops, applied;         /* generated, and not skipped as inapplicable */
    unsigned long refused;              /* ops the rules refused (both sides agreed) */
    unsigned long l1_validated, l2_validated, desc_validated;
    unsigned long validation_refused;
    unsigned long installs;             /* L2 entries installing an L1 */
    unsigned long linear_maps;          /* L2 entries mapping another L2 */
    unsigned long linear_depth_refused; /* refused only by the one-level rule */
    unsigned long rw_table_refused;     /* RW mapping of a table/GDT/LDT refused */
    unsigned long overflow_refused;     /* refused because a count would overflow */
    unsigned long backpointer_unknown;  /* an L1 got back-pointer 0x3FE */
    unsigned long frees;
    unsigned long descriptors_rewritten;
};

struct page_model;

/*
 * A fresh pool (mm_fake_reset) with the domains and their initial frames.
 * Only one model may exist at a time: the fake platform is global.
 */
struct page_model *pm_create(void);
/* Releases the model and the fake platform. */
void pm_destroy(struct page_model *m);

/* Generates one operation from src, applies it and checks everything. */
bool pm_step(struct page_model *m, struct pm_source *src);
/* Applies one given operation (skipped if inapplicable) and checks everything. */
bool pm_apply(struct page_model *m, const struct pm_op *op);
/* The result of the last applied operation: 1/0 for a bool, else the rc. */
int pm_last_result(const struct page_model *m);

/*
 * Drops every reference the model's holders hold (their own references,
 * pins, inflated counts), checking after each drop, then checks that the
 * pool is exactly back at its baseline.
 */
bool pm_finish(struct page_model *m);

/* The implementation agrees with the model (counts, types, contents, hooks). */
bool pm_check_model(struct page_model *m);
/* The implementation's state obeys mm.h's invariants, recounted from the holders. */
bool pm_check_invariants(struct page_model *m);

/* A direct check_descriptor/check_selector call against §3 and safety. */
bool pm_check_descriptor(struct page_model *m, uint32_t lo, uint32_t hi);
bool pm_check_selector(struct page_model *m, uint16_t sel);

/* The first failure and the operations before it; "" while all is well. */
const char *pm_report(struct page_model *m);
/* A name for the run (e.g. its seed) that reports start with. */
void pm_set_name(struct page_model *m, const char *name);

const struct pm_coverage *pm_coverage(const struct page_model *m);

#endif /* TESTS_UNIT_PAGE_MODEL_H */
