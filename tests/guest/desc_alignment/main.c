/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * desc_alignment: update_descriptor's machine address (ABI.md §2 #10).
 * ma must be 8-aligned: +1, +2, +4 and +7 within a slot give -EINVAL and
 * change nothing (a misaligned store would straddle two descriptors, each
 * checked only as a whole). The aligned address then succeeds, into an
 * ordinary page the guest maps writable (typable writable), and the
 * descriptor is visible through that mapping. An ma whose frame is beyond
 * RAM gives -EINVAL too.
 */
#include "../desc_common/desc_helpers.h"

#define SLOT    10
#define FILL    0xCCCCCCCCU

void test_main(void)
{
    static const unsigned int offsets[] = {1, 2, 4, 7};
    const uint64_t ring1_data = seg_desc(0x1000, 0xF, ACC_DATA_R1, SEG_4K_32);
    volatile uint32_t *page = new_page();
    char what[128];
    unsigned int i;

    if (hypercall_absent(__HYPERVISOR_update_descriptor))
        return;
    if (!page)
        return;
    for (i = 0; i < PAGE_SIZE / 4; i++)
        page[i] = FILL;

    for (i = 0; i < ARRAY_SIZE(offsets); i++) {
        snprintf(what, sizeof(what), "update_descriptor(slot %u + %u bytes)", SLOT, offsets[i]);
        check_long(what, update_desc(desc_ma(page, SLOT) + offsets[i], ring1_data), -XEN_EINVAL);
    }
    for (i = 0; i < PAGE_SIZE / 4; i++) {
        if (page[i] != FILL) {
            xtf_failure("Fail: word %u after misaligned update_descriptor: expected %#x "
                        "got %#x\n", i, FILL, page[i]);
            break;
        }
    }
    check_long("update_descriptor(ma beyond RAM)",
               update_desc((INVALID_MFN << PAGE_SHIFT) + SLOT * 8, ring1_data), -XEN_EINVAL);
    check_alive("misaligned update_descriptor");

    check_long("update_descriptor(aligned slot)", update_desc(desc_ma(page, SLOT), ring1_data),
               0);
    check_desc("the slot after the aligned update", read_desc(page, SLOT), ring1_data);
    check_desc("the slot before it", read_desc(page, SLOT - 1), ((uint64_t)FILL << 32) | FILL);
    check_desc("the slot after it", read_desc(page, SLOT + 1), ((uint64_t)FILL << 32) | FILL);
    xtf_success(NULL);
}
