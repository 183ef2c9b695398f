/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pt_l2_rules: what an L2 entry may hold (ABI.md §5.2 "L2 entries", §3).
 * Slots 1008-1023 belong to Tessera: any write there, even "not present",
 * is -EINVAL and leaves them unchanged [bug class: guest control of the
 * hypervisor's mappings]. A new present entry with PSE (no 4 MB pages) or
 * GLOBAL is -EINVAL, and so is one pointing at a frame that is not the
 * caller's (Tessera's MFN 0x100), at a frame still mapped writable, or at
 * a frame whose entries do not validate as an L1 (a GLOBAL entry). Each
 * refusal leaves the slot empty and the frames usable afterwards.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)
#define PDE_FLAGS   (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define FREE_SLOT   512

static uint32_t data[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static const uint32_t *l2;
static uint32_t l2_ma;

static void refused(const char *what, unsigned int slot, uint32_t val)
{
    uint32_t before = l2[slot];

    check(what, mmu_update_one(l2_ma + slot * 4, val), -XEN_EINVAL);
    if (l2[slot] != before)
        xtf_failure("Fail: %s: slot %u expected %#x got %#x\n", what, slot, before, l2[slot]);
}

void test_main(void)
{
    uint32_t *l1 = alloc_page(), mfn;

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    l2 = (const uint32_t *)start_info->pt_base;
    l2_ma = virt_to_mfn(l2) << PAGE_SHIFT;
    if (!l1) {
        xtf_error("Error: alloc_page failed\n");
        return;
    }
    mfn = virt_to_mfn(l1);

    refused("slot 1008 (M2P) cleared", 1008, 0);
    refused("slot 1008 pointed at our L1", 1008, l2[768]);
    refused("slot 1019 (Tessera's linear map) cleared", 1019, 0);
    refused("slot 1023 cleared", 1023, 0);

    refused("PDE to a frame still mapped RW", FREE_SLOT, (mfn << PAGE_SHIFT) | PDE_FLAGS);
    l1[7] = (virt_to_mfn(data) << PAGE_SHIFT) | PTE_RO | _PAGE_GLOBAL;
    check("remap the L1 read-only", guest_set_pte((uintptr_t)l1, (mfn << PAGE_SHIFT) | PTE_RO), 0);
    refused("PDE to an L1 with a GLOBAL entry", FREE_SLOT, (mfn << PAGE_SHIFT) | PDE_FLAGS);
    check("map the L1 RW again", guest_set_pte((uintptr_t)l1, (mfn << PAGE_SHIFT) | PTE_RW), 0);
    l1[7] = 0;
    check("remap the L1 read-only", guest_set_pte((uintptr_t)l1, (mfn << PAGE_SHIFT) | PTE_RO), 0);

    refused("PDE with PSE", FREE_SLOT, (mfn << PAGE_SHIFT) | PDE_FLAGS | _PAGE_PSE);
    refused("PDE with GLOBAL", FREE_SLOT, (mfn << PAGE_SHIFT) | PDE_FLAGS | _PAGE_GLOBAL);
    refused("4 MB PSE page at machine address 0", FREE_SLOT, PDE_FLAGS | _PAGE_PSE);
    refused("PDE to Tessera's frame 0x100", FREE_SLOT, (0x100 << PAGE_SHIFT) | PDE_FLAGS);

    check("PDE to the valid empty L1", mmu_update_one(l2_ma + FREE_SLOT * 4,
                                                      (mfn << PAGE_SHIFT) | PDE_FLAGS), 0);
    check("remove it", mmu_update_one(l2_ma + FREE_SLOT * 4, 0), 0);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
