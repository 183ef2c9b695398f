/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom_mem_op (ABI.md §5.6): the balloon interface. Returns the number of
 * extents done; it stops at the first failure.
 */
#include <tessera/domain.h>
#include <tessera/errno.h>
#include <tessera/guest_access.h>
#include <tessera/hypercall.h>
#include <tessera/mm.h>
#include <tessera/sched.h>
#include <public/xen.h>

/* Preempted at extent i: the call resumes there (op bits 4+). */
static long resume(uint32_t op, uint32_t i, const uint32_t *args)
{
    uint32_t a[5] = { (op & MEMOP_CMD_MASK) | (i << 4), args[1], args[2], args[3], args[4] };

    return hypercall_create_continuation(__HYPERVISOR_dom_mem_op, 5, a);
}

static uint32_t increase_reservation(struct domain *d, uint32_t list_va, uint32_t first,
                                     uint32_t n, uint32_t order, bool *preempted)
{
    uint32_t i;

    if (order > 0 && !current->physdev)
        return first;
    for (i = first; i < n; i++) {
        if (i > first && hypercall_preempt_check()) {
            *preempted = true;
            break;
        }
        struct page_info *pg = alloc_domheap_pages(d, order);
        uint32_t mfn;

        if (!pg)
            break;
        mfn = page_to_mfn(pg);
        if (copy_to_guest(list_va + i * 4, &mfn, 4) != 0) {
            /* The guest cannot learn of it: give it back at once. */
            uint32_t k;

            for (k = 0; k < (1u << order); k++) {
                pg[k].count_info &= ~PGC_allocated;
                put_page(&pg[k]);
            }
            break;
        }
    }
    return i;
}

/* Gives one frame back: unpinned if pinned, the owner's reference dropped. */
static bool release_frame(struct domain *d, uint32_t mfn)
{
    struct page_info *pg;

    if (!mfn_valid(mfn) || !get_page(pg = mfn_to_page(mfn), d))
        return false;
    /* Its shared-info page is not the domain's to give back. */
    if (is_shared_xen_frame(d, pg)) {
        put_page(pg);
        return false;
    }
    if (pg->type_info & PGT_pinned)
        unpin_page_table(pg, d);
    if (pg->count_info & PGC_allocated) {
        pg->count_info &= ~PGC_allocated;
        put_page(pg);
    }
    put_page(pg);
    return true;
}

static uint32_t decrease_reservation(struct domain *d, uint32_t list_va, uint32_t first,
                                     uint32_t n, uint32_t order, bool *preempted)
{
    uint32_t i, k, mfn;

    for (i = first; i < n; i++) {
        if (i > first && hypercall_preempt_check()) {
            *preempted = true;
            break;
        }
        if (copy_from_guest(&mfn, list_va + i * 4, 4) != 0)
            break;
        for (k = 0; k < (1u << order); k++) {
            if (!release_frame(d, mfn + k))
                return i;
        }
    }
    return i;
}

long do_dom_mem_op(uint32_t op, uint32_t list_va, uint32_t n, uint32_t order, uint32_t domid)
{
    struct domain *d = current;
    const uint32_t args[5] = { op, list_va, n, order, domid };
    uint32_t first = op >> 4, done;
    bool preempted = false;

    if ((domid_t)domid != DOMID_SELF) {
        if (!current->privileged)
            return -EPERM;
        if (!(d = domain_find((domid_t)domid)))
            return -ESRCH;
    }
    if (order > 20)
        return 0;
    switch (op & MEMOP_CMD_MASK) {
    case MEMOP_increase_reservation:
        done = increase_reservation(d, list_va, first, n, order, &preempted);
        break;
    case MEMOP_decrease_reservation:
        done = decrease_reservation(d, list_va, first, n, order, &preempted);
        break;
    default:
        return -ENOSYS;
    }
    return preempted ? resume(op, done, args) : (long)done;
}
