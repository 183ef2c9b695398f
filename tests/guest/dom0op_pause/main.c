/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_pause: the controller's pause of a domU (ABI.md §10 PAUSEDOMAIN,
 * UNPAUSEDOMAIN, GETDOMAININFO's PAUSED flag). The domU (module "domU
 * name=victim mem=4096") binds to dom0's port 1, yields 200 times, then
 * shuts down with reason reboot. Dom0 pauses it at once: PAUSED shows.
 * Only then does dom0 offer port 1 (alloc_unbound), so a domU running
 * beside dom0 on another CPU cannot finish before the pause; the domU
 * retries the bind while it is -EINVAL or -EPERM (not offered yet). While
 * dom0 yields 20000 times the paused domU must not get to its shutdown.
 * Pausing twice is one pause (a flag, not a count): a single UNPAUSEDOMAIN
 * clears PAUSED, and the domU then runs to its shutdown, code 1 (code 0
 * if its bind failed otherwise).
 */
#include <guest/domctl.h>
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define STOPPED (DOMFLAGS_SHUTDOWN | DOMFLAGS_CRASHED)

static long dom_cmd(uint32_t cmd, domid_t dom)
{
    dom0_op_t op = { .cmd = cmd, .interface_version = DOM0_INTERFACE_VERSION };

    op.u.pausedomain.domain = dom;
    return HYPERVISOR_dom0_op(&op);
}

/* Domain 1's flags, or 0 after reporting an error. */
static uint32_t domu_flags(void)
{
    dom0_op_t op = { .cmd = DOM0_GETDOMAININFO, .interface_version = DOM0_INTERFACE_VERSION };
    long rc;

    op.u.getdomaininfo.domain = 1;
    rc = HYPERVISOR_dom0_op(&op);
    if (rc != 0 || op.u.getdomaininfo.domain != 1) {
        xtf_failure("Fail: GETDOMAININFO(1): rc %ld, domain %u\n", rc,
                    op.u.getdomaininfo.domain);
        return 0;
    }
    return op.u.getdomaininfo.flags;
}

static void check_cmd(const char *what, uint32_t cmd)
{
    long rc = dom_cmd(cmd, 1);

    if (rc != 0)
        xtf_failure("Fail: %s(1): expected 0 got %ld\n", what, rc);
}

/* Waits for dom0's offer of port 1, yields 200 times, shuts down with reboot. */
static void __attribute__((noreturn)) domu_main(void)
{
    unsigned int i, local = 0;
    long rc;

    while ((rc = evtchn_bind_interdomain(0, 1, &local)) == -XEN_EINVAL || rc == -XEN_EPERM)
        HYPERVISOR_yield();
    for (i = 0; i < 200; i++)
        HYPERVISOR_yield();
    guest_shutdown(rc == 0 ? SHUTDOWN_reboot : SHUTDOWN_poweroff);
}

void test_main(void)
{
    unsigned int i;
    uint32_t flags;

    if (!guest_is_dom0())
        domu_main();

    check_cmd("PAUSEDOMAIN", DOM0_PAUSEDOMAIN);
    if (!((flags = domu_flags()) & DOMFLAGS_PAUSED))
        xtf_failure("Fail: after PAUSEDOMAIN(1): flags %#x lack PAUSED\n", flags);
    if (!dom0_offer_port(1, 1))
        return;
    for (i = 0; i < 20000; i++)
        HYPERVISOR_yield();
    flags = domu_flags();
    if (flags & STOPPED)
        xtf_failure("Fail: the paused domU ran to its shutdown (flags %#x)\n", flags);
    if (!(flags & DOMFLAGS_PAUSED))
        xtf_failure("Fail: after 20000 yields: flags %#x lack PAUSED\n", flags);

    check_cmd("second PAUSEDOMAIN", DOM0_PAUSEDOMAIN);
    check_cmd("UNPAUSEDOMAIN", DOM0_UNPAUSEDOMAIN);
    if ((flags = domu_flags()) & DOMFLAGS_PAUSED)
        xtf_failure("Fail: after UNPAUSEDOMAIN(1): flags %#x still PAUSED\n", flags);

    for (i = 0; i < 100000 && !((flags = domu_flags()) & STOPPED); i++)
        HYPERVISOR_yield();
    if (!(flags & STOPPED))
        xtf_failure("Fail: the unpaused domU did not run to its shutdown (timed out, "
                    "flags %#x)\n", flags);
    else if ((flags & STOPPED) != DOMFLAGS_SHUTDOWN ||
             ((flags >> DOMFLAGS_SHUTDOWNSHIFT) & DOMFLAGS_SHUTDOWNMASK) != SHUTDOWN_reboot)
        xtf_failure("Fail: domU flags %#x: expected SHUTDOWN with code 1\n", flags);
    xtf_success(NULL);
}
