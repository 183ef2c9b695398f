/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * evtchn_virq_bind: EVTCHNOP_bind_virq and EVTCHNOP_status on VIRQ ports
 * (ABI.md §7). bind_virq(VIRQ_DOM_EXC) gives a port >= 1 (port 0 is
 * VIRQ_MISDIRECT's); binding it again returns the same port; VIRQ 7 and
 * 0xFFFFFFFF (>= NR_VIRQS) are -EINVAL; VIRQ_MISDIRECT always gives port 0.
 * status says virq 4 {4} for the bound port and virq 4 {MISDIRECT} for
 * port 0; the output copy-back fills the whole op. SKIPs while
 * event_channel_op answers -ENOSYS.
 */
#include <guest/console.h>
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/test.h>

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long bind_virq(uint32_t virq, uint32_t *port)
{
    evtchn_op_t op = { .cmd = EVTCHNOP_bind_virq };
    long rc;

    op.u.bind_virq.virq = virq;
    op.u.bind_virq.port = 0xDEADBEEF;
    rc = HYPERVISOR_event_channel_op(&op);
    *port = op.u.bind_virq.port;
    return rc;
}

static void check_status(unsigned int port, uint32_t want_virq)
{
    evtchn_op_t op = { .cmd = EVTCHNOP_status };
    char what[48];
    long rc;

    op.u.status.dom = DOMID_SELF;
    op.u.status.port = port;
    op.u.status.status = 0xDEADBEEF;
    op.u.status.u.virq = 0xDEADBEEF;
    rc = HYPERVISOR_event_channel_op(&op);
    snprintf(what, sizeof(what), "status(port %u)", port);
    check(what, rc, 0);
    if (rc == 0) {
        snprintf(what, sizeof(what), "status(port %u).status", port);
        check(what, op.u.status.status, EVTCHNSTAT_virq);
        snprintf(what, sizeof(what), "status(port %u).virq", port);
        check(what, op.u.status.u.virq, want_virq);
    }
}

void test_main(void)
{
    uint32_t port, again, p;
    long rc = bind_virq(VIRQ_DOM_EXC, &port);

    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: event_channel_op answers -ENOSYS\n");
        return;
    }
    check("bind_virq(DOM_EXC)", rc, 0);
    if (rc != 0)
        return;
    if (port < 1 || port >= NR_EVENT_CHANNELS)
        xtf_failure("Fail: bind_virq(DOM_EXC): expected a port in 1..1023 got %u\n", port);

    rc = bind_virq(VIRQ_DOM_EXC, &again);
    check("bind_virq(DOM_EXC) again", rc, 0);
    if (rc == 0)
        check("bind_virq(DOM_EXC) again: port", again, port);

    check("bind_virq(7)", bind_virq(NR_VIRQS, &p), -XEN_EINVAL);
    check("bind_virq(0xFFFFFFFF)", bind_virq(0xFFFFFFFFu, &p), -XEN_EINVAL);

    rc = bind_virq(VIRQ_MISDIRECT, &p);
    check("bind_virq(MISDIRECT)", rc, 0);
    if (rc == 0)
        check("bind_virq(MISDIRECT): port", p, 0);

    check_status(port, VIRQ_DOM_EXC);
    check_status(0, VIRQ_MISDIRECT);

    /* Still alive, and the binding unchanged by the refused calls. */
    rc = bind_virq(VIRQ_DOM_EXC, &again);
    check("bind_virq(DOM_EXC) at the end", rc, 0);
    if (rc == 0)
        check("bind_virq(DOM_EXC) at the end: port", again, port);
    xtf_success(NULL);
}
