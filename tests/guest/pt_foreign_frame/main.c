/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pt_foreign_frame: another domain's frames (ABI.md §5.2 "owned by the
 * subject domain", §5.3, §5.6). [bug class: cross-domain memory access]
 * dom0 maps domain 1's shared-info frame only with FD = 1 (without it:
 * -EINVAL). It then tags its own shared-info frame in the M2P, which every
 * domain can read; the unprivileged domain 1 finds the frame there and
 * gets -EINVAL mapping it read-only or read-write (mmu_update and
 * update_va_mapping), storing into it, pinning it and updating its M2P
 * entry, and 0 extents from decrease_reservation. domU results come back
 * as its shutdown code.
 */
#include <guest/domctl.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)
#define TAG         0x7E55E4A0u     /* no PFN, nor any M2P filler */

static uint8_t scratch[PAGE_SIZE] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static uint32_t scratch_pte_ma(void)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t va = (uintptr_t)scratch;

    return (l2[l2_slot(va)] & PAGE_MASK) + l1_slot(va) * 4;
}

/* The frame whose M2P entry is TAG; dom0 may not have run yet. */
static uint32_t find_tag(void)
{
    unsigned int tries;
    uint32_t mfn;

    for (tries = 0; tries < 1000; tries++) {
        for (mfn = 0; mfn < MACH2PHYS_NR_ENTRIES; mfn++)
            if (machine_to_phys[mfn] == TAG)
                return mfn;
        HYPERVISOR_yield();
    }
    return 0;
}

static void domu_main(void)
{
    uint32_t mfn = find_tag(), list[1] = { mfn };
    uint32_t before = *guest_pte((uintptr_t)scratch), va = (uintptr_t)scratch;

    domu_expect(1, mfn != 0, 1);
    domu_expect(2, mmu_update_one(scratch_pte_ma(), (mfn << PAGE_SHIFT) | PTE_RO), -XEN_EINVAL);
    domu_expect(3, mmu_update_one(scratch_pte_ma(), (mfn << PAGE_SHIFT) | PTE_RW), -XEN_EINVAL);
    domu_expect(4, HYPERVISOR_update_va_mapping(va >> PAGE_SHIFT, (mfn << PAGE_SHIFT) | PTE_RO,
                                                UVMF_INVLPG), -XEN_EINVAL);
    domu_expect(5, HYPERVISOR_update_va_mapping(va >> PAGE_SHIFT, (mfn << PAGE_SHIFT) | PTE_RW,
                                                UVMF_INVLPG), -XEN_EINVAL);
    domu_expect(6, *guest_pte(va), before);
    domu_expect(7, mmu_update_one(mfn << PAGE_SHIFT, 0xBAD), -XEN_EINVAL);
    domu_expect(8, mmu_update_one((mfn << PAGE_SHIFT) | MMU_EXTENDED_COMMAND,
                                  MMUEXT_PIN_L1_TABLE), -XEN_EINVAL);
    domu_expect(9, mmu_update_one((mfn << PAGE_SHIFT) | MMU_MACHPHYS_UPDATE, 0), -XEN_EINVAL);
    domu_expect(10, machine_to_phys[mfn], TAG);
    domu_expect(11, HYPERVISOR_dom_mem_op(MEMOP_decrease_reservation, list, 1, 0, DOMID_SELF), 0);
    domu_expect(12, HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    guest_shutdown(DOMU_OK);
}

void test_main(void)
{
    uint32_t own = start_info->shared_info >> PAGE_SHIFT, m2p_before = machine_to_phys[own];
    uint32_t orig = virt_to_mfn(scratch), their;
    mmu_update_t req[2];
    dom0_getdomaininfo_t info;

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    if (!guest_is_dom0())
        domu_main();
    if (!dom0_domain_present(1, &info)) {
        xtf_error("Error: no domain 1\n");
        return;
    }
    their = info.shared_info_frame;
    check("dom0: domain 1's frame, no FD",
          mmu_update_one(scratch_pte_ma(), (their << PAGE_SHIFT) | PTE_RO), -XEN_EINVAL);
    req[0] = (mmu_update_t){ MMU_EXTENDED_COMMAND, MMUEXT_SET_FOREIGNDOM | (1 << 16) };
    req[1] = (mmu_update_t){ scratch_pte_ma(), (their << PAGE_SHIFT) | PTE_RO };
    check("dom0: domain 1's frame, FD = 1", HYPERVISOR_mmu_update(req, 2, NULL), 0);
    check("restore scratch", guest_set_pte((uintptr_t)scratch, (orig << PAGE_SHIFT) | PTE_RW), 0);

    check("dom0: tag its shared-info frame in the M2P",
          mmu_update_one((own << PAGE_SHIFT) | MMU_MACHPHYS_UPDATE, TAG), 0);
    dom0_expect_domu_ok(1, &info);
    check("dom0: untag", mmu_update_one((own << PAGE_SHIFT) | MMU_MACHPHYS_UPDATE, m2p_before), 0);
    xtf_success(NULL);
}
