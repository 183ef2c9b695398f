/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libFuzzer target for the page-type system (mm/page_type.c) and the
 * descriptor checks (arch/x86/descriptor.c).
 *
 * The input drives the reference model of tests/unit/page_model.c: its
 * bytes are the choices of the op stream (which operation, which frame,
 * which entry, which flags), so the fuzzer explores op sequences and
 * entry contents together. Every step is checked against the model and
 * the invariants of mm.h, and at the end every reference is dropped and
 * the pool must be back at its baseline. Any disagreement aborts with the
 * model's report, which libFuzzer saves as a crash.
 *
 * An input whose first byte is RAW_DESCRIPTORS instead feeds raw 8-byte
 * descriptors (low word first) straight to check_descriptor, and their
 * selectors to check_selector: an accepted present code/data segment must
 * stay below 0xFC400000 with DPL > 0, an accepted system descriptor must
 * be a call gate to a valid selector.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "page_model.h"

#define MAX_STEPS           4096u
#define RAW_DESCRIPTORS     0xD5u

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(struct page_model *m)
{
    fprintf(stderr, "fuzz_page_type: %s", pm_report(m));
    abort();
}

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void raw_descriptors(struct page_model *m, const uint8_t *data, size_t size)
{
    size_t i;

    for (i = 0; i + 8 <= size; i += 8) {
        uint32_t lo = le32(data + i), hi = le32(data + i + 4);

        if (!pm_check_descriptor(m, lo, hi) || !pm_check_selector(m, (uint16_t)(lo >> 16)))
            die(m);
    }
}

static void op_stream(struct page_model *m, const uint8_t *data, size_t size)
{
    struct pm_bytes src;
    unsigned int steps;

    pm_bytes_init(&src, data, size);
    for (steps = 0; !src.src.exhausted && steps < MAX_STEPS; steps++)
        if (!pm_step(m, &src.src))
            die(m);
    if (!pm_finish(m))
        die(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct page_model *m = pm_create();

    if (!m)
        abort();
    if (size > 0 && data[0] == RAW_DESCRIPTORS)
        raw_descriptors(m, data + 1, size - 1);
    else
        op_stream(m, data, size);
    pm_destroy(m);
    return 0;
}
