/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_adjustdom: DOM0_ADJUSTDOM under BVT (ABI.md §9, §10) on dom0
 * itself. The command is 44 bytes with BVT's warpl@28 and warpu@36 (read
 * as raw bytes). GET gives the defaults (mcu_adv 10, warpback 0,
 * warpvalue 0, warpl 2 s, warpu 1 s); PUT takes warpl/warpu in ms and GET
 * gives them back in ns (quirk). PUT with mcu_adv 0 or a negative warpl
 * or warpu is rejected by BVT, yet returns 0 (quirk) with nothing
 * changed. A wrong sched_id or direction gives -EINVAL (sched_id checked
 * first), an unknown domain -ESRCH, and so does the idle domain
 * (DOMID_IDLE: its scheduler state must never be reachable; bug class:
 * hypervisor state corruption through a reserved id). The defaults are
 * put back.
 */
#include "../dom0op_sched_common/sched_helpers.h"

_Static_assert(sizeof(struct sched_adjdom_cmd) == 44, "sched_adjdom_cmd is 44 bytes");

#define MS  1000000ll

static long adjust(uint32_t sched_id, uint32_t direction, domid_t dom, struct bvt_adjdom *p)
{
    struct sched_adjdom_cmd cmd;
    long rc;

    memset(&cmd, 0, sizeof(cmd));
    cmd.sched_id = sched_id;
    cmd.direction = direction;
    cmd.domain = dom;
    cmd.u.bvt = *p;
    rc = sched_adjdom_op(&cmd);
    *p = cmd.u.bvt;
    return rc;
}

static void expect_params(const char *when, uint32_t mcu_adv, uint32_t warpback,
                          int32_t warpvalue, int64_t warpl, int64_t warpu)
{
    struct sched_adjdom_cmd cmd = {
        .sched_id = SCHED_BVT, .direction = SCHED_INFO_GET, .domain = 0,
    };
    const uint8_t *raw = (const uint8_t *)&cmd;
    uint32_t m, wb;
    int32_t wv;
    int64_t wl, wu;
    long rc = sched_adjdom_op(&cmd);

    memcpy(&m, raw + 16, 4);
    memcpy(&wb, raw + 20, 4);
    memcpy(&wv, raw + 24, 4);
    memcpy(&wl, raw + 28, 8);
    memcpy(&wu, raw + 36, 8);
    if (rc != 0 || m != mcu_adv || wb != warpback || wv != warpvalue || wl != warpl ||
        wu != warpu)
        xtf_failure("Fail: GET %s: expected 0, mcu_adv %u warpback %u warpvalue %d "
                    "warpl %lld warpu %lld got %ld, %u %u %d %lld %lld\n", when, mcu_adv,
                    warpback, warpvalue, (long long)warpl, (long long)warpu, rc, m, wb, wv,
                    (long long)wl, (long long)wu);
}

static void expect_put(const char *what, uint32_t mcu_adv, int64_t warpl, int64_t warpu)
{
    struct bvt_adjdom p = {
        .mcu_adv = mcu_adv, .warpback = 1, .warpvalue = 77, .warpl = warpl, .warpu = warpu,
    };
    long rc = adjust(SCHED_BVT, SCHED_INFO_PUT, 0, &p);

    if (rc != 0)
        xtf_failure("Fail: PUT %s: expected 0 (quirk) got %ld\n", what, rc);
}

static void expect_rc(const char *what, uint32_t sched_id, uint32_t direction, domid_t dom,
                      long want)
{
    struct bvt_adjdom p = { .mcu_adv = 10 };
    long rc = adjust(sched_id, direction, dom, &p);

    if (rc != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, rc);
}

void test_main(void)
{
    struct bvt_adjdom p = {
        .mcu_adv = 20, .warpback = 1, .warpvalue = -1000, .warpl = 50, .warpu = 30,
    };
    long rc;

    expect_params("(defaults)", 10, 0, 0, 2000 * MS, 1000 * MS);
    rc = adjust(SCHED_BVT, SCHED_INFO_PUT, 0, &p);
    if (rc != 0)
        xtf_failure("Fail: PUT mcu_adv 20 warpl 50 warpu 30: expected 0 got %ld\n", rc);
    expect_params("after PUT (ms in, ns out)", 20, 1, -1000, 50 * MS, 30 * MS);

    expect_put("mcu_adv 0", 0, 10, 10);
    expect_params("after PUT mcu_adv 0", 20, 1, -1000, 50 * MS, 30 * MS);
    expect_put("warpl -1", 5, -1, 10);
    expect_params("after PUT warpl -1", 20, 1, -1000, 50 * MS, 30 * MS);
    expect_put("warpu -1", 5, 10, -1);
    expect_params("after PUT warpu -1", 20, 1, -1000, 50 * MS, 30 * MS);

    expect_rc("GET sched_id 2 (Atropos)", SCHED_ATROPOS, SCHED_INFO_GET, 0, -XEN_EINVAL);
    expect_rc("PUT sched_id 3 (RR)", SCHED_RROBIN, SCHED_INFO_PUT, 0, -XEN_EINVAL);
    expect_rc("direction 2", SCHED_BVT, 2, 0, -XEN_EINVAL);
    expect_rc("direction 0xFFFFFFFF", SCHED_BVT, 0xFFFFFFFF, 0, -XEN_EINVAL);
    expect_rc("GET domain 77", SCHED_BVT, SCHED_INFO_GET, 77, -XEN_ESRCH);
    expect_rc("PUT domain 77", SCHED_BVT, SCHED_INFO_PUT, 77, -XEN_ESRCH);
    expect_rc("GET domain DOMID_SELF", SCHED_BVT, SCHED_INFO_GET, DOMID_SELF, -XEN_ESRCH);
    expect_rc("GET domain DOMID_IDLE", SCHED_BVT, SCHED_INFO_GET, DOMID_IDLE, -XEN_ESRCH);
    expect_rc("PUT domain DOMID_IDLE", SCHED_BVT, SCHED_INFO_PUT, DOMID_IDLE, -XEN_ESRCH);
    expect_rc("wrong sched_id and domain 77", SCHED_ATROPOS, SCHED_INFO_GET, 77, -XEN_EINVAL);
    expect_rc("bad direction and domain 77", SCHED_BVT, 5, 77, -XEN_EINVAL);
    expect_params("after the refused calls", 20, 1, -1000, 50 * MS, 30 * MS);

    p = (struct bvt_adjdom){ .mcu_adv = 10, .warpl = 2000, .warpu = 1000 };
    rc = adjust(SCHED_BVT, SCHED_INFO_PUT, 0, &p);
    if (rc != 0)
        xtf_failure("Fail: PUT the defaults: expected 0 got %ld\n", rc);
    expect_params("at the end", 10, 0, 0, 2000 * MS, 1000 * MS);
    xtf_success(NULL);
}
