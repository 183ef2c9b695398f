/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * gdt_writable_frame: a GDT frame the guest still maps writable (ABI.md
 * §2, §3, §5.1). Bug class: descriptor-table frame writable by the guest,
 * which would let it plant a ring-0 or Tessera-reaching segment after the
 * checks. set_gdt with such a frame (first, or second of two) must give
 * -EINVAL and leave the default GDT loaded and the page writable. Once
 * the page is read-only the same call succeeds; then neither
 * update_va_mapping nor a checked mmu_update of its L1 entry can make it
 * writable again (-EINVAL), and the read-only mapping still works.
 */
#include "../desc_common/desc_helpers.h"

#define MY_DATA_SLOT    1
#define MARK            0x5A5A1234U
/* Flat ring-1 data already ending at 0xFC3FFFFF and accessed: stored as is. */
#define MY_DESC         seg_desc(0, 0xFC3FF, ACC_DATA_R1 | 1, SEG_4K_32)

static void check_default_gdt(const char *after)
{
    char what[128];

    snprintf(what, sizeof(what), "our selector 0x09 after %s (default GDT kept)", after);
    check_exinfo(what, load_fs(SEL(MY_DATA_SLOT, 0, 1)), EXINFO_SYM(GP, SEL(MY_DATA_SLOT, 0, 0)));
    reset_fs();
}

void test_main(void)
{
    void *gdt = new_page(), *second = new_page();
    volatile uint32_t *word;
    const volatile uint32_t *pte;
    uint32_t mfns[2], rw_pte;

    if (hypercall_absent(__HYPERVISOR_set_gdt))
        return;
    if (!gdt || !second)
        return;
    word = (volatile uint32_t *)gdt + 100;
    write_desc(gdt, MY_DATA_SLOT, MY_DESC);
    mfns[0] = page_mfn(gdt);
    mfns[1] = page_mfn(second);

    /* Both pages writable; then only the second one. */
    check_long("set_gdt(frame 0 mapped writable)", HYPERVISOR_set_gdt(mfns, 296), -XEN_EINVAL);
    check_default_gdt("the refused set_gdt");
    *word = MARK;
    check_u32("the refused frame is still writable", *word, MARK);
    check_long("making frame 0 read-only", map_ro(gdt), 0);
    check_long("set_gdt(frame 1 of 2 mapped writable)", HYPERVISOR_set_gdt(mfns, 1024),
               -XEN_EINVAL);
    check_default_gdt("the refused two-frame set_gdt");
    check_alive("set_gdt with writable frames");

    /* Frame 0 got no lasting type from the refusals: it can go back to RW. */
    check_long("remapping frame 0 writable after the refusals", map_rw(gdt), 0);
    check_long("making frame 0 read-only again", map_ro(gdt), 0);

    check_long("set_gdt(read-only frame)", HYPERVISOR_set_gdt(mfns, 296), 0);
    check_exinfo("loading our selector from the new GDT", load_fs(SEL(MY_DATA_SLOT, 0, 1)), 0);
    reset_fs();

    pte = guest_pte((uintptr_t)gdt);
    rw_pte = (mfns[0] << PAGE_SHIFT) | _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY;
    check_long("update_va_mapping(GDT frame, RW)", map_rw(gdt), -XEN_EINVAL);
    if (pte) {
        uint32_t pte_ma = (virt_to_mfn(pte) << PAGE_SHIFT) | ((uintptr_t)pte & ~PAGE_MASK);

        check_long("mmu_update(L1 entry of the GDT frame := RW)",
                   mmu_update_one(pte_ma | MMU_NORMAL_PT_UPDATE, rw_pte), -XEN_EINVAL);
        check_u32("the GDT frame's PTE", *pte & (_PAGE_PRESENT | _PAGE_RW), _PAGE_PRESENT);
    } else {
        xtf_error("Error: no L1 entry for the GDT page\n");
    }
    check_u32("reading the GDT through its read-only mapping", *word, MARK);
    check_desc("our descriptor in the installed GDT", read_desc(gdt, MY_DATA_SLOT), MY_DESC);
    check_alive("attempts to make the GDT writable");
    xtf_success(NULL);
}
