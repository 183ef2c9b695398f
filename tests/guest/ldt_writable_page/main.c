/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ldt_writable_page: an LDT page the guest maps writable (ABI.md §3
 * "LDT", §5.1). Bug class: descriptor-table frame writable by the guest
 * (it could rewrite a checked descriptor into a DPL-0 one). While the
 * page is mapped writable the lazy map cannot type it LDT: loading a
 * selector gives the guest #PF at its LDT VA, and the page stays writable.
 * Mapped read-only, the selector loads; the page is then typed LDT and
 * neither update_va_mapping, a checked mmu_update of its L1 entry, nor a
 * second writable mapping elsewhere can make it writable (-EINVAL). After
 * SET_LDT(0, 0) it can be writable again.
 */
#include "../desc_common/desc_helpers.h"

#define LDT_SEL     SEL(1, 1, 1)
#define MARK        0x0DDBA11U

static uint32_t target[PAGE_SIZE / 4] __aligned(PAGE_SIZE);
static uint8_t alias[PAGE_SIZE] __aligned(PAGE_SIZE);

void test_main(void)
{
    volatile uint32_t *ldt = new_page();
    const volatile uint32_t *pte, *alias_pte = guest_pte((uintptr_t)alias);
    uint32_t base, mfn, rw_flags = _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY;
    exinfo_t e;

    if (hypercall_absent(__HYPERVISOR_mmu_update))
        return;
    if (!ldt || !alias_pte)
        return;
    target[0] = MARK;
    write_desc(ldt, 1, seg_desc((uint32_t)(uintptr_t)target, 0, ACC_DATA_R1 | 1, SEG_4K_32));
    base = (uint32_t)(uintptr_t)ldt;
    mfn = page_mfn(ldt);

    check_long("SET_LDT(writable page, 2 entries)", set_ldt(base, 2, NULL), 0);
    e = load_fs(LDT_SEL);
    reset_fs();
    check_exinfo("loading selector 0x0D from a writable LDT page", e, EXINFO_SYM(PF, 0));
    if (e == EXINFO_SYM(PF, 0))
        check_u32("CR2 of that #PF", last_exception.cr2, base + 8);
    ldt[200] = MARK;
    check_u32("the LDT page is still writable", ldt[200], MARK);
    check_alive("a refused lazy LDT map");

    check_long("making the LDT page read-only", map_ro(ldt), 0);
    check_exinfo("loading selector 0x0D from the read-only page", load_fs(LDT_SEL), 0);
    reset_fs();

    check_long("update_va_mapping(LDT page in use, RW)", map_rw(ldt), -XEN_EINVAL);
    pte = guest_pte(base);
    if (pte) {
        uint32_t pte_ma = (virt_to_mfn(pte) << PAGE_SHIFT) | ((uintptr_t)pte & ~PAGE_MASK);

        check_long("mmu_update(the LDT page's L1 entry := RW)",
                   mmu_update_one(pte_ma | MMU_NORMAL_PT_UPDATE, (mfn << PAGE_SHIFT) | rw_flags),
                   -XEN_EINVAL);
        check_u32("the LDT page's PTE flags", *pte & (_PAGE_PRESENT | _PAGE_RW), _PAGE_PRESENT);
    }
    check_long("update_va_mapping(second VA -> LDT frame, RW)",
               HYPERVISOR_update_va_mapping((uintptr_t)alias >> PAGE_SHIFT,
                                            (mfn << PAGE_SHIFT) | rw_flags, UVMF_INVLPG),
               -XEN_EINVAL);
    check_u32("the second VA's PTE", *alias_pte >> PAGE_SHIFT, virt_to_mfn(alias));
    check_u32("reading the LDT page read-only", ldt[200], MARK);
    check_exinfo("loading selector 0x0D after the attempts", load_fs(LDT_SEL), 0);
    reset_fs();
    check_alive("attempts to make the LDT writable");

    check_long("SET_LDT(0, 0)", set_ldt(0, 0, NULL), 0);
    check_long("remapping the former LDT page writable", map_rw(ldt), 0);
    xtf_success(NULL);
}
