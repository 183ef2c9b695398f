/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_getdomaininfo_domu: DOM0_GETDOMAININFO with a domU present
 * (ABI.md §10). It returns the first domain whose id is >= the one asked
 * for, so enumerating from 0 (continuing from each answer + 1) finds
 * exactly domains 0 and 1, then -ESRCH. Domain 1 (module "domU
 * name=victim mem=4096", which only yields) has 1024 pages, no DYING,
 * CRASHED, SHUTDOWN or PAUSED flag, and its own shared-info frame, which
 * the M2P marks 0xFFFFFFFF, distinct from dom0's.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define DOMU_PAGES  1024
#define BAD_FLAGS   (DOMFLAGS_DYING | DOMFLAGS_CRASHED | DOMFLAGS_SHUTDOWN | DOMFLAGS_PAUSED)

static long domain_info(domid_t dom, dom0_getdomaininfo_t *info)
{
    dom0_op_t op = { .cmd = DOM0_GETDOMAININFO, .interface_version = DOM0_INTERFACE_VERSION };
    long rc;

    op.u.getdomaininfo.domain = dom;
    rc = HYPERVISOR_dom0_op(&op);
    *info = op.u.getdomaininfo;
    return rc;
}

static void enumerate(void)
{
    static const domid_t want[] = { 0, 1 };
    dom0_getdomaininfo_t info;
    unsigned int n = 0, next = 0;
    long rc;

    while ((rc = domain_info((domid_t)next, &info)) == 0 && n < 8) {
        if (n >= ARRAY_SIZE(want) || info.domain != want[n])
            xtf_failure("Fail: enumeration step %u (from id %u) found domain %u\n", n, next,
                        info.domain);
        next = info.domain + 1u;
        n++;
    }
    if (rc != -XEN_ESRCH)
        xtf_failure("Fail: enumeration ended with %ld, expected -ESRCH\n", rc);
    if (n != ARRAY_SIZE(want))
        xtf_failure("Fail: enumeration found %u domains, expected 2\n", n);
}

void test_main(void)
{
    dom0_getdomaininfo_t info;
    long rc;

    if (!guest_is_dom0()) {
        for (;;)
            HYPERVISOR_yield();
    }
    HYPERVISOR_yield();     /* let domain 1 start */

    rc = domain_info(1, &info);
    if (rc != 0 || info.domain != 1) {
        xtf_failure("Fail: GETDOMAININFO(1): rc %ld, domain %u\n", rc, info.domain);
        return;
    }
    if (info.tot_pages != DOMU_PAGES)
        xtf_failure("Fail: domain 1 tot_pages: expected %u got %u\n", DOMU_PAGES,
                    info.tot_pages);
    if (info.flags & BAD_FLAGS)
        xtf_failure("Fail: domain 1 flags %#x: expected no DYING|CRASHED|SHUTDOWN|PAUSED\n",
                    info.flags);
    if (info.shared_info_frame == start_info->shared_info >> PAGE_SHIFT)
        xtf_failure("Fail: domain 1 shares dom0's shared_info frame %#x\n",
                    info.shared_info_frame);
    if (mfn_to_pfn(info.shared_info_frame) != ~0U)
        xtf_failure("Fail: M2P of domain 1's shared_info frame %#x: expected 0xffffffff "
                    "got %#x\n", info.shared_info_frame, mfn_to_pfn(info.shared_info_frame));
    rc = domain_info(2, &info);
    if (rc != -XEN_ESRCH)
        xtf_failure("Fail: GETDOMAININFO(2): expected %d got %ld\n", -XEN_ESRCH, rc);
    enumerate();
    xtf_success(NULL);
}
