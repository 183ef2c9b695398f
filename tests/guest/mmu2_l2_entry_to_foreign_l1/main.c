/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mmu2_l2_entry_to_foreign_l1: an L2 entry must point at the caller's own
 * frame, whatever the foreign domain (ABI.md §5.2 "L2 entries: the caller's
 * frame", §5.3 "with a new L1 target checked against the FD" is for L1
 * targets only). [bug class: foreign page-table injection] Domain 1 pins a
 * fresh L1 (validated, back-pointer unset) and tags it in the M2P. dom0
 * installing that frame in a free slot of its L2 gets -EINVAL without an
 * FD and with FD = 1 as well, and the slot stays empty. With FD = 1 still
 * set, dom0's own L1 installs (0). Both domains live on.
 */
#include <guest/domctl.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)
#define PDE_FLAGS   (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define SLOT        528
#define TAG         0x7E11A1B0u     /* no PFN, nor any M2P filler */

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static void __attribute__((noreturn)) domu_main(void)
{
    uint32_t *page = alloc_page(), mfn;

    domu_expect(1, page != NULL, 1);
    mfn = virt_to_mfn(page);
    domu_expect(2, guest_set_pte((uintptr_t)page, (mfn << PAGE_SHIFT) | PTE_RO), 0);
    domu_expect(3, mmu_update_one((mfn << PAGE_SHIFT) | MMU_EXTENDED_COMMAND,
                                  MMUEXT_PIN_L1_TABLE), 0);
    domu_expect(4, mmu_update_one((mfn << PAGE_SHIFT) | MMU_MACHPHYS_UPDATE, TAG), 0);
    for (;;)
        HYPERVISOR_yield();
}

/* 0 running, else DOMFLAGS_CRASHED or the shutdown code + 0x100; -1 gone. */
static long domu_state(void)
{
    dom0_getdomaininfo_t info;
    int r = dom0_wait_stopped(1, 0, &info);

    if (r == DOM0_WAIT_RUNNING)
        return 0;
    if (r == DOM0_WAIT_GONE)
        return -1;
    return r == DOM0_WAIT_CRASHED ? DOMFLAGS_CRASHED : 0x100 + r;
}

static uint32_t find_tag(void)
{
    unsigned int tries;
    uint32_t mfn;

    for (tries = 0; tries < 1000 && domu_state() == 0; tries++) {
        for (mfn = 0; mfn < MACH2PHYS_NR_ENTRIES; mfn++)
            if (machine_to_phys[mfn] == TAG)
                return mfn;
        HYPERVISOR_yield();
    }
    return 0;
}

void test_main(void)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t l2_ma = virt_to_mfn(l2) << PAGE_SHIFT, pde_ma = l2_ma + SLOT * 4;
    uint32_t *own = NULL, their;
    mmu_update_t req[3];
    long rc;

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }
    if (!guest_is_dom0())
        domu_main();

    their = find_tag();
    if (!their) {
        xtf_error("Error: domain 1 did not tag its L1 (state %#lx)\n", domu_state());
        return;
    }

    rc = mmu_update_one(pde_ma, (their << PAGE_SHIFT) | PDE_FLAGS);
    check("domain 1's L1 in dom0's L2, no FD", rc, -XEN_EINVAL);
    if (rc == 0)
        mmu_update_one(pde_ma, 0);
    req[0] = (mmu_update_t){ MMU_EXTENDED_COMMAND, MMUEXT_SET_FOREIGNDOM | (1 << 16) };
    req[1] = (mmu_update_t){ pde_ma, (their << PAGE_SHIFT) | PDE_FLAGS };
    rc = HYPERVISOR_mmu_update(req, 2, NULL);
    check("domain 1's L1 in dom0's L2, FD = 1", rc, -XEN_EINVAL);
    if (rc == 0)
        mmu_update_one(pde_ma, 0);
    check("the slot after the refusals", l2[SLOT], 0);

    own = alloc_page();
    if (!own) {
        xtf_error("Error: alloc_page failed\n");
        return;
    }
    check("remap dom0's new L1 read-only",
          guest_set_pte((uintptr_t)own, (virt_to_mfn(own) << PAGE_SHIFT) | PTE_RO), 0);
    req[1] = (mmu_update_t){ pde_ma, (virt_to_mfn(own) << PAGE_SHIFT) | PDE_FLAGS };
    req[2] = (mmu_update_t){ pde_ma, 0 };
    check("dom0's own L1 with FD = 1, then removed", HYPERVISOR_mmu_update(req, 3, NULL), 0);
    check("the slot at the end", l2[SLOT], 0);

    check("domain 1 still running", domu_state(), 0);
    check("its L1 still tagged", machine_to_phys[their], (long)TAG);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
