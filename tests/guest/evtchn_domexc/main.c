/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * evtchn_domexc: VIRQ_DOM_EXC tells dom0 that a domain shut down (ABI.md
 * §7 VIRQs, §9 shutdown). Dom0 binds VIRQ_DOM_EXC with upcalls masked and
 * port 0 masked (so a misdirected VIRQ cannot interfere), then offers
 * the domU its next port, 2 (alloc_unbound). The domU, which may run
 * early or beside dom0 on another CPU, retries binding to that port while
 * it is -EINVAL or -EPERM (not offered yet), so dom0 has bound first, and
 * shuts down with code 0 (code 1 if the bind failed otherwise). Binding
 * sends no event. Once dom0 sees it SHUTDOWN, the
 * port's pending bit, its selector bit and upcall_pending are set (nothing
 * else sends this VIRQ here); enabling events then runs the port's handler
 * exactly once. SKIPs while event_channel_op answers -ENOSYS.
 */
#include <guest/domctl.h>
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define WAIT        100000
#define OFFER_PORT  2

static unsigned int handled;

static void handler(unsigned int port, struct cpu_regs *regs, void *arg)
{
    (void)port;
    (void)regs;
    (void)arg;
    handled++;
}

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

void test_main(void)
{
    dom0_op_t d = { .cmd = DOM0_GETDOMAININFO, .interface_version = DOM0_INTERFACE_VERSION };
    volatile vcpu_info_t *v;
    unsigned int i, port;
    long rc;

    if (!guest_is_dom0()) {
        while ((rc = evtchn_bind_interdomain(0, OFFER_PORT, &i)) == -XEN_EINVAL ||
               rc == -XEN_EPERM)
            HYPERVISOR_yield();
        guest_shutdown(rc == 0 ? SHUTDOWN_poweroff : SHUTDOWN_reboot);
    }
    rc = evtchn_bind_virq(VIRQ_DOM_EXC, &port);
    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: event_channel_op answers -ENOSYS\n");
        return;
    }
    if (rc != 0 || port == 0 || port >= NR_EVENT_CHANNELS || !events_available()) {
        xtf_failure("Fail: bind_virq(DOM_EXC): expected 0 and a port >= 1 got %ld, %u\n", rc,
                    rc ? 0 : port);
        return;
    }
    v = &shared_info->vcpu_data[0];
    events_disable();
    evtchn_mask(0);
    evtchn_set_handler(port, handler, NULL);
    check("DOM_EXC pending before the domU stopped", evtchn_is_pending(port), 0);
    if (!dom0_offer_port(1, OFFER_PORT))
        return;

    for (i = 0; i < WAIT; i++) {
        d.u.getdomaininfo.domain = 1;
        rc = HYPERVISOR_dom0_op(&d);
        if (rc != 0 || (d.u.getdomaininfo.flags & (DOMFLAGS_SHUTDOWN | DOMFLAGS_CRASHED)))
            break;
        HYPERVISOR_yield();
    }
    if (rc != 0 || !(d.u.getdomaininfo.flags & DOMFLAGS_SHUTDOWN)) {
        xtf_failure("Fail: the domU did not shut down (rc %ld, flags %#x)\n", rc,
                    d.u.getdomaininfo.flags);
        return;
    }
    if (domflags_shutdown_code(d.u.getdomaininfo.flags) != SHUTDOWN_poweroff)
        xtf_failure("Fail: the domU's bind to dom0's port %u failed (flags %#x)\n",
                    OFFER_PORT, d.u.getdomaininfo.flags);
    check("DOM_EXC port pending", evtchn_is_pending(port), 1);
    check("selector bit", (shared_info->evtchn_pending_sel >> (port / 32)) & 1, 1);
    check("upcall_pending", v->evtchn_upcall_pending, 1);
    check("handler runs while events are masked", handled, 0);

    events_enable();
    HYPERVISOR_xen_version(XENVER_version);
    check("handler runs once events are enabled", handled, 1);
    check("DOM_EXC port pending after the upcall", evtchn_is_pending(port), 0);

    /* Nothing more arrives, and event_channel_op still answers. */
    for (i = 0; i < 100; i++)
        HYPERVISOR_yield();
    check("handler runs after more yields", handled, 1);
    check("bind_virq(DOM_EXC) again", evtchn_bind_virq(VIRQ_DOM_EXC, &i), 0);
    check("bind_virq(DOM_EXC) again: port", i, port);
    xtf_success(NULL);
}
