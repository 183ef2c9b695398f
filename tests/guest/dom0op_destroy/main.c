/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_destroy: DESTROYDOMAIN of a running domU (ABI.md §10). Two domUs
 * (modules "domU name=victim" and "domU name=bystander", ids 1 and 2)
 * only yield. Destroying domain 1 returns 0; its memory goes back to the
 * heap, so PHYSINFO's free_pages rises by exactly its tot_pages (waiting
 * with yields while a hypervisor may still be scrubbing); GETDOMAININFO(1)
 * then answers with the next domain, 2 (after perhaps showing domain 1 as
 * DYING, or -ESRCH, for a while); PAUSE/UNPAUSE/DESTROYDOMAIN(1) give -ESRCH; domain 2
 * is untouched and dom0 still works. Bug class: use after free (acting on
 * a destroyed domain) and memory accounting.
 */
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define WAIT_YIELDS 100000

static long dom_cmd(uint32_t cmd, domid_t dom)
{
    dom0_op_t op = { .cmd = cmd, .interface_version = DOM0_INTERFACE_VERSION };

    op.u.pausedomain.domain = dom;
    return HYPERVISOR_dom0_op(&op);
}

static long domain_info(domid_t dom, dom0_getdomaininfo_t *info)
{
    dom0_op_t op = { .cmd = DOM0_GETDOMAININFO, .interface_version = DOM0_INTERFACE_VERSION };
    long rc;

    op.u.getdomaininfo.domain = dom;
    rc = HYPERVISOR_dom0_op(&op);
    *info = op.u.getdomaininfo;
    return rc;
}

static uint32_t free_pages(void)
{
    dom0_op_t op = { .cmd = DOM0_PHYSINFO, .interface_version = DOM0_INTERFACE_VERSION };

    return HYPERVISOR_dom0_op(&op) == 0 ? op.u.physinfo.free_pages : 0;
}

static void check_rc(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

void test_main(void)
{
    dom0_getdomaininfo_t info, bystander;
    uint32_t free0, freed, want, victim_pages;
    unsigned int i;
    long rc;

    if (!guest_is_dom0()) {
        for (;;)
            HYPERVISOR_yield();
    }
    HYPERVISOR_yield();
    if (domain_info(1, &info) != 0 || info.domain != 1 || domain_info(2, &bystander) != 0 ||
        bystander.domain != 2 || (free0 = free_pages()) == 0) {
        xtf_error("Error: domains 1 and 2 or PHYSINFO not available\n");
        return;
    }

    victim_pages = info.tot_pages;
    check_rc("DESTROYDOMAIN(1)", dom_cmd(DOM0_DESTROYDOMAIN, 1), 0);
    /* A dying domain may linger (DYING, or -ESRCH) until its last reference goes. */
    for (i = 0; i < WAIT_YIELDS; i++) {
        rc = domain_info(1, &info);
        if ((rc == 0 && info.domain != 1) ||
            (rc == 0 && !(info.flags & DOMFLAGS_DYING)) || (rc != 0 && rc != -XEN_ESRCH))
            break;
        HYPERVISOR_yield();
    }
    if (rc != 0 || info.domain != 2)
        xtf_failure("Fail: GETDOMAININFO(1) after the destroy: expected domain 2, got rc %ld "
                    "domain %u flags %#x\n", rc, info.domain, info.flags);

    want = free0 + victim_pages;
    for (i = 0; i < WAIT_YIELDS && (freed = free_pages()) < want; i++)
        HYPERVISOR_yield();
    if (freed != want)
        xtf_failure("Fail: free_pages after the destroy: expected %u (%u + %u) got %u\n",
                    want, free0, victim_pages, freed);

    check_rc("DESTROYDOMAIN(1) again", dom_cmd(DOM0_DESTROYDOMAIN, 1), -XEN_ESRCH);
    check_rc("PAUSEDOMAIN(1)", dom_cmd(DOM0_PAUSEDOMAIN, 1), -XEN_ESRCH);
    check_rc("UNPAUSEDOMAIN(1)", dom_cmd(DOM0_UNPAUSEDOMAIN, 1), -XEN_ESRCH);

    rc = domain_info(2, &info);
    if (rc != 0 || info.domain != 2 || info.tot_pages != bystander.tot_pages ||
        (info.flags & (DOMFLAGS_DYING | DOMFLAGS_SHUTDOWN | DOMFLAGS_CRASHED)))
        xtf_failure("Fail: domain 2 after the destroy: rc %ld domain %u flags %#x pages %u\n",
                    rc, info.domain, info.flags, info.tot_pages);
    rc = domain_info(0, &info);
    if (rc != 0 || info.domain != 0 || info.tot_pages != start_info->nr_pages)
        xtf_failure("Fail: GETDOMAININFO(0) after the destroy: rc %ld\n", rc);
    xtf_success(NULL);
}
