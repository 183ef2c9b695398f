/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mmu2_machphys_foreign: MMU_MACHPHYS_UPDATE of another domain's frame
 * (ABI.md §5.3 "the frame must be the subject domain's", §5.2 subject
 * domain). Domain 1 tags one of its data frames in the M2P, which dom0
 * reads to find it. Without an FD that entry is not dom0's to update:
 * -EINVAL, the entry unchanged [bug class: M2P corruption of frames one does
 * not own]. With SET_FOREIGNDOM(1) in the same call it is: 0, and the
 * read-only M2P view shows the new value. The FD ends with that call, so
 * the next update without one is -EINVAL again; with FD = 1 the tag is
 * restored. Domain 1 lives on.
 */
#include <guest/domctl.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define TAG         0x7E3A9C50u     /* no PFN, nor any M2P filler */
#define NEW_VAL     0x000ABCDEu

static uint8_t page[PAGE_SIZE] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long machphys(uint32_t mfn, uint32_t val)
{
    return mmu_update_one((mfn << PAGE_SHIFT) | MMU_MACHPHYS_UPDATE, val);
}

static long machphys_fd(uint32_t mfn, uint32_t val)
{
    mmu_update_t req[2] = {
        { MMU_EXTENDED_COMMAND, MMUEXT_SET_FOREIGNDOM | (1 << 16) },
        { (mfn << PAGE_SHIFT) | MMU_MACHPHYS_UPDATE, val },
    };

    return HYPERVISOR_mmu_update(req, 2, NULL);
}

static void __attribute__((noreturn)) domu_main(void)
{
    if (machphys(virt_to_mfn(page), TAG) != 0)
        guest_shutdown(DOMU_FAIL(1));
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
    uint32_t mfn;

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }
    if (!guest_is_dom0())
        domu_main();

    mfn = find_tag();
    if (!mfn) {
        xtf_error("Error: domain 1 did not tag its frame (state %#lx)\n", domu_state());
        return;
    }

    check("domain 1's M2P entry, no FD", machphys(mfn, NEW_VAL), -XEN_EINVAL);
    check("the entry after the refusal", machine_to_phys[mfn], (long)TAG);
    check("domain 1's M2P entry, FD = 1", machphys_fd(mfn, NEW_VAL), 0);
    check("the M2P view", machine_to_phys[mfn], NEW_VAL);
    check("next call, the FD has ended", machphys(mfn, TAG), -XEN_EINVAL);
    check("the entry after that", machine_to_phys[mfn], NEW_VAL);
    check("restore it with FD = 1", machphys_fd(mfn, TAG), 0);
    check("the restored entry", machine_to_phys[mfn], (long)TAG);
    check("domain 1 still running", domu_state(), 0);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
