/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * uvm_otherdomain: update_va_mapping_otherdomain (ABI.md §2 #22, §5.4).
 * Unprivileged domain 1 gets -EPERM whatever it names (domain 0, itself,
 * DOMID_SELF) [bug class: foreign mapping by an unprivileged domain].
 * dom0: an unknown domid is -ESRCH; domid 1 maps domain 1's shared-info
 * frame into dom0's own page tables (the caller's, not domain 1's), but
 * not a frame of dom0 (-EINVAL); domid 0 maps dom0's own frame. domU
 * results come back as its shutdown code.
 */
#include <guest/domctl.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)

static uint32_t data[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static uint32_t scratch[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long other(uint32_t mfn, uint32_t flags, domid_t dom)
{
    return HYPERVISOR_update_va_mapping_otherdomain((uintptr_t)scratch >> PAGE_SHIFT,
                                                    (mfn << PAGE_SHIFT) | flags, UVMF_INVLPG,
                                                    dom);
}

static void domu_main(void)
{
    uint32_t mfn = virt_to_mfn(data), before = *guest_pte((uintptr_t)scratch);

    domu_expect(1, other(mfn, PTE_RO, 0), -XEN_EPERM);
    domu_expect(2, other(mfn, PTE_RO, 1), -XEN_EPERM);
    domu_expect(3, other(mfn, PTE_RO, DOMID_SELF), -XEN_EPERM);
    domu_expect(4, other(mfn, PTE_RO, 0x1234), -XEN_EPERM);
    domu_expect(5, *guest_pte((uintptr_t)scratch), before);
    domu_expect(6, HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    guest_shutdown(DOMU_OK);
}

void test_main(void)
{
    uint32_t orig = virt_to_mfn(scratch), before = *guest_pte((uintptr_t)scratch);
    dom0_getdomaininfo_t info;

    if (HYPERVISOR_update_va_mapping(0xFC000, 0, 0) == -XEN_ENOSYS) {
        xtf_skip("Skip: update_va_mapping is not implemented\n");
        return;
    }

    if (!guest_is_dom0())
        domu_main();
    if (!dom0_domain_present(1, &info)) {
        xtf_error("Error: no domain 1\n");
        return;
    }
    data[0] = 0xD0D0;
    check("unknown domid 0x1234", other(virt_to_mfn(data), PTE_RO, 0x1234), -XEN_ESRCH);
    check("domid 1, one of dom0's frames", other(virt_to_mfn(data), PTE_RO, 1), -XEN_EINVAL);
    check("scratch's entry after the refusals", *guest_pte((uintptr_t)scratch), before);
    check("domid 1, its shared-info frame", other(info.shared_info_frame, PTE_RO, 1), 0);
    check("dom0's scratch now maps it", virt_to_mfn(scratch), info.shared_info_frame);
    check("domid 0, dom0's own frame", other(virt_to_mfn(data), PTE_RW, 0), 0);
    check("read through it", scratch[0], 0xD0D0);
    check("restore scratch", other(orig, PTE_RW, 0), 0);

    dom0_expect_domu_ok(1, &info);
    xtf_success(NULL);
}
