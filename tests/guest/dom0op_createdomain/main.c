/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_createdomain: the life of a domain that is never built (ABI.md
 * §10 CREATEDOMAIN, UNPAUSEDOMAIN, DESTROYDOMAIN, life cycle). CREATEDOMAIN
 * of 4096 KB with id 0 ("pick one") returns 0 and a free id >= 1; the new
 * domain has 1024 pages (tot_pages = max_pages), the PAUSED flag, and
 * PHYSINFO's free_pages fell by 1024. Asking for that id again gives
 * -EINVAL. UNPAUSEDOMAIN gives -EINVAL, as the domain is not built. Then
 * DESTROYDOMAIN returns its memory (free_pages back where it was, waiting
 * with yields for any scrubbing) and the id gives -ESRCH. SKIP while
 * CREATEDOMAIN is -ENOSYS.
 */
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define NEW_KB      4096
#define NEW_PAGES   1024

static long op_call(dom0_op_t *op, uint32_t cmd)
{
    op->cmd = cmd;
    op->interface_version = DOM0_INTERFACE_VERSION;
    return HYPERVISOR_dom0_op(op);
}

static long create(domid_t want, domid_t *got)
{
    dom0_op_t op = { 0 };
    long rc;

    op.u.createdomain.memory_kb = NEW_KB;
    op.u.createdomain.cpu = DOM0_CREATEDOMAIN_ANY_CPU;
    op.u.createdomain.domain = want;
    rc = op_call(&op, DOM0_CREATEDOMAIN);
    *got = op.u.createdomain.domain;
    return rc;
}

static long dom_cmd(uint32_t cmd, domid_t dom)
{
    dom0_op_t op = { 0 };

    op.u.pausedomain.domain = dom;
    return op_call(&op, cmd);
}

static uint32_t free_pages(void)
{
    dom0_op_t op = { 0 };

    return op_call(&op, DOM0_PHYSINFO) == 0 ? op.u.physinfo.free_pages : 0;
}

static void check_new_domain(domid_t id)
{
    dom0_op_t op = { 0 };
    const dom0_getdomaininfo_t *info = &op.u.getdomaininfo;
    long rc;

    op.u.getdomaininfo.domain = id;
    rc = op_call(&op, DOM0_GETDOMAININFO);
    if (rc != 0 || info->domain != id || info->tot_pages != NEW_PAGES ||
        info->max_pages != NEW_PAGES || !(info->flags & DOMFLAGS_PAUSED) ||
        (info->flags & (DOMFLAGS_DYING | DOMFLAGS_SHUTDOWN | DOMFLAGS_CRASHED)))
        xtf_failure("Fail: GETDOMAININFO(%u) of the new domain: rc %ld domain %u flags %#x "
                    "tot %u max %u\n", id, rc, info->domain, info->flags, info->tot_pages,
                    info->max_pages);
}

void test_main(void)
{
    uint32_t free0 = free_pages(), now;
    domid_t id, again;
    unsigned int i;
    long rc = create(0, &id);

    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: DOM0_CREATEDOMAIN is not implemented (-ENOSYS)\n");
        return;
    }
    if (rc != 0 || id == 0 || id >= DOMID_FIRST_RESERVED) {
        xtf_failure("Fail: CREATEDOMAIN(%u KB): rc %ld id %u\n", NEW_KB, rc, id);
        return;
    }
    check_new_domain(id);
    if ((now = free_pages()) != free0 - NEW_PAGES)
        xtf_failure("Fail: free_pages after CREATEDOMAIN: expected %u got %u\n",
                    free0 - NEW_PAGES, now);
    if ((rc = create(id, &again)) != -XEN_EINVAL)
        xtf_failure("Fail: CREATEDOMAIN of id %u in use: expected %d got %ld\n", id,
                    -XEN_EINVAL, rc);
    if ((rc = dom_cmd(DOM0_UNPAUSEDOMAIN, id)) != -XEN_EINVAL)
        xtf_failure("Fail: UNPAUSEDOMAIN of the unbuilt domain: expected %d got %ld\n",
                    -XEN_EINVAL, rc);

    if ((rc = dom_cmd(DOM0_DESTROYDOMAIN, id)) != 0)
        xtf_failure("Fail: DESTROYDOMAIN(%u): expected 0 got %ld\n", id, rc);
    for (i = 0; i < 100000 && (now = free_pages()) < free0; i++)
        HYPERVISOR_yield();
    if (now != free0)
        xtf_failure("Fail: free_pages after DESTROYDOMAIN: expected %u got %u\n", free0, now);
    for (i = 0; i < 100000 && (rc = dom_cmd(DOM0_PAUSEDOMAIN, id)) != -XEN_ESRCH; i++)
        HYPERVISOR_yield();
    if (rc != -XEN_ESRCH)
        xtf_failure("Fail: PAUSEDOMAIN(%u) after the destroy: expected %d got %ld\n", id,
                    -XEN_ESRCH, rc);
    xtf_success(NULL);
}
