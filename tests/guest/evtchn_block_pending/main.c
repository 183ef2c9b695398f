/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * evtchn_block_pending: SCHEDOP_block with a real event pending (ABI.md
 * §9, §7, §4). A loopback channel (bind_interdomain SELF, SELF) is sent
 * to with upcalls masked, so the hypervisor itself raises the port's
 * pending bit, its selector bit and upcall_pending. SCHEDOP_block must
 * clear upcall_mask, find the event pending and unmasked, and return 0 at
 * once; on the way out the upcall runs and the port's handler exactly once.
 * Done twice. A block that waited would never return (nothing else can
 * wake dom0), and the test would time out. Port 0 is masked so a
 * misdirected VIRQ cannot deliver on its own. SKIPs while
 * event_channel_op answers -ENOSYS.
 */
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>

static unsigned int handled;

static void handler(unsigned int port, struct cpu_regs *regs, void *arg)
{
    (void)port;
    (void)regs;
    (void)arg;
    handled++;
}

static void block_once(const char *what, unsigned int from, unsigned int to)
{
    volatile vcpu_info_t *v = &shared_info->vcpu_data[0];
    long rc;

    events_disable();
    handled = 0;
    rc = evtchn_send(from);
    if (rc != 0)
        xtf_failure("Fail: %s: send expected 0 got %ld\n", what, rc);
    if (!evtchn_is_pending(to) || v->evtchn_upcall_pending != 1 || handled != 0)
        xtf_failure("Fail: %s: before block expected pending 1 upcall_pending 1 handled 0 "
                    "got %d %u %u\n", what, evtchn_is_pending(to), v->evtchn_upcall_pending,
                    handled);
    rc = HYPERVISOR_block();
    barrier();
    if (rc != 0)
        xtf_failure("Fail: %s: block expected 0 got %ld\n", what, rc);
    if (handled != 1)
        xtf_failure("Fail: %s: expected the handler to run once got %u\n", what, handled);
    if (v->evtchn_upcall_mask != 0 || v->evtchn_upcall_pending != 0 || evtchn_is_pending(to))
        xtf_failure("Fail: %s: after block expected mask 0 upcall_pending 0 port pending 0 "
                    "got %u %u %d\n", what, v->evtchn_upcall_mask, v->evtchn_upcall_pending,
                    evtchn_is_pending(to));
}

void test_main(void)
{
    evtchn_op_t op = { .cmd = EVTCHNOP_bind_interdomain };
    unsigned int from, to;
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
    evtchn_set_handler(to, handler, NULL);

    block_once("first block", from, to);
    block_once("second block", from, to);

    events_disable();
    if (HYPERVISOR_yield() != 0)
        xtf_failure("Fail: yield after the blocks: expected 0\n");
    xtf_success(NULL);
}
