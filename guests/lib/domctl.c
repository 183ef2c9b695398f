/* SPDX-License-Identifier: GPL-2.0-only */
/* Two-domain test helpers (guest/domctl.h). */
#include <guest/domctl.h>
#include <guest/events.h>
#include <guest/runtime.h>
#include <guest/test.h>

/* Clears *op and fills the header; the caller fills the union. */
static void dom0_op_init(dom0_op_t *op, uint32_t cmd)
{
    memset(op, 0, sizeof(*op));
    op->cmd = cmd;
    op->interface_version = DOM0_INTERFACE_VERSION;
}

long dom0_op_simple(dom0_op_t *op, uint32_t cmd, domid_t dom)
{
    dom0_op_init(op, cmd);
    op->u.getdomaininfo.domain = dom;
    return HYPERVISOR_dom0_op(op);
}

long dom0_pin(domid_t dom, int32_t cpu)
{
    dom0_op_t op;

    dom0_op_init(&op, DOM0_PINCPUDOMAIN);
    op.u.pincpudomain.domain = dom;
    op.u.pincpudomain.cpu = cpu;
    return HYPERVISOR_dom0_op(&op);
}

long dom0_iopl(domid_t dom, uint32_t iopl)
{
    dom0_op_t op;

    dom0_op_init(&op, DOM0_IOPL);
    op.u.iopl.domain = dom;
    op.u.iopl.iopl = iopl;
    return HYPERVISOR_dom0_op(&op);
}

long dom0_settime(uint32_t secs, uint32_t usecs, uint64_t system_time)
{
    dom0_op_t op;

    dom0_op_init(&op, DOM0_SETTIME);
    op.u.settime.secs = secs;
    op.u.settime.usecs = usecs;
    op.u.settime.system_time = system_time;
    return HYPERVISOR_dom0_op(&op);
}

long dom0_readconsole(char *str, uint32_t count, uint32_t cmd)
{
    dom0_op_t op;

    dom0_op_init(&op, DOM0_READCONSOLE);
    op.u.readconsole.str = (uintptr_t)str;
    op.u.readconsole.count = count;
    op.u.readconsole.cmd = cmd;
    return HYPERVISOR_dom0_op(&op);
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

const char *domu_step_text(const char *const *steps, size_t nr_steps, unsigned int code,
                           const char *other)
{
    return code > DOMU_FAIL(0) && code < DOMU_FAIL(nr_steps) ? steps[code - DOMU_FAIL(0)] : other;
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
            return domflags_shutdown_code(info->flags);
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

bool dom0_offer_port(domid_t dom, unsigned int port)
{
    unsigned int got = 0;
    long rc = evtchn_alloc_unbound(dom, &got);

    if (rc == 0 && got == port)
        return true;
    xtf_error("Error: alloc_unbound(%u): expected 0 and port %u got %ld, %u\n", dom, port, rc,
              got);
    return false;
}

long domu_bind_dom0(unsigned int dom0_port, unsigned int *local)
{
    long rc = -XEN_EINVAL;
    unsigned int i;

    for (i = 0; i < DOM0_WAIT_YIELDS && rc == -XEN_EINVAL; i++) {
        rc = evtchn_bind_interdomain(0, dom0_port, local);
        if (rc == -XEN_EINVAL)
            HYPERVISOR_yield();
    }
    return rc;
}

void domu_expect(unsigned int step, long got, long want)
{
    if (got != want)
        guest_shutdown(DOMU_FAIL(step));
}
