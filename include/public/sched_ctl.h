/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sched_ctl.h: scheduler control through DOM0_SCHEDCTL (whole scheduler)
 * and DOM0_ADJUSTDOM (one domain). Both are copied back to the caller.
 *
 * Both fail with -EINVAL if sched_id is not the running scheduler
 * (DOM0_SCHED_ID tells which). ADJUSTDOM also gives -EINVAL for a bad
 * direction and -ESRCH for an unknown domain; (quirk) errors from the
 * scheduler's own handler are ignored and 0 is returned. SCHEDCTL: BVT and
 * round robin treat any direction other than PUT as GET; Atropos has no
 * handler, so SCHEDCTL returns 0 and does nothing.
 */
#ifndef XEN_PUBLIC_SCHED_CTL_H
#define XEN_PUBLIC_SCHED_CTL_H

#include "xen.h"

/* Scheduler ids (boot option sched=bvt|atropos|rrobin). */
#define SCHED_BVT       0
#define SCHED_ATROPOS   2
#define SCHED_RROBIN    3

/* direction */
#define SCHED_INFO_PUT  0   /* set the parameters */
#define SCHED_INFO_GET  1   /* read them back into the structure */

#ifndef __ASSEMBLER__

/* DOM0_SCHEDCTL: parameters of the scheduler as a whole. */
struct sched_ctl_cmd {
    uint32_t sched_id;      /* @0: SCHED_* of the running scheduler */
    uint32_t direction;     /* @4: SCHED_INFO_* */
    union {                 /* @8 */
        struct bvt_ctl {
            /* @8: context-switch allowance, ns (default 5 ms) */
            uint32_t ctx_allow;
        } bvt;
        struct rrobin_ctl {
            uint64_t slice; /* @8: time slice, ns (default 10 ms) */
        } rrobin;
    } u;
};                          /* 16 bytes */

/*
 * DOM0_ADJUSTDOM: per-domain parameters. 44 bytes (the Xen 2.0 header
 * comment says 40): BVT's 64-bit warp times sit at 4-byte offsets.
 */
struct sched_adjdom_cmd {
    uint32_t sched_id;      /* @0: SCHED_* of the running scheduler */
    uint32_t direction;     /* @4: SCHED_INFO_* */
    domid_t  domain;        /* @8 */
    uint16_t _pad0;         /* @10 */
    uint32_t _pad1;         /* @12 */
    union {                 /* @16 */
        /*
         * Borrowed virtual time. A domain's virtual time advances by
         * mcu_adv per 100 us MCU it runs; the runnable domain with the
         * lowest effective virtual time runs. With warpback set, warpvalue
         * is subtracted from its virtual time for up to warpl of running,
         * then it runs unwarped for warpu, and so on.
         * (quirk) PUT takes warpl/warpu in ms, GET returns them in ns.
         * PUT rejects mcu_adv = 0 and negative warpl/warpu.
         */
        struct bvt_adjdom {
            uint32_t mcu_adv;   /* @16: inverse weight (default 10) */
            uint32_t warpback;  /* @20: non-zero = warping enabled */
            int32_t  warpvalue; /* @24: warp, in virtual-time units */
            int64_t  warpl;     /* @28: warp limit (default 2 s) */
            int64_t  warpu;     /* @36: unwarp requirement (default 1 s) */
        } XEN_PACKED_ALIGN4 bvt;
        /*
         * Atropos: EDF with slack time, all times in ns. PUT requires
         * 0 < latency <= nat_period and nat_slice <= nat_period, and
         * changes only the natural values.
         */
        struct atropos_adjdom {
            uint64_t nat_period;    /* @16: period */
            uint64_t nat_slice;     /* @24: guaranteed time per period */
            uint64_t latency;       /* @32: period after a late unblock */
            uint32_t xtratime;      /* @40: non-zero = may use slack time */
        } XEN_PACKED_ALIGN4 atropos;
    } u;
};                          /* 44 bytes */

#endif /* !__ASSEMBLER__ */

#endif /* XEN_PUBLIC_SCHED_CTL_H */
