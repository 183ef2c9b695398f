/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The pure half of vm_assist 4gb_segments (ABI.md §3), kept apart from
 * seg_fixup.c so the host tests can reach it: no guest memory, no globals.
 * seg_fixup.c fetches the faulting instruction and the descriptor and
 * writes the result back; everything that decides lives here.
 */
#ifndef ARCH_X86_SEG_DECODE_H
#define ARCH_X86_SEG_DECODE_H

#include <stdbool.h>
#include <stdint.h>

#include <asm/regs.h>

/* seg_decode() reads no further than this into the instruction bytes. */
#define SEG_INSN_BYTES  16

/* The data segment registers (Tessera's order, not the ModRM sreg encoding). */
enum seg_reg { SEG_ES, SEG_SS, SEG_DS, SEG_FS, SEG_GS };

struct seg_operand {
    enum seg_reg seg;           /* the register the memory operand goes through */
    uint32_t offset;            /* its effective address within that segment */
    uint32_t length;            /* bytes decoded: prefixes, opcode, ModRM, displacement */
};

/*
 * Decodes the memory operand of the instruction at insn, with register
 * values from regs. Handles prefixes 26 36 64 65 66 F0 F2 F3 (at most 8),
 * one-byte opcodes that take a ModRM memory operand (the ALU r/m forms
 * 00-3B, 80-8B, C6, C7, FE, FF) and ModRM without a SIB byte. False for
 * anything else; immediates after the displacement are not counted.
 */
bool seg_decode(const struct cpu_user_regs *regs, const uint8_t insn[SEG_INSN_BYTES],
                struct seg_operand *op);

/* The selector regs holds in segment register seg. */
uint16_t seg_selector(const struct cpu_user_regs *regs, enum seg_reg seg);

/* Present, 32-bit, page-granular, DPL 3 data: the only kind ever flipped. */
bool seg_flippable(uint32_t hi);

/*
 * Does the descriptor look like a 4 GB segment that check_descriptor cut
 * short, given an access at offset that faulted? Expand-up: it ends within
 * 4 KB below 0xFC400000 and offset lies beyond its limit. Expand-down: its
 * lowest valid address (base + limit + 1, wrapping) is below 4 KB, as a
 * flipped one's is, and offset is at or below its limit.
 */
bool seg_truncated(uint32_t lo, uint32_t hi, uint32_t offset);

/*
 * Turns an expand-up segment expand-down or back, then lets
 * check_descriptor fit the limit. False (and *lo, *hi untouched) if
 * check_descriptor refuses the result.
 */
bool seg_flip(uint32_t *lo, uint32_t *hi);

#endif /* ARCH_X86_SEG_DECODE_H */
