/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pin_l2_validation: pinning validates every entry (ABI.md §5.1 "taking
 * the L1 or L2 type validates every entry", §5.2). [bug class: unvalidated
 * page-table contents] An L2 whose slot 3 holds an L1 with one GLOBAL
 * entry: PIN_L2 and PIN_L1 are -EINVAL, and both frames can be mapped
 * writable again. So are an L1 holding PAT, one mapping Tessera's frame
 * 0x100, one mapping itself writable, and an L2 holding a PSE entry. An L1
 * mapping itself read-only pins. With the GLOBAL bit gone the L2 pins;
 * its L1 is then typed and refuses a writable mapping until the L2 is
 * unpinned. Garbage in slots 1008-1023 does not fail validation: Tessera
 * fills them with its own entries.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)
#define PDE_FLAGS   (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)

static uint32_t data[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long pin(uint32_t *va, uint32_t cmd)
{
    return mmu_update_one((virt_to_mfn(va) << PAGE_SHIFT) | MMU_EXTENDED_COMMAND, cmd);
}

static long set_ro(uint32_t *va, bool ro)
{
    return guest_set_pte((uintptr_t)va, (virt_to_mfn(va) << PAGE_SHIFT) | (ro ? PTE_RO : PTE_RW));
}

/* l1[5] = entry; pinning as cmd must give -EINVAL; l1 writable afterwards. */
static void bad_l1(const char *what, uint32_t *l1, uint32_t entry)
{
    l1[5] = entry;
    check("remap read-only", set_ro(l1, true), 0);
    check(what, pin(l1, MMUEXT_PIN_L1_TABLE), -XEN_EINVAL);
    check("remap RW after the refusal", set_ro(l1, false), 0);
    l1[5] = 0;
}

void test_main(void)
{
    uint32_t *l1 = alloc_page(), *l2 = alloc_page(), data_mfn = virt_to_mfn(data);

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    if (!l1 || !l2) {
        xtf_error("Error: alloc_page failed\n");
        return;
    }
    l1[5] = (data_mfn << PAGE_SHIFT) | PTE_RO | _PAGE_GLOBAL;
    l2[3] = (virt_to_mfn(l1) << PAGE_SHIFT) | PDE_FLAGS;
    l2[1010] = 0xFFFFFFFF;
    check("remap the L1 read-only", set_ro(l1, true), 0);
    check("remap the L2 read-only", set_ro(l2, true), 0);
    check("PIN_L2 with a GLOBAL entry in its L1", pin(l2, MMUEXT_PIN_L2_TABLE), -XEN_EINVAL);
    check("PIN_L1 of that L1", pin(l1, MMUEXT_PIN_L1_TABLE), -XEN_EINVAL);
    check("the L1 maps RW after the refusals", set_ro(l1, false), 0);
    check("the L2 maps RW after the refusals", set_ro(l2, false), 0);

    bad_l1("PIN_L1 with a PAT entry", l1, (data_mfn << PAGE_SHIFT) | PTE_RO | _PAGE_PAT);
    bad_l1("PIN_L1 mapping Tessera's 0x100", l1, (0x100 << PAGE_SHIFT) | PTE_RO);
    bad_l1("PIN_L1 mapping itself RW", l1, (virt_to_mfn(l1) << PAGE_SHIFT) | PTE_RW);
    l1[5] = (virt_to_mfn(l1) << PAGE_SHIFT) | PTE_RO;
    check("remap read-only", set_ro(l1, true), 0);
    check("PIN_L1 mapping itself read-only", pin(l1, MMUEXT_PIN_L1_TABLE), 0);
    check("UNPIN it", pin(l1, MMUEXT_UNPIN_TABLE), 0);
    check("remap RW", set_ro(l1, false), 0);

    l2[3] = (virt_to_mfn(l1) << PAGE_SHIFT) | PDE_FLAGS | _PAGE_PSE;
    l1[5] = (data_mfn << PAGE_SHIFT) | PTE_RO;
    check("remap the L1 read-only", set_ro(l1, true), 0);
    check("remap the L2 read-only", set_ro(l2, true), 0);
    check("PIN_L2 with a PSE entry", pin(l2, MMUEXT_PIN_L2_TABLE), -XEN_EINVAL);
    check("remap the L2 RW", set_ro(l2, false), 0);
    l2[3] &= ~_PAGE_PSE;
    check("remap the L2 read-only", set_ro(l2, true), 0);

    check("PIN_L2 of the good tree", pin(l2, MMUEXT_PIN_L2_TABLE), 0);
    check("slot 1010 filled by Tessera", l2[1010],
          ((const uint32_t *)start_info->pt_base)[1010]);
    check("RW mapping of its L1", set_ro(l1, false), -XEN_EINVAL);
    check("UNPIN the L2", pin(l2, MMUEXT_UNPIN_TABLE), 0);
    check("RW mapping of the L1 after UNPIN", set_ro(l1, false), 0);
    check("RW mapping of the L2 after UNPIN", set_ro(l2, false), 0);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
