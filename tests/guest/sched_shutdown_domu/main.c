/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sched_shutdown_domu: SCHEDOP_shutdown of unprivileged domains (ABI.md
 * §9, §10 GETDOMAININFO flags). Four domUs shut down with reason crash
 * (3), reboot (1), suspend (2) and poweroff (0), chosen by the name in
 * their command line. Dom0 then sees domain 1 CRASHED (not SHUTDOWN), and
 * domains 2-4 SHUTDOWN (not CRASHED) with codes 1, 2 and 0 in bits 16-23;
 * none is DYING, each keeps its 1024 pages. A shut-down domain never runs
 * again: should its shutdown return, it asks for shutdown code 99, which
 * dom0 would see.
 */
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define DOMU_PAGES  1024
#define STOPPED     (DOMFLAGS_SHUTDOWN | DOMFLAGS_CRASHED | DOMFLAGS_DYING)

static const struct {
    const char *name;       /* name=... in the domU's command line */
    unsigned int reason;
    uint32_t want_flags;    /* of STOPPED */
} domus[] = {
    { "name=crasher", SHUTDOWN_crash, DOMFLAGS_CRASHED },
    { "name=rebooter", SHUTDOWN_reboot, DOMFLAGS_SHUTDOWN },
    { "name=suspender", SHUTDOWN_suspend, DOMFLAGS_SHUTDOWN },
    { "name=poweroff", SHUTDOWN_poweroff, DOMFLAGS_SHUTDOWN },
};

static void domu_main(void)
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(domus); i++) {
        if (strstr((const char *)start_info->cmd_line, domus[i].name)) {
            HYPERVISOR_shutdown(domus[i].reason);
            break;
        }
    }
    guest_shutdown(99);     /* not reached unless the shutdown returned */
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

static void check_domu(domid_t id)
{
    unsigned int i, reason = domus[id - 1].reason, code;
    dom0_getdomaininfo_t info;
    long rc;

    for (i = 0; i < 100000; i++) {
        rc = domain_info(id, &info);
        if (rc != 0 || info.domain != id) {
            xtf_failure("Fail: GETDOMAININFO(%u): rc %ld domain %u\n", id, rc, info.domain);
            return;
        }
        if (info.flags & STOPPED)
            break;
        HYPERVISOR_yield();
    }
    code = (info.flags >> DOMFLAGS_SHUTDOWNSHIFT) & DOMFLAGS_SHUTDOWNMASK;
    if (!(info.flags & STOPPED))
        xtf_failure("Fail: domain %u (reason %u) did not stop (timed out, flags %#x)\n", id,
                    reason, info.flags);
    else if ((info.flags & STOPPED) != domus[id - 1].want_flags)
        xtf_failure("Fail: domain %u (reason %u): flags %#x, expected %s only\n", id, reason,
                    info.flags, reason == SHUTDOWN_crash ? "CRASHED" : "SHUTDOWN");
    else if (reason != SHUTDOWN_crash && code != reason)
        xtf_failure("Fail: domain %u: shutdown code %u, expected %u\n", id, code, reason);
    if (info.tot_pages != DOMU_PAGES)
        xtf_failure("Fail: domain %u: tot_pages %u, expected %u\n", id, info.tot_pages,
                    DOMU_PAGES);
}

void test_main(void)
{
    domid_t id;
    unsigned int i;

    if (!guest_is_dom0())
        domu_main();

    for (id = 1; id <= ARRAY_SIZE(domus); id++)
        check_domu(id);
    /* Give any domU that wrongly runs on the time to change its code, and look again. */
    for (i = 0; i < 1000; i++)
        HYPERVISOR_yield();
    for (id = 1; id <= ARRAY_SIZE(domus); id++)
        check_domu(id);
    xtf_success(NULL);
}
