/* SPDX-License-Identifier: GPL-2.0-only */
/* Two-domain test helpers (guest/domctl.h). */
#include <guest/domctl.h>
#include <guest/runtime.h>
#include <guest/test.h>

long dom0_op_simple(dom0_op_t *op, uint32_t cmd, domid_t dom)
{
    memset(op, 0, sizeof(*op));
    op->cmd = cmd;
    op->interface_version = DOM0_INTERFACE_VERSION;
    op->u.getdomaininfo.domain = dom;
    return HYPERVISOR_dom0_op(op);
}

long dom0_free_pages(void)
{
    dom0_op_t op;

    return dom0_op_simple(&op, DOM0_PHYSINFO, 0) == 0 ? (long)op.u.physinfo.free_pages : -1;
}

long dom0_domain_info(domid_t dom, dom0_getdomaininfo_t *info)
{
    dom0_op_t op;
    long rc = dom0_op_simple(&op, DOM0_GETDOMAININFO, dom);

    *info = op.u.getdomaininfo;
    return rc;
}

bool dom0_domain_present(domid_t dom, dom0_getdomaininfo_t *info)
{
    return dom0_domain_info(dom, info) == 0 && info->domain == dom;
}

int dom0_wait_stopped(domid_t dom, unsigned int max_yields, dom0_getdomaininfo_t *info)
{
    unsigned int i;

    for (i = 0;; i++) {
        if (!dom0_domain_present(dom, info))
            return DOM0_WAIT_GONE;
        if (info->flags & DOMFLAGS_CRASHED)
            return DOM0_WAIT_CRASHED;
        if (info->flags & DOMFLAGS_SHUTDOWN)
            return (info->flags >> DOMFLAGS_SHUTDOWNSHIFT) & DOMFLAGS_SHUTDOWNMASK;
        if (i == max_yields)
            return DOM0_WAIT_RUNNING;
        HYPERVISOR_yield();
    }
}

int dom0_expect_domu_ok(domid_t dom, dom0_getdomaininfo_t *info)
{
    int r = dom0_wait_stopped(dom, DOM0_WAIT_YIELDS, info);
    unsigned int code = r == DOM0_WAIT_CRASHED ? 0x200 : r < 0 ? 0x100 : (unsigned int)r;

    if (code != DOMU_OK)
        xtf_failure("Fail: domain %u: expected code %#x got %#x (0x4n: step n; 0x100 gone or "
                    "timed out, 0x200 crashed)\n", dom, DOMU_OK, code);
    return r;
}

void domu_expect(unsigned int step, long got, long want)
{
    if (got != want)
        guest_shutdown(DOMU_FAIL(step));
}
