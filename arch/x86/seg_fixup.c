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
 * Decoded: prefixes 26 36 64 65 66 F0 F2 F3 (not 67), one-byte opcodes
 * with a ModRM memory operand from the set below, ModRM without SIB.
 */
#include <tessera/domain.h>
#include <tessera/mm.h>
#include <asm/desc.h>
#include <asm/layout.h>
#include <public/xen.h>

#include "private.h"

int guest_read_seg(uint32_t sel, uint32_t off, uint32_t *val);

#define MAX_INSN        15
#define SEG_LIMIT_TOP   0xFC400000u

enum seg { SEG_ES, SEG_SS, SEG_DS, SEG_FS, SEG_GS };

/* One-byte opcodes with a ModRM memory operand that we decode. */
static bool opcode_has_modrm(uint8_t op)
{
    if (op < 0x40)
        return (op & 7) < 4;        /* ALU r/m forms: add, or, adc, sbb, and, sub, xor, cmp */
    return (op >= 0x80 && op <= 0x8B) || op == 0xC6 || op == 0xC7 ||
           op == 0xFE || op == 0xFF;
}

struct operand {
    enum seg seg;
    uint32_t offset;
    uint32_t length;            /* bytes decoded */
};

static bool fetch(const struct cpu_user_regs *regs, uint8_t *insn)
{
    uint32_t i, w;

    for (i = 0; i < MAX_INSN + 1; i += 4) {
        if (guest_read_seg(regs->cs, regs->eip + i, &w) != 0)
            return false;
        memcpy(insn + i, &w, 4);
    }
    return true;
}

static uint32_t gpr(const struct cpu_user_regs *r, unsigned int n)
{
    const uint32_t v[8] = { r->eax, r->ecx, r->edx, r->ebx, r->esp, r->ebp, r->esi, r->edi };

    return v[n];
}

static bool decode(const struct cpu_user_regs *regs, const uint8_t *insn, struct operand *op)
{
    const uint8_t *p = insn;
    int override = -1;
    unsigned int mod, rm;

    for (;; p++) {
        switch (*p) {
        case 0x26: override = SEG_ES; continue;
        case 0x36: override = SEG_SS; continue;
        case 0x64: override = SEG_FS; continue;
        case 0x65: override = SEG_GS; continue;
        case 0x66: case 0xF0: case 0xF2: case 0xF3: continue;
        }
        break;
    }
    if (p - insn > 8 || !opcode_has_modrm(*p++))
        return false;
    mod = *p >> 6;
    rm = *p & 7;
    p++;
    if (mod == 3 || rm == 4)
        return false;               /* register operand, or a SIB byte */
    op->seg = (rm == 5 && mod != 0) ? SEG_SS : SEG_DS;
    if (mod == 0 && rm == 5) {
        memcpy(&op->offset, p, 4);
        p += 4;
    } else {
        op->offset = gpr(regs, rm);
        if (mod == 1)
            op->offset += (uint32_t)(int32_t)(int8_t)*p++;
        else if (mod == 2) {
            uint32_t disp;

            memcpy(&disp, p, 4);
            op->offset += disp;
            p += 4;
        }
    }
    if (override >= 0)
        op->seg = (enum seg)override;
    op->length = (uint32_t)(p - insn);
    return true;
}

static uint16_t selector_of(const struct cpu_user_regs *r, enum seg s)
{
    const uint32_t v[] = { r->es, r->ss, r->ds, r->fs, r->gs };

    return (uint16_t)v[s];
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

/* Present, 32-bit, page-granular, DPL 3, data. */
static bool flippable(uint32_t hi)
{
    return (hi & 0x00C0F800u) == 0x00C0F000u;
}

static bool truncated(uint32_t lo, uint32_t hi, uint32_t offset)
{
    uint32_t base = (hi & 0xFF000000u) | ((hi & 0xFF) << 16) | (lo >> 16);
    uint32_t limit = (((hi & 0xF0000u) | (lo & 0xFFFFu)) << 12) | 0xFFFu;

    if (hi & 0x400u)                        /* expand-down: reaching below 4 KB */
        return limit < 0x1000u && offset <= limit;
    return base + limit >= SEG_LIMIT_TOP - 0x1000u && base + limit < SEG_LIMIT_TOP &&
           offset > limit;
}

bool gpf_emulate_4gb(struct domain *d, struct cpu_user_regs *regs)
{
    uint8_t insn[MAX_INSN + 4];
    struct operand op;
    uint32_t *slot, lo, hi;

    if (!(d->arch.vm_assist & (1u << VMASST_TYPE_4gb_segments)) ||
        (regs->eflags & X86_EFLAGS_VM) || !fetch(regs, insn) || !decode(regs, insn, &op))
        return false;
    slot = descriptor_slot(d, selector_of(regs, op.seg));
    if (!slot || guest_read_seg(__HYPERVISOR_DS, (uint32_t)(uintptr_t)slot, &lo) != 0 ||
        guest_read_seg(__HYPERVISOR_DS, (uint32_t)(uintptr_t)slot + 4, &hi) != 0)
        return false;
    if (!flippable(hi) || !truncated(lo, hi, op.offset))
        return false;

    hi ^= 0x400u;                           /* expand-up <-> expand-down */
    if (!check_descriptor(&lo, &hi))
        return false;
    slot[0] = lo;
    slot[1] = hi;
    if (d->arch.vm_assist & (1u << VMASST_TYPE_4gb_segments_notify))
        guest_bounce_exception(d, 15, TBF_EXCEPTION_ERRCODE, op.length, 0);
    return true;
}
