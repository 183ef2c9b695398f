/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * evtchn_masked_edge: a masked port loses its edge (ABI.md §7 delivery
 * steps 1-2, §4). On a loopback channel (bind_interdomain SELF, SELF) with
 * events enabled, the receiving port is masked and sent to twice: both
 * sends return 0, its pending bit is set, but no upcall runs and neither
 * its selector bit nor upcall_pending is raised. Clearing the mask bit by
 * hand (not with the runtime's evtchn_unmask(), which re-raises the edge)
 * brings no upcall by itself, even across a hypercall; the pending bit is
 * still there for the guest to see, and the runtime's unmask then delivers
 * it exactly once. Port 0 is masked so a misdirected VIRQ cannot raise the
 * selector. SKIPs while event_channel_op answers -ENOSYS.
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

static void check_quiet(const char *when, unsigned int port, unsigned int upcalls)
{
    volatile vcpu_info_t *v = &shared_info->vcpu_data[0];

    if (event_upcall_count != upcalls || evtchn_fired[port] != 0)
        xtf_failure("Fail: %s: expected no upcall got %u (port delivered %u times)\n", when,
                    event_upcall_count - upcalls, evtchn_fired[port]);
    if (!evtchn_is_pending(port))
        xtf_failure("Fail: %s: expected the pending bit set got clear\n", when);
    if ((shared_info->evtchn_pending_sel >> (port / 32)) & 1)
        xtf_failure("Fail: %s: expected the selector bit clear got set\n", when);
    if (v->evtchn_upcall_pending)
        xtf_failure("Fail: %s: expected upcall_pending 0 got %u\n", when,
                    v->evtchn_upcall_pending);
}

void test_main(void)
{
    evtchn_op_t op = { .cmd = EVTCHNOP_bind_interdomain };
    unsigned int from, to, upcalls;
    long rc;

    op.u.bind_interdomain.dom1 = DOMID_SELF;
    op.u.bind_interdomain.dom2 = DOMID_SELF;
    rc = HYPERVISOR_event_channel_op(&op);
    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: event_channel_op answers -ENOSYS\n");
        return;
    }
    if (rc != 0 || !events_available()) {
        xtf_failure("Fail: bind_interdomain(SELF, SELF, 0, 0): expected 0 got %ld\n", rc);
        return;
    }
    from = op.u.bind_interdomain.port1;
    to = op.u.bind_interdomain.port2;
    if (to >= NR_EVENT_CHANNELS || from >= NR_EVENT_CHANNELS || to == from) {
        xtf_failure("Fail: loopback ports %u and %u\n", from, to);
        return;
    }

    evtchn_mask(0);
    evtchn_mask(to);
    evtchn_clear(to);
    shared_info->evtchn_pending_sel = 0;
    shared_info->vcpu_data[0].evtchn_upcall_pending = 0;
    events_enable();
    upcalls = event_upcall_count;

    check("first send to the masked port", evtchn_send(from), 0);
    check("second send to the masked port", evtchn_send(from), 0);
    check_quiet("after two sends to a masked port", to, upcalls);

    /* Unmask by hand: the hypervisor must not re-deliver the lost edge. */
    __asm__ __volatile__("lock btrl %1, %0"
                         : "+m"(shared_info->evtchn_mask[to / 32]) : "Ir"(to % 32) : "memory");
    check("xen_version after the unmask", HYPERVISOR_xen_version(XENVER_version),
          XEN_VERSION_2_0);
    HYPERVISOR_yield();
    check_quiet("after unmasking by hand", to, upcalls);

    /* The guest finds it when it looks: the runtime's unmask delivers it once. */
    evtchn_unmask(to);
    HYPERVISOR_xen_version(XENVER_version);
    check("deliveries after the runtime's unmask", evtchn_fired[to], 1);
    check("pending bit after delivery", evtchn_is_pending(to), 0);

    /* The port works normally once unmasked. */
    check("send to the unmasked port", evtchn_send(from), 0);
    HYPERVISOR_xen_version(XENVER_version);
    check("deliveries after a send to the unmasked port", evtchn_fired[to], 2);
    xtf_success(NULL);
}
