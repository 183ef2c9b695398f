/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Writable page tables (ABI.md §5.5), the WRITABLE_PAGETABLES module: the
 * CPU's two slots, the flush triggers, and the crashes. The decisions and
 * frame edits are in ptwr_core.c.
 *
 * One CPU: its slots belong to the domain that runs, since descheduling
 * flushes both; each slot still records its domain, so a flush for any
 * other domain finds nothing to do. SMP gives every CPU its own pair.
 */
#include <tessera/domain.h>
#include <tessera/ptwr.h>
#include <tessera/sched.h>
#include <asm/flushtlb.h>

#include "ptwr_core.h"

static struct ptwr_slot slots[PTWR_NR_SLOTS];

void ptwr_flush_tlb_one(struct domain *d, uint32_t va)
{
    if (d == current)
        flush_tlb_one_local(va);
}

void ptwr_flush_tlb_all(struct domain *d)
{
    if (d == current)
        flush_tlb_local();
}

/*
 * Closes d's slots among first..first+n-1, then crashes d if it wrote an
 * invalid entry: only once every one of them is consistent, because the
 * crash deschedules d, which flushes again (and does not return for
 * current).
 */
static void flush_slots(struct domain *d, unsigned int first, unsigned int n)
{
    struct ptwr_refusal r = { 0 };
    unsigned int i;

    for (i = first; i < first + n; i++)
        if (slots[i].d == d)
            ptwr_close(&slots[i], &r);
    if (r.count && !d->dying)
        domain_crash(d, "writable page table %#x: entry %u = %#x is not valid (%u refused)",
                     r.l1_mfn, r.idx, r.entry, r.count);
}

void ptwr_flush_all(struct domain *d)
{
    flush_slots(d, 0, PTWR_NR_SLOTS);
}

static void crash_on_fault(struct domain *d, enum ptwr_verdict v, const struct ptwr_fault *f,
                           uint32_t addr)
{
    if (v == PTWR_CRASH_BACKPOINTER)
        domain_crash(d, "write to L1 %#x at %#x: its back-pointer is %s", f->l1_mfn, addr,
                     f->l2_idx == (PGT_va_mutable >> PGT_va_shift) ? "unset" : "ambiguous");
    else
        domain_crash(d, "write to L1 %#x at %#x: the table maps that address itself",
                     f->l1_mfn, addr);
}

bool ptwr_do_page_fault(struct domain *d, uint32_t addr, uint32_t error_code)
{
    struct ptwr_fault f;
    struct ptwr_slot *s;
    enum ptwr_verdict v;

    /* Any fault in the 4 MB the open ACTIVE table serves: reconnect, retry. */
    if (ptwr_disconnected(&slots[PTWR_ACTIVE], d, addr)) {
        flush_slots(d, PTWR_ACTIVE, 1);
        return true;
    }
    if (!(d->arch.vm_assist & (1u << VMASST_TYPE_writable_pagetables)))
        return false;
    /* Each flush frees a slot: this ends after at most two of them. */
    for (;;) {
        v = ptwr_examine(d, d->arch.pt_base, addr, error_code, slots, &f);
        if (v == PTWR_NOT_OURS)
            return false;
        if (v != PTWR_OPEN) {
            crash_on_fault(d, v, &f, addr);
            return true;
        }
        s = ptwr_blocking_slot(slots, &f);
        if (!s)
            break;
        flush_slots(s->d, (unsigned int)(s - slots), 1);
    }
    return ptwr_open(&slots[f.which], d, d->arch.pt_base, &f);
}
