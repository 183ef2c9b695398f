/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_adjustdom_atropos: DOM0_ADJUSTDOM under Atropos (ABI.md §9,
 * §10; booted with sched=atropos) with a blocked domU. GET gives dom0's
 * defaults (20 ms / 15 ms / 5 ms / xtratime 1) and a domU's (10 s /
 * 10 ms / 10 s / 1), xtratime at @40. PUT sets the natural values and GET
 * reads them back, xtratime 0 too. PUT breaking the rule (latency 0, latency > period,
 * slice > period) is rejected by Atropos yet returns 0 (quirk) with
 * nothing changed; [tessera] so is a period above 2^62 ns. A wrong
 * sched_id or direction gives -EINVAL, an unknown domain and the idle
 * domain (DOMID_IDLE, never an argument) -ESRCH.
 */
#include "../dom0op_sched_common/sched_helpers.h"

#define MS  1000000ull

struct at_params {
    uint64_t period, slice, latency;
    uint32_t xtratime;
};

static long adjust(uint32_t sched_id, uint32_t direction, domid_t dom, struct at_params *p)
{
    struct sched_adjdom_cmd cmd;
    const uint8_t *raw = (const uint8_t *)&cmd;
    long rc;

    memset(&cmd, 0, sizeof(cmd));
    cmd.sched_id = sched_id;
    cmd.direction = direction;
    cmd.domain = dom;
    cmd.u.atropos.nat_period = p->period;
    cmd.u.atropos.nat_slice = p->slice;
    cmd.u.atropos.latency = p->latency;
    cmd.u.atropos.xtratime = p->xtratime;
    rc = sched_adjdom_op(&cmd);
    memcpy(&p->period, raw + 16, 8);
    memcpy(&p->slice, raw + 24, 8);
    memcpy(&p->latency, raw + 32, 8);
    memcpy(&p->xtratime, raw + 40, 4);
    return rc;
}

static void expect_params(const char *when, domid_t dom, uint64_t period, uint64_t slice,
                          uint64_t latency, uint32_t xtratime)
{
    struct at_params p = { 0 };
    long rc = adjust(SCHED_ATROPOS, SCHED_INFO_GET, dom, &p);

    if (rc != 0 || p.period != period || p.slice != slice || p.latency != latency ||
        p.xtratime != xtratime)
        xtf_failure("Fail: GET domain %u %s: expected 0, %llu/%llu/%llu/%u got %ld, "
                    "%llu/%llu/%llu/%u\n", dom, when, (unsigned long long)period,
                    (unsigned long long)slice, (unsigned long long)latency, xtratime, rc,
                    (unsigned long long)p.period, (unsigned long long)p.slice,
                    (unsigned long long)p.latency, p.xtratime);
}

static void expect_put_x(const char *what, uint64_t period, uint64_t slice, uint64_t latency,
                         uint32_t xtratime)
{
    struct at_params p = { period, slice, latency, xtratime };
    long rc = adjust(SCHED_ATROPOS, SCHED_INFO_PUT, 1, &p);

    if (rc != 0)
        xtf_failure("Fail: PUT %s: expected 0 got %ld\n", what, rc);
}

static void expect_put(const char *what, uint64_t period, uint64_t slice, uint64_t latency)
{
    expect_put_x(what, period, slice, latency, 1);
}

static void expect_rc(const char *what, uint32_t sched_id, uint32_t direction, domid_t dom,
                      long want)
{
    struct at_params p = { 100 * MS, 10 * MS, 10 * MS, 1 };
    long rc = adjust(sched_id, direction, dom, &p);

    if (rc != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, rc);
}

void test_main(void)
{
    if (!guest_is_dom0())
        domu_block();
    if (!sched_is_atropos())
        return;
    expect_params("(dom0 defaults)", 0, 20 * MS, 15 * MS, 5 * MS, 1);
    expect_params("(domU defaults)", 1, 10000 * MS, 10 * MS, 10000 * MS, 1);

    expect_put("100/20/50 ms", 100 * MS, 20 * MS, 50 * MS);
    expect_params("after PUT", 1, 100 * MS, 20 * MS, 50 * MS, 1);
    expect_put("slice = period = latency", 40 * MS, 40 * MS, 40 * MS);
    expect_params("after PUT of the limits", 1, 40 * MS, 40 * MS, 40 * MS, 1);
    expect_put_x("xtratime 0", 100 * MS, 20 * MS, 50 * MS, 0);
    expect_params("after PUT xtratime 0", 1, 100 * MS, 20 * MS, 50 * MS, 0);
    expect_put("100/20/50 ms again", 100 * MS, 20 * MS, 50 * MS);

    expect_put("latency 0", 100 * MS, 20 * MS, 0);
    expect_put("latency > period", 100 * MS, 20 * MS, 100 * MS + 1);
    expect_put("slice > period", 100 * MS, 100 * MS + 1, 50 * MS);
    expect_put("[tessera] period 2^62 + 1", (1ull << 62) + 1, 20 * MS, 50 * MS);
    expect_params("after refused PUTs", 1, 100 * MS, 20 * MS, 50 * MS, 1);

    expect_rc("GET sched_id 0 (BVT)", SCHED_BVT, SCHED_INFO_GET, 1, -XEN_EINVAL);
    expect_rc("PUT sched_id 3 (RR)", SCHED_RROBIN, SCHED_INFO_PUT, 1, -XEN_EINVAL);
    expect_rc("direction 2", SCHED_ATROPOS, 2, 1, -XEN_EINVAL);
    expect_rc("GET domain 77", SCHED_ATROPOS, SCHED_INFO_GET, 77, -XEN_ESRCH);
    expect_rc("PUT domain 77", SCHED_ATROPOS, SCHED_INFO_PUT, 77, -XEN_ESRCH);
    expect_rc("PUT domain DOMID_IDLE", SCHED_ATROPOS, SCHED_INFO_PUT, DOMID_IDLE, -XEN_ESRCH);
    expect_params("at the end", 1, 100 * MS, 20 * MS, 50 * MS, 1);
    expect_params("(dom0 unchanged)", 0, 20 * MS, 15 * MS, 5 * MS, 1);
    xtf_success(NULL);
}
