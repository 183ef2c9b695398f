/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ldt_lazy_map: a valid LDT, mapped lazily (ABI.md §3 "LDT", §2 #10).
 * After SET_LDT on a read-only page holding a ring-1 data descriptor at
 * index 1, selector 0x0D loads into %fs and reaches the segment's base;
 * an index beyond ents gives #GP(sel). The page is then typed LDT: it
 * cannot be made writable (-EINVAL), update_descriptor still edits it
 * (checked: DPL 0 refused) and the new descriptor takes effect on the next
 * load. A second page of a two-page LDT is mapped on its own first use.
 * After SET_LDT(0, 0) the selector #GPs and the page can be writable again.
 */
#include "../desc_common/desc_helpers.h"

#define LDT_SEL     SEL(1, 1, 1)    /* 0x0D */
#define FAR_SEL     SEL(513, 1, 1)  /* index 1 of the LDT's second page */

static uint32_t target[PAGE_SIZE / 4] __aligned(PAGE_SIZE);

static uint64_t data_at(unsigned int index)
{
    return seg_desc((uint32_t)(uintptr_t)&target[index], 0, ACC_DATA_R1 | 1, SEG_4K_32);
}

static void check_load(const char *what, uint32_t sel, uint32_t want_word)
{
    check_exinfo(what, load_fs(sel), 0);
    if (read_fs_selector() == sel)
        check_u32("the word through the LDT segment", read_fs_word(0), want_word);
    else
        xtf_failure("Fail: %%fs after %s: expected %#x got %#x\n", what, sel,
                    read_fs_selector());
    reset_fs();
}

void test_main(void)
{
    uint8_t *ldt = new_page(), *ldt2 = new_page();
    uint32_t base;
    unsigned int i;

    if (hypercall_absent(__HYPERVISOR_mmu_update) ||
        hypercall_absent(__HYPERVISOR_update_descriptor))
        return;
    if (!ldt || !ldt2)
        return;
    if (ldt2 != ldt + PAGE_SIZE) {
        xtf_error("Error: the two LDT pages are not adjacent\n");
        return;
    }
    for (i = 0; i < ARRAY_SIZE(target); i++)
        target[i] = 0x1000 + i;
    write_desc(ldt, 1, data_at(0));
    write_desc(ldt2, 1, data_at(2));
    check_long("making LDT page 0 read-only", map_ro(ldt), 0);
    check_long("making LDT page 1 read-only", map_ro(ldt2), 0);
    base = (uint32_t)(uintptr_t)ldt;

    check_long("SET_LDT(page, 2 entries)", set_ldt(base, 2, NULL), 0);
    check_load("loading selector 0x0D", LDT_SEL, 0x1000);
    check_exinfo("loading selector 0x15 (index 2 of 2)", load_fs(SEL(2, 1, 1)),
                 EXINFO_SYM(GP, SEL(2, 1, 0)));
    reset_fs();

    check_long("update_va_mapping(LDT page in use, RW)", map_rw(ldt), -XEN_EINVAL);
    check_long("update_descriptor(LDT in use, new base)", update_desc(desc_ma(ldt, 1),
               data_at(1)), 0);
    check_long("update_descriptor(LDT in use, DPL 0)",
               update_desc(desc_ma(ldt, 1), seg_desc(0, 0xFFFFF, ACC_DATA_R0, SEG_4K_32)),
               -XEN_EINVAL);
    check_desc("LDT entry 1 as stored", read_desc(ldt, 1) & ~DESC_ACCESSED,
               data_at(1) & ~DESC_ACCESSED);
    check_load("reloading selector 0x0D after update_descriptor", LDT_SEL, 0x1001);

    check_long("SET_LDT(page, 1024 entries)", set_ldt(base, 1024, NULL), 0);
    check_load("loading selector 0x100D (second LDT page)", FAR_SEL, 0x1002);
    check_load("loading selector 0x0D (first LDT page)", LDT_SEL, 0x1001);
    check_long("update_va_mapping(second LDT page in use, RW)", map_rw(ldt2), -XEN_EINVAL);

    check_long("SET_LDT(0, 0)", set_ldt(0, 0, NULL), 0);
    check_exinfo("loading selector 0x0D with no LDT", load_fs(LDT_SEL),
                 EXINFO_SYM(GP, SEL(1, 1, 0)));
    reset_fs();
    check_long("remapping the former LDT page writable", map_rw(ldt), 0);
    check_long("remapping the second former LDT page writable", map_rw(ldt2), 0);
    check_alive("the LDT tests");
    xtf_success(NULL);
}
