/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mmu2_uvm_flag_smuggle: update_va_mapping changing only the flags of a
 * present entry (ABI.md §5.2 quirk, §5.4 "L1 rules apply"). Xen 2.0 skips
 * every check when only bits 2-11 change, so GLOBAL (0x100) or PAT (0x80)
 * can be added that way; Tessera refuses. [tessera] [bug class: validation
 * bypass on the update fast path] pt_flag_smuggle covers a data page with
 * UVMF_INVLPG; here: the read-only mapping of a page-table frame (the
 * bootstrap L2), both flags with PCD and UVMF_FLUSH_TLB, the otherdomain
 * variant naming dom0 itself, and GLOBAL together with dropping RW (not a
 * flag-only change, refused by Xen 2.0 too). Each is -EINVAL and leaves the
 * entry as it was; harmless flag updates still succeed.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

static uint32_t scratch[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static void refused(const char *what, unsigned long va, uint32_t pte, unsigned long flags)
{
    uint32_t before = *guest_pte(va);

    check(what, HYPERVISOR_update_va_mapping(va >> PAGE_SHIFT, pte, flags), -XEN_EINVAL);
    if (*guest_pte(va) != before)
        xtf_failure("Fail: %s: entry expected %#x got %#x\n", what, before, *guest_pte(va));
}

void test_main(void)
{
    unsigned long l2_va = start_info->pt_base, va = (uintptr_t)scratch;
    uint32_t l2_pte = *guest_pte(l2_va), pte = *guest_pte(va);
    long rc;

    if (HYPERVISOR_update_va_mapping(0xFC000, 0, 0) == -XEN_ENOSYS) {
        xtf_skip("Skip: update_va_mapping is not implemented\n");
        return;
    }

    refused("L2's mapping: add GLOBAL", l2_va, l2_pte | _PAGE_GLOBAL, UVMF_INVLPG);
    refused("L2's mapping: add PAT", l2_va, l2_pte | _PAGE_PAT, UVMF_INVLPG);
    refused("data: add GLOBAL|PAT|PCD, full flush", va,
            pte | _PAGE_GLOBAL | _PAGE_PAT | _PAGE_PCD, UVMF_FLUSH_TLB);
    refused("data: add PAT, no flush", va, pte | _PAGE_PAT, 0);
    refused("data: add GLOBAL and drop RW", va, (pte | _PAGE_GLOBAL) & ~_PAGE_RW, UVMF_INVLPG);

    rc = HYPERVISOR_update_va_mapping_otherdomain(va >> PAGE_SHIFT, pte | _PAGE_GLOBAL,
                                                  UVMF_INVLPG, 0);
    if (rc == -XEN_ENOSYS)
        xtf_skip("Skip: update_va_mapping_otherdomain is not implemented\n");
    else
        check("otherdomain(0): add GLOBAL", rc, -XEN_EINVAL);
    check("data entry after all refusals", *guest_pte(va), pte);

    check("L2's mapping: add PCD",
          HYPERVISOR_update_va_mapping(l2_va >> PAGE_SHIFT, l2_pte | _PAGE_PCD, UVMF_INVLPG), 0);
    check("L2's mapping: restore",
          HYPERVISOR_update_va_mapping(l2_va >> PAGE_SHIFT, l2_pte, UVMF_INVLPG), 0);
    check("data: add PWT, full flush",
          HYPERVISOR_update_va_mapping(va >> PAGE_SHIFT, pte | _PAGE_PWT, UVMF_FLUSH_TLB), 0);
    check("data: restore", HYPERVISOR_update_va_mapping(va >> PAGE_SHIFT, pte, UVMF_INVLPG), 0);
    scratch[0] = 0x6106A1;
    check("write through the restored entry", scratch[0], 0x6106A1);
    check("L2 still readable", ((const uint32_t *)l2_va)[l2_slot(va)] & _PAGE_PRESENT,
          _PAGE_PRESENT);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
