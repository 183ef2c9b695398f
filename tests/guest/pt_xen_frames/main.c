/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pt_xen_frames: Tessera's own frames cannot be mapped (ABI.md §5.2 "the
 * frame must be RAM owned by the subject domain"; §5.3 DOMID_XEN).
 * [bug class: guest mapping of hypervisor memory] As dom0 (priv): the
 * image at 1 MB (MFN 0x100, owned by no domain) is -EINVAL read-only or
 * read-write, by mmu_update and update_va_mapping, and also with FD =
 * DOMID_XEN. The M2P's first frame (shared with DOMID_XEN) is -EINVAL
 * without an FD; with FD = DOMID_XEN it maps read-only, showing the same
 * words as the M2P view, but never read-write. Every refusal leaves the
 * entry unchanged.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)

static uint32_t scratch[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

/* Maps scratch -> pte in one mmu_update, FD first if fd != DOMID_SELF. */
static long map_scratch(domid_t fd, uint32_t pte)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t va = (uintptr_t)scratch;
    mmu_update_t req[3] = {
        { .ptr = MMU_EXTENDED_COMMAND, .val = MMUEXT_SET_FOREIGNDOM | ((uint32_t)fd << 16) },
        { .ptr = (l2[l2_slot(va)] & PAGE_MASK) + l1_slot(va) * 4, .val = pte },
        { .ptr = va | MMU_EXTENDED_COMMAND, .val = MMUEXT_INVLPG },
    };
    unsigned int done = 99;
    long rc = fd == DOMID_SELF ? HYPERVISOR_mmu_update(&req[1], 2, &done) :
                                 HYPERVISOR_mmu_update(req, 3, &done);
    unsigned int want = rc ? (fd == DOMID_SELF ? 0 : 1) : (fd == DOMID_SELF ? 2 : 3);

    if (done != want)
        xtf_failure("Fail: pte %#x: *done expected %u got %u\n", pte, want, done);
    return rc;
}

static void refused(const char *what, domid_t fd, uint32_t pte)
{
    uint32_t before = *guest_pte((uintptr_t)scratch);

    check(what, map_scratch(fd, pte), -XEN_EINVAL);
    if (fd == DOMID_SELF)
        check(what, HYPERVISOR_update_va_mapping((uintptr_t)scratch >> PAGE_SHIFT, pte,
                                                 UVMF_INVLPG), -XEN_EINVAL);
    check("scratch's entry after the refusal", *guest_pte((uintptr_t)scratch), before);
}

void test_main(void)
{
    uint32_t orig = virt_to_mfn(scratch), m2p;

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    if (!shared_info) {
        xtf_error("Error: shared_info is not mapped\n");
        return;
    }
    m2p = shared_info->arch.mfn_to_pfn_start;

    refused("Tessera frame 0x100 read-only", DOMID_SELF, (0x100 << PAGE_SHIFT) | PTE_RO);
    refused("Tessera frame 0x100 read-write", DOMID_SELF, (0x100 << PAGE_SHIFT) | PTE_RW);
    refused("Tessera frame 0x100 read-only, FD = DOMID_XEN", DOMID_XEN,
            (0x100 << PAGE_SHIFT) | PTE_RO);
    refused("M2P frame read-only, no FD", DOMID_SELF, (m2p << PAGE_SHIFT) | PTE_RO);
    refused("M2P frame read-write, no FD", DOMID_SELF, (m2p << PAGE_SHIFT) | PTE_RW);
    refused("M2P frame read-write, FD = DOMID_XEN", DOMID_XEN, (m2p << PAGE_SHIFT) | PTE_RW);

    check("M2P frame read-only, FD = DOMID_XEN", map_scratch(DOMID_XEN, (m2p << PAGE_SHIFT) |
                                                              PTE_RO), 0);
    check("M2P word 0x100 through the new mapping", scratch[0x100], machine_to_phys[0x100]);
    check("M2P word of scratch's frame", scratch[orig & 0x3FF], machine_to_phys[orig & 0x3FF]);

    check("restore scratch", map_scratch(DOMID_SELF, (orig << PAGE_SHIFT) | PTE_RW), 0);
    scratch[0] = 0x600D;
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
