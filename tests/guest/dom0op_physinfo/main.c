/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_physinfo: DOM0_PHYSINFO and DOM0_SCHED_ID (ABI.md §10, §9).
 * PHYSINFO returns 0 with ht_per_core >= 1, cores >= 1, and
 * total_pages > free_pages > 0, with room in total_pages for dom0's own
 * pages besides the free ones; a second call agrees (nothing allocates
 * in between). SCHED_ID returns 0 and one of the scheduler ids BVT 0,
 * ATROPOS 2 or RROBIN 3, the same on each call. Both write only their
 * results: the bytes of the op past them are left alone.
 */
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>

static long run(dom0_op_t *op, uint32_t cmd)
{
    memset(op, 0x5A, sizeof(*op));
    op->cmd = cmd;
    op->interface_version = DOM0_INTERFACE_VERSION;
    return HYPERVISOR_dom0_op(op);
}

static void check_physinfo(void)
{
    dom0_op_t op, again;
    const dom0_physinfo_t *pi = &op.u.physinfo;
    long rc = run(&op, DOM0_PHYSINFO);

    if (rc != 0) {
        xtf_failure("Fail: PHYSINFO: expected 0 got %ld\n", rc);
        return;
    }
    if (pi->ht_per_core < 1 || pi->cores < 1)
        xtf_failure("Fail: PHYSINFO ht_per_core %u, cores %u: expected both >= 1\n",
                    pi->ht_per_core, pi->cores);
    if (!(pi->total_pages > pi->free_pages && pi->free_pages > 0))
        xtf_failure("Fail: PHYSINFO total_pages %u, free_pages %u: expected total > free > 0\n",
                    pi->total_pages, pi->free_pages);
    if (pi->total_pages - pi->free_pages < start_info->nr_pages)
        xtf_failure("Fail: PHYSINFO total_pages %u - free_pages %u < dom0's %u pages\n",
                    pi->total_pages, pi->free_pages, start_info->nr_pages);
    if (op.u.dummy[8] != 0x5A5A5A5A || op.u.dummy[17] != 0x5A5A5A5A)
        xtf_failure("Fail: PHYSINFO wrote past its 32 bytes: %#x %#x\n", op.u.dummy[8],
                    op.u.dummy[17]);
    if (run(&again, DOM0_PHYSINFO) != 0 ||
        again.u.physinfo.total_pages != pi->total_pages ||
        again.u.physinfo.free_pages != pi->free_pages)
        xtf_failure("Fail: a second PHYSINFO disagrees: total %u free %u\n",
                    again.u.physinfo.total_pages, again.u.physinfo.free_pages);
}

static void check_sched_id(void)
{
    dom0_op_t op;
    uint32_t id;
    long rc = run(&op, DOM0_SCHED_ID);

    id = op.u.sched_id.sched_id;
    if (rc != 0)
        xtf_failure("Fail: SCHED_ID: expected 0 got %ld\n", rc);
    else if (id != SCHED_BVT && id != SCHED_ATROPOS && id != SCHED_RROBIN)
        xtf_failure("Fail: SCHED_ID: %u is not a scheduler id (0, 2 or 3)\n", id);
    if (op.u.dummy[1] != 0x5A5A5A5A)
        xtf_failure("Fail: SCHED_ID wrote past its result: %#x\n", op.u.dummy[1]);
    if (run(&op, DOM0_SCHED_ID) != 0 || op.u.sched_id.sched_id != id)
        xtf_failure("Fail: a second SCHED_ID answered %u, not %u\n", op.u.sched_id.sched_id,
                    id);
}

void test_main(void)
{
    check_physinfo();
    check_sched_id();
    xtf_success(NULL);
}
