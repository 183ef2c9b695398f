/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_schedctl_bvt: DOM0_SCHED_ID and DOM0_SCHEDCTL under BVT (ABI.md
 * §9, §10). SCHED_ID is 0; SCHEDCTL with another sched_id gives -EINVAL.
 * GET reads ctx_allow (default 5 ms, in ns) at @8; PUT sets it and GET
 * reads the new value back; any direction other than PUT (7 here) is a
 * GET: it returns 0, fills @8 and changes nothing. ctx_allow 0 is
 * accepted and the CPU keeps working: a 20 ms set_timer_op sleep of dom0
 * ends (bug class: a CPU stuck rescheduling). The default is put back.
 */
#include "../dom0op_sched_common/schedctl.h"

#define CTX_ALLOW_DEFAULT   5000000ull

void test_main(void)
{
    if (!check_sched_id(SCHED_BVT))
        return;
    expect_schedctl("GET (default)", SCHED_BVT, SCHED_INFO_GET, 0, 0, CTX_ALLOW_DEFAULT);
    /* Only the u32 at @8 is ctx_allow: the upper half stays as given. */
    expect_schedctl("PUT 2 ms", SCHED_BVT, SCHED_INFO_PUT, 2000000, 0, 2000000);
    expect_schedctl("GET after PUT", SCHED_BVT, SCHED_INFO_GET, 0, 0, 2000000);
    expect_schedctl("direction 7 (a GET)", SCHED_BVT, 7, 1234, 0, 2000000);
    expect_schedctl("GET after direction 7", SCHED_BVT, SCHED_INFO_GET, 0, 0, 2000000);
    expect_schedctl("PUT 0", SCHED_BVT, SCHED_INFO_PUT, 0, 0, 0);
    expect_schedctl("GET after PUT 0", SCHED_BVT, SCHED_INFO_GET, 0, 0, 0);
    if (time_test_timer_ready(NULL)) {
        uint64_t t0 = time_now();

        time_sleep_until(t0 + 20 * NSEC_PER_MSEC);
        if (time_now() < t0 + 20 * NSEC_PER_MSEC)
            xtf_failure("Fail: with ctx_allow 0 the 20 ms sleep ended early\n");
    }
    expect_schedctl("PUT default", SCHED_BVT, SCHED_INFO_PUT, CTX_ALLOW_DEFAULT, 0,
                    CTX_ALLOW_DEFAULT);
    expect_schedctl("GET at the end", SCHED_BVT, SCHED_INFO_GET, 0, 0, CTX_ALLOW_DEFAULT);
    xtf_success(NULL);
}
