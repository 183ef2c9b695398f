/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mmu_update (ABI.md §5.3): checked page-table updates, M2P updates and
 * the extended commands, all through the page-type system. The foreign
 * domain (FD) named by SET_FOREIGNDOM lasts until CLEAR_FOREIGNDOM or the
 * end of the call; a TLB flush asked for is done once, at the end.
 */
#include <tessera/arch.h>
#include <tessera/domain.h>
#include <tessera/errno.h>
#include <tessera/guest_access.h>
#include <tessera/hypercall.h>
#include <tessera/mm.h>
#include <tessera/ptwr.h>
#include <tessera/sched.h>
#include <asm/flushtlb.h>
#include <asm/layout.h>
#include <public/xen.h>

#define MMU_UPDATE_MAX_COUNT    (1u << 16)
#define MMU_UPDATE_PREEMPTED    0x80000000u     /* count of a continuation */

/*
 * Removing a mapping of a frame that is in use as an LDT page: the LDT
 * shadow may hold it, so the whole shadow goes (ABI.md §3).
 */
static void ldt_mapping_removed(struct domain *d, uint32_t old_pte)
{
    uint32_t mfn = old_pte >> PAGE_SHIFT;

    if ((old_pte & _PAGE_PRESENT) && mfn_valid(mfn) &&
        (mfn_to_page(mfn)->type_info & PGT_type_mask) == PGT_ldt_page)
        ldt_shadow_invalidate(d);
}

struct mmu_call {
    struct domain *caller;
    struct domain *fd;          /* foreign domain, or NULL */
    bool flush_tlb;
};

static struct domain *subject(const struct mmu_call *c)
{
    return c->fd ? c->fd : c->caller;
}

/* MMU_NORMAL_PT_UPDATE: ptr is a machine address in a frame the caller owns. */
static int normal_pt_update(struct mmu_call *c, uint32_t ma, uint32_t val)
{
    uint32_t mfn = ma >> PAGE_SHIFT;
    struct page_info *pg;
    uint32_t type, *p;
    int rc = 0;

    if (!mfn_valid(mfn) || !get_page(pg = mfn_to_page(mfn), c->caller))
        return -EINVAL;
    /* Keep the frame's type (and an L1's back-pointer) as it is. */
    type = pg->type_info & (PGT_type_mask | PGT_va_mask);
    if ((type & PGT_type_mask) == PGT_l2_page_table)
        type = PGT_l2_page_table;
    if ((pg->type_info & PGT_count_mask) == 0 ||
        ((type & PGT_type_mask) != PGT_l1_page_table && (type & PGT_type_mask) != PGT_l2_page_table))
        type = PGT_writable_page;
    if (!get_page_type(pg, type)) {
        put_page(pg);
        return -EINVAL;
    }
    p = (uint32_t *)((uint8_t *)map_frame(mfn) + (ma & ~PAGE_MASK & ~3u));
    switch (type & PGT_type_mask) {
    case PGT_l1_page_table: {
        uint32_t old = *p;

        rc = mod_l1_entry(p, val, subject(c), c->caller);
        if (rc == 0 && (old >> PAGE_SHIFT) != (val >> PAGE_SHIFT))
            ldt_mapping_removed(c->caller, old);
        break;
    }
    case PGT_l2_page_table:
        rc = mod_l2_entry(p, val, mfn, (ma & ~PAGE_MASK) / 4, c->caller);
        break;
    default:
        *p = val;
        break;
    }
    unmap_frame(p);
    put_page_and_type(pg);
    return rc;
}

/* MMU_MACHPHYS_UPDATE: the frame must be the subject domain's. */
static int machphys_update(struct mmu_call *c, uint32_t ptr, uint32_t val)
{
    uint32_t mfn = ptr >> PAGE_SHIFT;
    struct page_info *pg;

    if (!mfn_valid(mfn) || !get_page(pg = mfn_to_page(mfn), subject(c)))
        return -EINVAL;
    machine_to_phys_mapping[mfn] = val;
    put_page(pg);
    return 0;
}

static int set_foreigndom(struct mmu_call *c, domid_t id)
{
    if (c->fd || id == DOMID_SELF)
        return -EINVAL;
    if (!c->caller->privileged) {
        if (id != DOMID_IO)
            return -EINVAL;
        c->fd = dom_io;
        return 0;
    }
    if (id == DOMID_IO)
        c->fd = dom_io;
    else if (id == DOMID_XEN)
        c->fd = dom_xen;
    else
        c->fd = domain_find(id);
    return c->fd ? 0 : -EINVAL;
}

