/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * smp_remote_wake: an event sent from one CPU wakes a domain blocked on the
 * other (ABI.md §7 delivery step 4, §9 block). Dom0 (CPU 0) allocates its
 * first port, 1, for domain 1; the domU (CPU 1) binds to it, retrying
 * while that is -EPERM or -EINVAL (dom0 may not have allocated yet: the two
 * run at the same time). Then ROUNDS times: dom0 waits (spinning, without
 * yielding) until GETDOMAININFO shows the domU BLOCKED on CPU 1, sends, and
 * blocks itself until the reply; the domU, woken by dom0's event, replies
 * (which wakes dom0 from CPU 1) and blocks again. Every round must
 * complete within WAIT_NS, the domU must be seen BLOCKED at least once,
 * and the domU shuts down with DOMU_OK after the last reply.
 */
#include "../smp_common/smp.h"

#define ROUNDS      20
#define WAIT_NS     (5 * NSEC_PER_SEC)
/* The domU waits longer, so a dom0 that gives up still sees it blocked or not. */
#define DOMU_WAIT_NS    (WAIT_NS + WAIT_NS / 2)

enum domu_step { STEP_BIND, STEP_NOTIME, STEP_WAKE, STEP_SEND };

static void domu_main(void)
{
    uint64_t end;
    unsigned int i, local = 0;
    long rc;

    if (!events_available() || !time_available())
        guest_shutdown(DOMU_FAIL(STEP_NOTIME));
    end = time_now() + DOMU_WAIT_NS;
    do {
        rc = evtchn_bind_interdomain(0, 1, &local);
    } while ((rc == -XEN_EPERM || rc == -XEN_EINVAL) && time_now() < end);
    domu_expect(STEP_BIND, rc, 0);
    for (i = 1; i <= ROUNDS; i++) {
        if (!time_wait_event(local, i - 1, time_now() + DOMU_WAIT_NS))
            guest_shutdown(DOMU_FAIL(STEP_WAKE));
        domu_expect(STEP_SEND, evtchn_send(local), 0);
    }
    guest_shutdown(DOMU_OK);
}

/* Dom0's end of the channel is bound by the domU: spin until it is. */
static bool wait_bound(unsigned int port)
{
    uint64_t end = time_now() + WAIT_NS;
    evtchn_op_t op;

    do {
        op = (evtchn_op_t){ .cmd = EVTCHNOP_status };
        op.u.status.dom = DOMID_SELF;
        op.u.status.port = port;
        if (HYPERVISOR_event_channel_op(&op) == 0 &&
            op.u.status.status == EVTCHNSTAT_interdomain)
            return true;
    } while (time_now() < end);
    xtf_failure("Fail: the domU did not bind to port %u (status %u)\n", port,
                op.u.status.status);
    return false;
}

static void run_rounds(unsigned int port)
{
    unsigned int i, blocked = 0;
    struct dom_state s;

    for (i = 1; i <= ROUNDS; i++) {
        /* After one miss, stop waiting: a broken run must end within the harness's limit. */
        s = dom_state(1);
        if (blocked + 1 >= i && smp_spin_for_flags(1, DOMFLAGS_BLOCKED, DOMFLAGS_BLOCKED, &s))
            blocked++;
        if (s.present && s.cpu != 1)
            xtf_failure("Fail: round %u: the domU is on CPU %u, expected 1\n", i, s.cpu);
        if (evtchn_send(port) != 0) {
            xtf_failure("Fail: round %u: send(%u) failed\n", i, port);
            return;
        }
        if (!time_wait_event(port, i - 1, time_now() + WAIT_NS)) {
            s = dom_state(1);
            xtf_failure("Fail: round %u: no reply from the domU within %llu ns (its flags "
                        "%#x: %s)\n", i, (unsigned long long)WAIT_NS, s.flags,
                        (s.flags & DOMFLAGS_BLOCKED) ? "still BLOCKED, the event did not "
                        "wake it" : "not blocked");
            return;
        }
    }
    if (blocked == 0)
        xtf_failure("Fail: the domU was never seen BLOCKED between rounds\n");
    if (evtchn_fired[port] != ROUNDS)
        xtf_failure("Fail: dom0 received %u events, expected %u\n", evtchn_fired[port],
                    ROUNDS);
}

void test_main(void)
{
    dom0_getdomaininfo_t info;
    unsigned int port, timer_port;
    long rc;

    if (!guest_is_dom0())
        domu_main();
    if (!smp_dom0_ready())
        return;
    rc = evtchn_alloc_unbound(1, &port);
    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: event_channel_op answers -ENOSYS\n");
        return;
    }
    if (rc != 0 || port != 1) {
        xtf_error("Error: alloc_unbound(1): port %u rc %ld, the domU expects port 1\n", port,
                  rc);
        return;
    }
    rc = evtchn_bind_virq(VIRQ_TIMER, &timer_port);
    if (rc != 0) {
        xtf_error("Error: bind_virq(TIMER): expected 0 got %ld\n", rc);
        return;
    }
    events_disable();
    if (wait_bound(port))
        run_rounds(port);
    dom0_expect_domu_ok(1, &info);
    xtf_success(NULL);
}
