/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pt_flag_smuggle: flags smuggled in by a flag-only update of a present
 * entry (ABI.md §5.2 quirk). Xen 2.0 skips every check when only bits
 * 2-11 (L1) or 1-11 (L2) of a present entry change, so GLOBAL, PAT or PSE
 * can be set that way; Tessera checks in full. [tessera] [bug class:
 * validation bypass on the update fast path] On an L1 entry, adding GLOBAL
 * or PAT is -EINVAL through mmu_update and update_va_mapping; on an L2
 * entry (a fresh L1 in a free slot), adding PSE or GLOBAL is -EINVAL. The
 * entries stay unchanged, and harmless flag-only updates (PCD, ACCESSED,
 * dropping RW or the PDE's US) still succeed.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)
#define PDE_FLAGS   (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define FREE_SLOT   512

static uint32_t scratch[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static void test_l1(void)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t va = (uintptr_t)scratch;
    uint32_t ma = (l2[l2_slot(va)] & PAGE_MASK) + l1_slot(va) * 4;
    uint32_t pte = *guest_pte(va);

    check("L1: add GLOBAL by mmu_update", mmu_update_one(ma, pte | _PAGE_GLOBAL), -XEN_EINVAL);
    check("L1: add PAT by mmu_update", mmu_update_one(ma, pte | _PAGE_PAT), -XEN_EINVAL);
    check("L1: add GLOBAL by update_va_mapping",
          HYPERVISOR_update_va_mapping(va >> PAGE_SHIFT, pte | _PAGE_GLOBAL, UVMF_INVLPG),
          -XEN_EINVAL);
    check("L1: add PAT by update_va_mapping",
          HYPERVISOR_update_va_mapping(va >> PAGE_SHIFT, pte | _PAGE_PAT, UVMF_INVLPG),
          -XEN_EINVAL);
    check("L1: the entry after the refusals", *guest_pte(va), pte);

    check("L1: add PCD", HYPERVISOR_update_va_mapping(va >> PAGE_SHIFT, pte | _PAGE_PCD,
                                                      UVMF_INVLPG), 0);
    check("L1: drop RW", HYPERVISOR_update_va_mapping(va >> PAGE_SHIFT, pte & ~_PAGE_RW,
                                                      UVMF_INVLPG), 0);
    check("L1: back to the original", HYPERVISOR_update_va_mapping(va >> PAGE_SHIFT, pte,
                                                                   UVMF_INVLPG), 0);
    scratch[0] = 0x5A5A;
    check("L1: write through the restored entry", scratch[0], 0x5A5A);
}

static void test_l2(void)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t *l1 = alloc_page();
    uint32_t pde_ma = (virt_to_mfn(l2) << PAGE_SHIFT) + FREE_SLOT * 4, pde;

    if (!l1) {
        xtf_error("Error: alloc_page failed\n");
        return;
    }
    pde = (virt_to_mfn(l1) << PAGE_SHIFT) | PDE_FLAGS;
    check("L2: remap the new L1 read-only",
          guest_set_pte((uintptr_t)l1, (virt_to_mfn(l1) << PAGE_SHIFT) | PTE_RO), 0);
    check("L2: install the L1", mmu_update_one(pde_ma, pde), 0);
    check("L2: add PSE", mmu_update_one(pde_ma, pde | _PAGE_PSE), -XEN_EINVAL);
    check("L2: add GLOBAL", mmu_update_one(pde_ma, pde | _PAGE_GLOBAL), -XEN_EINVAL);
    check("L2: add PSE|GLOBAL|PCD", mmu_update_one(pde_ma, pde | _PAGE_PSE | _PAGE_GLOBAL |
                                                   _PAGE_PCD), -XEN_EINVAL);
    check("L2: the PDE after the refusals", l2[FREE_SLOT], pde);
    check("L2: drop US", mmu_update_one(pde_ma, pde & ~_PAGE_USER), 0);
    check("L2: the PDE after dropping US", l2[FREE_SLOT], pde & ~_PAGE_USER);
    check("L2: remove the L1", mmu_update_one(pde_ma, 0), 0);
}

void test_main(void)
{
    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    test_l1();
    test_l2();
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
