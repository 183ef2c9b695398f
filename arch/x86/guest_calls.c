/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypercalls that set a guest's CPU tables and entry points (ABI.md
 * §2, §3, §6): the virtual IDT, callbacks, the ring-1 stack, the fast
 * system-call gate, the GDT and single descriptors.
 */
#include <tessera/bug.h>
#include <tessera/domain.h>
#include <tessera/guest_access.h>
#include <tessera/hypercall.h>
#include <tessera/mm.h>
#include <tessera/sched.h>
#include <asm/desc.h>
#include <asm/flushtlb.h>
#include <asm/layout.h>
#include <asm/processor.h>
#include <public/xen.h>

#include "private.h"

#define PTE_HYPERVISOR  (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)

long do_set_trap_table(uint32_t table_va)
{
    struct domain *d = current;
    uint32_t start = table_va;
    trap_info_t t;

    for (;; table_va += sizeof(t)) {
        /* After at least one entry, so every piece makes progress. */
        if (table_va != start && hypercall_preempt_check())
            return hypercall_create_continuation(__HYPERVISOR_set_trap_table, 1, &table_va);
        if (copy_from_guest(&t, table_va, sizeof(t)) != 0)
            return -EFAULT;
        if (t.address == 0)
            return 0;
        if (!check_selector(t.cs))
            return -EPERM;
        d->arch.traps[t.vector] = t;
        if (t.vector == d->arch.fast_trap_idx)
            arch_load_fast_trap(d);
    }
}

long do_set_callbacks(uint32_t ev_cs, uint32_t ev_eip, uint32_t fs_cs, uint32_t fs_eip)
{
    struct domain *d = current;

    if (!check_selector((uint16_t)ev_cs) || !check_selector((uint16_t)fs_cs))
        return -EPERM;
    d->arch.event_cs = (uint16_t)ev_cs;
    d->arch.event_eip = ev_eip;
    d->arch.failsafe_cs = (uint16_t)fs_cs;
    d->arch.failsafe_eip = fs_eip;
    return 0;
}

long do_stack_switch(uint32_t ss, uint32_t esp)
{
    struct domain *d = current;

    if ((ss & 3) == 0)
        return -EPERM;
    d->arch.guest_ss = (uint16_t)ss;
    d->arch.guest_esp = esp;
    this_tss()->ss1 = (uint16_t)ss;
    this_tss()->esp1 = esp;
    return 0;
}

long do_set_fast_trap(uint32_t idx)
{
    struct domain *d = current;

    if (idx == 0) {
        if (d->arch.fast_trap_idx)
            restore_default_gate(d->arch.fast_trap_idx);
        d->arch.fast_trap_idx = 0;
        return 0;
    }
    /* ABI.md §6: -1 literally, not an errno. */
    if ((idx < 0x20 || idx > 0x2F) && idx != 0x80)
        return -1;
    if (TI_GET_IF(&d->arch.traps[idx]))
        return -1;
    if (d->arch.fast_trap_idx && d->arch.fast_trap_idx != idx)
        restore_default_gate(d->arch.fast_trap_idx);
    d->arch.fast_trap_idx = idx;
    arch_load_fast_trap(d);
    return 0;
}

/* --- GDT ------------------------------------------------------------------- */

/* Zeroes descriptors first..last of a GDT frame (a retry of frame 0). */
static void zero_descriptors(uint32_t mfn, unsigned int first, unsigned int last)
{
    uint64_t *desc = map_frame(mfn);

    memset(&desc[first], 0, (last - first + 1) * sizeof(uint64_t));
    unmap_frame(desc);
}

/*
 * Types a frame as a GDT page (validating every descriptor). Frame 0 may
 * hold stale copies of Tessera's reserved entries, so if it fails, entries
 * 256-295 are zeroed and it is tried once more (ABI.md §3) - unless it is
 * a table in use, whose contents are not ours to change.
 */
static bool get_gdt_frame(struct domain *d, uint32_t mfn, bool frame0)
{
    struct page_info *pg;
    uint32_t type;

    if (!mfn_valid(mfn))
        return false;
    pg = mfn_to_page(mfn);
    if (get_page_and_type(pg, d, PGT_gdt_page))
        return true;
    type = pg->type_info & PGT_type_mask;
    if (!frame0 || pg->owner != d ||
        ((pg->type_info & PGT_count_mask) && type != PGT_writable_page))
        return false;
    zero_descriptors(mfn, FIRST_RESERVED_GDT_ENTRY, LAST_RESERVED_GDT_ENTRY);
    return get_page_and_type(pg, d, PGT_gdt_page);
}

static int get_gdt_frames(struct domain *d, const uint32_t *mfns, unsigned int nr)
{
    unsigned int i;

    for (i = 0; i < nr; i++) {
        if (get_gdt_frame(d, mfns[i], i == 0))
            continue;
        while (i--)
            put_page_and_type(mfn_to_page(mfns[i]));
        return -EINVAL;
    }
    return 0;
}

