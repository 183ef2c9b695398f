/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A frame table and a direct map for the allocator tests (mm/buddy.c,
 * mm/xmalloc.c), and the corruption hook as a cmocka assertion.
 */
#ifndef TESTS_ALLOC_FAKE_H
#define TESTS_ALLOC_FAKE_H

#include "../../mm/alloc.h"

/*
 * A zeroed frame table of nr_frames entries (max_page = nr_frames), a
 * direct map for the xenheap frames among them, and empty heaps and
 * xmalloc lists.
 */
void fake_mm_setup(uint32_t nr_frames);
void fake_mm_teardown(void);

/* The message of the last alloc_corruption() call, or NULL. */
extern const char *fake_last_corruption;

#endif /* TESTS_ALLOC_FAKE_H */
