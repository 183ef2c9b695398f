/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * startinfo_domu: an unprivileged domain's start of day (ABI.md §4, §13).
 * The domU (module "domU name=victim mem=4096") checks its own start_info:
 * flags 0, nr_pages 1024, cmd_line = the module's arguments, shared_info
 * owned (M2P 0xFFFFFFFF), read-only L2 in the bootstrap region, mfn_list
 * matching the M2P, start_info right after the page tables, upcall_mask 1.
 * It cannot print, so it shuts down with reason 0 when all is well, or
 * with the number of the first failed check (16 and up). Dom0 waits for
 * that through DOM0_GETDOMAININFO and reports.
 */
#include <guest/domctl.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define DOMU_ARGS   "domU name=victim mem=4096"
#define DOMU_PAGES  1024

static const char *const check_names[] = {
    [16] = "flags != 0",
    [17] = "nr_pages != 1024",
    [18] = "cmd_line != \"" DOMU_ARGS "\"",
    [19] = "shared_info not page-aligned or its M2P entry != 0xFFFFFFFF",
    [20] = "pt_base outside the region, writable, or nr_pt_frames < 2",
    [21] = "mfn_list disagrees with the M2P",
    [22] = "start_info is not the page after the page tables",
    [23] = "shared_info could not be mapped",
    [24] = "upcall_mask != 1 at start of day",
};

static unsigned int domu_check(void)
{
    const start_info_t *si = start_info;
    const volatile uint32_t *pte = guest_pte(si->pt_base);
    unsigned int pfn;

    if (si->flags != 0)
        return 16;
    if (si->nr_pages != DOMU_PAGES)
        return 17;
    if (strcmp((const char *)si->cmd_line, DOMU_ARGS) != 0)
        return 18;
    if ((si->shared_info & ~PAGE_MASK) || mfn_to_pfn(si->shared_info >> PAGE_SHIFT) != ~0U)
        return 19;
    if (si->pt_base < GUEST_VIRT_BASE || !pte || (*pte & (_PAGE_PRESENT | _PAGE_RW)) !=
        _PAGE_PRESENT || si->nr_pt_frames < 2)
        return 20;
    for (pfn = 0; pfn < si->nr_pages; pfn++) {
        if (mfn_to_pfn(((const uint32_t *)si->mfn_list)[pfn]) != pfn)
            return 21;
    }
    if ((uintptr_t)si != si->pt_base + si->nr_pt_frames * PAGE_SIZE)
        return 22;
    if (!shared_info)
        return 23;
    if (shared_info->vcpu_data[0].evtchn_upcall_mask != 1)
        return 24;
    return 0;
}

void test_main(void)
{
    dom0_getdomaininfo_t info;
    unsigned int code;
    long rc;
    int r;

    if (!guest_is_dom0())
        guest_shutdown(domu_check());

    r = dom0_wait_stopped(1, DOM0_WAIT_YIELDS, &info);
    if (r == DOM0_WAIT_GONE) {
        rc = dom0_domain_info(1, &info);
        xtf_error("Error: no domain 1 (rc %ld, domain %u)\n", rc, info.domain);
        return;
    }
    code = (info.flags >> DOMFLAGS_SHUTDOWNSHIFT) & DOMFLAGS_SHUTDOWNMASK;
    if (r == DOM0_WAIT_RUNNING)
        xtf_failure("Fail: domain 1 did not shut down (timed out, flags %#x)\n", info.flags);
    else if (info.flags & DOMFLAGS_CRASHED)
        xtf_failure("Fail: domain 1 crashed (flags %#x)\n", info.flags);
    else if (code >= 16 && code < ARRAY_SIZE(check_names))
        xtf_failure("Fail: domain 1's check %u failed: %s\n", code, check_names[code]);
    else if (code != SHUTDOWN_poweroff)
        xtf_failure("Fail: domain 1 shut down with code %u, expected 0\n", code);
    if (info.tot_pages != DOMU_PAGES)
        xtf_failure("Fail: domain 1 tot_pages: expected %u got %u\n", DOMU_PAGES,
                    info.tot_pages);
    xtf_success(NULL);
}
