/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pt_linear_self: linear page tables (ABI.md §5.2 "L2 entries"). [bug
 * class: linear page tables] A read-only self-map of the current L2 in a
 * free slot is allowed: through it the L2 reads as itself and the L1 of
 * slot 768 shows the entry of a known VA; a write through it faults.
 * Making it writable (flag change or fresh entry) is -EINVAL, as is a
 * writable map of another validated L2, which read-only is allowed (and
 * shows that L2's L1s). The entries are removed (with a TLB flush) and
 * the frames reusable.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/traps.h>

#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)
#define PTE_RW      (PTE_RO | _PAGE_RW | _PAGE_DIRTY)
#define SELF_SLOT   600
#define OTHER_SLOT  601
#define LINEAR(i)   ((volatile uint32_t *)((SELF_SLOT << 22) | ((i) << PAGE_SHIFT)))

static uint8_t probe[PAGE_SIZE] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long ext(uint32_t ptr, uint32_t cmd)
{
    return mmu_update_one(ptr | MMU_EXTENDED_COMMAND, cmd);
}

void test_main(void)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t l2_mfn = virt_to_mfn(l2), l2_ma = l2_mfn << PAGE_SHIFT;
    uint32_t self_ro = l2_ma | PTE_RO, other_mfn;
    uint32_t *other = alloc_page(), *l1 = alloc_page();
    exinfo_t fault;

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    if (!other || !l1) {
        xtf_error("Error: alloc_page failed\n");
        return;
    }
    other_mfn = virt_to_mfn(other);
    /* The other L2 maps one L1 in slot 5, whose entry 0 maps probe. */
    l1[0] = (virt_to_mfn(probe) << PAGE_SHIFT) | PTE_RO;
    other[5] = (virt_to_mfn(l1) << PAGE_SHIFT) | PTE_RW | _PAGE_USER;

    check("read-only self-map", mmu_update_one(l2_ma + SELF_SLOT * 4, self_ro), 0);
    check("the L2 through the self-map, slot 768", LINEAR(SELF_SLOT)[768], l2[768]);
    check("the L2 through the self-map, own slot", LINEAR(SELF_SLOT)[SELF_SLOT], self_ro);
    check("probe's PTE through the self-map",
          LINEAR(l2_slot((uintptr_t)probe))[l1_slot((uintptr_t)probe)],
          *guest_pte((uintptr_t)probe));
    fault = probe_write(&LINEAR(SELF_SLOT)[SELF_SLOT], 0x67);
    check("write through the self-map", fault, EXINFO_SYM(PF, PFEC_PRESENT | PFEC_WRITE));

    check("make the self-map writable", mmu_update_one(l2_ma + SELF_SLOT * 4, self_ro | _PAGE_RW),
          -XEN_EINVAL);
    check("the slot after the refusal", l2[SELF_SLOT], self_ro);
    check("remove the self-map", mmu_update_one(l2_ma + SELF_SLOT * 4, 0), 0);
    check("TLB flush", ext(0, MMUEXT_TLB_FLUSH), 0);
    check("new writable self-map", mmu_update_one(l2_ma + SELF_SLOT * 4, self_ro | _PAGE_RW),
          -XEN_EINVAL);
    check("the slot after the refusal", l2[SELF_SLOT], 0);
    if (probe_read(LINEAR(SELF_SLOT)) != EXINFO_SYM(PF, 0))
        xtf_failure("Fail: the removed self-map still reads\n");

    /* Another L2, read-only and pinned. */
    check("remap its L1 read-only",
          guest_set_pte((uintptr_t)l1, (virt_to_mfn(l1) << PAGE_SHIFT) | PTE_RO), 0);
    check("remap the second L2 read-only",
          guest_set_pte((uintptr_t)other, (other_mfn << PAGE_SHIFT) | PTE_RO), 0);
    check("pin it as L2", ext(other_mfn << PAGE_SHIFT, MMUEXT_PIN_L2_TABLE), 0);
    check("writable map of the other L2",
          mmu_update_one(l2_ma + OTHER_SLOT * 4, (other_mfn << PAGE_SHIFT) | PTE_RW), -XEN_EINVAL);
    check("read-only map of the other L2",
          mmu_update_one(l2_ma + OTHER_SLOT * 4, (other_mfn << PAGE_SHIFT) | PTE_RO), 0);
    check("its slot 5's L1 through it",
          ((volatile uint32_t *)((OTHER_SLOT << 22) | (5 << PAGE_SHIFT)))[0], l1[0]);
    check("remove it", mmu_update_one(l2_ma + OTHER_SLOT * 4, 0), 0);
    check("TLB flush", ext(0, MMUEXT_TLB_FLUSH), 0);
    check("unpin the other L2", ext(other_mfn << PAGE_SHIFT, MMUEXT_UNPIN_TABLE), 0);
    check("map it RW again", guest_set_pte((uintptr_t)other, (other_mfn << PAGE_SHIFT) | PTE_RW),
          0);
    other[0] = 1;
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
