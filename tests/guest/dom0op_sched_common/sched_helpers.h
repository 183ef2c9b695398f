/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the scheduler tests share (ABI.md §9, §10): the scheduler control
 * calls issued from dom0, a domain's cpu_time, a search of the console
 * buffer, and the domU side of the CPU-bound share tests.
 */
#ifndef SCHED_HELPERS_H
#define SCHED_HELPERS_H

#include <guest/console.h>
#include <guest/domctl.h>
#include <guest/events.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

/* DOM0_SCHED_ID: its answer; the id in *id. */
static inline long sched_id_get(uint32_t *id)
{
    dom0_op_t op;
    long rc = dom0_op_simple(&op, DOM0_SCHED_ID, 0);

    *id = op.u.sched_id.sched_id;
    return rc;
}

/* DOM0_SCHED_ID answers 0 and Atropos's id; else false, with an ERROR recorded. */
static inline bool sched_is_atropos(void)
{
    uint32_t id;

    if (sched_id_get(&id) == 0 && id == SCHED_ATROPOS)
        return true;
    xtf_error("Error: not running under Atropos (SCHED_ID %u)\n", id);
    return false;
}

/* DOM0_SCHEDCTL with *cmd; what comes back is left in *cmd. */
static inline long sched_ctl_op(struct sched_ctl_cmd *cmd)
{
    dom0_op_t op;
    long rc;

    memset(&op, 0, sizeof(op));
    op.cmd = DOM0_SCHEDCTL;
    op.interface_version = DOM0_INTERFACE_VERSION;
    op.u.schedctl = *cmd;
    rc = HYPERVISOR_dom0_op(&op);
    *cmd = op.u.schedctl;
    return rc;
}

/* DOM0_ADJUSTDOM with *cmd; what comes back is left in *cmd. */
static inline long sched_adjdom_op(struct sched_adjdom_cmd *cmd)
{
    dom0_op_t op;
    long rc;

    memset(&op, 0, sizeof(op));
    op.cmd = DOM0_ADJUSTDOM;
    op.interface_version = DOM0_INTERFACE_VERSION;
    op.u.adjustdom = *cmd;
    rc = HYPERVISOR_dom0_op(&op);
    *cmd = op.u.adjustdom;
    return rc;
}

/* ADJUSTDOM GET of BVT's parameters of dom into *p: its answer. */
static inline long bvt_get(domid_t dom, struct bvt_adjdom *p)
{
    struct sched_adjdom_cmd cmd = {
        .sched_id = SCHED_BVT, .direction = SCHED_INFO_GET, .domain = dom,
    };
    long rc = sched_adjdom_op(&cmd);

    *p = cmd.u.bvt;
    return rc;
}

/* ns domain dom has run (GETDOMAININFO cpu_time); ~0 if it is not there. */
static inline uint64_t dom_cpu_time(domid_t dom)
{
    dom0_getdomaininfo_t info;

    if (!dom0_domain_present(dom, &info))
        return ~0ull;
    return info.cpu_time;
}

/* The console buffer holds needle (DOM0_READCONSOLE, nothing cleared). */
static inline bool console_has(const char *needle)
{
    static char text[DOM0_CONSOLE_BUFFER_SIZE + 1];
    long n = dom0_readconsole(text, DOM0_CONSOLE_BUFFER_SIZE, 0);

    if (n < 0)
        return false;
    text[n] = '\0';
    return strstr(text, needle) != NULL;
}

/* For a domU of the share tests: burn the CPU until the machine stops. */
static inline __noreturn void domu_spin(void)
{
    for (;;)
        barrier();
}

/* For a domU that only has to exist: sleep until the machine stops. */
static inline __noreturn void domu_block(void)
{
    for (;;)
        HYPERVISOR_block();
}

#endif /* SCHED_HELPERS_H */
