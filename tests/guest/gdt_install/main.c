/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * gdt_install: a successful set_gdt (ABI.md §2, §3, §5.1). The guest's
 * read-only frame is typed GDT: it stays readable, cannot become an L1
 * (PIN_L1_TABLE -EINVAL) nor be made writable (update_va_mapping
 * -EINVAL) while installed. Its descriptors are checked and stored as
 * rewritten (a flat 4 GB ring-1 data segment ends at 0xFC3FFFFF), a
 * selector of the new GDT loads (mov to %fs) and reaches the segment's
 * base, and frame 0's reserved entries now hold Tessera's descriptors:
 * 257-262 as ABI.md §3 lists them (compared without the accessed bit,
 * which the CPU sets on loading). The guest's own CS/DS keep working.
 */
#include "../desc_common/desc_helpers.h"

#define FLAT_SLOT       1
#define BASED_SLOT      2
#define MAGIC           0x600DF00DU

static const uint64_t reserved[][2] = {
    {257, 0x00cf9a000000ffffULL},   /* Tessera CS */
    {258, 0x00cf92000000ffffULL},   /* Tessera DS */
    {259, 0x00cfba000000c3ffULL},   /* FLAT_RING1_CS */
    {260, 0x00cfb2000000c3ffULL},   /* FLAT_RING1_DS */
    {261, 0x00cffa000000c3ffULL},   /* FLAT_RING3_CS */
    {262, 0x00cff2000000c3ffULL},   /* FLAT_RING3_DS */
};

static uint32_t target[PAGE_SIZE / 4] __aligned(PAGE_SIZE);

void test_main(void)
{
    void *gdt = new_page();
    uint32_t mfn;
    unsigned int i;
    char what[128];

    if (hypercall_absent(__HYPERVISOR_set_gdt) || hypercall_absent(__HYPERVISOR_mmu_update))
        return;
    if (!gdt)
        return;
    target[3] = MAGIC;
    write_desc(gdt, FLAT_SLOT, seg_desc(0, 0xFFFFF, ACC_DATA_R1, SEG_4K_32));
    write_desc(gdt, BASED_SLOT, seg_desc((uintptr_t)target, 0, ACC_DATA_R1 | 1, SEG_4K_32));
    check_long("making the GDT page read-only", map_ro(gdt), 0);
    mfn = page_mfn(gdt);

    check_long("set_gdt(1 frame, 296 entries)", HYPERVISOR_set_gdt(&mfn, 296), 0);

    check_desc("flat 4 GB descriptor as stored", read_desc(gdt, FLAT_SLOT),
               0x00cfb2000000c3ffULL);
    for (i = 0; i < ARRAY_SIZE(reserved); i++) {
        snprintf(what, sizeof(what), "reserved entry %u", (unsigned int)reserved[i][0]);
        check_desc(what, read_desc(gdt, (unsigned int)reserved[i][0]) & ~DESC_ACCESSED,
                   reserved[i][1]);
    }

    check_exinfo("loading selector 0x11 (our based segment)", load_fs(SEL(BASED_SLOT, 0, 1)), 0);
    check_u32("%fs after the load", read_fs_selector(), SEL(BASED_SLOT, 0, 1));
    check_u32("word 3 through %fs", read_fs_word(12), MAGIC);
    check_exinfo("loading selector 0x09 (our flat segment)", load_fs(SEL(FLAT_SLOT, 0, 1)), 0);
    check_u32("the same word through the flat segment",
              read_fs_word((uint32_t)(uintptr_t)&target[3]), MAGIC);
    check_exinfo("loading FLAT_RING1_DS from the new GDT", load_fs(FLAT_RING1_DS), 0);
    reset_fs();

    check_long("update_va_mapping(GDT frame, RW)", map_rw(gdt), -XEN_EINVAL);
    check_long("PIN_L1_TABLE(GDT frame)",
               mmu_update_one((mfn << PAGE_SHIFT) | MMU_EXTENDED_COMMAND, MMUEXT_PIN_L1_TABLE),
               -XEN_EINVAL);
    check_exinfo("reading the GDT page through its read-only mapping", probe_read(gdt), 0);
    check_desc("flat descriptor still readable", read_desc(gdt, FLAT_SLOT) & ~DESC_ACCESSED,
               0x00cfb2000000c3ffULL);
    check_alive("set_gdt");
    xtf_success(NULL);
}
