/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * evtchn_unbound_status: the life of an unbound port (ABI.md §7).
 * alloc_unbound(dom 0) gives a port >= 1 whose status is unbound {dom 0};
 * close gives 0 and the status becomes closed; closing it again, and
 * closing port 0 (VIRQ_MISDIRECT's, never closable), give -EINVAL; an
 * unknown cmd (99) is -ENOSYS; an op pointer into the hypervisor's area
 * (0xFC000000) is -EFAULT (guest-pointer validation). The hypervisor
 * answers again afterwards. SKIPs while event_channel_op answers -ENOSYS.
 */
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/test.h>

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long status(unsigned int port, evtchn_op_t *op)
{
    *op = (evtchn_op_t){ .cmd = EVTCHNOP_status };
    op->u.status.dom = DOMID_SELF;
    op->u.status.port = port;
    op->u.status.status = 0xDEADBEEF;
    op->u.status.u.interdomain.dom = 0xBEEF;
    return HYPERVISOR_event_channel_op(op);
}

static long close_port(unsigned int port)
{
    evtchn_op_t op = { .cmd = EVTCHNOP_close };

    op.u.close.dom = DOMID_SELF;
    op.u.close.port = port;
    return HYPERVISOR_event_channel_op(&op);
}

void test_main(void)
{
    evtchn_op_t op = { .cmd = EVTCHNOP_alloc_unbound };
    unsigned int port;
    long rc;

    op.u.alloc_unbound.dom = 0;
    op.u.alloc_unbound.port = 0xDEADBEEF;
    rc = HYPERVISOR_event_channel_op(&op);
    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: event_channel_op answers -ENOSYS\n");
        return;
    }
    check("alloc_unbound(dom 0)", rc, 0);
    if (rc != 0)
        return;
    port = op.u.alloc_unbound.port;
    if (port < 1 || port >= NR_EVENT_CHANNELS) {
        xtf_failure("Fail: alloc_unbound: expected a port in 1..1023 got %u\n", port);
        return;
    }

    rc = status(port, &op);
    check("status(unbound port)", rc, 0);
    if (rc == 0) {
        check("status(unbound port).status", op.u.status.status, EVTCHNSTAT_unbound);
        check("status(unbound port).dom", op.u.status.u.unbound.dom, 0);
    }

    check("close(unbound port)", close_port(port), 0);
    rc = status(port, &op);
    check("status(closed port)", rc, 0);
    if (rc == 0)
        check("status(closed port).status", op.u.status.status, EVTCHNSTAT_closed);
    check("close(closed port) again", close_port(port), -XEN_EINVAL);
    check("close(port 0)", close_port(0), -XEN_EINVAL);

    rc = status(0, &op);
    check("status(port 0) after close(0)", rc, 0);
    if (rc == 0)
        check("status(port 0).status", op.u.status.status, EVTCHNSTAT_virq);

    op = (evtchn_op_t){ .cmd = 99 };
    check("event_channel_op(cmd 99)", HYPERVISOR_event_channel_op(&op), -XEN_ENOSYS);
    check("event_channel_op(op at 0xFC000000)",
          hypercall1(__HYPERVISOR_event_channel_op, 0xFC000000UL), -XEN_EFAULT);

    /* Alive: a fresh port can be allocated and closed. */
    op = (evtchn_op_t){ .cmd = EVTCHNOP_alloc_unbound };
    op.u.alloc_unbound.dom = 0;
    rc = HYPERVISOR_event_channel_op(&op);
    check("alloc_unbound after the errors", rc, 0);
    if (rc == 0)
        check("close of the fresh port", close_port(op.u.alloc_unbound.port), 0);
    xtf_success(NULL);
}
