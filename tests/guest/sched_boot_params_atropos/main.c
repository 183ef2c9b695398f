/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sched_boot_params_atropos: [tessera] a boot-time domain's Atropos
 * parameters on its module command line (sched/core.c, sched/atropos.c;
 * booted with sched=atropos). Domain 1 has atropos.latency=50ms
 * atropos.period=100ms atropos.slice=1500us atropos.xtratime=0 (each
 * checked against the values before it, units ns/us/ms/s) and reads
 * back through ADJUSTDOM GET in ns. Domain 2's atropos.period=5ms (below
 * the default latency, 10 s), atropos.slice=3x (no such unit),
 * atropos.xtratime=yes and atropos.nosuch=1 are each reported with a
 * warning and leave its defaults (10 s / 10 ms / 10 s / 1); its
 * bvt.mcu_adv=3, another policy's, is ignored silently.
 */
#include "../dom0op_sched_common/sched_helpers.h"

#define MS  1000000ull

static const char *const warned[] = {
    "Domain 2: scheduler parameter atropos.period=5ms ignored",
    "Domain 2: scheduler parameter atropos.slice=3x ignored",
    "Domain 2: scheduler parameter atropos.xtratime=yes ignored",
    "Domain 2: scheduler parameter atropos.nosuch=1 ignored",
};

static void expect_params(domid_t dom, uint64_t period, uint64_t slice, uint64_t latency,
                          uint32_t xtratime)
{
    struct sched_adjdom_cmd cmd = {
        .sched_id = SCHED_ATROPOS, .direction = SCHED_INFO_GET, .domain = dom,
    };
    const struct atropos_adjdom *p = &cmd.u.atropos;
    long rc = sched_adjdom_op(&cmd);

    if (rc != 0 || p->nat_period != period || p->nat_slice != slice ||
        p->latency != latency || p->xtratime != xtratime)
        xtf_failure("Fail: domain %u: expected 0, %llu/%llu/%llu/%u got %ld, "
                    "%llu/%llu/%llu/%u\n", dom, (unsigned long long)period,
                    (unsigned long long)slice, (unsigned long long)latency, xtratime, rc,
                    (unsigned long long)p->nat_period, (unsigned long long)p->nat_slice,
                    (unsigned long long)p->latency, p->xtratime);
}

void test_main(void)
{
    unsigned int i;

    if (!guest_is_dom0())
        domu_block();
    if (!sched_is_atropos())
        return;
    expect_params(1, 100 * MS, 1500000, 50 * MS, 0);
    expect_params(2, 10000 * MS, 10 * MS, 10000 * MS, 1);
    for (i = 0; i < ARRAY_SIZE(warned); i++)
        if (!console_has(warned[i]))
            xtf_failure("Fail: no console line \"%s\"\n", warned[i]);
    if (console_has("scheduler parameter bvt."))
        xtf_failure("Fail: a warning about bvt.mcu_adv under Atropos\n");
    if (console_has("Domain 1: scheduler parameter"))
        xtf_failure("Fail: a warning about domain 1's good parameters\n");
    xtf_success(NULL);
}
