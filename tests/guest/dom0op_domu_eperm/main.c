/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_domu_eperm: dom0_op is for privileged domains only (ABI.md §2 #7,
 * §10). Bug class: privilege escalation (an unprivileged domain pausing,
 * destroying or inspecting others). The domU (module "domU name=victim")
 * tries GETDOMAININFO, PHYSINFO, PAUSEDOMAIN(0) and DESTROYDOMAIN(0) with
 * the right version, then with a wrong version, an unknown command and an
 * op pointer in Tessera's area: -EPERM every time, since the privilege
 * check comes first. It reports through its shutdown code (0 = all -EPERM,
 * 16 + n = attempt n answered otherwise); dom0 reads it and checks that it
 * is still running itself, unpaused.
 */
#include <guest/domctl.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>

struct attempt {
    const char *what;
    uint32_t cmd, version, ptr;     /* ptr 0: a local op */
};

static const struct attempt attempts[] = {
    { "GETDOMAININFO(0)", DOM0_GETDOMAININFO, DOM0_INTERFACE_VERSION, 0 },
    { "PHYSINFO", DOM0_PHYSINFO, DOM0_INTERFACE_VERSION, 0 },
    { "PAUSEDOMAIN(0)", DOM0_PAUSEDOMAIN, DOM0_INTERFACE_VERSION, 0 },
    { "DESTROYDOMAIN(0)", DOM0_DESTROYDOMAIN, DOM0_INTERFACE_VERSION, 0 },
    { "GETDOMAININFO, version 0xAAAA0019", DOM0_GETDOMAININFO, 0xAAAA0019, 0 },
    { "cmd 99", 99, DOM0_INTERFACE_VERSION, 0 },
    { "op at 0xFC400000", 0, 0, 0xFC400000 },
};

static unsigned int domu_attempts(void)
{
    unsigned int i;
    long rc;

    for (i = 0; i < ARRAY_SIZE(attempts); i++) {
        dom0_op_t op = { .cmd = attempts[i].cmd, .interface_version = attempts[i].version };

        op.u.pausedomain.domain = 0;
        if (attempts[i].ptr)
            rc = hypercall1(__HYPERVISOR_dom0_op, attempts[i].ptr);
        else
            rc = HYPERVISOR_dom0_op(&op);
        if (rc != -XEN_EPERM)
            return 16 + i;
    }
    return 0;
}

void test_main(void)
{
    dom0_getdomaininfo_t info;
    unsigned int code;
    long rc;
    int r;

    if (!guest_is_dom0())
        guest_shutdown(domu_attempts());

    r = dom0_wait_stopped(1, DOM0_WAIT_YIELDS, &info);
    if (r == DOM0_WAIT_GONE) {
        rc = dom0_domain_info(1, &info);
        xtf_error("Error: no domain 1 (rc %ld, domain %u)\n", rc, info.domain);
        return;
    }
    code = (info.flags >> DOMFLAGS_SHUTDOWNSHIFT) & DOMFLAGS_SHUTDOWNMASK;
    if (r == DOM0_WAIT_RUNNING)
        xtf_failure("Fail: domain 1 did not finish (timed out, flags %#x)\n", info.flags);
    else if (info.flags & DOMFLAGS_CRASHED)
        xtf_failure("Fail: domain 1 crashed (flags %#x)\n", info.flags);
    else if (code >= 16 && code < 16 + ARRAY_SIZE(attempts))
        xtf_failure("Fail: domU's dom0_op %s: expected -EPERM, got another answer\n",
                    attempts[code - 16].what);
    else if (code != SHUTDOWN_poweroff)
        xtf_failure("Fail: domain 1 shut down with code %u, expected 0\n", code);

    rc = dom0_domain_info(0, &info);
    if (rc != 0 || info.domain != 0 || (info.flags & (DOMFLAGS_PAUSED | DOMFLAGS_SHUTDOWN)) ||
        !(info.flags & DOMFLAGS_RUNNING))
        xtf_failure("Fail: GETDOMAININFO(0): rc %ld, domain %u, flags %#x\n", rc, info.domain,
                    info.flags);
    xtf_success(NULL);
}
