/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_schedctl_rrobin: DOM0_SCHED_ID and DOM0_SCHEDCTL under round
 * robin (ABI.md §9, §10; booted with sched=rrobin). SCHED_ID is 3;
 * SCHEDCTL with another sched_id gives -EINVAL. GET reads the u64 slice
 * at @8 (default 10 ms, in ns); PUT 30 ms sets it; direction 7 is a GET.
 * [tessera] PUT refuses a slice outside [100 us, 10 s] (0, 99999 ns,
 * 10 s + 1 ns, 2^63: a stuck CPU or a negative time) with -EINVAL and
 * keeps the old one; Xen 2.0 takes any value. The default is put back.
 */
#include "../dom0op_sched_common/schedctl.h"

#define MS          1000000ull
#define SLICE_MIN   100000ull
#define SLICE_MAX   (10000 * MS)

void test_main(void)
{
    static const uint64_t bad[] = { 0, SLICE_MIN - 1, SLICE_MAX + 1, 1ull << 63, ~0ull };
    unsigned int i;

    if (!check_sched_id(SCHED_RROBIN))
        return;
    expect_schedctl("GET (default)", SCHED_RROBIN, SCHED_INFO_GET, 0, 0, 10 * MS);
    expect_schedctl("PUT 30 ms", SCHED_RROBIN, SCHED_INFO_PUT, 30 * MS, 0, 30 * MS);
    expect_schedctl("GET after PUT", SCHED_RROBIN, SCHED_INFO_GET, 0, 0, 30 * MS);
    expect_schedctl("direction 7 (a GET)", SCHED_RROBIN, 7, 5 * MS, 0, 30 * MS);
    for (i = 0; i < ARRAY_SIZE(bad); i++) {
        uint64_t v = bad[i];
        long rc = schedctl_u64(SCHED_RROBIN, SCHED_INFO_PUT, &v);

        if (rc != -XEN_EINVAL)
            xtf_failure("Fail: [tessera] PUT slice %#llx: expected %d got %ld\n",
                        (unsigned long long)bad[i], -XEN_EINVAL, rc);
    }
    expect_schedctl("GET after refused PUTs", SCHED_RROBIN, SCHED_INFO_GET, 0, 0, 30 * MS);
    expect_schedctl("PUT the limits: 100 us", SCHED_RROBIN, SCHED_INFO_PUT, SLICE_MIN, 0,
                    SLICE_MIN);
    expect_schedctl("PUT the limits: 10 s", SCHED_RROBIN, SCHED_INFO_PUT, SLICE_MAX, 0,
                    SLICE_MAX);
    expect_schedctl("PUT default", SCHED_RROBIN, SCHED_INFO_PUT, 10 * MS, 0, 10 * MS);
    expect_schedctl("GET at the end", SCHED_RROBIN, SCHED_INFO_GET, 0, 0, 10 * MS);
    xtf_success(NULL);
}
