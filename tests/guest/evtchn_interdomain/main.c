/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * evtchn_interdomain: a channel between dom0 and a domU (ABI.md §7).
 * Dom0 alloc_unbound(dom 1) gets port P, unbound {dom 1}; send on it is
 * -EINVAL. Assumption: P is dom0's first free port, 1 (dom0 binds nothing
 * before), so the domU binds bind_interdomain(SELF, 0, 0, 1); it retries
 * (yielding) while that is -EPERM (port 1 still free: ABI.md §7, an
 * unprivileged caller cannot bind a free port) or -EINVAL, in case it
 * runs before dom0 allocated; dom0 reports if that never ends. Dom0 keeps
 * the domU paused (PAUSEDOMAIN) from before the alloc until its checks
 * before the bind are done, as the domU may run beside it on another CPU.
 * The domU checks its port is interdomain {0, 1}, then they ping-pong
 * ROUNDS times: each side sends and waits for the other's event, counted
 * by the runtime. The domU closes its end and shuts down with a code
 * (DONE, SKIP, or a failed step); dom0 then sees its P turned UNBOUND
 * {dom 1} and (privileged status) the domU's port closed.
 */
#include <guest/domctl.h>
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define ROUNDS      3
#define WAIT        100000
#define CODE_DONE   10
#define CODE_SKIP   11
#define CODE_FAIL   20      /* + the step that failed */

static const char *const steps[] = {
    "bind_interdomain(SELF, 0, 0, 1) did not return 0", "status of its port is wrong",
    "send did not return 0", "timed out waiting for dom0's event", "close did not return 0",
    "received more events than dom0 sent", "shared_info not mapped",
};

static long status(domid_t dom, unsigned int port, evtchn_op_t *op)
{
    *op = (evtchn_op_t){ .cmd = EVTCHNOP_status };
    op->u.status.dom = dom;
    op->u.status.port = port;
    return HYPERVISOR_event_channel_op(op);
}

/* Yields until port has been delivered `count` times; false on timeout. */
static bool wait_fired(unsigned int port, unsigned int count)
{
    unsigned int i;

    for (i = 0; i < WAIT && evtchn_fired[port] < count; i++)
        HYPERVISOR_yield();
    return evtchn_fired[port] >= count;
}

static void domu_main(void)
{
    unsigned int i, local = 0, step = 0;
    evtchn_op_t op;
    long rc = -XEN_EINVAL;

    while (rc == -XEN_EINVAL || rc == -XEN_EPERM) {
        rc = evtchn_bind_interdomain(0, 1, &local);
        if (rc == -XEN_EINVAL || rc == -XEN_EPERM)
            HYPERVISOR_yield();
    }
    if (rc == -XEN_ENOSYS)
        guest_shutdown(CODE_SKIP);
    if (!events_available())
        guest_shutdown(CODE_FAIL + 6);
    if (rc != 0 || local == 0 || local >= NR_EVENT_CHANNELS)
        guest_shutdown(CODE_FAIL + 0);
    if (status(DOMID_SELF, local, &op) != 0 || op.u.status.status != EVTCHNSTAT_interdomain ||
        op.u.status.u.interdomain.dom != 0 || op.u.status.u.interdomain.port != 1)
        guest_shutdown(CODE_FAIL + 1);
    events_enable();
    for (i = 1; i <= ROUNDS && !step; i++) {
        if (evtchn_send(local) != 0)
            step = 2;
        else if (!wait_fired(local, i))
            step = 3;
    }
    if (!step && evtchn_fired[local] != ROUNDS)
        step = 5;
    if (!step && evtchn_close(local) != 0)
        step = 4;
    guest_shutdown(step ? CODE_FAIL + step : CODE_DONE);
}

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

