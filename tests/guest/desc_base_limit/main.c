/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * desc_base_limit: the code/data rules of the descriptor check (ABI.md §2
 * #10, §3 "Descriptor check"). Bug class: a guest segment reaching
 * Tessera's memory at 0xFC400000 and up. Bases from 0xFC3FF000 up give
 * -EINVAL. An expand-up limit running past 0xFC400000 (or wrapping) is
 * rewritten to end at 0xFC3FFFFF, and an expand-down segment covering
 * addresses above its base is rewritten to limit -(base & ~0xFFF); either
 * rewrite needs G=1, so byte-granular ones are refused. Everything is read
 * back through the guest's read-only mapping of the frame: a flat 4 GB
 * ring-1 data segment is stored as 0x00cfb2000000c3ff.
 */
#include "../desc_common/desc_helpers.h"

#define SLOT    40

struct desc_case {
    const char *name;
    uint64_t desc;
    long rc;
    uint64_t stored;        /* when accepted */
};

void test_main(void)
{
    const struct desc_case cases[] = {
        {"base 0xFC3FF000", seg_desc(0xFC3FF000, 0, ACC_DATA_R1, SEG_4K_32), -XEN_EINVAL, 0},
        {"base 0xFC400000", seg_desc(0xFC400000, 0, ACC_DATA_R1, SEG_4K_32), -XEN_EINVAL, 0},
        {"base 0xFFFFF000", seg_desc(0xFFFFF000, 0, ACC_DATA_R1, SEG_4K_32), -XEN_EINVAL, 0},
        {"base 0xFC3FE000, 1 page", seg_desc(0xFC3FE000, 0, ACC_DATA_R1, SEG_4K_32), 0,
         seg_desc(0xFC3FE000, 0, ACC_DATA_R1, SEG_4K_32)},
        {"base 0xFC3FE000, 2 pages", seg_desc(0xFC3FE000, 1, ACC_DATA_R1, SEG_4K_32), 0,
         seg_desc(0xFC3FE000, 1, ACC_DATA_R1, SEG_4K_32)},
        {"base 0xFC3FE000, 3 pages", seg_desc(0xFC3FE000, 2, ACC_DATA_R1, SEG_4K_32), 0,
         seg_desc(0xFC3FE000, 1, ACC_DATA_R1, SEG_4K_32)},
        {"flat 4 GB ring-1 data", 0x00cfb2000000ffffULL, 0, 0x00cfb2000000c3ffULL},
        {"flat 4 GB ring-1 code", 0x00cfba000000ffffULL, 0, 0x00cfba000000c3ffULL},
        {"flat 4 GB ring-3 data", 0x00cff2000000ffffULL, 0, 0x00cff2000000c3ffULL},
        {"base 0x1000, 4 GB", seg_desc(0x1000, 0xFFFFF, ACC_DATA_R1, SEG_4K_32), 0,
         0x00cfb2001000c3feULL},
        {"base 0x80000000, wrapping", seg_desc(0x80000000, 0xFFFFF, ACC_DATA_R1, SEG_4K_32), 0,
         0x80c7b2000000c3ffULL},
        {"byte-granular past the end", seg_desc(0xFC3F0000, 0xFFFFF, ACC_DATA_R1, SEG_BYTE_32),
         -XEN_EINVAL, 0},
        {"byte-granular up to the end", seg_desc(0xFC3F0000, 0xFFFF, ACC_DATA_R1, SEG_BYTE_32), 0,
         seg_desc(0xFC3F0000, 0xFFFF, ACC_DATA_R1, SEG_BYTE_32)},
        {"expand-down above base", seg_desc(0x10000000, 0, 0xB6, SEG_4K_32), 0,
         0x10ceb6000000ffffULL},
        {"expand-down below base", seg_desc(0x10000000, 0xEFFFF, 0xB6, SEG_4K_32), 0,
         seg_desc(0x10000000, 0xEFFFF, 0xB6, SEG_4K_32)},
        {"byte-granular expand-down above base", seg_desc(0x10000000, 0, 0xB6, SEG_BYTE_32),
         -XEN_EINVAL, 0},
    };
    const uint64_t before = seg_desc(0x4000, 3, ACC_DATA_R1, SEG_4K_32);
    void *page = new_page();
    char what[128];
    unsigned int i;

    if (hypercall_absent(__HYPERVISOR_update_descriptor))
        return;
    if (!page)
        return;
    check_long("making the page read-only", map_ro(page), 0);
    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        if (update_desc(desc_ma(page, SLOT), before) != 0) {
            xtf_error("Error: update_descriptor refused a plain descriptor\n");
            return;
        }
        snprintf(what, sizeof(what), "update_descriptor(%s)", cases[i].name);
        check_long(what, update_desc(desc_ma(page, SLOT), cases[i].desc), cases[i].rc);
        snprintf(what, sizeof(what), "the slot after update_descriptor(%s)", cases[i].name);
        check_desc(what, read_desc(page, SLOT), cases[i].rc ? before : cases[i].stored);
    }
    check_alive("update_descriptor with out-of-range segments");
    xtf_success(NULL);
}
