/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vm_assist 4gb_segments (ABI.md §3): guest libraries that use a flat 4 GB
 * segment with negative offsets (TLS) fault in ring 3, because Tessera
 * truncates every guest segment below its own area. For a #GP(0) from ring
 * 3, the instruction is decoded just enough to find its memory operand's
 * segment; if that segment looks truncated in the way such code trips
 * over, its descriptor is flipped (expand-up <-> expand-down, re-checked by
 * check_descriptor) and the instruction restarts. With the notify type
 * also enabled the guest then gets vector 15, error code = bytes decoded.
 *
 * This file touches the guest (the instruction bytes, its GDT/LDT, the
 * bounce); the decoding and the descriptor logic are in seg_decode.c,
 * where the host tests reach them.
 */
#include <tessera/domain.h>
#include <asm/desc.h>
#include <asm/layout.h>
#include <public/xen.h>

#include "private.h"
#include "seg_decode.h"

int guest_read_seg(uint32_t sel, uint32_t off, uint32_t *val);

/* The bytes at CS:EIP, read a word at a time as guest_read_seg allows. */
static bool fetch(const struct cpu_user_regs *regs, uint8_t insn[SEG_INSN_BYTES])
{
    uint32_t i, w;

    BUILD_BUG_ON(SEG_INSN_BYTES % 4);
    for (i = 0; i < SEG_INSN_BYTES; i += 4) {
        if (guest_read_seg(regs->cs, regs->eip + i, &w) != 0)
            return false;
        memcpy(insn + i, &w, 4);
    }
    return true;
}

/* Tessera's writable view of the guest's descriptor for sel, or NULL. */
static uint32_t *descriptor_slot(struct domain *d, uint16_t sel)
{
    uint32_t idx = sel >> 3;

    if (sel & 4)
        return idx < d->arch.ldt_ents ? (uint32_t *)(LDT_VIRT_START + idx * 8) : NULL;
    if (!d->arch.gdt_ents || idx >= d->arch.gdt_ents || idx >= FIRST_RESERVED_GDT_ENTRY)
        return NULL;
    return (uint32_t *)(GDT_VIRT_START + idx * 8);
}

/*
 * The base of the guest data segment sel (GDT or LDT), for checks that
 * must not rely on the CPU enforcing segment limits (emulators do not).
 * False if the selector names no descriptor of the guest's.
 */
bool guest_segment_base(struct domain *d, uint16_t sel, uint32_t *base)
{
    uint32_t lo, hi;
    uint32_t *slot;

    if (sel == FLAT_RING1_DS || sel == FLAT_RING3_DS || sel == FLAT_RING1_CS ||
        sel == FLAT_RING3_CS) {
        *base = 0;
        return true;
    }
    slot = descriptor_slot(d, sel);
    if (!slot || guest_read_seg(__HYPERVISOR_DS, (uint32_t)(uintptr_t)slot, &lo) != 0 ||
        guest_read_seg(__HYPERVISOR_DS, (uint32_t)(uintptr_t)slot + 4, &hi) != 0)
        return false;
    *base = (hi & 0xFF000000u) | ((hi & 0xFF) << 16) | (lo >> 16);
    return true;
}

bool gpf_emulate_4gb(struct domain *d, struct cpu_user_regs *regs)
{
    uint8_t insn[SEG_INSN_BYTES];
    struct seg_operand op;
    uint32_t *slot, lo, hi;

    if (!(d->arch.vm_assist & (1u << VMASST_TYPE_4gb_segments)) ||
        (regs->eflags & X86_EFLAGS_VM) || !fetch(regs, insn) || !seg_decode(regs, insn, &op))
        return false;
    slot = descriptor_slot(d, seg_selector(regs, op.seg));
    if (!slot || guest_read_seg(__HYPERVISOR_DS, (uint32_t)(uintptr_t)slot, &lo) != 0 ||
        guest_read_seg(__HYPERVISOR_DS, (uint32_t)(uintptr_t)slot + 4, &hi) != 0)
        return false;
    if (!seg_flippable(hi) || !seg_truncated(lo, hi, op.offset) || !seg_flip(&lo, &hi))
        return false;
    slot[0] = lo;
    slot[1] = hi;
    if (d->arch.vm_assist & (1u << VMASST_TYPE_4gb_segments_notify))
        guest_bounce_exception(d, 15, TBF_EXCEPTION_ERRCODE, op.length, 0);
    return true;
}
