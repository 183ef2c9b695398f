/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pt_l2_install: building new address space with checked updates (ABI.md
 * §5.1, §5.2, §5.3). A fresh zeroed frame, mapped read-only, is installed
 * as the L1 of a free L2 slot; entries written into it map two data
 * frames, which then read and write at 0x80000000 and 0x80001000. The L1
 * installed in a second slot as well serves both. While installed it
 * cannot be mapped writable; once both PDEs are gone (with a TLB flush)
 * the VAs fault and it can, and the data frames are untouched.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/traps.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)
#define PDE_FLAGS   (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define SLOT_A      512
#define SLOT_B      513
#define VA(slot, i) ((volatile uint32_t *)(((slot) << 22) | ((i) << PAGE_SHIFT)))

static uint32_t data0[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static uint32_t data1[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

void test_main(void)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t l2_ma = virt_to_mfn(l2) << PAGE_SHIFT;
    uint32_t *l1 = alloc_page(), mfn;
    mmu_update_t req[3];

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    if (!l1) {
        xtf_error("Error: alloc_page failed\n");
        return;
    }
    mfn = virt_to_mfn(l1);
    data0[0] = 0xD0D0;
    data1[0] = 0xD1D1;
    check("remap the new L1 read-only",
          guest_set_pte((uintptr_t)l1, (mfn << PAGE_SHIFT) | PTE_RO), 0);
    check("install it in slot 512", mmu_update_one(l2_ma + SLOT_A * 4,
                                                   (mfn << PAGE_SHIFT) | PDE_FLAGS), 0);
    req[0] = (mmu_update_t){ (mfn << PAGE_SHIFT), (virt_to_mfn(data0) << PAGE_SHIFT) | PTE_RW };
    req[1] = (mmu_update_t){ (mfn << PAGE_SHIFT) + 4, (virt_to_mfn(data1) << PAGE_SHIFT) | PTE_RW };
    check("two entries in the new L1", HYPERVISOR_mmu_update(req, 2, NULL), 0);
    check("entry 1 read through the L1's read-only mapping", l1[1],
          (long)((virt_to_mfn(data1) << PAGE_SHIFT) | PTE_RW));
    check("read 0x80000000", *VA(SLOT_A, 0), 0xD0D0);
    check("read 0x80001000", *VA(SLOT_A, 1), 0xD1D1);
    *VA(SLOT_A, 1) = 0xD1D2;
    check("write through 0x80001000", data1[0], 0xD1D2);

    check("install the same L1 in slot 513", mmu_update_one(l2_ma + SLOT_B * 4,
                                                            (mfn << PAGE_SHIFT) | PDE_FLAGS), 0);
    check("read 0x80400000", *VA(SLOT_B, 0), 0xD0D0);
    check("map the installed L1 RW", guest_set_pte((uintptr_t)l1, (mfn << PAGE_SHIFT) | PTE_RW),
          -XEN_EINVAL);
    check("update_va_mapping through the new L1",
          HYPERVISOR_update_va_mapping((SLOT_A << 10) | 2,
                                       (virt_to_mfn(data0) << PAGE_SHIFT) | PTE_RO, UVMF_INVLPG),
          0);
    check("read 0x80002000", *VA(SLOT_A, 2), 0xD0D0);

    req[0] = (mmu_update_t){ l2_ma + SLOT_A * 4, 0 };
    req[1] = (mmu_update_t){ l2_ma + SLOT_B * 4, 0 };
    req[2] = (mmu_update_t){ MMU_EXTENDED_COMMAND, MMUEXT_TLB_FLUSH };
    check("remove both PDEs", HYPERVISOR_mmu_update(req, 3, NULL), 0);
    if (probe_read(VA(SLOT_A, 0)) != EXINFO_SYM(PF, 0))
        xtf_failure("Fail: 0x80000000 after the removal: expected #PF[0000]\n");
    check("map the removed L1 RW", guest_set_pte((uintptr_t)l1, (mfn << PAGE_SHIFT) | PTE_RW), 0);
    l1[0] = 0;
    check("data frame 0 untouched", data0[0], 0xD0D0);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
