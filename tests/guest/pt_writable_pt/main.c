/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pt_writable_pt: a frame is never a page table and writable at once
 * (ABI.md §5.1 rules, §5.2 "RW needs the frame to be typable as
 * writable"). [bug class: writable page table] A writable mapping of the
 * bootstrap L2 or L1 is -EINVAL through mmu_update and update_va_mapping,
 * and so is setting RW on their existing read-only mappings; the entries
 * stay as they were. The other way round, a frame still mapped writable
 * cannot be installed as an L1 (-EINVAL); once read-only it can, and is
 * then refused a writable mapping until it is removed again. A read-only
 * mapping of a page table is allowed.
 */
#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)
#define PDE_FLAGS   (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define FREE_SLOT   512     /* 0x80000000: nothing there */

static uint8_t scratch[PAGE_SIZE] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static uint32_t pte_maddr(unsigned long va)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;

    return (l2[l2_slot(va)] & PAGE_MASK) + l1_slot(va) * 4;
}

/* Writable mappings of a page-table frame, both ways, at scratch and at va. */
static void refuse_rw(const char *what, uint32_t mfn, unsigned long va)
{
    uint32_t scratch_pte = *guest_pte((uintptr_t)scratch), va_pte = *guest_pte(va);
    char buf[96];

    snprintf(buf, sizeof(buf), "%s: mmu_update, RW at scratch", what);
    check(buf, mmu_update_one(pte_maddr((uintptr_t)scratch), (mfn << PAGE_SHIFT) | PTE_RW),
          -XEN_EINVAL);
    snprintf(buf, sizeof(buf), "%s: update_va_mapping, RW at scratch", what);
    check(buf, HYPERVISOR_update_va_mapping((uintptr_t)scratch >> PAGE_SHIFT,
                                            (mfn << PAGE_SHIFT) | PTE_RW, UVMF_INVLPG),
          -XEN_EINVAL);
    check("scratch's entry after the refusals", *guest_pte((uintptr_t)scratch), scratch_pte);
    snprintf(buf, sizeof(buf), "%s: mmu_update, RW added to its own mapping", what);
    check(buf, mmu_update_one(pte_maddr(va), va_pte | _PAGE_RW | _PAGE_DIRTY), -XEN_EINVAL);
    snprintf(buf, sizeof(buf), "%s: update_va_mapping, RW added to its own mapping", what);
    check(buf, HYPERVISOR_update_va_mapping(va >> PAGE_SHIFT, va_pte | _PAGE_RW, UVMF_INVLPG),
          -XEN_EINVAL);
    check("its own mapping after the refusals", *guest_pte(va), va_pte);
}

static void test_bootstrap_tables(void)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t l2_mfn = virt_to_mfn(l2);
    uint32_t l1_mfn = l2[l2_slot((uintptr_t)scratch)] >> PAGE_SHIFT;
    const uint32_t *l1 = pfn_to_virt(mfn_to_pfn(l1_mfn));

    if (!l1) {
        xtf_error("Error: the bootstrap L1 is not mapped\n");
        return;
    }
    refuse_rw("bootstrap L2", l2_mfn, (uintptr_t)l2);
    refuse_rw("bootstrap L1", l1_mfn, (uintptr_t)l1);

    check("read-only mapping of the L2", HYPERVISOR_update_va_mapping(
              (uintptr_t)scratch >> PAGE_SHIFT, (l2_mfn << PAGE_SHIFT) | PTE_RO, UVMF_INVLPG), 0);
    check("the L2 read through it", ((volatile uint32_t *)scratch)[768], l2[768]);
}

static void test_install_writable(void)
{
    uint32_t *l1 = alloc_page();
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t pde_ma = (virt_to_mfn(l2) << PAGE_SHIFT) + FREE_SLOT * 4, mfn;

    if (!l1) {
        xtf_error("Error: alloc_page failed\n");
        return;
    }
    mfn = virt_to_mfn(l1);
    check("install an L1 still mapped RW", mmu_update_one(pde_ma, (mfn << PAGE_SHIFT) | PDE_FLAGS),
          -XEN_EINVAL);
    check("the PDE after the refusal", l2[FREE_SLOT], 0);
    check("remap the L1 read-only", guest_set_pte((uintptr_t)l1, (mfn << PAGE_SHIFT) | PTE_RO), 0);
    check("install it", mmu_update_one(pde_ma, (mfn << PAGE_SHIFT) | PDE_FLAGS), 0);
    check("an installed L1 mapped RW", guest_set_pte((uintptr_t)l1, (mfn << PAGE_SHIFT) | PTE_RW),
          -XEN_EINVAL);
    check("remove it", mmu_update_one(pde_ma, 0), 0);
    check("the removed L1 mapped RW", guest_set_pte((uintptr_t)l1, (mfn << PAGE_SHIFT) | PTE_RW),
          0);
    l1[0] = 0x12345678;
    check("write through the RW mapping", l1[0], 0x12345678);
}

void test_main(void)
{
    uint32_t orig = virt_to_mfn(scratch);

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    test_bootstrap_tables();
    test_install_writable();
    check("restore scratch", guest_set_pte((uintptr_t)scratch, (orig << PAGE_SHIFT) | PTE_RW), 0);
    scratch[0] = 1;
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
