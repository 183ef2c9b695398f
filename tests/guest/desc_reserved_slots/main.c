/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * desc_reserved_slots: update_descriptor on a GDT in use (ABI.md §2 #10,
 * §3). Bug class: overwriting Tessera's own descriptors (its CS/DS, the
 * flat segments, TSS and LDT entries) in the guest's GDT. With a two-frame
 * GDT installed, slots 256, 257, 259, 264 and 295 of frame 0 give -EINVAL
 * and keep Tessera's descriptors; slots 255 and 296 of frame 0 and slots
 * 256 and 259 of frame 1 (entries 768, 771) are the guest's: accepted,
 * visible through the read-only mapping, and their selectors load. Before
 * the frame is installed, its slot 259 is an ordinary slot (accepted).
 */
#include "../desc_common/desc_helpers.h"

static uint32_t target[PAGE_SIZE / 4] __aligned(PAGE_SIZE);

/* A ring-1 data descriptor whose base is target + 4 * index. */
static uint64_t data_at(unsigned int index)
{
    return seg_desc((uint32_t)(uintptr_t)&target[index], 0, ACC_DATA_R1 | 1, SEG_4K_32);
}

static void check_guest_slot(void *frame, unsigned int slot, unsigned int entry)
{
    char what[128];

    snprintf(what, sizeof(what), "update_descriptor(frame %u slot %u)", entry >= 512, slot);
    check_long(what, update_desc(desc_ma(frame, slot), data_at(slot)), 0);
    snprintf(what, sizeof(what), "entry %u as stored", entry);
    check_desc(what, read_desc(frame, slot), data_at(slot));
    snprintf(what, sizeof(what), "loading the selector of entry %u", entry);
    check_exinfo(what, load_fs(SEL(entry, 0, 1)), 0);
    snprintf(what, sizeof(what), "the word through entry %u", entry);
    check_u32(what, read_fs_word(0), slot);
    reset_fs();
}

void test_main(void)
{
    static const unsigned int reserved[] = {256, 257, 259, 264, 295};
    void *frame0 = new_page(), *frame1 = new_page();
    uint32_t mfns[2];
    uint64_t kept;
    char what[128];
    unsigned int i;

    if (hypercall_absent(__HYPERVISOR_update_descriptor) || hypercall_absent(__HYPERVISOR_set_gdt))
        return;
    if (!frame0 || !frame1)
        return;
    for (i = 0; i < ARRAY_SIZE(target); i++)
        target[i] = i;
    check_long("making frame 0 read-only", map_ro(frame0), 0);
    check_long("making frame 1 read-only", map_ro(frame1), 0);
    check_long("update_descriptor(slot 259 of a frame not in use)",
               update_desc(desc_ma(frame0, 259), data_at(1)), 0);

    mfns[0] = page_mfn(frame0);
    mfns[1] = page_mfn(frame1);
    check_long("set_gdt(2 frames, 1024 entries)", HYPERVISOR_set_gdt(mfns, 1024), 0);

    for (i = 0; i < ARRAY_SIZE(reserved); i++) {
        kept = read_desc(frame0, reserved[i]);
        snprintf(what, sizeof(what), "update_descriptor(frame 0 slot %u)", reserved[i]);
        check_long(what, update_desc(desc_ma(frame0, reserved[i]), data_at(2)), -XEN_EINVAL);
        snprintf(what, sizeof(what), "entry %u after the refusal", reserved[i]);
        check_desc(what, read_desc(frame0, reserved[i]), kept);
    }
    check_desc("entry 259 (FLAT_RING1_CS)", read_desc(frame0, 259) & ~DESC_ACCESSED,
               0x00cfba000000c3ffULL);
    check_alive("update_descriptor on reserved slots");

    check_guest_slot(frame0, 255, 255);
    check_guest_slot(frame0, 296, 296);
    check_guest_slot(frame1, 256, 768);
    check_guest_slot(frame1, 259, 771);
    xtf_success(NULL);
}
