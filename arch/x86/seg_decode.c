/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vm_assist 4gb_segments, the part that decides (ABI.md §3): which segment
 * and offset a faulting instruction used, whether that segment is one
 * Tessera truncated, and the flipped descriptor. See seg_decode.h.
 */
#include <tessera/lib.h>
#include <tessera/mm.h>
#include <asm/page.h>

#include "seg_decode.h"

/* Descriptor high-word bits. */
#define DESC_EXPAND_DOWN    0x00000400u
#define FLIP_MASK           0x00C0F800u     /* G, D/B, P, DPL, S, code */
#define FLIP_WANT           0x00C0F000u     /* G, D/B, P, DPL 3, S; not code */

#define SEG_TOP             ((uint32_t)PAGE_OFFSET)
#define SLACK               ((uint32_t)PAGE_SIZE)

/* More than real code ever uses; also keeps the decode inside SEG_INSN_BYTES. */
#define MAX_PREFIXES        8

BUILD_BUG_ON(MAX_PREFIXES + 6 > SEG_INSN_BYTES);   /* opcode, ModRM, disp32 */

/* One-byte opcodes with a ModRM memory operand that we decode. */
static bool opcode_has_modrm(uint8_t op)
{
    if (op < 0x40)
        return (op & 7) < 4;        /* ALU r/m forms: add, or, adc, sbb, and, sub, xor, cmp */
    return (op >= 0x80 && op <= 0x8B) || op == 0xC6 || op == 0xC7 ||
           op == 0xFE || op == 0xFF;
}

/* A prefix we step over; *override set for a segment override. */
static bool is_prefix(uint8_t b, int *override)
{
    switch (b) {
    case 0x26: *override = SEG_ES; return true;
    case 0x36: *override = SEG_SS; return true;
    case 0x64: *override = SEG_FS; return true;
    case 0x65: *override = SEG_GS; return true;
    case 0x66: case 0xF0: case 0xF2: case 0xF3: return true;
    }
    return false;
}

/* General register n in ModRM order. */
static uint32_t gpr(const struct cpu_user_regs *r, unsigned int n)
{
    const uint32_t v[8] = { r->eax, r->ecx, r->edx, r->ebx, r->esp, r->ebp, r->esi, r->edi };

    return v[n];
}

static uint32_t le32(const uint8_t *p)
{
    uint32_t v;

    memcpy(&v, p, 4);               /* x86 is little-endian, as are the host tests' hosts */
    return v;
}

bool seg_decode(const struct cpu_user_regs *regs, const uint8_t insn[SEG_INSN_BYTES],
                struct seg_operand *op)
{
    const uint8_t *p = insn;
    int override = -1;
    unsigned int mod, rm;

    while (is_prefix(*p, &override))
        if (++p - insn > MAX_PREFIXES)
            return false;
    if (!opcode_has_modrm(*p++))
        return false;
    mod = *p >> 6;
    rm = *p & 7;
    p++;
    if (mod == 3 || rm == 4)
        return false;               /* register operand, or a SIB byte */
    /* EBP-based addressing defaults to SS; mod 0 rm 5 is disp32 alone, not EBP. */
    op->seg = (rm == 5 && mod != 0) ? SEG_SS : SEG_DS;
    if (mod == 0 && rm == 5) {
        op->offset = le32(p);
        p += 4;
    } else {
        op->offset = gpr(regs, rm);
        if (mod == 1) {
            op->offset += (uint32_t)(int32_t)(int8_t)*p++;
        } else if (mod == 2) {
            op->offset += le32(p);
            p += 4;
        }
    }
    if (override >= 0)
        op->seg = (enum seg_reg)override;
    op->length = (uint32_t)(p - insn);
    return true;
}

uint16_t seg_selector(const struct cpu_user_regs *regs, enum seg_reg seg)
{
    const uint32_t v[] = { regs->es, regs->ss, regs->ds, regs->fs, regs->gs };

    return (uint16_t)v[seg];
}

bool seg_flippable(uint32_t hi)
{
    return (hi & FLIP_MASK) == FLIP_WANT;
}

bool seg_truncated(uint32_t lo, uint32_t hi, uint32_t offset)
{
    uint32_t base = (hi & 0xFF000000u) | ((hi & 0xFF) << 16) | (lo >> 16);
    /* Page-granular, as seg_flippable demands. */
    uint32_t limit = (((hi & 0xF0000u) | (lo & 0xFFFFu)) << 12) | 0xFFFu;

    if (hi & DESC_EXPAND_DOWN)
        return base + limit + 1 < SLACK && offset <= limit;
    return base + limit >= SEG_TOP - SLACK && base + limit < SEG_TOP && offset > limit;
}

bool seg_flip(uint32_t *lo, uint32_t *hi)
{
    uint32_t l = *lo, h = *hi ^ DESC_EXPAND_DOWN;

    if (!check_descriptor(&l, &h))
        return false;
    *lo = l;
    *hi = h;
    return true;
}
