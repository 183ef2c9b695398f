/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * uvm_attacks: update_va_mapping applies the L1 rules of mmu_update
 * (ABI.md §5.2, §5.4 "L1 rules apply"). Each of these is -EINVAL and
 * leaves the entry as it was: a writable mapping of the bootstrap L2, of
 * the bootstrap L1 and of a pinned L1 [bug class: writable page table];
 * GLOBAL and PAT in a new entry; Tessera's image (MFN 0x100) and the M2P
 * frame, read-only [bug class: hypervisor memory exposure]. VGA memory
 * (I/O) is allowed for dom0, and the domain is alive afterwards.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)

static uint32_t data[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static uint32_t scratch[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long uvm(uint32_t pte)
{
    return HYPERVISOR_update_va_mapping((uintptr_t)scratch >> PAGE_SHIFT, pte, UVMF_INVLPG);
}

static void refused(const char *what, uint32_t pte)
{
    uint32_t before = *guest_pte((uintptr_t)scratch);

    check(what, uvm(pte), -XEN_EINVAL);
    if (*guest_pte((uintptr_t)scratch) != before)
        xtf_failure("Fail: %s: entry expected %#x got %#x\n", what, before,
                    *guest_pte((uintptr_t)scratch));
}

void test_main(void)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t l2_mfn = virt_to_mfn(l2), l1_mfn = l2[l2_slot((uintptr_t)scratch)] >> PAGE_SHIFT;
    uint32_t *pinned = alloc_page(), pinned_mfn, orig = virt_to_mfn(scratch);
    uint32_t data_mfn = virt_to_mfn(data);

    if (HYPERVISOR_update_va_mapping(0xFC000, 0, 0) == -XEN_ENOSYS) {
        xtf_skip("Skip: update_va_mapping is not implemented\n");
        return;
    }

    if (!pinned || !shared_info) {
        xtf_error("Error: alloc_page failed or shared_info unmapped\n");
        return;
    }
    pinned_mfn = virt_to_mfn(pinned);
    check("remap a fresh frame read-only",
          guest_set_pte((uintptr_t)pinned, (pinned_mfn << PAGE_SHIFT) | PTE_RO), 0);
    check("PIN_L1 it", mmu_update_one((pinned_mfn << PAGE_SHIFT) | MMU_EXTENDED_COMMAND,
                                      MMUEXT_PIN_L1_TABLE), 0);

    refused("bootstrap L2 RW", (l2_mfn << PAGE_SHIFT) | PTE_RW);
    refused("bootstrap L1 RW", (l1_mfn << PAGE_SHIFT) | PTE_RW);
    refused("pinned L1 RW", (pinned_mfn << PAGE_SHIFT) | PTE_RW);
    refused("GLOBAL", (data_mfn << PAGE_SHIFT) | PTE_RW | _PAGE_GLOBAL);
    refused("PAT", (data_mfn << PAGE_SHIFT) | PTE_RO | _PAGE_PAT);
    refused("Tessera frame 0x100", (0x100 << PAGE_SHIFT) | PTE_RO);
    refused("M2P frame", (shared_info->arch.mfn_to_pfn_start << PAGE_SHIFT) | PTE_RO);

    check("pinned L1 read-only", uvm((pinned_mfn << PAGE_SHIFT) | PTE_RO), 0);
    check("VGA frame 0xB8 RW (dom0)", uvm((0xB8 << PAGE_SHIFT) | PTE_RW), 0);
    check("restore scratch", uvm((orig << PAGE_SHIFT) | PTE_RW), 0);
    scratch[0] = 0x5C;
    check("UNPIN", mmu_update_one((pinned_mfn << PAGE_SHIFT) | MMU_EXTENDED_COMMAND,
                                  MMUEXT_UNPIN_TABLE), 0);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
