/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ldt_set_checks: MMUEXT_SET_LDT's arguments (ABI.md §3 "LDT", §5.3).
 * Bug class: an LDT reaching Tessera's area (0xFC400000 and up) through
 * its base, its size or a wrap. With a working LDT installed, each bad
 * request gives -EINVAL with *done = 0 and leaves that LDT in place (its
 * selector still loads): a VA not page-aligned, 8193 entries, va + 8*ents
 * beyond 0xFC400000 (also by wrapping), a VA at 0xFC400000; a batch whose
 * first request is bad stops there. Accepted: 8192 entries, an LDT ending
 * exactly at 0xFC400000, and 0 entries (no LDT: the selector then #GPs).
 */
#include "../desc_common/desc_helpers.h"

#define MAGIC       0x1D7C0DE5U
#define LDT_SEL     SEL(1, 1, 1)    /* 0x0D */

static uint32_t target[PAGE_SIZE / 4] __aligned(PAGE_SIZE);

struct ldt_case {
    uint32_t va;                /* 0: the LDT page's VA plus delta */
    uint32_t delta;
    uint32_t ents;
};

static void check_ldt_works(const char *after)
{
    char what[128];

    snprintf(what, sizeof(what), "loading selector 0x0D after %s", after);
    check_exinfo(what, load_fs(LDT_SEL), 0);
    if (read_fs_selector() == LDT_SEL)
        check_u32("the word through the LDT segment", read_fs_word(0), MAGIC);
    reset_fs();
}

void test_main(void)
{
    const struct ldt_case bad[] = {
        {0, 4, 2}, {0, 0x800, 2}, {0, 0, 8193}, {0xFC3FF000, 0, 513},
        {0xFC3F1000, 0, 8192}, {0xFC400000, 0, 1}, {0xFFFFF000, 0, 8192},
    };
    void *ldt = new_page();
    uint32_t base;
    unsigned int i, done;
    mmu_update_t batch[2];
    char what[128];

    if (hypercall_absent(__HYPERVISOR_mmu_update))
        return;
    if (!ldt)
        return;
    target[0] = MAGIC;
    write_desc(ldt, 1, seg_desc((uint32_t)(uintptr_t)target, 0, ACC_DATA_R1 | 1, SEG_4K_32));
    check_long("making the LDT page read-only", map_ro(ldt), 0);
    base = (uint32_t)(uintptr_t)ldt;

    done = ~0U;
    check_long("SET_LDT(page, 2 entries)", set_ldt(base, 2, &done), 0);
    check_u32("*done after the good SET_LDT", done, 1);
    check_ldt_works("SET_LDT");

    for (i = 0; i < ARRAY_SIZE(bad); i++) {
        uint32_t va = (bad[i].va ? bad[i].va : base) + bad[i].delta;

        done = ~0U;
        snprintf(what, sizeof(what), "SET_LDT(%#x, %u entries)", va, bad[i].ents);
        check_long(what, set_ldt(va, bad[i].ents, &done), -XEN_EINVAL);
        check_u32("*done after the refused SET_LDT", done, 0);
        check_ldt_works(what);
    }

    batch[0] = (mmu_update_t){base + 4 + MMU_EXTENDED_COMMAND, MMUEXT_SET_LDT | (2 << 8)};
    batch[1] = (mmu_update_t){MMU_EXTENDED_COMMAND, MMUEXT_SET_LDT};
    done = ~0U;
    check_long("mmu_update([bad SET_LDT, SET_LDT(0, 0)])", HYPERVISOR_mmu_update(batch, 2, &done),
               -XEN_EINVAL);
    check_u32("*done after the refused batch", done, 0);
    check_ldt_works("the refused batch");
    check_alive("refused SET_LDT requests");

    check_long("SET_LDT(page, 8192 entries)", set_ldt(base, 8192, NULL), 0);
    check_ldt_works("SET_LDT with 8192 entries");
    check_long("SET_LDT(0xFC3FF000, 512 entries: ends at 0xFC400000)",
               set_ldt(0xFC3FF000, 512, NULL), 0);
    check_long("SET_LDT(0, 0 entries)", set_ldt(0, 0, NULL), 0);
    check_exinfo("loading selector 0x0D with no LDT", load_fs(LDT_SEL),
                 EXINFO_SYM(GP, LDT_SEL & ~3));
    reset_fs();
    xtf_success(NULL);
}
