/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sched_boot_params: [tessera] a boot-time domain's scheduling parameters
 * on its module command line, "<policy>.<param>=<value>" (sched/core.c),
 * under BVT. Domain 1 has bvt.mcu_adv=20 bvt.warp=300 bvt.warpl=50 (ms)
 * and reads back through ADJUSTDOM GET as 20, 300 and 50 ms in ns.
 * Domain 2 has bvt.mcu_adv=0 (out of range), bvt.warpu=abc (not a
 * number), bvt.nosuch=1 (unknown), each reported with a warning on the
 * console and leaving the default, then bvt.warpback=1 which applies,
 * and atropos.period=5ms, another policy's, which is ignored silently.
 */
#include "../dom0op_sched_common/sched_helpers.h"

#define MS  1000000ll

static const char *const warned[] = {
    "Domain 2: scheduler parameter bvt.mcu_adv=0 ignored",
    "Domain 2: scheduler parameter bvt.warpu=abc ignored",
    "Domain 2: scheduler parameter bvt.nosuch=1 ignored",
};

static void expect_params(domid_t dom, uint32_t mcu_adv, uint32_t warpback, int32_t warpvalue,
                          int64_t warpl, int64_t warpu)
{
    struct bvt_adjdom p;
    long rc = bvt_get(dom, &p);

    if (rc != 0 || p.mcu_adv != mcu_adv || p.warpback != warpback ||
        p.warpvalue != warpvalue || p.warpl != warpl || p.warpu != warpu)
        xtf_failure("Fail: domain %u: expected 0, mcu_adv %u warpback %u warpvalue %d warpl "
                    "%lld warpu %lld got %ld, %u %u %d %lld %lld\n", dom, mcu_adv, warpback,
                    warpvalue, (long long)warpl, (long long)warpu, rc, p.mcu_adv, p.warpback,
                    p.warpvalue, (long long)p.warpl, (long long)p.warpu);
}

void test_main(void)
{
    unsigned int i;

    if (!guest_is_dom0())
        domu_block();
    expect_params(0, 10, 0, 0, 2000 * MS, 1000 * MS);
    expect_params(1, 20, 0, 300, 50 * MS, 1000 * MS);
    expect_params(2, 10, 1, 0, 2000 * MS, 1000 * MS);
    for (i = 0; i < ARRAY_SIZE(warned); i++)
        if (!console_has(warned[i]))
            xtf_failure("Fail: no console line \"%s\"\n", warned[i]);
    if (console_has("scheduler parameter atropos."))
        xtf_failure("Fail: a warning about atropos.period under BVT\n");
    if (console_has("Domain 1: scheduler parameter"))
        xtf_failure("Fail: a warning about domain 1's good parameters\n");
    xtf_success(NULL);
}
