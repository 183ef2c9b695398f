/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sched_block_pending: SCHEDOP_block clears upcall_mask, and does not
 * block when an event is already pending and unmasked (ABI.md §9, §4, §6
 * event callback). No event source is needed: the test sets
 * vcpu_data[0].evtchn_upcall_pending itself, with the mask at 1 (as at
 * start of day). Block must clear the mask, find the upcall pending and
 * unmasked, and return 0 at once; on the way out the event callback runs
 * exactly once (the runtime's handler clears pending and leaves the mask
 * 0). Done twice. The mask is not cleared by the test itself: an
 * interrupt between that and the hypercall would deliver the upcall early
 * and leave block nothing to find. A block that waited here would never
 * return (no event can come), and the test would time out.
 */
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>

static void block_with_pending(const char *what)
{
    volatile vcpu_info_t *v = &shared_info->vcpu_data[0];
    unsigned int before = event_upcall_count;
    long rc;

    v->evtchn_upcall_mask = 1;
    barrier();
    v->evtchn_upcall_pending = 1;
    barrier();
    rc = HYPERVISOR_block();
    barrier();
    if (rc != 0)
        xtf_failure("Fail: %s: block returned %ld, expected 0\n", what, rc);
    if (event_upcall_count != before + 1)
        xtf_failure("Fail: %s: expected 1 upcall got %u\n", what, event_upcall_count - before);
    if (v->evtchn_upcall_pending != 0 || v->evtchn_upcall_mask != 0)
        xtf_failure("Fail: %s: after the upcall pending %u mask %u, expected 0 0\n", what,
                    v->evtchn_upcall_pending, v->evtchn_upcall_mask);
}

void test_main(void)
{
    if (!events_available()) {
        xtf_error("Error: shared_info is not mapped (rc %ld)\n", shared_info_map_rc);
        return;
    }
    if (shared_info->vcpu_data[0].evtchn_upcall_mask != 1)
        xtf_failure("Fail: upcall_mask at start of day is %u, expected 1\n",
                    shared_info->vcpu_data[0].evtchn_upcall_mask);

    block_with_pending("first block");
    block_with_pending("second block");

    shared_info->vcpu_data[0].evtchn_upcall_mask = 1;
    if (HYPERVISOR_yield() != 0)
        xtf_failure("Fail: yield after the blocks did not return 0\n");
    xtf_success(NULL);
}
