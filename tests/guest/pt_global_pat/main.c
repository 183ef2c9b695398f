/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pt_global_pat: a new L1 entry may not set GLOBAL (0x100) or PAT (0x80)
 * (ABI.md §5.2). [bug class: global mappings surviving address-space
 * switches, cache attribute games] Both are -EINVAL through mmu_update and
 * update_va_mapping, the entry unchanged; US, PWT and PCD are free and the
 * mapping works with them.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)

static uint32_t data[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static uint32_t scratch[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long by_mmu_update(uint32_t pte)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t va = (uintptr_t)scratch;
    mmu_update_t req[2] = {
        { .ptr = (l2[l2_slot(va)] & PAGE_MASK) + l1_slot(va) * 4, .val = pte },
        { .ptr = va | MMU_EXTENDED_COMMAND, .val = MMUEXT_INVLPG },
    };

    return HYPERVISOR_mmu_update(req, 2, NULL);
}

static long by_update_va(uint32_t pte)
{
    return HYPERVISOR_update_va_mapping((uintptr_t)scratch >> PAGE_SHIFT, pte, UVMF_INVLPG);
}

void test_main(void)
{
    uint32_t mfn = virt_to_mfn(data), orig = virt_to_mfn(scratch);
    uint32_t base = (mfn << PAGE_SHIFT) | PTE_RW;
    uint32_t before = *guest_pte((uintptr_t)scratch);

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    data[0] = 0xDA7A;
    check("GLOBAL by mmu_update", by_mmu_update(base | _PAGE_GLOBAL), -XEN_EINVAL);
    check("PAT by mmu_update", by_mmu_update(base | _PAGE_PAT), -XEN_EINVAL);
    check("GLOBAL by update_va_mapping", by_update_va(base | _PAGE_GLOBAL), -XEN_EINVAL);
    check("PAT by update_va_mapping", by_update_va(base | _PAGE_PAT), -XEN_EINVAL);
    check("GLOBAL|PAT read-only by update_va_mapping",
          by_update_va((mfn << PAGE_SHIFT) | _PAGE_PRESENT | _PAGE_GLOBAL | _PAGE_PAT),
          -XEN_EINVAL);
    check("scratch's entry after the refusals", *guest_pte((uintptr_t)scratch), before);

    check("US|PWT|PCD by mmu_update", by_mmu_update(base | _PAGE_USER | _PAGE_PWT | _PAGE_PCD),
          0);
    check("read through the US|PWT|PCD mapping", scratch[0], 0xDA7A);
    check("remap plain by update_va_mapping", by_update_va(base), 0);
    check("US|PCD by update_va_mapping", by_update_va(base | _PAGE_USER | _PAGE_PCD), 0);
    scratch[1] = 0xBEEF;
    check("write through the US|PCD mapping", data[1], 0xBEEF);

    check("restore scratch", by_update_va((orig << PAGE_SHIFT) | PTE_RW), 0);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
