/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mmu2_pin_installed_l1: PIN_L1_TABLE of an L1 that is already installed
 * in the current L2 (ABI.md §5.1 "PIN_L1_TABLE does not refuse an L1 that
 * is already installed", §5.3). The pin returns 0 and the L1 keeps mapping
 * through its slot; UNPIN returns 0; the frame stays unmappable RW until
 * its PDE is removed too, then maps RW. In the other order (pin, remove the
 * PDE, unpin) the pin alone keeps it a table until the UNPIN, and once the
 * pin is the only reference, the L1 installs in a different slot.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)
#define PDE_FLAGS   (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define SLOT_A      524
#define SLOT_B      525
#define VA(slot)    ((volatile uint32_t *)((slot) << 22))

static uint32_t data[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static uint32_t l2_ma, mfn, *l1;

static long set_pde(unsigned int slot, uint32_t val)
{
    mmu_update_t req[2] = {
        { l2_ma + slot * 4, val },
        { MMU_EXTENDED_COMMAND, MMUEXT_TLB_FLUSH },
    };

    return HYPERVISOR_mmu_update(req, 2, NULL);
}

static long ext(uint32_t cmd)
{
    return mmu_update_one((mfn << PAGE_SHIFT) | MMU_EXTENDED_COMMAND, cmd);
}

static long map_l1(uint32_t flags)
{
    return guest_set_pte((uintptr_t)l1, (mfn << PAGE_SHIFT) | flags);
}

void test_main(void)
{
    uint32_t pde;

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }
    l1 = alloc_page();
    if (!l1) {
        xtf_error("Error: alloc_page failed\n");
        return;
    }
    l2_ma = virt_to_mfn((void *)start_info->pt_base) << PAGE_SHIFT;
    mfn = virt_to_mfn(l1);
    pde = (mfn << PAGE_SHIFT) | PDE_FLAGS;
    data[0] = 0x9191;
    l1[0] = (virt_to_mfn(data) << PAGE_SHIFT) | PTE_RO;
    check("remap the L1 read-only", map_l1(PTE_RO), 0);

    /* Pin while installed; unpin; then uninstall. */
    check("install it in slot A", set_pde(SLOT_A, pde), 0);
    check("PIN_L1 of the installed L1", ext(MMUEXT_PIN_L1_TABLE), 0);
    check("read through slot A while pinned", *VA(SLOT_A), 0x9191);
    check("RW mapping while installed and pinned", map_l1(PTE_RW), -XEN_EINVAL);
    check("UNPIN", ext(MMUEXT_UNPIN_TABLE), 0);
    check("UNPIN again", ext(MMUEXT_UNPIN_TABLE), -XEN_EINVAL);
    check("read through slot A after UNPIN", *VA(SLOT_A), 0x9191);
    check("RW mapping while still installed", map_l1(PTE_RW), -XEN_EINVAL);
    check("remove slot A", set_pde(SLOT_A, 0), 0);
    check("RW mapping after the removal", map_l1(PTE_RW), 0);
    l1[2] = 0;
    check("remap read-only", map_l1(PTE_RO), 0);

    /* Pin while installed; uninstall; the pin alone keeps it a table. */
    check("install it in slot A again", set_pde(SLOT_A, pde), 0);
    check("PIN_L1 again", ext(MMUEXT_PIN_L1_TABLE), 0);
    check("remove slot A", set_pde(SLOT_A, 0), 0);
    check("RW mapping while only pinned", map_l1(PTE_RW), -XEN_EINVAL);
    check("install the pinned L1 in slot B", set_pde(SLOT_B, pde), 0);
    check("read through slot B", *VA(SLOT_B), 0x9191);
    check("remove slot B", set_pde(SLOT_B, 0), 0);
    check("UNPIN", ext(MMUEXT_UNPIN_TABLE), 0);
    check("RW mapping at the end", map_l1(PTE_RW), 0);
    l1[0] = 0;
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
