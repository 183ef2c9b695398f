/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * uvm_multicall: update_va_mapping and mmu_update batched in one multicall
 * (ABI.md §1 multicall, §5.3, §5.4). Good entries remapping two VAs (one
 * by update_va_mapping with UVMF_INVLPG, one by mmu_update with
 * MMUEXT_INVLPG and a *done pointer, then the first again with
 * UVMF_FLUSH_TLB) take effect, and failing entries between them (page_nr
 * 0xFC000, ptr&3 == 1) do not stop the batch: multicall returns 0 and
 * args[5] holds each result (0, -EINVAL, -EINVAL, 0, 0).
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)

static uint32_t page_a[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static uint32_t page_b[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static uint32_t va1[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static uint32_t va2[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static uint32_t pte_maddr(const void *va)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;

    return (l2[l2_slot((uintptr_t)va)] & PAGE_MASK) + l1_slot((uintptr_t)va) * 4;
}

void test_main(void)
{
    uint32_t orig1 = virt_to_mfn(va1), orig2 = virt_to_mfn(va2);
    mmu_update_t good[2] = {
        { .ptr = pte_maddr(va2), .val = (virt_to_mfn(page_b) << PAGE_SHIFT) | PTE_RW },
        { .ptr = (uintptr_t)va2 | MMU_EXTENDED_COMMAND, .val = MMUEXT_INVLPG },
    };
    mmu_update_t bad = { .ptr = pte_maddr(va2) | 1, .val = 0 };
    unsigned int done = 99;
    multicall_entry_t mc[5];
    static const long want[5] = { 0, -XEN_EINVAL, -XEN_EINVAL, 0, 0 };
    unsigned int i;

    if (HYPERVISOR_update_va_mapping(0xFC000, 0, 0) == -XEN_ENOSYS) {
        xtf_skip("Skip: update_va_mapping is not implemented\n");
        return;
    }

    page_a[0] = 0xAAAA;
    page_b[0] = 0xBBBB;
    (void)*(volatile uint32_t *)va1;
    (void)*(volatile uint32_t *)va2;
    memset(mc, 0, sizeof(mc));
    mc[0].op = __HYPERVISOR_update_va_mapping;
    mc[0].args[0] = (uintptr_t)va1 >> PAGE_SHIFT;
    mc[0].args[1] = (virt_to_mfn(page_a) << PAGE_SHIFT) | PTE_RW;
    mc[0].args[2] = UVMF_INVLPG;
    mc[1].op = __HYPERVISOR_update_va_mapping;
    mc[1].args[0] = 0xFC000;
    mc[1].args[1] = mc[0].args[1];
    mc[2].op = __HYPERVISOR_mmu_update;
    mc[2].args[0] = HC_PTR(&bad);
    mc[2].args[1] = 1;
    mc[3].op = __HYPERVISOR_mmu_update;
    mc[3].args[0] = HC_PTR(good);
    mc[3].args[1] = 2;
    mc[3].args[2] = HC_PTR(&done);
    mc[4].op = __HYPERVISOR_update_va_mapping;
    mc[4].args[0] = (uintptr_t)va1 >> PAGE_SHIFT;
    mc[4].args[1] = mc[0].args[1];
    mc[4].args[2] = UVMF_FLUSH_TLB;
    for (i = 0; i < 5; i++)
        mc[i].args[5] = 0xDEAD;

    check("multicall", HYPERVISOR_multicall(mc, 5), 0);
    for (i = 0; i < 5; i++)
        if ((long)mc[i].args[5] != want[i])
            xtf_failure("Fail: entry %u: args[5] expected %ld got %ld\n", i, want[i],
                        (long)mc[i].args[5]);
    check("mmu_update's *done", done, 2);
    check("va1 reads page A", *(volatile uint32_t *)va1, 0xAAAA);
    check("va2 reads page B", *(volatile uint32_t *)va2, 0xBBBB);

    check("restore va1", guest_set_pte((uintptr_t)va1, (orig1 << PAGE_SHIFT) | PTE_RW), 0);
    check("restore va2", guest_set_pte((uintptr_t)va2, (orig2 << PAGE_SHIFT) | PTE_RW), 0);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
