/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pin_baseptr_bad: MMUEXT_NEW_BASEPTR takes only a valid L2 of the caller
 * (ABI.md §5.3). [bug class: loading CR3 with an unvalidated page table]
 * A read-only data frame full of garbage, a pinned L1, a zeroed frame
 * still mapped writable, Tessera's frame 0x100, VGA memory and the M2P
 * frame are all -EINVAL, and the domain keeps running on its own L2 (its
 * memory and hypercalls work, and it can still map a page through it).
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)

static uint32_t scratch[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long ext(uint32_t mfn, uint32_t cmd)
{
    return mmu_update_one((mfn << PAGE_SHIFT) | MMU_EXTENDED_COMMAND, cmd);
}

static long ro(uint32_t *va)
{
    return guest_set_pte((uintptr_t)va, (virt_to_mfn(va) << PAGE_SHIFT) | PTE_RO);
}

void test_main(void)
{
    uint32_t *garbage = alloc_page(), *l1 = alloc_page(), *rw = alloc_page(), i;
    uint32_t orig = virt_to_mfn(scratch);

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    if (!garbage || !l1 || !rw || !shared_info) {
        xtf_error("Error: alloc_page failed or shared_info unmapped\n");
        return;
    }
    for (i = 0; i < 1024; i++)
        garbage[i] = 0xFFFFF000 | (i * 0x67 & 0xFFF) | _PAGE_PRESENT;
    check("remap the garbage read-only", ro(garbage), 0);
    check("NEW_BASEPTR to garbage", ext(virt_to_mfn(garbage), MMUEXT_NEW_BASEPTR), -XEN_EINVAL);

    check("remap the L1 read-only", ro(l1), 0);
    check("PIN_L1", ext(virt_to_mfn(l1), MMUEXT_PIN_L1_TABLE), 0);
    check("NEW_BASEPTR to a pinned L1", ext(virt_to_mfn(l1), MMUEXT_NEW_BASEPTR), -XEN_EINVAL);
    check("UNPIN the L1", ext(virt_to_mfn(l1), MMUEXT_UNPIN_TABLE), 0);

    check("NEW_BASEPTR to a zeroed frame mapped RW", ext(virt_to_mfn(rw), MMUEXT_NEW_BASEPTR),
          -XEN_EINVAL);
    check("NEW_BASEPTR to Tessera's frame 0x100", ext(0x100, MMUEXT_NEW_BASEPTR), -XEN_EINVAL);
    check("NEW_BASEPTR to VGA frame 0xB8", ext(0xB8, MMUEXT_NEW_BASEPTR), -XEN_EINVAL);
    check("NEW_BASEPTR to the M2P frame",
          ext(shared_info->arch.mfn_to_pfn_start, MMUEXT_NEW_BASEPTR), -XEN_EINVAL);

    /* Still on the bootstrap L2: memory, hypercalls, and mapping through it. */
    rw[0] = 0xA11CE;
    check("map scratch -> a fresh frame", guest_set_pte((uintptr_t)scratch,
                                                        (virt_to_mfn(rw) << PAGE_SHIFT) | PTE_RW),
          0);
    check("read it", scratch[0], 0xA11CE);
    check("restore scratch", guest_set_pte((uintptr_t)scratch, (orig << PAGE_SHIFT) | PTE_RW), 0);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
