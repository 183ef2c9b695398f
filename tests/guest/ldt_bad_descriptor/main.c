/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ldt_bad_descriptor: an LDT page holding a descriptor that fails the
 * check (ABI.md §3 "LDT", "Descriptor check"). Bug class: privilege
 * escalation through an unchecked LDT (a DPL-0 code segment). SET_LDT
 * itself accepts the VA; the lazy map then cannot type the page LDT, so
 * loading any selector of that page gives the guest #PF with error code
 * 0 and CR2 = the descriptor's address in the guest's own LDT. Tessera
 * stays up. Once update_descriptor has replaced the bad entry (the page
 * is untyped, so this is allowed), the same selector loads; a DPL-0 entry
 * written into the LDT in use is then refused.
 */
#include "../desc_common/desc_helpers.h"

#define GOOD_SLOT   1
#define BAD_SLOT    2

static uint32_t target[PAGE_SIZE / 4] __aligned(PAGE_SIZE);

static void check_lazy_map_fails(uint32_t base, unsigned int slot)
{
    char what[128];
    exinfo_t e;

    snprintf(what, sizeof(what), "loading selector %#x", SEL(slot, 1, 1));
    e = load_fs(SEL(slot, 1, 1));
    reset_fs();
    check_exinfo(what, e, EXINFO_SYM(PF, 0));
    if (e == EXINFO_SYM(PF, 0))
        check_u32("CR2 of that #PF", last_exception.cr2, base + slot * 8);
}

void test_main(void)
{
    const uint64_t good = seg_desc((uint32_t)(uintptr_t)target, 0, ACC_DATA_R1 | 1, SEG_4K_32);
    void *ldt = new_page();
    uint32_t base;

    if (hypercall_absent(__HYPERVISOR_mmu_update) ||
        hypercall_absent(__HYPERVISOR_update_descriptor))
        return;
    if (!ldt)
        return;
    target[0] = 0xB0A710AD;
    write_desc(ldt, GOOD_SLOT, good);
    write_desc(ldt, BAD_SLOT, seg_desc(0, 0xFFFFF, ACC_CODE_R0, SEG_4K_32));
    check_long("making the LDT page read-only", map_ro(ldt), 0);
    base = (uint32_t)(uintptr_t)ldt;

    check_long("SET_LDT(page with a DPL-0 descriptor, 3 entries)", set_ldt(base, 3, NULL), 0);
    check_lazy_map_fails(base, GOOD_SLOT);
    check_lazy_map_fails(base, BAD_SLOT);
    check_alive("a failed lazy LDT map");

    check_long("update_descriptor(replace the DPL-0 entry)",
               update_desc(desc_ma(ldt, BAD_SLOT), 0), 0);
    check_exinfo("loading selector 0x0D after the repair", load_fs(SEL(GOOD_SLOT, 1, 1)), 0);
    if (read_fs_selector() == SEL(GOOD_SLOT, 1, 1))
        check_u32("the word through the LDT segment", read_fs_word(0), 0xB0A710AD);
    reset_fs();

    check_long("update_descriptor(DPL-0 code into the LDT in use)",
               update_desc(desc_ma(ldt, BAD_SLOT), seg_desc(0, 0xFFFFF, ACC_CODE_R0, SEG_4K_32)),
               -XEN_EINVAL);
    check_desc("the entry after the refusal", read_desc(ldt, BAD_SLOT), 0);
    check_long("SET_LDT(0, 0)", set_ldt(0, 0, NULL), 0);
    check_alive("the LDT tests");
    xtf_success(NULL);
}
