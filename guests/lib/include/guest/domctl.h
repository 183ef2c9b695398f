/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * guest/domctl.h: dom0_op wrappers, and what two-domain tests share. dom0
 * drives and watches the other domain through dom0_op; the unprivileged
 * domain, which cannot print, reports through its shutdown code: DOMU_OK
 * when all went well, DOMU_FAIL(step) for the first step that answered
 * otherwise.
 */
#ifndef GUEST_DOMCTL_H
#define GUEST_DOMCTL_H

#include <guest/hypercall.h>

#define DOMU_OK             0x5A
#define DOMU_FAIL(step)     (0x40 + (step))

/* The usual bound on dom0's wait for another domain, in SCHEDOP_yields. */
#define DOM0_WAIT_YIELDS    100000

/* dom0_wait_stopped()'s answers other than a shutdown code (0-255). */
#define DOM0_WAIT_GONE      (-1)    /* GETDOMAININFO failed or named another domain */
#define DOM0_WAIT_CRASHED   (-2)
#define DOM0_WAIT_RUNNING   (-3)    /* neither shut down nor crashed: timed out */

/*
 * Clears *op, fills cmd and interface_version and puts dom at offset 0 of
 * the union (where every per-domain command has its domain), then issues
 * it. Returns the hypervisor's answer.
 */
long dom0_op_simple(dom0_op_t *op, uint32_t cmd, domid_t dom);

/* DOM0_PINCPUDOMAIN(dom, cpu); cpu -1 unpins. Its answer. */
long dom0_pin(domid_t dom, int32_t cpu);

/* DOM0_IOPL(dom, iopl): its answer. */
long dom0_iopl(domid_t dom, uint32_t iopl);

/* DOM0_SETTIME: the wall clock reads secs.usecs at system_time. Its answer. */
long dom0_settime(uint32_t secs, uint32_t usecs, uint64_t system_time);

/* DOM0_READCONSOLE of count bytes into str; cmd 1 also clears. Its answer. */
long dom0_readconsole(char *str, uint32_t count, uint32_t cmd);

/* PHYSINFO's free_pages, or -1 if PHYSINFO failed. */
long dom0_free_pages(void);

/* GETDOMAININFO(dom) into *info (what the hypervisor left); its answer. */
long dom0_domain_info(domid_t dom, dom0_getdomaininfo_t *info);

/* GETDOMAININFO(dom) succeeds and names dom itself. */
bool dom0_domain_present(domid_t dom, dom0_getdomaininfo_t *info);

/* The shutdown code in GETDOMAININFO's flags (bits 16-23). */
static inline unsigned int domflags_shutdown_code(uint32_t flags)
{
    return (flags >> DOMFLAGS_SHUTDOWNSHIFT) & DOMFLAGS_SHUTDOWNMASK;
}

/*
 * steps[n] for a domU's shutdown code DOMU_FAIL(n), n in 1..nr_steps - 1
 * (steps[] indexed by step, [0] unused); other where code is none of those.
 */
const char *domu_step_text(const char *const *steps, size_t nr_steps, unsigned int code,
                           const char *other);

/*
 * Polls GETDOMAININFO(dom), yielding between polls, until the domain has
 * crashed or shut down, at most max_yields yields (0: one look). Returns
 * its shutdown code (flags bits 16-23) or DOM0_WAIT_*; *info holds the
 * last answer (flags, tot_pages...).
 */
int dom0_wait_stopped(domid_t dom, unsigned int max_yields, dom0_getdomaininfo_t *info);

/*
 * Waits DOM0_WAIT_YIELDS for dom to stop, and reports a failure unless it
 * shut down with DOMU_OK. Returns dom0_wait_stopped()'s answer.
 */
int dom0_expect_domu_ok(domid_t dom, dom0_getdomaininfo_t *info);

/*
 * In dom0: allocates an unbound port for dom, which must be port (the
 * one the domU binds to); false, with an ERROR recorded, otherwise.
 */
bool dom0_offer_port(domid_t dom, unsigned int port);

/*
 * In the domU: binds to dom0's unbound port dom0_port into *local, retrying
 * (with a yield) while the bind answers -EINVAL because dom0 has not
 * offered it yet, at most DOM0_WAIT_YIELDS times. The last answer.
 */
long domu_bind_dom0(unsigned int dom0_port, unsigned int *local);

/* In the domU: shut down with DOMU_FAIL(step) unless got == want. */
void domu_expect(unsigned int step, long got, long want);

#endif /* GUEST_DOMCTL_H */
