/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * guest/domctl.h: what two-domain tests share. dom0 drives and watches the
 * other domain through dom0_op; the unprivileged domain, which cannot
 * print, reports through its shutdown code: DOMU_OK when all went well,
 * DOMU_FAIL(step) for the first step that answered otherwise.
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

/* PHYSINFO's free_pages, or -1 if PHYSINFO failed. */
long dom0_free_pages(void);

/* GETDOMAININFO(dom) into *info (what the hypervisor left); its answer. */
long dom0_domain_info(domid_t dom, dom0_getdomaininfo_t *info);

/* GETDOMAININFO(dom) succeeds and names dom itself. */
bool dom0_domain_present(domid_t dom, dom0_getdomaininfo_t *info);

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

/* In the domU: shut down with DOMU_FAIL(step) unless got == want. */
void domu_expect(unsigned int step, long got, long want);

#endif /* GUEST_DOMCTL_H */
