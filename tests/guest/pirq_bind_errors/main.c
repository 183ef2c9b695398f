/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pirq_bind_errors: EVTCHNOP_bind_pirq's rules (ABI.md §7 table, "PIRQs").
 * Dom0 (physdev): pirq 128 and 0xFFFFFFFF are -EINVAL; lines the
 * hypervisor keeps, 0 (its timer) and 2 (the 8259 cascade), are -EBUSY
 * and leave no port behind; binding line 5 gives a port that status shows
 * as pirq {5}; binding it again (with or without WILL_SHARE) answers 0
 * with the same port; lines 100 and 127 (no hardware) bind too; after
 * closing the port, 5 binds again on the lowest free port. The domU (not
 * physdev) gets -EINVAL for pirq 128 (the range comes first) and -EPERM
 * for pirq 5, leaving no port allocated (bug class: privilege checks on
 * physical resources), and reports through its shutdown code.
 * SKIPs while bind_pirq answers -ENOSYS (PHYSDEV_IRQS off).
 */
#include <guest/domctl.h>
#include "../pirq_common/pirq_helpers.h"

static void domu(void)
{
    unsigned int port = 0;
    uint32_t status, value;

    domu_expect(1, bind_pirq(128, 0, &port), -XEN_EINVAL);
    domu_expect(2, bind_pirq(5, BIND_PIRQ__WILL_SHARE, &port), -XEN_EPERM);
    domu_expect(3, port_status(1, &status, &value), 0);
    domu_expect(4, status, EVTCHNSTAT_closed);
    guest_shutdown(DOMU_OK);
}

static void expect_port(const char *what, unsigned int port, uint32_t want_status,
                        uint32_t want_pirq)
{
    uint32_t status = 0xFFFF, value = 0xFFFF;
    long rc = port_status(port, &status, &value);

    if (rc != 0 || status != want_status ||
        (want_status == EVTCHNSTAT_pirq && value != want_pirq))
        xtf_failure("Fail: %s: status(port %u): expected 0, status %u pirq %u "
                    "got %ld, status %u pirq %u\n", what, port, want_status, want_pirq, rc,
                    status, value);
}

void test_main(void)
{
    dom0_getdomaininfo_t info;
    unsigned int p, again = 0, p100 = 0, p127 = 0, p2 = 0;
    long rc;

    if (!guest_is_dom0())
        domu();
    rc = bind_pirq(5, 0, &p);
    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: bind_pirq answers -ENOSYS\n");
        dom0_wait_stopped(1, DOM0_WAIT_YIELDS, &info);
        return;
    }
    check("bind_pirq(5)", rc, 0);
    if (rc != 0)
        return;
    expect_port("after bind_pirq(5)", p, EVTCHNSTAT_pirq, 5);
    check("bind_pirq(5) again", bind_pirq(5, 0, &again), 0);
    check("bind_pirq(5) again: port", again, p);
    check("bind_pirq(5, WILL_SHARE) again", bind_pirq(5, BIND_PIRQ__WILL_SHARE, &again), 0);
    check("bind_pirq(5, WILL_SHARE) again: port", again, p);

    check("bind_pirq(128)", bind_pirq(128, 0, &again), -XEN_EINVAL);
    check("bind_pirq(0xFFFFFFFF)", bind_pirq(0xFFFFFFFFu, 0, &again), -XEN_EINVAL);
    check("bind_pirq(0) (the hypervisor's timer)", bind_pirq(0, BIND_PIRQ__WILL_SHARE, &again),
          -XEN_EBUSY);
    check("bind_pirq(2) (the cascade)", bind_pirq(2, BIND_PIRQ__WILL_SHARE, &again), -XEN_EBUSY);
    expect_port("after the refused binds", p + 1, EVTCHNSTAT_closed, 0);

    check("bind_pirq(100)", bind_pirq(100, 0, &p100), 0);
    check("bind_pirq(100): port", p100, p + 1);
    expect_port("after bind_pirq(100)", p100, EVTCHNSTAT_pirq, 100);
    check("bind_pirq(127)", bind_pirq(127, BIND_PIRQ__WILL_SHARE, &p127), 0);
    expect_port("after bind_pirq(127)", p127, EVTCHNSTAT_pirq, 127);

    check("close(pirq 5's port)", evtchn_close(p), 0);
    expect_port("after close", p, EVTCHNSTAT_closed, 0);
    check("bind_pirq(5) after close", bind_pirq(5, 0, &p2), 0);
    check("bind_pirq(5) after close: port", p2, p);
    expect_port("after the re-bind", p2, EVTCHNSTAT_pirq, 5);

    check("close(pirq 5)", evtchn_close(p2), 0);
    check("close(pirq 100)", evtchn_close(p100), 0);
    check("close(pirq 127)", evtchn_close(p127), 0);
    dom0_expect_domu_ok(1, &info);
    xtf_success(NULL);
}
