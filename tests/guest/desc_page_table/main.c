/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * desc_page_table: update_descriptor into a page-table frame (ABI.md §2
 * #10, §5.1). Bug class: type confusion. A descriptor's two words are two
 * page-table entries; a valid-looking descriptor whose low word is
 * "L2 frame | P|RW" would give the guest a writable mapping of its own L2.
 * The frame must be typed GDT, LDT or typable writable: into an L1 in use
 * and into the current L2 such writes give -EINVAL and change nothing, and
 * the VA the L1 entry maps still maps what it did.
 */
#include "../desc_common/desc_helpers.h"

#define MARK    0x7AB1E000U

static uint32_t victim[2][PAGE_SIZE / 4] __aligned(PAGE_SIZE);

/*
 * A data descriptor (DPL 1, G=1, small base and limit, so the check keeps
 * it) whose low word is the PTE pte: base[15:0] = pte >> 16, limit[15:0] =
 * pte & 0xFFFF.
 */
static uint64_t desc_with_low_word(uint32_t pte)
{
    return ((uint64_t)0x00C0B200U << 32) | pte;
}

void test_main(void)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t l2_mfn = virt_to_mfn(l2);
    uint32_t evil_pte = (l2_mfn << PAGE_SHIFT) | _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED;
    const volatile uint32_t *victim_pte = guest_pte((uintptr_t)victim[0]);
    const volatile uint32_t *pte;   /* the 8-byte slot holding victim_pte */
    unsigned int pde_slot = 2;      /* VA 8 MB: below the image, not present */
    uint32_t pte_ma, l1_slot0, before[2];

    if (hypercall_absent(__HYPERVISOR_update_descriptor))
        return;
    if (!victim_pte) {
        xtf_error("Error: no L1 entry for the victim page\n");
        return;
    }
    pte = (const volatile uint32_t *)((uintptr_t)victim_pte & ~7UL);
    victim[0][0] = MARK;
    pte_ma = (virt_to_mfn(pte) << PAGE_SHIFT) | ((uintptr_t)pte & ~PAGE_MASK);
    before[0] = pte[0];
    before[1] = pte[1];
    l1_slot0 = pte_ma & ~PAGE_MASK;

    check_long("update_descriptor(into an L1 in use)",
               update_desc(pte_ma, desc_with_low_word(evil_pte)), -XEN_EINVAL);
    check_u32("first L1 entry of the slot after the refusal", pte[0], before[0]);
    check_u32("second L1 entry of the slot after the refusal", pte[1], before[1]);
    check_u32("the victim page through its VA", victim[0][0], MARK);
    check_long("update_descriptor(slot 0 of that L1)",
               update_desc(pte_ma - l1_slot0, desc_with_low_word(evil_pte)), -XEN_EINVAL);

    if (l2[pde_slot] != 0 || l2[pde_slot + 1] != 0) {
        xtf_error("Error: L2 slots %u-%u are in use\n", pde_slot, pde_slot + 1);
        return;
    }
    check_long("update_descriptor(into the current L2)",
               update_desc((l2_mfn << PAGE_SHIFT) + pde_slot * 4,
                           desc_with_low_word((virt_to_mfn(pte) << PAGE_SHIFT) | 0x67)),
               -XEN_EINVAL);
    check_u32("L2 slot after the refusal", l2[pde_slot], 0);
    check_u32("next L2 slot after the refusal", l2[pde_slot + 1], 0);
    check_exinfo("reading 8 MB (still unmapped)", probe_read((void *)(pde_slot << 22)),
                 EXINFO_SYM(PF, 0));
    check_alive("update_descriptor into page tables");

    /* The same descriptor into an ordinary page is fine. */
    check_long("update_descriptor(into an ordinary page)",
               update_desc(desc_ma(victim[1], 0), desc_with_low_word(evil_pte)), 0);
    check_desc("the ordinary page's slot", read_desc(victim[1], 0),
               desc_with_low_word(evil_pte));
    xtf_success(NULL);
}
