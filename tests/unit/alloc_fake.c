/* SPDX-License-Identifier: GPL-2.0-only */
/* Fake frame table and direct map for the allocator tests. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "alloc_fake.h"

struct page_info *frame_table;
uint32_t max_page;
const char *fake_last_corruption;

static uint8_t *direct_map;
static uint32_t direct_frames;

void fake_mm_setup(uint32_t nr_frames)
{
    frame_table = calloc(nr_frames, sizeof(*frame_table));
    assert_non_null(frame_table);
    max_page = nr_frames;
    direct_frames = MIN(nr_frames, XENHEAP_FRAMES);
    direct_map = aligned_alloc(FRAME_SIZE, (size_t)direct_frames * FRAME_SIZE);
    assert_non_null(direct_map);
    fake_last_corruption = NULL;
    heap_reset();
    xmalloc_reset();
}

void fake_mm_teardown(void)
{
    free(frame_table);
    free(direct_map);
    frame_table = NULL;
    direct_map = NULL;
    max_page = direct_frames = 0;
}

void *heap_mfn_to_virt(uint32_t mfn)
{
    assert_true(mfn < direct_frames);
    return direct_map + (size_t)mfn * FRAME_SIZE;
}

uint32_t heap_virt_to_mfn(const void *va)
{
    uintptr_t p = (uintptr_t)va, base = (uintptr_t)direct_map;

    if (p < base || p >= base + (uintptr_t)direct_frames * FRAME_SIZE)
        return BOOT_ALLOC_NONE;
    return (uint32_t)((p - base) / FRAME_SIZE);
}

void alloc_corruption(const char *why)
{
    fake_last_corruption = why;
    mock_assert(0, why, __FILE__, __LINE__);
}
