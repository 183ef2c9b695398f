/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * evtchn_domexc: VIRQ_DOM_EXC tells dom0 that a domain shut down (ABI.md
 * §7 VIRQs, §9 shutdown). Dom0 binds VIRQ_DOM_EXC with upcalls masked and
 * port 0 masked (so a misdirected VIRQ cannot interfere); the domU yields
 * a while (so dom0 has bound first even on a scheduler that runs it
 * early) and shuts down with code 0. Once dom0 sees it SHUTDOWN, the
 * port's pending bit, its selector bit and upcall_pending are set (nothing
 * else sends this VIRQ here); enabling events then runs the port's handler
 * exactly once. SKIPs while event_channel_op answers -ENOSYS.
 */
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define WAIT    100000

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
        for (i = 0; i < 100; i++)
            HYPERVISOR_yield();
        guest_shutdown(SHUTDOWN_poweroff);
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
