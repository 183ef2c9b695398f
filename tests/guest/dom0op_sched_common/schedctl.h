/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * DOM0_SCHEDCTL and DOM0_SCHED_ID (ABI.md §9, §10), shared by
 * dom0op_schedctl_bvt, _atropos and _rrobin, each booted with its
 * scheduler. SCHED_ID names it; SCHEDCTL with any other sched_id answers
 * -EINVAL; the per-scheduler part checks PUT and GET.
 */
#ifndef SCHEDCTL_H
#define SCHEDCTL_H

#include "sched_helpers.h"

_Static_assert(sizeof(struct sched_ctl_cmd) == 16, "sched_ctl_cmd is 16 bytes");
_Static_assert(__builtin_offsetof(struct sched_ctl_cmd, u.bvt.ctx_allow) == 8, "ctx_allow@8");
_Static_assert(__builtin_offsetof(struct sched_ctl_cmd, u.rrobin.slice) == 8, "slice@8");

/* SCHEDCTL(sched_id, direction) with the 8 bytes at @8 set to u64 val. */
static inline long schedctl_u64(uint32_t sched_id, uint32_t direction, uint64_t *val)
{
    struct sched_ctl_cmd cmd;
    long rc;

    memset(&cmd, 0, sizeof(cmd));
    cmd.sched_id = sched_id;
    cmd.direction = direction;
    cmd.u.rrobin.slice = *val;
    rc = sched_ctl_op(&cmd);
    *val = cmd.u.rrobin.slice;
    return rc;
}

/* Expects SCHEDCTL(...) to answer want_rc and leave want_val at @8. */
static inline void expect_schedctl(const char *what, uint32_t sched_id, uint32_t direction,
                                   uint64_t val, long want_rc, uint64_t want_val)
{
    long rc = schedctl_u64(sched_id, direction, &val);

    if (rc != want_rc)
        xtf_failure("Fail: SCHEDCTL %s: expected %ld got %ld\n", what, want_rc, rc);
    else if (rc == 0 && val != want_val)
        xtf_failure("Fail: SCHEDCTL %s: expected %#llx at @8 got %#llx\n", what,
                    (unsigned long long)want_val, (unsigned long long)val);
}

/* SCHED_ID says want; SCHEDCTL for every other id is refused. False if
 * the scheduler is not the one the test was booted for. */
static inline bool check_sched_id(uint32_t want)
{
    static const uint32_t ids[] = { SCHED_BVT, 1, SCHED_ATROPOS, SCHED_RROBIN, 4, 0xFFFFFFFF };
    uint32_t id = 0xDEAD;
    unsigned int i;
    long rc = sched_id_get(&id);

    if (rc != 0 || id != want) {
        xtf_failure("Fail: SCHED_ID: expected 0 and %u got %ld, %u\n", want, rc, id);
        return false;
    }
    for (i = 0; i < ARRAY_SIZE(ids); i++) {
        if (ids[i] == want)
            continue;
        expect_schedctl("GET, wrong sched_id", ids[i], SCHED_INFO_GET, 0, -XEN_EINVAL, 0);
        expect_schedctl("PUT, wrong sched_id", ids[i], SCHED_INFO_PUT, 0, -XEN_EINVAL, 0);
    }
    return true;
}

#endif /* SCHEDCTL_H */