static int new_baseptr(struct mmu_call *c, uint32_t mfn)
{
    struct domain *d = c->caller;
    uint32_t old = d->arch.pt_base;

    if (!mfn_valid(mfn) || !get_page_and_type(mfn_to_page(mfn), d, PGT_l2_page_table))
        return -EINVAL;
    d->arch.pt_base = mfn;
    write_cr3(mfn << PAGE_SHIFT);
    if (old)
        put_page_and_type(mfn_to_page(old));
    ldt_shadow_invalidate(d);
    return 0;
}

static int set_ldt(struct mmu_call *c, uint32_t va, uint32_t ents)
{
    struct domain *d = c->caller;

    if ((va & ~PAGE_MASK) || ents > XEN_LDT_MAX_ENTRIES || va + ents * 8 > PAGE_OFFSET ||
        va + ents * 8 < va)
        return -EINVAL;
    ldt_shadow_invalidate(d);
    d->arch.ldt_base = va;
    d->arch.ldt_ents = ents;
    arch_load_segment_tables(d);
    return 0;
}

/* MMUEXT_REASSIGN_PAGE: the caller's frame, held by nothing else, to the FD. */
static int reassign_page(struct mmu_call *c, uint32_t mfn)
{
    struct domain *from = c->caller, *to = c->fd;
    struct page_info *pg;

    if (!from->privileged || !to || to == dom_io || to == dom_xen || !mfn_valid(mfn))
        return -EINVAL;
    pg = mfn_to_page(mfn);
    if (pg->owner != from || pg->count_info != (PGC_allocated | 1) ||
        (pg->type_info & PGT_count_mask))
        return -EINVAL;
    list_del(&pg->list);
    from->tot_pages--;
    pg->owner = to;
    list_add_tail(&pg->list, &to->page_list);
    to->tot_pages++;
    return 0;
}

static int extended_command(struct mmu_call *c, uint32_t ptr, uint32_t val)
{
    uint32_t mfn = ptr >> PAGE_SHIFT;
    struct page_info *pg = mfn_valid(mfn) ? mfn_to_page(mfn) : NULL;

    switch (val & MMUEXT_CMD_MASK) {
    case MMUEXT_PIN_L1_TABLE:
        return pg ? pin_page_table(pg, subject(c), PGT_l1_page_table | PGT_va_mutable) : -EINVAL;
    case MMUEXT_PIN_L2_TABLE:
        return pg ? pin_page_table(pg, subject(c), PGT_l2_page_table) : -EINVAL;
    case MMUEXT_UNPIN_TABLE:
        return pg ? unpin_page_table(pg, subject(c)) : -EINVAL;
    case MMUEXT_NEW_BASEPTR:
        return new_baseptr(c, mfn);
    case MMUEXT_TLB_FLUSH:
        c->flush_tlb = true;
        return 0;
    case MMUEXT_INVLPG:
        flush_tlb_one_local(ptr);
        return 0;
    case MMUEXT_FLUSH_CACHE:
        if (!c->caller->physdev)
            return -EINVAL;
        arch_flush_cache();
        return 0;
    case MMUEXT_SET_LDT:
        return set_ldt(c, ptr, val >> MMUEXT_CMD_SHIFT);
    case MMUEXT_SET_FOREIGNDOM:
        return set_foreigndom(c, (domid_t)(val >> 16));
    case MMUEXT_CLEAR_FOREIGNDOM:
        c->fd = NULL;
        return 0;
    case MMUEXT_REASSIGN_PAGE:
        return reassign_page(c, mfn);
    default:
        /* PIN_L3/L4, and TRANSFER_PAGE: grant tables are not built. */
        return -EINVAL;
    }
}

static int one_request(struct mmu_call *c, const mmu_update_t *req)
{
    uint32_t ptr = req->ptr;

    switch (ptr & 3) {
    case MMU_NORMAL_PT_UPDATE:
        return normal_pt_update(c, ptr & ~3u, req->val);
    case MMU_MACHPHYS_UPDATE:
        return machphys_update(c, ptr, req->val);
    case MMU_EXTENDED_COMMAND:
        return extended_command(c, ptr & ~3u, req->val);
    default:
        return -EINVAL;
    }
}

