/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * evtchn_priv: what an unprivileged domain may not do with event channels
 * (ABI.md §7; bug class: privilege checks on another domain's ports).
 * Dom0 first makes port P = alloc_unbound(dom 5) (its first port, 1);
 * the domU, which may run beside dom0 on another CPU, waits for that by
 * retrying bind_interdomain(SELF, 0, 1) while it is -EPERM (port 1 still
 * free, see below), yielding in between. The domU then checks: status/close with dom != SELF (dom0's id, and its
 * own id 1) are -EPERM; bind_interdomain with dom1 != SELF is -EPERM; a
 * bind to a FREE remote port of dom0 (port 5, or 0 = "allocate one") is
 * refused (quirk) with -EPERM, the code Xen's bind_interdomain gives for
 * an unprivileged caller meeting a free port2 (ABI.md names no code);
 * one to P, which waits for dom 5, not for it, is -EINVAL; none of the
 * refused binds left a port behind in the domU. It reports
 * the first failed step in its shutdown code. Dom0 then checks P is still
 * unbound {5} and its ports 2 and 5 still closed. SKIPs while
 * event_channel_op answers -ENOSYS.
 */
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define CODE_DONE   10
#define CODE_SKIP   11
#define CODE_FAIL   20      /* + the step that failed */

static const char *const steps[] = {
    "status(SELF, 0) is not virq", "status(dom 0, port 0) is not -EPERM",
    "status(dom 1 = itself by id, port 0) is not -EPERM", "close(dom 0, port 1) is not -EPERM",
    "bind_interdomain(0, SELF, 0, 0) is not -EPERM", "bind_interdomain(1, 0, 0, 0) is not -EPERM",
    "bind to dom0's free port 5 is not -EPERM", "bind to dom0's port 0 (allocate) is not -EPERM",
    "bind to dom0's port 1 (unbound for dom 5) is not -EINVAL",
    "a refused bind left its port 1 or 2 allocated",
};

static long status(domid_t dom, unsigned int port, evtchn_op_t *op)
{
    *op = (evtchn_op_t){ .cmd = EVTCHNOP_status };
    op->u.status.dom = dom;
    op->u.status.port = port;
    return HYPERVISOR_event_channel_op(op);
}

static long bind(domid_t dom1, domid_t dom2, unsigned int port2)
{
    evtchn_op_t op = { .cmd = EVTCHNOP_bind_interdomain };

    op.u.bind_interdomain.dom1 = dom1;
    op.u.bind_interdomain.dom2 = dom2;
    op.u.bind_interdomain.port2 = port2;
    return HYPERVISOR_event_channel_op(&op);
}

static unsigned int domu_checks(void)
{
    evtchn_op_t op = { .cmd = EVTCHNOP_close };
    long rc = status(DOMID_SELF, 0, &op);

    if (rc == -XEN_ENOSYS)
        return CODE_SKIP;
    if (rc != 0 || op.u.status.status != EVTCHNSTAT_virq)
        return CODE_FAIL + 0;
    if (status(0, 0, &op) != -XEN_EPERM)
        return CODE_FAIL + 1;
    if (status(1, 0, &op) != -XEN_EPERM)
        return CODE_FAIL + 2;
    op = (evtchn_op_t){ .cmd = EVTCHNOP_close, .u.close = { .dom = 0, .port = 1 } };
    if (HYPERVISOR_event_channel_op(&op) != -XEN_EPERM)
        return CODE_FAIL + 3;
    if (bind(0, DOMID_SELF, 0) != -XEN_EPERM)
        return CODE_FAIL + 4;
    if (bind(1, 0, 0) != -XEN_EPERM)
        return CODE_FAIL + 5;
    if (bind(DOMID_SELF, 0, 5) != -XEN_EPERM)
        return CODE_FAIL + 6;
    if (bind(DOMID_SELF, 0, 0) != -XEN_EPERM)
        return CODE_FAIL + 7;
    if (bind(DOMID_SELF, 0, 1) != -XEN_EINVAL)
        return CODE_FAIL + 8;
    if (status(DOMID_SELF, 1, &op) != 0 || op.u.status.status != EVTCHNSTAT_closed ||
        status(DOMID_SELF, 2, &op) != 0 || op.u.status.status != EVTCHNSTAT_closed)
        return CODE_FAIL + 9;
    return CODE_DONE;
}

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

void test_main(void)
{
    dom0_op_t d = { .cmd = DOM0_GETDOMAININFO, .interface_version = DOM0_INTERFACE_VERSION };
    unsigned int i, port, code;
    evtchn_op_t op;
    long rc;

    if (!guest_is_dom0()) {
        while (bind(DOMID_SELF, 0, 1) == -XEN_EPERM)
            HYPERVISOR_yield();
        guest_shutdown(domu_checks());
    }
    rc = evtchn_alloc_unbound(5, &port);
    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: event_channel_op answers -ENOSYS\n");
        return;
    }
    if (rc != 0 || port != 1) {
        xtf_error("Error: alloc_unbound(dom 5): rc %ld port %u, the domU expects 0, 1\n", rc,
                  rc ? 0 : port);
        return;
    }
    for (i = 0; i < 100000; i++) {
        d.u.getdomaininfo.domain = 1;
        rc = HYPERVISOR_dom0_op(&d);
        if (rc != 0 || (d.u.getdomaininfo.flags & (DOMFLAGS_SHUTDOWN | DOMFLAGS_CRASHED)))
            break;
        HYPERVISOR_yield();
    }
    code = (d.u.getdomaininfo.flags >> DOMFLAGS_SHUTDOWNSHIFT) & DOMFLAGS_SHUTDOWNMASK;
    if (rc != 0 || !(d.u.getdomaininfo.flags & DOMFLAGS_SHUTDOWN))
        xtf_failure("Fail: the domU did not shut down (rc %ld, flags %#x)\n", rc,
                    d.u.getdomaininfo.flags);
    else if (code == CODE_SKIP)
        xtf_failure("Fail: dom0 has event channels but the domU got -ENOSYS\n");
    else if (code >= CODE_FAIL && code < CODE_FAIL + ARRAY_SIZE(steps))
        xtf_failure("Fail: domU: %s\n", steps[code - CODE_FAIL]);
    else if (code != CODE_DONE)
        xtf_failure("Fail: the domU's shutdown code: expected %u got %u\n", CODE_DONE, code);

    check("status(P)", status(DOMID_SELF, port, &op), 0);
    check("status(P).status", op.u.status.status, EVTCHNSTAT_unbound);
    check("status(P).dom", op.u.status.u.unbound.dom, 5);
    check("status(port 2)", status(DOMID_SELF, 2, &op), 0);
    check("status(port 2).status", op.u.status.status, EVTCHNSTAT_closed);
    check("status(port 5)", status(DOMID_SELF, 5, &op), 0);
    check("status(port 5).status", op.u.status.status, EVTCHNSTAT_closed);
    check("close(P)", evtchn_close(port), 0);
    xtf_success(NULL);
}
