/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_getdomaininfo: DOM0_GETDOMAININFO on dom0 itself, alone on the
 * machine (ABI.md §10). Domain 0 answers with its own id, the RUNNING flag
 * (and no DYING, CRASHED, SHUTDOWN, PAUSED or BLOCKED), no shutdown code,
 * tot_pages = start_info.nr_pages, max_pages >= tot_pages and
 * shared_info_frame = start_info.shared_info >> 12. With no other domain,
 * every id from 1 up (including the reserved ones) gives -ESRCH.
 */
#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define BAD_FLAGS   (DOMFLAGS_DYING | DOMFLAGS_CRASHED | DOMFLAGS_SHUTDOWN | \
                     DOMFLAGS_PAUSED | DOMFLAGS_BLOCKED)

static void check(const char *what, unsigned long got, unsigned long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %#lx got %#lx\n", what, want, got);
}

static void check_rc(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long domain_info(domid_t dom, dom0_getdomaininfo_t *info)
{
    dom0_op_t op = { .cmd = DOM0_GETDOMAININFO, .interface_version = DOM0_INTERFACE_VERSION };
    long rc;

    op.u.getdomaininfo.domain = dom;
    rc = HYPERVISOR_dom0_op(&op);
    *info = op.u.getdomaininfo;
    return rc;
}

static void check_self(void)
{
    dom0_getdomaininfo_t info;
    long rc = domain_info(0, &info);

    if (rc != 0) {
        xtf_failure("Fail: GETDOMAININFO(0): expected 0 got %ld\n", rc);
        return;
    }
    check("domain", info.domain, 0);
    check("RUNNING flag", info.flags & DOMFLAGS_RUNNING, DOMFLAGS_RUNNING);
    check("DYING|CRASHED|SHUTDOWN|PAUSED|BLOCKED flags", info.flags & BAD_FLAGS, 0);
    check("shutdown code", (info.flags >> DOMFLAGS_SHUTDOWNSHIFT) & DOMFLAGS_SHUTDOWNMASK, 0);
    check("tot_pages", info.tot_pages, start_info->nr_pages);
    check("shared_info_frame", info.shared_info_frame, start_info->shared_info >> 12);
    if (info.max_pages < info.tot_pages)
        xtf_failure("Fail: max_pages %u is below tot_pages %u\n", info.max_pages,
                    info.tot_pages);
}

void test_main(void)
{
    static const domid_t missing[] = { 1, 2, 100, 0x7FEF, DOMID_SELF, DOMID_IO, 0xFFFF };
    dom0_getdomaininfo_t info;
    unsigned int i;
    char what[40];

    check_self();
    for (i = 0; i < ARRAY_SIZE(missing); i++) {
        snprintf(what, sizeof(what), "GETDOMAININFO(%#x)", missing[i]);
        check_rc(what, domain_info(missing[i], &info), -XEN_ESRCH);
    }
    check_self();   /* still answering, and nothing changed */
    xtf_success(NULL);
}
