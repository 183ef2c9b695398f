/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pin_l1_basic: PIN_L1_TABLE, UNPIN_TABLE and the other pin commands
 * (ABI.md §5.1 "a pin is one extra type reference, allowed once per
 * frame", §5.3). A fresh zeroed frame still mapped writable cannot be
 * pinned (-EINVAL); read-only, PIN_L1 gives 0, a second PIN_L1 and a
 * PIN_L2 of it -EINVAL, and a writable mapping of it is -EINVAL by
 * mmu_update and update_va_mapping [bug class: writable page table].
 * UNPIN gives 0 and then -EINVAL; after it the frame maps writable again.
 * UNPIN of a never-pinned frame, PIN_L3/PIN_L4, and pins of frames that
 * are not the caller's (Tessera's 0x100, VGA) are -EINVAL.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)

static uint32_t data[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long ext(uint32_t mfn, uint32_t cmd)
{
    return mmu_update_one((mfn << PAGE_SHIFT) | MMU_EXTENDED_COMMAND, cmd);
}

void test_main(void)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t *page = alloc_page(), mfn, pte_ma;

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    if (!page) {
        xtf_error("Error: alloc_page failed\n");
        return;
    }
    mfn = virt_to_mfn(page);
    pte_ma = (l2[l2_slot((uintptr_t)page)] & PAGE_MASK) + l1_slot((uintptr_t)page) * 4;

    check("PIN_L1 of a frame mapped RW", ext(mfn, MMUEXT_PIN_L1_TABLE), -XEN_EINVAL);
    check("remap it read-only", guest_set_pte((uintptr_t)page, (mfn << PAGE_SHIFT) | PTE_RO), 0);
    check("PIN_L1", ext(mfn, MMUEXT_PIN_L1_TABLE), 0);
    check("PIN_L1 again", ext(mfn, MMUEXT_PIN_L1_TABLE), -XEN_EINVAL);
    check("PIN_L2 of the pinned L1", ext(mfn, MMUEXT_PIN_L2_TABLE), -XEN_EINVAL);
    check("RW mapping of the pinned L1 by mmu_update",
          mmu_update_one(pte_ma, (mfn << PAGE_SHIFT) | PTE_RW), -XEN_EINVAL);
    check("RW mapping of the pinned L1 by update_va_mapping",
          HYPERVISOR_update_va_mapping((uintptr_t)page >> PAGE_SHIFT, (mfn << PAGE_SHIFT) | PTE_RW,
                                       UVMF_INVLPG), -XEN_EINVAL);
    check("its mapping after the refusals", *guest_pte((uintptr_t)page),
          (mfn << PAGE_SHIFT) | PTE_RO);
    check("UNPIN", ext(mfn, MMUEXT_UNPIN_TABLE), 0);
    check("UNPIN again", ext(mfn, MMUEXT_UNPIN_TABLE), -XEN_EINVAL);
    check("RW mapping after UNPIN", guest_set_pte((uintptr_t)page, (mfn << PAGE_SHIFT) | PTE_RW),
          0);
    page[0] = 0xF00D;
    check("write through it", page[0], 0xF00D);
    page[0] = 0;

    check("UNPIN of a data frame", ext(virt_to_mfn(data), MMUEXT_UNPIN_TABLE), -XEN_EINVAL);
    check("remap read-only", guest_set_pte((uintptr_t)page, (mfn << PAGE_SHIFT) | PTE_RO), 0);
    check("PIN_L3", ext(mfn, MMUEXT_PIN_L3_TABLE), -XEN_EINVAL);
    check("PIN_L4", ext(mfn, MMUEXT_PIN_L4_TABLE), -XEN_EINVAL);
    check("PIN_L1 of Tessera's frame 0x100", ext(0x100, MMUEXT_PIN_L1_TABLE), -XEN_EINVAL);
    check("PIN_L2 of Tessera's frame 0x100", ext(0x100, MMUEXT_PIN_L2_TABLE), -XEN_EINVAL);
    check("PIN_L1 of VGA frame 0xB8", ext(0xB8, MMUEXT_PIN_L1_TABLE), -XEN_EINVAL);
    check("UNPIN of Tessera's frame 0x100", ext(0x100, MMUEXT_UNPIN_TABLE), -XEN_EINVAL);
    check("PIN_L2 of the (unpinned) frame", ext(mfn, MMUEXT_PIN_L2_TABLE), 0);
    check("UNPIN it", ext(mfn, MMUEXT_UNPIN_TABLE), 0);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