long do_mmu_update(uint32_t reqs_va, uint32_t count, uint32_t done_va)
{
    struct mmu_call c = { .caller = current };
    uint32_t i, done = 0;
    long rc = 0;

    ptwr_flush_all(c.caller);
    if (count & MMU_UPDATE_PREEMPTED) {
        /* A continuation: the FD and the progress count carry over. */
        count &= ~MMU_UPDATE_PREEMPTED;
        if (c.caller->mmu_preempted_fd != DOMID_SELF &&
            set_foreigndom(&c, c.caller->mmu_preempted_fd) != 0)
            return -EINVAL;
        if (done_va && copy_from_guest(&done, done_va, sizeof(done)) != 0)
            return -EFAULT;
    }
    c.caller->mmu_preempted_fd = DOMID_SELF;
    if (count >= MMU_UPDATE_MAX_COUNT)
        return -EINVAL;
    for (i = 0; i < count; i++) {
        mmu_update_t req;

        if (i > 0 && hypercall_preempt_check()) {
            uint32_t args[3] = { reqs_va + i * (uint32_t)sizeof(req),
                                 (count - i) | MMU_UPDATE_PREEMPTED, done_va };

            /* By id, re-checked on resume: the FD may be gone by then. */
            c.caller->mmu_preempted_fd = c.fd ? c.fd->id : DOMID_SELF;
            rc = hypercall_create_continuation(__HYPERVISOR_mmu_update, 3, args);
            break;
        }
        if (copy_from_guest(&req, reqs_va + i * (uint32_t)sizeof(req), sizeof(req)) != 0) {
            rc = -EFAULT;
            break;
        }
        if ((rc = one_request(&c, &req)) != 0)
            break;
    }
    if (c.flush_tlb)
        flush_tlb_local();
    done += i;
    if (done_va && copy_to_guest(done_va, &done, sizeof(done)) != 0)
        rc = -EFAULT;
    return rc;
}

/* --- update_va_mapping (ABI.md §5.4) ----------------------------------------- */

static long update_va(uint32_t page_nr, uint32_t val, uint32_t flags, struct domain *subj)
{
    struct domain *d = current;
    uint32_t va = page_nr << PAGE_SHIFT;
    uint32_t *l2, l2e, *l1, old;
    struct page_info *l1pg;
    long rc;

    if (page_nr >= (HYPERVISOR_VIRT_START >> PAGE_SHIFT))
        return -EINVAL;
    ptwr_flush_all(d);
    l2 = map_frame(d->arch.pt_base);
    l2e = l2[va >> 22];
    unmap_frame(l2);
    if (!(l2e & _PAGE_PRESENT))
        return -EINVAL;
    l1pg = mfn_to_page(l2e >> PAGE_SHIFT);
    /* A present PDE holds an L1 type reference: the frame is a validated L1
     * (or a linear L2, which this call does not edit). */
    if ((l1pg->type_info & PGT_type_mask) != PGT_l1_page_table)
        return -EINVAL;
    l1 = map_frame(l2e >> PAGE_SHIFT);
    old = l1[(va >> PAGE_SHIFT) & (L1_ENTRIES - 1)];
    rc = mod_l1_entry(&l1[(va >> PAGE_SHIFT) & (L1_ENTRIES - 1)], val, subj, d);
    unmap_frame(l1);
    if (rc)
        return rc;
    if ((old >> PAGE_SHIFT) != (val >> PAGE_SHIFT))
        ldt_mapping_removed(d, old);
    if (flags & UVMF_FLUSH_TLB)
        flush_tlb_local();
    else if (flags & UVMF_INVLPG)
        flush_tlb_one_local(va);
    return 0;
}

long do_update_va_mapping(uint32_t page_nr, uint32_t val, uint32_t flags)
{
    return update_va(page_nr, val, flags, current);
}

long do_update_va_mapping_otherdomain(uint32_t page_nr, uint32_t val, uint32_t flags,
                                      uint32_t domid)
{
    struct domain *d;

    if (!current->privileged)
        return -EPERM;
    if ((domid_t)domid == DOMID_IO)
        d = dom_io;
    else if ((domid_t)domid == DOMID_XEN)
        d = dom_xen;
    else if (!(d = domain_find((domid_t)domid)))
        return -ESRCH;
    return update_va(page_nr, val, flags, d);
}
