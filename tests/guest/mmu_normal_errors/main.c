/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mmu_normal_errors: the documented errors of mmu_update (ABI.md §1, §2,
 * §5.3), run as dom0. MMU_NORMAL_PT_UPDATE's ptr must lie in a frame the
 * caller owns, whatever its privilege and even with a foreign domain set
 * ("never the FD"): Tessera's image (MFN 0x100), VGA memory (0xB8, DOMID_IO)
 * and the M2P (DOMID_XEN) give -EINVAL and are not written [bug class:
 * arbitrary machine memory write]. ptr&3 == 1 is -EINVAL. A request list
 * at or above 0xFC000000, or unmapped, is -EFAULT with *done = 0. done
 * may be NULL, and count 0 does nothing.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RO          (_PAGE_PRESENT | _PAGE_ACCESSED)
#define VGA_MFN         0xB8
#define TESSERA_MFN     0x100
#define VGA_OFFSET      4000    /* past the 80x25 text screen */

static uint32_t data[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static uint8_t scratch[PAGE_SIZE] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

/* One request: its result, with *done checked against want_done. */
static long one(const char *what, uint32_t ptr, uint32_t val, unsigned int want_done)
{
    mmu_update_t req = { .ptr = ptr, .val = val };
    unsigned int done = 99;
    long rc = HYPERVISOR_mmu_update(&req, 1, &done);

    if (done != want_done)
        xtf_failure("Fail: %s: *done expected %u got %u\n", what, want_done, done);
    return rc;
}

static void test_not_owned(void)
{
    uint32_t m2p_mfn = shared_info ? shared_info->arch.mfn_to_pfn_start : 0;
    volatile uint32_t *vga = (volatile uint32_t *)(scratch + VGA_OFFSET);
    uint32_t before;

    check("ptr in Tessera's image (MFN 0x100)",
          one("Tessera frame", TESSERA_MFN << PAGE_SHIFT, 0xBAD00001, 0), -XEN_EINVAL);
    if (m2p_mfn)
        check("ptr in the M2P (DOMID_XEN)",
              one("M2P frame", m2p_mfn << PAGE_SHIFT, 0xBAD00002, 0), -XEN_EINVAL);
    else
        xtf_error("Error: shared_info is not mapped\n");

    /* dom0 may map VGA memory (read-only here) and so see it is not written. */
    check("map VGA read-only", guest_set_pte((uintptr_t)scratch, (VGA_MFN << PAGE_SHIFT) | PTE_RO),
          0);
    before = *vga;
    check("ptr in VGA memory (DOMID_IO)",
          one("VGA frame", (VGA_MFN << PAGE_SHIFT) + VGA_OFFSET, ~before, 0), -XEN_EINVAL);
    {
        mmu_update_t req[2] = {
            { .ptr = MMU_EXTENDED_COMMAND, .val = MMUEXT_SET_FOREIGNDOM | (DOMID_IO << 16) },
            { .ptr = (VGA_MFN << PAGE_SHIFT) + VGA_OFFSET, .val = ~before },
        };
        unsigned int done = 99;

        check("ptr in VGA memory with FD = DOMID_IO", HYPERVISOR_mmu_update(req, 2, &done),
              -XEN_EINVAL);
        check("*done with FD = DOMID_IO", done, 1);
    }
    check("the VGA word after the refused stores", *vga, before);
    check("restore scratch", guest_set_pte((uintptr_t)scratch,
                                           (virt_to_mfn(data) << PAGE_SHIFT) | PTE_RO), 0);
}

static void test_bad_lists(void)
{
    uint32_t ma = (uint32_t)virt_to_maddr(&data[3]);
    mmu_update_t req = { .ptr = ma, .val = 0x600D0001 };
    unsigned int done = 99;

    check("ptr & 3 == 1", one("ptr&3 == 1", ma | 1, 0xBAD00003, 0), -XEN_EINVAL);
    check("the word after ptr&3 == 1", data[3], 0);

    check("reqs at 0xFC000000 (M2P)", hypercall3(__HYPERVISOR_mmu_update, 0xFC000000, 1,
                                                  HC_PTR(&done)), -XEN_EFAULT);
    check("*done after -EFAULT", done, 0);
    done = 99;
    check("reqs at 0xFC500000 (Tessera)", hypercall3(__HYPERVISOR_mmu_update, 0xFC500000, 1,
                                                      HC_PTR(&done)), -XEN_EFAULT);
    check("*done after -EFAULT", done, 0);
    check("reqs straddling 0xFC000000", hypercall3(__HYPERVISOR_mmu_update, 0xFBFFFFFC, 1, 0),
          -XEN_EFAULT);
    check("reqs unmapped (0x1000)", hypercall3(__HYPERVISOR_mmu_update, 0x1000, 1, 0),
          -XEN_EFAULT);

    check("done == NULL", HYPERVISOR_mmu_update(&req, 1, NULL), 0);
    check("the word stored with done == NULL", data[3], 0x600D0001);
    done = 99;
    check("count 0", HYPERVISOR_mmu_update(NULL, 0, &done), 0);
    check("*done after count 0", done, 0);
}

void test_main(void)
{
    uint32_t orig = virt_to_mfn(scratch);

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    test_not_owned();
    test_bad_lists();
    check("scratch back to its frame", guest_set_pte((uintptr_t)scratch,
              (orig << PAGE_SHIFT) | _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY), 0);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
