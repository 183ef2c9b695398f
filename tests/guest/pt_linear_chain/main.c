/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pt_linear_chain: linear page tables nest one level only (ABI.md §5.2
 * "linear page table"). [tessera] [bug class: XSA-240, chained linear
 * page tables] Xen 2.0 let an L2 map an L2 that itself maps an L2, so
 * tearing down the head devalidated the chain recursively to a depth of
 * the guest's choosing. Tessera lets an L2 either map other L2s or be
 * mapped by them, never both. With L2a (current), L2b, L2c (pinned):
 * L2b -> L2c is allowed, then L2a -> L2b is -EINVAL; after removing it,
 * L2a -> L2b is allowed, then L2b -> L2c and L2b -> L2a are -EINVAL, while
 * a second L2 mapping L2b (L2c -> L2b) is allowed and then L2a -> L2c is
 * -EINVAL. Everything unwinds: both pins go and the frames map RW again.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)
#define PTE_RW      (PTE_RO | _PAGE_RW | _PAGE_DIRTY)

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long ext(uint32_t mfn, uint32_t cmd)
{
    return mmu_update_one((mfn << PAGE_SHIFT) | MMU_EXTENDED_COMMAND, cmd);
}

/* Slot `slot` of the L2 in frame `from` maps the L2 in frame `to` read-only (0: clear). */
static long link(uint32_t from, unsigned int slot, uint32_t to)
{
    return mmu_update_one((from << PAGE_SHIFT) + slot * 4, to ? (to << PAGE_SHIFT) | PTE_RO : 0);
}

/* A fresh zeroed frame, mapped read-only and pinned as an L2; 0 on failure. */
static uint32_t new_l2(void **va)
{
    uint32_t mfn;

    *va = alloc_page();
    if (!*va)
        return 0;
    mfn = virt_to_mfn(*va);
    if (guest_set_pte((uintptr_t)*va, (mfn << PAGE_SHIFT) | PTE_RO) != 0 ||
        ext(mfn, MMUEXT_PIN_L2_TABLE) != 0)
        return 0;
    return mfn;
}

void test_main(void)
{
    uint32_t a = virt_to_mfn((void *)start_info->pt_base), b, c;
    void *vb, *vc;

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    b = new_l2(&vb);
    c = new_l2(&vc);
    if (!b || !c) {
        xtf_error("Error: could not make two pinned L2s\n");
        return;
    }
    check("L2b -> L2c", link(b, 10, c), 0);
    check("L2a -> L2b while L2b maps L2c", link(a, 600, b), -XEN_EINVAL);
    check("L2a's slot 600 after the refusal", ((const uint32_t *)start_info->pt_base)[600], 0);
    check("remove L2b -> L2c", link(b, 10, 0), 0);

    check("L2a -> L2b", link(a, 600, b), 0);
    check("L2b -> L2c while L2a maps L2b", link(b, 10, c), -XEN_EINVAL);
    check("L2b -> L2a while L2a maps L2b", link(b, 11, a), -XEN_EINVAL);
    check("L2b's slots after the refusals", ((const uint32_t *)vb)[10] | ((const uint32_t *)vb)[11],
          0);
    check("L2c -> L2b (a second mapper)", link(c, 12, b), 0);
    check("L2a -> L2c while L2c maps L2b", link(a, 601, c), -XEN_EINVAL);

    check("remove L2c -> L2b", link(c, 12, 0), 0);
    check("remove L2a -> L2b", link(a, 600, 0), 0);
    check("TLB flush", ext(0, MMUEXT_TLB_FLUSH), 0);
    check("unpin L2b", ext(b, MMUEXT_UNPIN_TABLE), 0);
    check("unpin L2c", ext(c, MMUEXT_UNPIN_TABLE), 0);
    check("map L2b RW", guest_set_pte((uintptr_t)vb, (b << PAGE_SHIFT) | PTE_RW), 0);
    check("map L2c RW", guest_set_pte((uintptr_t)vc, (c << PAGE_SHIFT) | PTE_RW), 0);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
