/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * desc_dpl0: update_descriptor refuses DPL 0 (ABI.md §2 #10, §3
 * "Descriptor check"). Bug class: privilege escalation to ring 0 through a
 * guest descriptor. Present DPL-0 code (conforming or not), data, and a
 * DPL-0 call gate give -EINVAL and leave the slot as it was; a DPL-0
 * descriptor that is not present is accepted (the CPU cannot load it), and
 * DPL 1, 2 and 3 data segments are accepted and stored unchanged.
 */
#include "../desc_common/desc_helpers.h"

#define SLOT    20

struct desc_case {
    const char *name;
    uint64_t desc;
    long rc;
};

void test_main(void)
{
    const struct desc_case cases[] = {
        {"DPL-0 code", seg_desc(0, 0xFFFFF, ACC_CODE_R0, SEG_4K_32), -XEN_EINVAL},
        {"DPL-0 conforming code", seg_desc(0, 0xFFFFF, 0x9E, SEG_4K_32), -XEN_EINVAL},
        {"DPL-0 data", seg_desc(0, 0xFFFFF, ACC_DATA_R0, SEG_4K_32), -XEN_EINVAL},
        {"DPL-0 small data", seg_desc(0x10000, 0, ACC_DATA_R0, SEG_4K_32), -XEN_EINVAL},
        {"DPL-0 call gate to 0x0819", gate_desc(FLAT_RING1_CS, 0x1000, 0x8C), -XEN_EINVAL},
        {"DPL-0 not-present code", seg_desc(0, 0xFFFFF, 0x1A, SEG_4K_32), 0},
        {"DPL-1 data", seg_desc(0x10000, 0x10, ACC_DATA_R1, SEG_4K_32), 0},
        {"DPL-2 data", seg_desc(0x10000, 0x10, 0xD2, SEG_4K_32), 0},
        {"DPL-3 data", seg_desc(0x10000, 0x10, ACC_DATA_R3, SEG_4K_32), 0},
    };
    const uint64_t before = seg_desc(0x2000, 1, ACC_DATA_R1, SEG_4K_32);
    void *page = new_page();
    char what[128];
    unsigned int i;

    if (hypercall_absent(__HYPERVISOR_update_descriptor))
        return;
    if (!page)
        return;
    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        write_desc(page, SLOT, before);
        snprintf(what, sizeof(what), "update_descriptor(%s)", cases[i].name);
        check_long(what, update_desc(desc_ma(page, SLOT), cases[i].desc), cases[i].rc);
        snprintf(what, sizeof(what), "the slot after update_descriptor(%s)", cases[i].name);
        check_desc(what, read_desc(page, SLOT), cases[i].rc ? before : cases[i].desc);
    }
    check_alive("update_descriptor with DPL-0 descriptors");
    xtf_success(NULL);
}
