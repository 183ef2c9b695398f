/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sched_op_basic: sched_op's command decoding (ABI.md §9). The command is
 * op & 0xFF: yield (0) returns 0, also with reason bits above it
 * (0x100, 0xFFFFFF00); 3, 4, 0xFF and 0x103 are unknown and give -ENOSYS,
 * as do raw numbers whose low byte is unknown. Dom0 is alone, so a yield
 * comes straight back; the domain is still RUNNING and unpaused after.
 * (Block and shutdown have tests of their own: sched_block_pending,
 * sched_shutdown_domu.)
 */
#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/test.h>

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

void test_main(void)
{
    static const uint32_t yields[] = { 0, 0x100, 0x200, 0xFFFFFF00 };
    static const uint32_t unknown[] = { 3, 4, 0x7F, 0xFF, 0x103, 0x2FF, 0xFFFFFFFF };
    dom0_op_t op = { .cmd = DOM0_GETDOMAININFO, .interface_version = DOM0_INTERFACE_VERSION };
    char what[40];
    unsigned int i;
    long rc;

    for (i = 0; i < ARRAY_SIZE(yields); i++) {
        snprintf(what, sizeof(what), "sched_op(%#x) (yield)", yields[i]);
        check(what, HYPERVISOR_sched_op(yields[i]), 0);
    }
    for (i = 0; i < ARRAY_SIZE(unknown); i++) {
        snprintf(what, sizeof(what), "sched_op(%#x)", unknown[i]);
        check(what, HYPERVISOR_sched_op(unknown[i]), -XEN_ENOSYS);
    }

    rc = HYPERVISOR_dom0_op(&op);
    if (rc != 0 || !(op.u.getdomaininfo.flags & DOMFLAGS_RUNNING) ||
        (op.u.getdomaininfo.flags & (DOMFLAGS_PAUSED | DOMFLAGS_BLOCKED | DOMFLAGS_SHUTDOWN)))
        xtf_failure("Fail: GETDOMAININFO(0) after the calls: rc %ld, flags %#x\n", rc,
                    op.u.getdomaininfo.flags);
    xtf_success(NULL);
}
