/* SPDX-License-Identifier: GPL-2.0-only */
/* The EVTCHNOP commands a guest uses, as plain functions (guest/events.h). */
#include <guest/events.h>
#include <guest/hypercall.h>

static long evtchn_op(evtchn_op_t *op, uint32_t cmd)
{
    op->cmd = cmd;
    return HYPERVISOR_event_channel_op(op);
}

long evtchn_bind_virq(unsigned int virq, unsigned int *port)
{
    evtchn_op_t op = {.u.bind_virq.virq = virq};
    long rc = evtchn_op(&op, EVTCHNOP_bind_virq);

    if (rc == 0)
        *port = op.u.bind_virq.port;
    return rc;
}

long evtchn_alloc_unbound(domid_t dom, unsigned int *port)
{
    evtchn_op_t op = {.u.alloc_unbound.dom = dom};
    long rc = evtchn_op(&op, EVTCHNOP_alloc_unbound);

    if (rc == 0)
        *port = op.u.alloc_unbound.port;
    return rc;
}

long evtchn_bind_interdomain(domid_t remote_dom, unsigned int remote_port,
                             unsigned int *local_port)
{
    evtchn_op_t op = {.u.bind_interdomain = {
        .dom1 = DOMID_SELF, .dom2 = remote_dom, .port1 = 0, .port2 = remote_port}};
    long rc = evtchn_op(&op, EVTCHNOP_bind_interdomain);

    if (rc == 0)
        *local_port = op.u.bind_interdomain.port1;
    return rc;
}

long evtchn_send(unsigned int port)
{
    evtchn_op_t op = {.u.send.local_port = port};

    return evtchn_op(&op, EVTCHNOP_send);
}

long evtchn_close(unsigned int port)
{
    evtchn_op_t op = {.u.close = {.dom = DOMID_SELF, .port = port}};

    return evtchn_op(&op, EVTCHNOP_close);
}