void test_main(void)
{
    dom0_op_t d = { .cmd = DOM0_GETDOMAININFO, .interface_version = DOM0_INTERFACE_VERSION };
    dom0_op_t ctl;
    unsigned int i, port, remote = 0, code;
    evtchn_op_t op;
    long rc;

    if (!guest_is_dom0())
        domu_main();
    check("PAUSEDOMAIN(1)", dom0_op_simple(&ctl, DOM0_PAUSEDOMAIN, 1), 0);
    rc = evtchn_alloc_unbound(1, &port);
    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: event_channel_op answers -ENOSYS\n");
        return;
    }
    check("alloc_unbound(dom 1)", rc, 0);
    if (rc != 0 || port != 1) {
        xtf_error("Error: dom0's first port is %u (rc %ld), the domU expects 1\n", port, rc);
        return;
    }
    check("status(P) before the bind", status(DOMID_SELF, port, &op), 0);
    check("status(P).status before the bind", op.u.status.status, EVTCHNSTAT_unbound);
    check("status(P).dom before the bind", op.u.status.u.unbound.dom, 1);
    check("send(P) while unbound", evtchn_send(port), -XEN_EINVAL);
    events_enable();
    check("UNPAUSEDOMAIN(1)", dom0_op_simple(&ctl, DOM0_UNPAUSEDOMAIN, 1), 0);

    for (i = 1; i <= ROUNDS; i++) {
        if (!wait_fired(port, i)) {
            xtf_failure("Fail: timed out waiting for the domU's event %u\n", i);
            break;
        }
        if (i == 1) {
            check("status(P) once bound", status(DOMID_SELF, port, &op), 0);
            check("status(P).status once bound", op.u.status.status, EVTCHNSTAT_interdomain);
            check("status(P).dom once bound", op.u.status.u.interdomain.dom, 1);
            remote = op.u.status.u.interdomain.port;
            check("status(dom 1, its port)", status(1, remote, &op), 0);
            check("status(dom 1, its port).status", op.u.status.status,
                  EVTCHNSTAT_interdomain);
            check("status(dom 1, its port).port", op.u.status.u.interdomain.port, port);
        }
        check("send(P)", evtchn_send(port), 0);
    }

    for (i = 0; i < WAIT; i++) {
        d.u.getdomaininfo.domain = 1;
        if (HYPERVISOR_dom0_op(&d) != 0 ||
            (d.u.getdomaininfo.flags & (DOMFLAGS_SHUTDOWN | DOMFLAGS_CRASHED)))
            break;
        HYPERVISOR_yield();
    }
    code = (d.u.getdomaininfo.flags >> DOMFLAGS_SHUTDOWNSHIFT) & DOMFLAGS_SHUTDOWNMASK;
    if (!(d.u.getdomaininfo.flags & DOMFLAGS_SHUTDOWN))
        xtf_failure("Fail: the domU did not shut down (timed out, flags %#x)\n",
                    d.u.getdomaininfo.flags);
    else if (code == CODE_SKIP)
        xtf_failure("Fail: dom0 has event channels but the domU's bind was -ENOSYS\n");
    else if (code >= CODE_FAIL && code < CODE_FAIL + ARRAY_SIZE(steps))
        xtf_failure("Fail: domU: %s\n", steps[code - CODE_FAIL]);
    else if (code != CODE_DONE)
        xtf_failure("Fail: the domU's shutdown code: expected %u got %u\n", CODE_DONE, code);
    check("events dom0 received", evtchn_fired[port], ROUNDS);

    check("status(P) after the domU closed", status(DOMID_SELF, port, &op), 0);
    check("status(P).status after the domU closed", op.u.status.status, EVTCHNSTAT_unbound);
    check("status(P).dom after the domU closed", op.u.status.u.unbound.dom, 1);
    if (remote) {
        check("status(dom 1, its closed port)", status(1, remote, &op), 0);
        check("status(dom 1, its closed port).status", op.u.status.status, EVTCHNSTAT_closed);
    }
    check("close(P)", evtchn_close(port), 0);
    xtf_success(NULL);
}
