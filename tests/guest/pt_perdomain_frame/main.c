/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pt_perdomain_frame: the per-domain L1 is Tessera's (ABI.md §3: the
 * per-domain area at 0xFF400000 is Xen-private; §5.2 "RAM owned by the
 * subject domain"). [bug class: guest write access to the hypervisor's
 * page tables; forged GDT/LDT mappings give ring 0] Every domain can read
 * the frame's MFN in L2 slot 1021, so the unprivileged domain 1 tries it:
 * mapping it read-only or read-write, a raw mmu_update store into an
 * unused entry (1023), PIN_L1, MACHPHYS_UPDATE: each -EINVAL; and
 * decrease_reservation of it does 0 extents. dom0 then destroys domain 1
 * (its per-domain frame must still be intact for that) and lives on.
 * domU results come back as its shutdown code.
 */
#include <guest/domctl.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW          (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO          (_PAGE_PRESENT | _PAGE_ACCESSED)
#define PERDOMAIN_SLOT  1021    /* 0xFF400000 >> 22 */

static uint32_t scratch[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static void domu_main(void)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t pd = l2[PERDOMAIN_SLOT] >> PAGE_SHIFT, va = (uintptr_t)scratch;
    uint32_t before = *guest_pte(va);

    domu_expect(1, l2[PERDOMAIN_SLOT] & _PAGE_PRESENT, _PAGE_PRESENT);
    domu_expect(2, HYPERVISOR_update_va_mapping(va >> PAGE_SHIFT, (pd << PAGE_SHIFT) | PTE_RO,
                                                UVMF_INVLPG), -XEN_EINVAL);
    domu_expect(3, HYPERVISOR_update_va_mapping(va >> PAGE_SHIFT, (pd << PAGE_SHIFT) | PTE_RW,
                                                UVMF_INVLPG), -XEN_EINVAL);
    domu_expect(4, *guest_pte(va), before);
    domu_expect(5, mmu_update_one((pd << PAGE_SHIFT) + 1023 * 4, 0), -XEN_EINVAL);
    domu_expect(6, mmu_update_one((pd << PAGE_SHIFT) | MMU_EXTENDED_COMMAND,
                                  MMUEXT_PIN_L1_TABLE), -XEN_EINVAL);
    domu_expect(7, mmu_update_one((pd << PAGE_SHIFT) | MMU_MACHPHYS_UPDATE, 0), -XEN_EINVAL);
    domu_expect(8, HYPERVISOR_dom_mem_op(MEMOP_decrease_reservation, &pd, 1, 0, DOMID_SELF), 0);
    domu_expect(9, HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    guest_shutdown(DOMU_OK);
}

void test_main(void)
{
    dom0_getdomaininfo_t info;
    dom0_op_t op;

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    if (!guest_is_dom0())
        domu_main();
    dom0_expect_domu_ok(1, &info);
    check("DESTROYDOMAIN(1)", dom0_op_simple(&op, DOM0_DESTROYDOMAIN, 1), 0);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