long do_set_gdt(uint32_t frames_va, uint32_t entries)
{
    struct domain *d = current;
    uint32_t mfns[MAX_GDT_FRAMES];
    unsigned int nr = (entries * 8 + PAGE_SIZE - 1) / PAGE_SIZE;
    uint64_t *frame0;
    unsigned int i;

    if (entries < XEN_GDT_MIN_ENTRIES || entries > XEN_GDT_MAX_ENTRIES)
        return -EINVAL;
    if (copy_from_guest(mfns, frames_va, nr * sizeof(uint32_t)) != 0)
        return -EFAULT;
    if (get_gdt_frames(d, mfns, nr) != 0)
        return -EINVAL;

    gdt_release(d);
    for (i = 0; i < nr; i++) {
        d->arch.gdt_frames[i] = mfns[i];
        d->perdomain_pt[i] = (mfns[i] << PAGE_SHIFT) | PTE_HYPERVISOR;
    }
    d->arch.gdt_ents = entries;
    frame0 = map_frame(mfns[0]);
    memcpy(&frame0[FIRST_RESERVED_GDT_ENTRY], &gdt_table[FIRST_RESERVED_GDT_ENTRY],
           NR_RESERVED_GDT_ENTRIES * sizeof(uint64_t));
    unmap_frame(frame0);
    flush_tlb_local();
    arch_load_segment_tables(d);
    return 0;
}

/* --- update_descriptor ------------------------------------------------------- */

static bool is_reserved_slot_of_current_gdt(struct domain *d, uint32_t mfn, uint32_t slot)
{
    return d->arch.gdt_ents && d->arch.gdt_frames[0] == mfn &&
           slot >= FIRST_RESERVED_GDT_ENTRY && slot <= LAST_RESERVED_GDT_ENTRY;
}

long do_update_descriptor(uint32_t ma, uint32_t lo, uint32_t hi)
{
    struct domain *d = current;
    uint32_t mfn = ma >> PAGE_SHIFT;
    uint32_t slot = (ma & ~PAGE_MASK) / 8;
    struct page_info *pg;
    uint32_t type;
    uint32_t *desc;

    if ((ma & 7) || !mfn_valid(mfn) || !check_descriptor(&lo, &hi))
        return -EINVAL;
    pg = mfn_to_page(mfn);
    if (!get_page(pg, d))
        return -EINVAL;
    type = pg->type_info & PGT_type_mask;
    if ((pg->type_info & PGT_count_mask) == 0 || (type != PGT_gdt_page && type != PGT_ldt_page))
        type = PGT_writable_page;
    if ((type == PGT_gdt_page && is_reserved_slot_of_current_gdt(d, mfn, slot)) ||
        !get_page_type(pg, type)) {
        put_page(pg);
        return -EINVAL;
    }
    desc = map_frame(mfn);
    desc[slot * 2] = lo;
    desc[slot * 2 + 1] = hi;
    unmap_frame(desc);
    put_page_and_type(pg);
    return 0;
}

/* --- switch_vm86 (#23) ------------------------------------------------------ */

int guest_read_seg(uint32_t sel, uint32_t off, uint32_t *val);

/* The frame's linear range, checked by address too: emulators do not
 * enforce segment limits. */
static bool vm86_frame_below_tessera(struct domain *d, const struct cpu_user_regs *regs,
                                     uint32_t len)
{
    uint32_t base, lin;

    if (!guest_segment_base(d, (uint16_t)regs->ss, &base))
        return true;                /* reading through the selector faults anyway */
    lin = base + regs->esp;
    return lin + len > lin && lin + len <= HYPERVISOR_VIRT_START;
}

/*
 * The stack holds [EAX][EIP CS EFLAGS ESP SS ES DS FS GS]; execution
 * resumes in VM86 mode from that frame (ABI.md §6). IOPL stays the
 * caller's, VM is forced, and IF too when IOPL is 0. The call does not
 * return: its "result" is the EAX of the frame.
 */
long do_switch_vm86(void)
{
    struct cpu_user_regs *regs = guest_cpu_user_regs();
    uint32_t w[10], iopl = regs->eflags & X86_EFLAGS_IOPL;
    bool readable = vm86_frame_below_tessera(current, regs, sizeof(w));
    unsigned int i;

    for (i = 0; i < 10; i++) {
        if (!readable || guest_read_seg(regs->ss, regs->esp + 4 * i, &w[i]) != 0) {
            domain_crash(current, "switch_vm86: cannot read the frame at %04x:%08x",
                         regs->ss & 0xFFFF, regs->esp);
            return -EFAULT;
        }
    }
    regs->eip = w[1];
    regs->cs = w[2] & 0xFFFF;
    regs->eflags = (w[3] & ~X86_EFLAGS_IOPL) | iopl | X86_EFLAGS_VM;
    if (iopl == 0)
        regs->eflags |= X86_EFLAGS_IF;
    regs->eflags &= ~X86_EFLAGS_NT;
    regs->esp = w[4];
    regs->ss = w[5] & 0xFFFF;
    regs->vm86_es = w[6] & 0xFFFF;
    regs->vm86_ds = w[7] & 0xFFFF;
    regs->vm86_fs = w[8] & 0xFFFF;
    regs->vm86_gs = w[9] & 0xFFFF;
    regs->ds = regs->es = regs->fs = regs->gs = 0;
    return (long)w[0];
}
