/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_schedctl_atropos: DOM0_SCHED_ID and DOM0_SCHEDCTL under Atropos
 * (ABI.md §9, §10; booted with sched=atropos). SCHED_ID is 2; SCHEDCTL
 * with another sched_id gives -EINVAL. Atropos has no SCHEDCTL handler:
 * PUT, GET and any other direction return 0 and leave the command as it
 * was given (nothing is filled in or changed).
 */
#include "../dom0op_sched_common/schedctl.h"

#define PATTERN     0x0123456789ABCDEFull

void test_main(void)
{
    if (!check_sched_id(SCHED_ATROPOS))
        return;
    expect_schedctl("GET", SCHED_ATROPOS, SCHED_INFO_GET, PATTERN, 0, PATTERN);
    expect_schedctl("PUT", SCHED_ATROPOS, SCHED_INFO_PUT, PATTERN, 0, PATTERN);
    expect_schedctl("direction 7", SCHED_ATROPOS, 7, 0, 0, 0);
    expect_schedctl("GET again", SCHED_ATROPOS, SCHED_INFO_GET, 0, 0, 0);
    xtf_success(NULL);
}
