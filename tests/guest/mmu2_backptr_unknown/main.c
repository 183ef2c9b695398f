/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mmu2_backptr_unknown: one L1 installed in two slots of the current L2
 * (ABI.md §5.1 back-pointers, §5.2 "L2 entries"). Xen allows it: both
 * installs return 0 and the back-pointer becomes 0x3FE, which no hypercall
 * shows, so the test checks what follows from it. Each slot maps the same
 * data; with one PDE removed the other still maps and the L1 still cannot
 * be mapped RW (one L1 reference remains); with both removed it can. The
 * ambiguous state does not stick: read-only again, the frame installs in a
 * single third slot and maps through it. (pt_l2_install covers the plain
 * two-slot install; this adds the partial removal and the reuse.)
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/traps.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)
#define PDE_FLAGS   (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define SLOT_A      520
#define SLOT_B      521
#define SLOT_C      522
#define VA(slot)    ((volatile uint32_t *)((slot) << 22))

static uint32_t data[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static uint32_t l2_ma;

static long set_pde(unsigned int slot, uint32_t val)
{
    mmu_update_t req[2] = {
        { l2_ma + slot * 4, val },
        { MMU_EXTENDED_COMMAND, MMUEXT_TLB_FLUSH },
    };

    return HYPERVISOR_mmu_update(req, 2, NULL);
}

void test_main(void)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t *l1 = alloc_page(), mfn, pde;

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }
    if (!l1) {
        xtf_error("Error: alloc_page failed\n");
        return;
    }
    l2_ma = virt_to_mfn(l2) << PAGE_SHIFT;
    mfn = virt_to_mfn(l1);
    pde = (mfn << PAGE_SHIFT) | PDE_FLAGS;
    data[0] = 0xBAC0;
    l1[0] = (virt_to_mfn(data) << PAGE_SHIFT) | PTE_RO;

    check("remap the L1 read-only", guest_set_pte((uintptr_t)l1, (mfn << PAGE_SHIFT) | PTE_RO), 0);
    check("install it in slot A", set_pde(SLOT_A, pde), 0);
    check("install it in slot B too", set_pde(SLOT_B, pde), 0);
    check("read through slot A", *VA(SLOT_A), 0xBAC0);
    check("read through slot B", *VA(SLOT_B), 0xBAC0);
    check("RW mapping while in two slots",
          guest_set_pte((uintptr_t)l1, (mfn << PAGE_SHIFT) | PTE_RW), -XEN_EINVAL);

    check("remove slot A", set_pde(SLOT_A, 0), 0);
    if (probe_read(VA(SLOT_A)) != EXINFO_SYM(PF, 0))
        xtf_failure("Fail: slot A after its removal: expected #PF[0000]\n");
    check("slot B still reads", *VA(SLOT_B), 0xBAC0);
    check("RW mapping while still in slot B",
          guest_set_pte((uintptr_t)l1, (mfn << PAGE_SHIFT) | PTE_RW), -XEN_EINVAL);
    check("its mapping after the refusals", *guest_pte((uintptr_t)l1),
          (mfn << PAGE_SHIFT) | PTE_RO);

    check("remove slot B", set_pde(SLOT_B, 0), 0);
    check("RW mapping after both removals",
          guest_set_pte((uintptr_t)l1, (mfn << PAGE_SHIFT) | PTE_RW), 0);
    l1[1] = (virt_to_mfn(data) << PAGE_SHIFT) | PTE_RW;
    check("write into the L1 page", l1[1], (long)((virt_to_mfn(data) << PAGE_SHIFT) | PTE_RW));

    check("remap it read-only again",
          guest_set_pte((uintptr_t)l1, (mfn << PAGE_SHIFT) | PTE_RO), 0);
    check("install it in slot C alone", set_pde(SLOT_C, pde), 0);
    VA(SLOT_C)[PAGE_SIZE / 4] = 0xC0C0;
    check("write through slot C, entry 1", data[0], 0xC0C0);
    check("remove slot C", set_pde(SLOT_C, 0), 0);
    check("slots A, B, C empty", l2[SLOT_A] | l2[SLOT_B] | l2[SLOT_C], 0);
    check("RW mapping at the end", guest_set_pte((uintptr_t)l1, (mfn << PAGE_SHIFT) | PTE_RW), 0);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
