/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * evtchn_loopback: a channel from dom0 to itself (ABI.md §7, §4).
 * bind_interdomain(SELF, SELF, 0, 0) allocates two distinct ports >= 1,
 * each interdomain {dom 0, the other}. With upcalls masked, send on one
 * sets exactly the other's pending bit, its selector bit and
 * upcall_pending (delivery steps 1-4); enabling events runs the runtime's
 * handler for that port exactly once. The reverse direction works too.
 * send on an unbound port, a VIRQ port, port 0, a port beyond the table
 * and port 1024 is -EINVAL. Port 0 is masked throughout, so a misdirected
 * VIRQ (e.g. a timer) cannot disturb the selector or upcall_pending.
 * SKIPs while event_channel_op answers -ENOSYS.
 */
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static unsigned int handled[2];

static void handler(unsigned int port, struct cpu_regs *regs, void *arg)
{
    (void)port;
    (void)regs;
    handled[(uintptr_t)arg]++;
}

static void check_peer(unsigned int port, unsigned int peer)
{
    evtchn_op_t op = { .cmd = EVTCHNOP_status };
    long rc;

    op.u.status.dom = DOMID_SELF;
    op.u.status.port = port;
    rc = HYPERVISOR_event_channel_op(&op);
    check("status(loopback port)", rc, 0);
    check("status(loopback port).status", op.u.status.status, EVTCHNSTAT_interdomain);
    check("status(loopback port).dom", op.u.status.u.interdomain.dom, 0);
    check("status(loopback port).port", op.u.status.u.interdomain.port, peer);
}

/* Send on `from` with upcalls masked; `to` (handler index idx) must get it once. */
static void send_one(unsigned int from, unsigned int to, unsigned int idx)
{
    volatile vcpu_info_t *v = &shared_info->vcpu_data[0];

    events_disable();
    evtchn_clear(from);
    evtchn_clear(to);
    shared_info->evtchn_pending_sel = 0;
    v->evtchn_upcall_pending = 0;
    handled[0] = handled[1] = 0;
    check("send(loopback port)", evtchn_send(from), 0);
    check("pending bit of the peer", evtchn_is_pending(to), 1);
    check("pending bit of the sender", evtchn_is_pending(from), 0);
    check("selector bit", (shared_info->evtchn_pending_sel >> (to / 32)) & 1, 1);
    check("upcall_pending", v->evtchn_upcall_pending, 1);
    check("handler runs before events are enabled", handled[0] + handled[1], 0);
    events_enable();
    HYPERVISOR_xen_version(XENVER_version);
    check("handler runs for the peer", handled[idx], 1);
    check("handler runs for the sender", handled[!idx], 0);
    check("pending bit of the peer after the upcall", evtchn_is_pending(to), 0);
}

void test_main(void)
{
    evtchn_op_t op = { .cmd = EVTCHNOP_bind_interdomain };
    unsigned int p1, p2, unbound, virq;
    long rc;

    op.u.bind_interdomain.dom1 = DOMID_SELF;
    op.u.bind_interdomain.dom2 = DOMID_SELF;
    rc = HYPERVISOR_event_channel_op(&op);
    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: event_channel_op answers -ENOSYS\n");
        return;
    }
    check("bind_interdomain(SELF, SELF, 0, 0)", rc, 0);
    if (rc != 0 || !events_available()) {
        xtf_error("Error: no loopback channel (rc %ld) or no shared_info\n", rc);
        return;
    }
    p1 = op.u.bind_interdomain.port1;
    p2 = op.u.bind_interdomain.port2;
    if (p1 < 1 || p2 < 1 || p1 == p2 || p1 >= 16 || p2 >= 16) {
        xtf_failure("Fail: loopback ports %u and %u, expected two distinct in 1..15\n", p1, p2);
        return;
    }
    check_peer(p1, p2);
    check_peer(p2, p1);

    evtchn_mask(0);
    evtchn_set_handler(p1, handler, (void *)0);
    evtchn_set_handler(p2, handler, (void *)1);
    send_one(p1, p2, 1);
    send_one(p2, p1, 0);

    check("alloc_unbound(dom 0)", evtchn_alloc_unbound(0, &unbound), 0);
    check("bind_virq(DOM_EXC)", evtchn_bind_virq(VIRQ_DOM_EXC, &virq), 0);
    check("send(unbound port)", evtchn_send(unbound), -XEN_EINVAL);
    check("send(VIRQ port)", evtchn_send(virq), -XEN_EINVAL);
    check("send(port 0)", evtchn_send(0), -XEN_EINVAL);
    check("send(port 500, beyond the table)", evtchn_send(500), -XEN_EINVAL);
    check("send(port 1024)", evtchn_send(NR_EVENT_CHANNELS), -XEN_EINVAL);
    check("send(port 0xFFFFFFFF)", evtchn_send(0xFFFFFFFFu), -XEN_EINVAL);

    /* Still alive, and the channel still works. */
    send_one(p1, p2, 1);
    xtf_success(NULL);
}
