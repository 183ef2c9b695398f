/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * gdt_entries: set_gdt's entry count and frame list (ABI.md §1, §2, §3).
 * A GDT has 296-8192 entries: 295 (too few to cover the reserved entries
 * 256-295), 8193 (17 frames), 0 and 0xFFFFFFFF give -EINVAL; a frame list
 * in Tessera's area gives -EFAULT. Each refusal leaves the default GDT
 * loaded and the frame without the GDT type (it can still be mapped
 * writable). The same read-only frame with 296 entries is then accepted,
 * typed (no longer mappable writable), and its own selector loads.
 */
#include "../desc_common/desc_helpers.h"

#define MY_DATA_SLOT    1

static void check_default_gdt_kept(const char *after)
{
    char what[128];

    snprintf(what, sizeof(what), "loading FLAT_RING1_DS after %s", after);
    check_exinfo(what, load_fs(FLAT_RING1_DS), 0);
    snprintf(what, sizeof(what), "loading our selector 0x09 after %s", after);
    check_exinfo(what, load_fs(SEL(MY_DATA_SLOT, 0, 1)), EXINFO_SYM(GP, SEL(MY_DATA_SLOT, 0, 0)));
    reset_fs();
}

void test_main(void)
{
    static const uint32_t bad_counts[] = {295, 8193, 0, 0xFFFFFFFF};
    uint32_t mfns[XEN_GDT_MAX_FRAMES + 1];
    void *gdt = new_page();
    char what[128];
    unsigned int i;

    if (hypercall_absent(__HYPERVISOR_set_gdt))
        return;
    if (!gdt)
        return;
    write_desc(gdt, MY_DATA_SLOT, seg_desc(0, 0xFFFFF, ACC_DATA_R1, SEG_4K_32));
    check_long("making the GDT page read-only", map_ro(gdt), 0);
    for (i = 0; i < ARRAY_SIZE(mfns); i++)
        mfns[i] = page_mfn(gdt);

    for (i = 0; i < ARRAY_SIZE(bad_counts); i++) {
        snprintf(what, sizeof(what), "set_gdt(%u entries)", bad_counts[i]);
        check_long(what, HYPERVISOR_set_gdt(mfns, bad_counts[i]), -XEN_EINVAL);
        check_default_gdt_kept(what);
    }
    check_long("set_gdt(list at 0xFC400000, 296)",
               hypercall2(__HYPERVISOR_set_gdt, 0xFC400000UL, 296), -XEN_EFAULT);
    check_long("set_gdt(list at 0xFBFFFFFE, 296)",
               hypercall2(__HYPERVISOR_set_gdt, 0xFBFFFFFEUL, 296), -XEN_EFAULT);
    check_default_gdt_kept("set_gdt with a list in Tessera's area");

    /* No GDT type was left behind: the frame can still be mapped writable. */
    check_long("mapping the refused frame writable", map_rw(gdt), 0);
    check_long("making the GDT page read-only again", map_ro(gdt), 0);

    check_long("set_gdt(296 entries)", HYPERVISOR_set_gdt(mfns, 296), 0);
    check_long("mapping the installed GDT frame writable", map_rw(gdt), -XEN_EINVAL);
    check_exinfo("loading our selector 0x09 from the new GDT", load_fs(SEL(MY_DATA_SLOT, 0, 1)),
                 0);
    check_exinfo("loading FLAT_RING1_DS from the new GDT", load_fs(FLAT_RING1_DS), 0);
    reset_fs();
    check_alive("set_gdt");
    xtf_success(NULL);
}
