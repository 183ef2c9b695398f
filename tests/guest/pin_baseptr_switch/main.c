/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pin_baseptr_switch: switching to a second L2 and back with
 * MMUEXT_NEW_BASEPTR (ABI.md §5.1 "CR3 holds an L2 type reference", §5.3).
 * The guest slots (0-1007) of the bootstrap L2 are copied into a fresh
 * frame, which also maps one extra L1 at 0x80000000. Read-only and pinned
 * as L2, it becomes the base: the domain keeps running (stack, data,
 * hypercalls) and sees 0x80000000, which the bootstrap L2 does not map.
 * Unpinned while in use, the frame is still held by CR3 (no writable
 * mapping); after switching back, 0x80000000 faults and the frame maps
 * writable again.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/traps.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)
#define PDE_FLAGS   (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define EXTRA_SLOT  512
#define EXTRA_VA    ((volatile uint32_t *)(EXTRA_SLOT << 22))

static uint32_t data[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static volatile uint32_t counter;

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long ext(uint32_t mfn, uint32_t cmd)
{
    return mmu_update_one((mfn << PAGE_SHIFT) | MMU_EXTENDED_COMMAND, cmd);
}

static long map(uint32_t *va, uint32_t flags)
{
    return guest_set_pte((uintptr_t)va, (virt_to_mfn(va) << PAGE_SHIFT) | flags);
}

void test_main(void)
{
    const uint32_t *boot = (const uint32_t *)start_info->pt_base;
    uint32_t boot_mfn = virt_to_mfn(boot), copy_mfn, l1_mfn;
    uint32_t *copy = alloc_page(), *l1 = alloc_page();

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    if (!copy || !l1) {
        xtf_error("Error: alloc_page failed\n");
        return;
    }
    copy_mfn = virt_to_mfn(copy);
    l1_mfn = virt_to_mfn(l1);
    memcpy(copy, boot, XEN_FIRST_HYPERVISOR_L2_SLOT * 4);
    copy[EXTRA_SLOT] = (l1_mfn << PAGE_SHIFT) | PDE_FLAGS;
    l1[0] = (virt_to_mfn(data) << PAGE_SHIFT) | PTE_RW;
    data[0] = 0xE87A;
    check("remap the extra L1 read-only", map(l1, PTE_RO), 0);
    check("remap the copy read-only", map(copy, PTE_RO), 0);
    check("PIN_L2 of the copy", ext(copy_mfn, MMUEXT_PIN_L2_TABLE), 0);

    check("NEW_BASEPTR to the copy", ext(copy_mfn, MMUEXT_NEW_BASEPTR), 0);
    counter++;
    check("data after the switch", counter, 1);
    check("xen_version on the copy", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    check("0x80000000 through the copy's extra L1", *EXTRA_VA, 0xE87A);
    *EXTRA_VA = 0xE87B;
    check("write through 0x80000000", data[0], 0xE87B);
    check("UNPIN the copy while it is the base", ext(copy_mfn, MMUEXT_UNPIN_TABLE), 0);
    check("RW mapping of the base L2", map(copy, PTE_RW), -XEN_EINVAL);

    check("NEW_BASEPTR back to the bootstrap L2", ext(boot_mfn, MMUEXT_NEW_BASEPTR), 0);
    counter++;
    check("data after switching back", counter, 2);
    if (probe_read(EXTRA_VA) != EXINFO_SYM(PF, 0))
        xtf_failure("Fail: 0x80000000 on the bootstrap L2: expected #PF[0000]\n");
    check("RW mapping of the old copy", map(copy, PTE_RW), 0);
    check("RW mapping of its L1", map(l1, PTE_RW), 0);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
