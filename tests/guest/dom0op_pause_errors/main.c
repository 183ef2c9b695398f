/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_pause_errors: PAUSEDOMAIN, UNPAUSEDOMAIN and DESTROYDOMAIN refuse
 * the caller itself with -EINVAL and a missing domain with -ESRCH
 * (ABI.md §10). Bug class: denial of service (dom0 pausing or destroying
 * itself, or Tessera acting on a stale id). Dom0 is alone here; after
 * every refusal it must still be running, unpaused, with its pages.
 */
#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>

static long dom_cmd(uint32_t cmd, domid_t dom)
{
    dom0_op_t op = { .cmd = cmd, .interface_version = DOM0_INTERFACE_VERSION };

    /* pausedomain, unpausedomain and destroydomain share this layout. */
    op.u.pausedomain.domain = dom;
    return HYPERVISOR_dom0_op(&op);
}

static void check_self_alive(const char *after)
{
    dom0_op_t op = { .cmd = DOM0_GETDOMAININFO, .interface_version = DOM0_INTERFACE_VERSION };
    const dom0_getdomaininfo_t *info = &op.u.getdomaininfo;
    long rc = HYPERVISOR_dom0_op(&op);

    if (rc != 0 || info->domain != 0 || info->tot_pages != start_info->nr_pages ||
        (info->flags & (DOMFLAGS_PAUSED | DOMFLAGS_DYING | DOMFLAGS_SHUTDOWN)) ||
        !(info->flags & DOMFLAGS_RUNNING))
        xtf_failure("Fail: after %s: GETDOMAININFO(0) rc %ld, domain %u, flags %#x, "
                    "tot_pages %u\n", after, rc, info->domain, info->flags, info->tot_pages);
}

void test_main(void)
{
    static const struct {
        const char *name;
        uint32_t cmd;
    } cmds[] = {
        { "PAUSEDOMAIN", DOM0_PAUSEDOMAIN },
        { "UNPAUSEDOMAIN", DOM0_UNPAUSEDOMAIN },
        { "DESTROYDOMAIN", DOM0_DESTROYDOMAIN },
    };
    static const domid_t missing[] = { 1, 0x7FEF, DOMID_SELF, DOMID_IO, DOMID_XEN, 0xFFFF };
    unsigned int c, i;
    char what[48];
    long rc;

    for (c = 0; c < ARRAY_SIZE(cmds); c++) {
        snprintf(what, sizeof(what), "%s(0)", cmds[c].name);
        rc = dom_cmd(cmds[c].cmd, 0);
        if (rc != -XEN_EINVAL)
            xtf_failure("Fail: %s on itself: expected %d got %ld\n", what, -XEN_EINVAL, rc);
        check_self_alive(what);

        for (i = 0; i < ARRAY_SIZE(missing); i++) {
            snprintf(what, sizeof(what), "%s(%#x)", cmds[c].name, missing[i]);
            rc = dom_cmd(cmds[c].cmd, missing[i]);
            if (rc != -XEN_ESRCH)
                xtf_failure("Fail: %s: expected %d got %ld\n", what, -XEN_ESRCH, rc);
        }
        check_self_alive(cmds[c].name);
    }
    xtf_success(NULL);
}
