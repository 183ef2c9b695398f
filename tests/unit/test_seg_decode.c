/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vm_assist 4gb_segments logic (arch/x86/seg_decode.c) against ABI.md §3:
 * the instruction decoder, the truncated/flippable descriptor tests and the
 * flip. The guest tests cannot reach this code under an emulator that
 * ignores segment limits, so every rule is pinned here.
 * Descriptors are (lo, hi) pairs as the GDT holds them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <tessera/mm.h>

#include "../../arch/x86/seg_decode.h"

/* Register values that cannot be mistaken for one another or for a displacement. */
static const struct cpu_user_regs regs = {
    .eax = 0x10000A00u, .ecx = 0x20000C00u, .edx = 0x30000D00u, .ebx = 0x40000B00u,
    .esp = 0x50000500u, .ebp = 0x60000600u, .esi = 0x70000700u, .edi = 0x80000800u,
    .es = 0xAAAA002Bu, .ss = 0xBBBB0033u, .ds = 0xCCCC003Bu, .fs = 0xDDDD0043u,
    .gs = 0xEEEE004Bu, .cs = 0x0823u, .eip = 0x08048000u,
};

/*
 * Runs seg_decode on bytes, padded with NOPs to exactly SEG_INSN_BYTES of
 * heap so the sanitizer catches a read past the end.
 */
static bool decode_bytes(const uint8_t *bytes, size_t n, struct seg_operand *op)
{
    uint8_t *insn = malloc(SEG_INSN_BYTES);
    bool ok;

    assert_non_null(insn);
    assert_true(n <= SEG_INSN_BYTES);
    memset(insn, 0x90, SEG_INSN_BYTES);
    memcpy(insn, bytes, n);
    ok = seg_decode(&regs, insn, op);
    free(insn);
    return ok;
}

static void expect_decode(const uint8_t *bytes, size_t n, enum seg_reg seg, uint32_t offset,
                          uint32_t length, const char *file, int line)
{
    struct seg_operand op;

    memset(&op, 0x5A, sizeof(op));
    _assert_true(decode_bytes(bytes, n, &op), "seg_decode", file, line);
    _assert_int_equal(op.seg, seg, file, line);
    _assert_int_equal(op.offset, offset, file, line);
    _assert_int_equal(op.length, length, file, line);
}

static void expect_refused(const uint8_t *bytes, size_t n, const char *file, int line)
{
    struct seg_operand op;

    _assert_true(!decode_bytes(bytes, n, &op), "!seg_decode", file, line);
}

#define BYTES(...)  ((const uint8_t[]){ __VA_ARGS__ })
#define NBYTES(...) sizeof(BYTES(__VA_ARGS__))
/* DECODES(segment, offset, bytes decoded, instruction bytes...) */
#define DECODES(seg, off, len, ...) \
    expect_decode(BYTES(__VA_ARGS__), NBYTES(__VA_ARGS__), (seg), (off), (len), \
                  __FILE__, __LINE__)
#define REFUSED(...) expect_refused(BYTES(__VA_ARGS__), NBYTES(__VA_ARGS__), __FILE__, __LINE__)

/* --- Prefixes ------------------------------------------------------------- */

static void test_no_prefix(void **state)
{
    (void)state;
    DECODES(SEG_DS, regs.eax, 2, 0x8B, 0x00);                /* mov (%eax), %eax */
}

static void test_segment_override_prefixes(void **state)
{
    (void)state;
    DECODES(SEG_ES, regs.eax, 3, 0x26, 0x8B, 0x00);
    DECODES(SEG_SS, regs.eax, 3, 0x36, 0x8B, 0x00);
    DECODES(SEG_FS, regs.eax, 3, 0x64, 0x8B, 0x00);
    DECODES(SEG_GS, regs.eax, 3, 0x65, 0x8B, 0x00);
}

static void test_other_accepted_prefixes(void **state)
{
    (void)state;
    DECODES(SEG_DS, regs.eax, 3, 0x66, 0x89, 0x00);          /* operand size */
    DECODES(SEG_DS, regs.eax, 3, 0xF0, 0x01, 0x00);          /* lock */
    DECODES(SEG_DS, regs.eax, 3, 0xF2, 0x8B, 0x00);          /* repne */
    DECODES(SEG_DS, regs.eax, 3, 0xF3, 0x8B, 0x00);          /* rep */
    /* They do not hide an override, before or after it. */
    DECODES(SEG_GS, regs.eax, 4, 0x66, 0x65, 0x89, 0x00);
    DECODES(SEG_GS, regs.eax, 5, 0x65, 0xF0, 0x66, 0x01, 0x00);
}

static void test_address_size_prefix_refused(void **state)
{
    (void)state;
    REFUSED(0x67, 0x8B, 0x00);
    REFUSED(0x65, 0x67, 0x8B, 0x00);
    REFUSED(0x67, 0x65, 0x8B, 0x00);
}

static void test_cs_ds_override_refused(void **state)
{
    (void)state;
    /* Not in ABI.md's prefix list: the decode stops on them. */
    REFUSED(0x2E, 0x8B, 0x00);
    REFUSED(0x3E, 0x8B, 0x00);
    REFUSED(0x65, 0x3E, 0x8B, 0x00);
}

static void test_last_override_wins(void **state)
{
    (void)state;
    DECODES(SEG_GS, regs.eax, 4, 0x64, 0x65, 0x8B, 0x00);
    DECODES(SEG_FS, regs.eax, 4, 0x65, 0x64, 0x8B, 0x00);
    DECODES(SEG_ES, regs.eax, 5, 0x36, 0x65, 0x26, 0x8B, 0x00);
}

static void test_prefix_count(void **state)
{
    (void)state;
    /* Eight prefixes are decoded... */
    DECODES(SEG_FS, regs.eax, 10, 0x66, 0xF3, 0x66, 0xF3, 0x66, 0xF3, 0x66, 0x64, 0x8B, 0x00);
    /* ...nine are not, */
    REFUSED(0x66, 0xF3, 0x66, 0xF3, 0x66, 0xF3, 0x66, 0xF3, 0x64, 0x8B, 0x00);
    /* and a buffer of nothing but prefixes is not read past its end. */
    REFUSED(0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65,
            0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65);
}

/* --- Opcodes -------------------------------------------------------------- */

static void test_alu_rm_forms(void **state)
{
    static const uint8_t ops[] = {
        0x00, 0x01, 0x02, 0x03,     /* add */
        0x08, 0x09, 0x0A, 0x0B,     /* or */
        0x10, 0x11, 0x12, 0x13,     /* adc */
        0x18, 0x19, 0x1A, 0x1B,     /* sbb */
        0x20, 0x21, 0x22, 0x23,     /* and */
        0x28, 0x29, 0x2A, 0x2B,     /* sub */
        0x30, 0x31, 0x32, 0x33,     /* xor */
        0x38, 0x39, 0x3A, 0x3B,     /* cmp */
    };

    (void)state;
    for (size_t i = 0; i < sizeof(ops); i++)
        DECODES(SEG_DS, regs.ecx, 2, ops[i], 0x01);
}

static void test_alu_non_modrm_forms_refused(void **state)
{
    (void)state;
    REFUSED(0x04, 0x01);            /* add $imm8, %al */
    REFUSED(0x05, 0x01, 0, 0, 0);   /* add $imm32, %eax */
    REFUSED(0x06, 0x01);            /* push %es */
    REFUSED(0x07, 0x01);            /* pop %es */
    REFUSED(0x3C, 0x01);            /* cmp $imm8, %al */
    REFUSED(0x3D, 0x01, 0, 0, 0);   /* cmp $imm32, %eax */
    REFUSED(0x27, 0x01);            /* daa */
    REFUSED(0x3F, 0x01);            /* aas */
}

static void test_group1_immediate_forms(void **state)
{
    (void)state;
    /* The immediate is not part of the bytes decoded. */
    DECODES(SEG_DS, regs.edx, 2, 0x80, 0x02, 0x7F);
    DECODES(SEG_DS, regs.edx, 2, 0x81, 0x3A, 0x78, 0x56, 0x34, 0x12);
    DECODES(SEG_DS, regs.edx, 2, 0x82, 0x02, 0x7F);
    DECODES(SEG_DS, regs.edx, 2, 0x83, 0x3A, 0xFF);
}

static void test_test_and_xchg(void **state)
{
    (void)state;
    DECODES(SEG_DS, regs.ebx, 2, 0x84, 0x03);
    DECODES(SEG_DS, regs.ebx, 2, 0x85, 0x03);
    DECODES(SEG_DS, regs.ebx, 2, 0x86, 0x03);
    DECODES(SEG_DS, regs.ebx, 2, 0x87, 0x03);
}

static void test_mov_forms(void **state)
{
    (void)state;
    DECODES(SEG_DS, regs.esi, 2, 0x88, 0x06);
    DECODES(SEG_DS, regs.esi, 2, 0x89, 0x06);
    DECODES(SEG_DS, regs.esi, 2, 0x8A, 0x06);
    DECODES(SEG_DS, regs.esi, 2, 0x8B, 0x06);
}

static void test_mov_immediate_forms(void **state)
{
    (void)state;
    DECODES(SEG_DS, regs.edi, 2, 0xC6, 0x07, 0x55);
    DECODES(SEG_DS, regs.edi, 2, 0xC7, 0x07, 0x78, 0x56, 0x34, 0x12);
}

static void test_group4_and_5(void **state)
{
    (void)state;
    DECODES(SEG_DS, regs.eax, 2, 0xFE, 0x00);                /* incb */
    DECODES(SEG_DS, regs.eax, 2, 0xFE, 0x08);                /* decb */
    DECODES(SEG_DS, regs.eax, 2, 0xFF, 0x30);                /* push (%eax) */
    DECODES(SEG_DS, regs.eax, 2, 0xFF, 0x10);                /* call *(%eax) */
}

static void test_opcodes_outside_set_refused(void **state)
{
    (void)state;
    REFUSED(0x0F, 0xB6, 0x00);      /* movzbl: two-byte opcodes are not decoded */
    REFUSED(0x8C, 0x00);            /* mov %es, (%eax) */
    REFUSED(0x8D, 0x00);            /* lea touches no memory, so never faults */
    REFUSED(0x8E, 0x00);            /* mov (%eax), %es */
    REFUSED(0x8F, 0x00);            /* pop (%eax) */
    REFUSED(0xA1, 0xFC, 0xFF, 0xFF, 0xFF);  /* mov moffs32, %eax: no ModRM */
    REFUSED(0xA3, 0xFC, 0xFF, 0xFF, 0xFF);
    REFUSED(0xC0, 0x00, 0x01);      /* shifts */
    REFUSED(0xD1, 0x00);
    REFUSED(0xF6, 0x00, 0x01);      /* group 3: test/not/neg/mul/div */
    REFUSED(0xF7, 0x18);
    REFUSED(0x69, 0x00, 0, 0, 0, 0);    /* imul */
    REFUSED(0x6B, 0x00, 0);
    REFUSED(0xA4);                  /* movsb */
    REFUSED(0x90);
}

/* The whole set at once: exactly the ABI's opcode set decodes, nothing more. */
static void test_opcode_set_exact(void **state)
{
    unsigned int n = 0;

    (void)state;
    for (unsigned int op = 0; op < 256; op++) {
        struct seg_operand o;
        const uint8_t insn[] = { (uint8_t)op, 0x00 };

        switch (op) {
        case 0x26: case 0x36: case 0x64: case 0x65:
        case 0x66: case 0xF0: case 0xF2: case 0xF3:
            continue;               /* prefixes: see above */
        }
        n += decode_bytes(insn, sizeof(insn), &o);
    }
    /* 32 ALU forms, 80-8B, C6, C7, FE, FF. */
    assert_int_equal(n, 32 + 12 + 4);
}

/* --- ModRM ---------------------------------------------------------------- */

static void test_mod0_registers(void **state)
{
    (void)state;
    DECODES(SEG_DS, regs.eax, 2, 0x8B, 0x00);
    DECODES(SEG_DS, regs.ecx, 2, 0x8B, 0x01);
    DECODES(SEG_DS, regs.edx, 2, 0x8B, 0x02);
    DECODES(SEG_DS, regs.ebx, 2, 0x8B, 0x03);
    DECODES(SEG_DS, regs.esi, 2, 0x8B, 0x06);
    DECODES(SEG_DS, regs.edi, 2, 0x8B, 0x07);
    /* The reg field names the other operand, not the address. */
    DECODES(SEG_DS, regs.edi, 2, 0x8B, 0x3F);
}

static void test_mod0_rm5_disp32_absolute(void **state)
{
    (void)state;
    /* Not EBP-based: DS, and EBP is not added. */
    DECODES(SEG_DS, 0x12345678u, 6, 0x8B, 0x05, 0x78, 0x56, 0x34, 0x12);
    DECODES(SEG_DS, 0xFFFFFFFCu, 6, 0x89, 0x15, 0xFC, 0xFF, 0xFF, 0xFF);
    /* The guest test's instruction: mov %fs:0xfffffffc, %edx is 7 bytes decoded. */
    DECODES(SEG_FS, 0xFFFFFFFCu, 7, 0x64, 0x8B, 0x15, 0xFC, 0xFF, 0xFF, 0xFF);
    /* mov $imm32, disp32: the immediate is not counted. */
    DECODES(SEG_DS, 0x00001000u, 6, 0xC7, 0x05, 0x00, 0x10, 0, 0, 0x01, 0, 0, 0);
}

static void test_mod1_disp8(void **state)
{
    (void)state;
    DECODES(SEG_DS, regs.ecx + 0x7F, 3, 0x8B, 0x41, 0x7F);
    /* Sign-extended. */
    DECODES(SEG_DS, regs.ecx - 4, 3, 0x8B, 0x41, 0xFC);
    DECODES(SEG_DS, regs.ecx - 0x80, 3, 0x8B, 0x41, 0x80);
    DECODES(SEG_DS, regs.edi, 3, 0x8B, 0x47, 0x00);
}

static void test_mod2_disp32(void **state)
{
    (void)state;
    DECODES(SEG_DS, regs.ebx + 0x01020304u, 6, 0x8B, 0x83, 0x04, 0x03, 0x02, 0x01);
    /* The sum wraps at 4 GB as the CPU's does. */
    DECODES(SEG_DS, regs.ebx - 4, 6, 0x8B, 0x83, 0xFC, 0xFF, 0xFF, 0xFF);
    DECODES(SEG_DS, regs.esi, 6, 0x8B, 0x86, 0, 0, 0, 0);
}

static void test_ebp_based_defaults_to_ss(void **state)
{
    (void)state;
    DECODES(SEG_SS, regs.ebp - 4, 3, 0x8B, 0x45, 0xFC);
    DECODES(SEG_SS, regs.ebp + 0x100, 6, 0x8B, 0x85, 0x00, 0x01, 0, 0);
    DECODES(SEG_SS, regs.ebp, 3, 0x89, 0x6D, 0x00);
}

static void test_override_beats_ss_default(void **state)
{
    (void)state;
    DECODES(SEG_GS, regs.ebp - 4, 4, 0x65, 0x8B, 0x45, 0xFC);
    DECODES(SEG_ES, regs.ebp + 0x100, 7, 0x26, 0x8B, 0x85, 0x00, 0x01, 0, 0);
    /* And an SS override applies to a DS-default operand. */
    DECODES(SEG_SS, regs.eax, 3, 0x36, 0x8B, 0x00);
}

static void test_sib_refused(void **state)
{
    (void)state;
    REFUSED(0x8B, 0x04, 0x24);                  /* (%esp) */
    REFUSED(0x8B, 0x44, 0x24, 0x04);            /* 4(%esp) */
    REFUSED(0x8B, 0x84, 0x88, 0, 0, 0, 0);      /* (%eax,%ecx,4) with disp32 */
    REFUSED(0x65, 0x8B, 0x04, 0x25, 0, 0, 0, 0);
}

static void test_register_operand_refused(void **state)
{
    (void)state;
    for (unsigned int rm = 0; rm < 8; rm++)
        REFUSED(0x8B, (uint8_t)(0xC0 | rm));
    REFUSED(0x65, 0x01, 0xD8);
    REFUSED(0xFF, 0xE0);                        /* jmp *%eax */
}

/* --- Selectors ------------------------------------------------------------ */

static void test_selector_of_each_register(void **state)
{
    (void)state;
    /* Only the low 16 bits: a frame's upper halves may hold anything. */
    assert_int_equal(seg_selector(&regs, SEG_ES), 0x002B);
    assert_int_equal(seg_selector(&regs, SEG_SS), 0x0033);
    assert_int_equal(seg_selector(&regs, SEG_DS), 0x003B);
    assert_int_equal(seg_selector(&regs, SEG_FS), 0x0043);
    assert_int_equal(seg_selector(&regs, SEG_GS), 0x004B);
}

/* --- Descriptors ---------------------------------------------------------- */

#define ACC_DATA_R3     0xF2u       /* present, DPL 3, data, writable */
#define FLAGS_4K_32     0xCu        /* G, D/B */
#define TLS_BASE        0xB7F00000u

static uint32_t desc_lo(uint32_t base, uint32_t raw_limit)
{
    return (base << 16) | (raw_limit & 0xFFFFu);
}

static uint32_t desc_hi(uint32_t base, uint32_t raw_limit, uint32_t access, uint32_t flags)
{
    return (base & 0xFF000000u) | (flags << 20) | (raw_limit & 0xF0000u) | (access << 8) |
           ((base >> 16) & 0xFFu);
}

/* seg_truncated on a 4 KB-granular 32-bit descriptor. */
static bool trunc_up(uint32_t base, uint32_t raw, uint32_t offset)
{
    return seg_truncated(desc_lo(base, raw), desc_hi(base, raw, ACC_DATA_R3, FLAGS_4K_32),
                         offset);
}

static bool trunc_down(uint32_t base, uint32_t raw, uint32_t offset)
{
    return seg_truncated(desc_lo(base, raw),
                         desc_hi(base, raw, ACC_DATA_R3 | 0x04, FLAGS_4K_32), offset);
}

static void test_truncated_up_beyond_limit(void **state)
{
    (void)state;
    /* check_descriptor's cut of a flat segment at B: ends at 0xFC3FFFFF, limit 0x444FFFFF. */
    assert_true(trunc_up(TLS_BASE, 0x444FF, 0xFFFFFFFCu));
    assert_true(trunc_up(TLS_BASE, 0x444FF, 0x44500000u));   /* first offset past it */
    /* Ending anywhere in the last 4 KB below 0xFC400000 counts. */
    assert_true(trunc_up(0x00000001u, 0xFC3FE, 0xFFFFFFFFu));  /* ends at 0xFC3FF000 */
    assert_true(trunc_up(0x00000FFFu, 0xFC3FE, 0xFFFFFFFFu));  /* ends at 0xFC3FFFFE */
}

static void test_truncated_up_within_limit(void **state)
{
    (void)state;
    assert_false(trunc_up(TLS_BASE, 0x444FF, 0x444FFFFFu));  /* the last valid offset */
    assert_false(trunc_up(TLS_BASE, 0x444FF, 0));
}

static void test_truncated_up_ending_elsewhere(void **state)
{
    (void)state;
    assert_false(trunc_up(0, 0xFC3FE, 0xFFFFFFFFu));          /* ends at 0xFC3FEFFF */
    assert_false(trunc_up(0x10000000u, 0x0FFFF, 0xFFFFFFFCu)); /* ends at 0x1FFFFFFF */
    assert_false(trunc_up(0x00000001u, 0xFC3FF, 0xFFFFFFFFu)); /* ends at 0xFC400000 */
}

static void test_truncated_down_reaching_below_4k(void **state)
{
    (void)state;
    /* The flipped TLS segment: valid offsets 0x48100000 up, which wrap round to 0. */
    assert_true(trunc_down(TLS_BASE, 0x480FF, 0));
    assert_true(trunc_down(TLS_BASE, 0x480FF, 0x480FFFFFu)); /* the last invalid offset */
    /* Lowest valid address 0xFFF: still below 4 KB. */
    assert_true(trunc_down(TLS_BASE + 0xFFF, 0x480FF, 0x10));
}

static void test_truncated_down_valid_offset(void **state)
{
    (void)state;
    assert_false(trunc_down(TLS_BASE, 0x480FF, 0x48100000u));
    assert_false(trunc_down(TLS_BASE, 0x480FF, 0xFFFFFFFCu));
}

static void test_truncated_down_not_reaching_below_4k(void **state)
{
    (void)state;
    /* Lowest valid address exactly 4 KB. */
    assert_false(trunc_down(TLS_BASE + 0x1000, 0x480FF, 0));
    /* An expand-down stack that stops well above 0. */
    assert_false(trunc_down(0x10000000u, 0x00FFF, 0));
    /* A small limit alone is not enough: base + 4 KB is far from 0. */
    assert_false(trunc_down(TLS_BASE, 0, 0));
}

static void test_flippable(void **state)
{
    const uint32_t hi = desc_hi(TLS_BASE, 0x444FF, ACC_DATA_R3, FLAGS_4K_32);

    (void)state;
    assert_true(seg_flippable(hi));
    /* Bits that play no part: expand-down, read-only, accessed, AVL, base, limit. */
    assert_true(seg_flippable(hi | 0x400));
    assert_true(seg_flippable(hi & ~0x200u));
    assert_true(seg_flippable(hi | 0x100));
    assert_true(seg_flippable(hi | 0x00100000u));
    assert_true(seg_flippable(0x00C0F000u));
    /* Each required property missing. */
    assert_false(seg_flippable(hi & ~0x8000u));             /* not present */
    assert_false(seg_flippable(hi & ~0x00400000u));         /* 16-bit */
    assert_false(seg_flippable(hi & ~0x00800000u));         /* byte-granular */
    assert_false(seg_flippable((hi & ~0x6000u) | 0x2000));  /* DPL 1 */
    assert_false(seg_flippable((hi & ~0x6000u) | 0x4000));  /* DPL 2 */
    assert_false(seg_flippable(hi & ~0x6000u));             /* DPL 0 */
    assert_false(seg_flippable(hi | 0x800));                /* code */
    assert_false(seg_flippable(hi & ~0x1000u));             /* system */
}

/* --- The flip --------------------------------------------------------------- */

static void test_flip_tls_descriptor(void **state)
{
    uint32_t lo = desc_lo(TLS_BASE, 0xFFFFF);
    uint32_t hi = desc_hi(TLS_BASE, 0xFFFFF, ACC_DATA_R3, FLAGS_4K_32);
    uint32_t lo2, hi2;

    (void)state;
    assert_int_equal(lo, 0x0000FFFFu);
    assert_int_equal(hi, 0xB7CFF2F0u);
    /* As installed: cut to end at 0xFC3FFFFF. */
    assert_true(check_descriptor(&lo, &hi));
    assert_int_equal(lo, 0x000044FFu);
    assert_int_equal(hi, 0xB7C4F2F0u);
    assert_true(seg_flippable(hi));
    assert_true(seg_truncated(lo, hi, 0xFFFFFFFCu));

    /* Expand-down, offsets 0x48100000 and up: linear 0 to B - 1. */
    assert_true(seg_flip(&lo, &hi));
    assert_int_equal(lo, 0x000080FFu);
    assert_int_equal(hi, 0xB7C4F6F0u);
    lo2 = lo;
    hi2 = hi;
    assert_true(check_descriptor(&lo2, &hi2));
    assert_int_equal(lo2, lo);
    assert_int_equal(hi2, hi);
    /* The access that faulted now lies within the segment. */
    assert_false(seg_truncated(lo, hi, 0xFFFFFFFCu));
}

static void test_flip_back(void **state)
{
    uint32_t lo = 0x000080FFu, hi = 0xB7C4F6F0u;

    (void)state;
    /* A non-negative TLS access (%gs:0) faults in the flipped segment... */
    assert_true(seg_flippable(hi));
    assert_true(seg_truncated(lo, hi, 0));
    /* ...and flipping again restores the installed expand-up segment. */
    assert_true(seg_flip(&lo, &hi));
    assert_int_equal(lo, 0x000044FFu);
    assert_int_equal(hi, 0xB7C4F2F0u);
    assert_false(seg_truncated(lo, hi, 0));
}

static void test_flip_unaligned_base(void **state)
{
    const uint32_t base = TLS_BASE + 0x123;
    uint32_t lo = desc_lo(base, 0xFFFFF);
    uint32_t hi = desc_hi(base, 0xFFFFF, ACC_DATA_R3, FLAGS_4K_32);

    (void)state;
    assert_true(check_descriptor(&lo, &hi));
    assert_int_equal(lo, 0x012344FEu);                      /* ends at 0xFC3FF122 */
    assert_int_equal(hi, 0xB7C4F2F0u);
    assert_true(seg_truncated(lo, hi, 0xFFFFFFFCu));
    /* The limit counts whole pages below the base's page: linear 0x123 to B - 1. */
    assert_true(seg_flip(&lo, &hi));
    assert_int_equal(lo, 0x012380FFu);
    assert_int_equal(hi, 0xB7C4F6F0u);
    assert_true(seg_truncated(lo, hi, 0));
    assert_true(seg_flip(&lo, &hi));
    assert_int_equal(lo, 0x012344FEu);
    assert_int_equal(hi, 0xB7C4F2F0u);
}

static void test_flip_refused_leaves_descriptor(void **state)
{
    /* A base check_descriptor refuses: the flip must not half-happen. */
    uint32_t lo = desc_lo(0xFC3FF000u, 0);
    uint32_t hi = desc_hi(0xFC3FF000u, 0, ACC_DATA_R3, FLAGS_4K_32);
    const uint32_t lo0 = lo, hi0 = hi;

    (void)state;
    assert_false(seg_flip(&lo, &hi));
    assert_int_equal(lo, lo0);
    assert_int_equal(hi, hi0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_prefix),
        cmocka_unit_test(test_segment_override_prefixes),
        cmocka_unit_test(test_other_accepted_prefixes),
        cmocka_unit_test(test_address_size_prefix_refused),
        cmocka_unit_test(test_cs_ds_override_refused),
        cmocka_unit_test(test_last_override_wins),
        cmocka_unit_test(test_prefix_count),
        cmocka_unit_test(test_alu_rm_forms),
        cmocka_unit_test(test_alu_non_modrm_forms_refused),
        cmocka_unit_test(test_group1_immediate_forms),
        cmocka_unit_test(test_test_and_xchg),
        cmocka_unit_test(test_mov_forms),
        cmocka_unit_test(test_mov_immediate_forms),
        cmocka_unit_test(test_group4_and_5),
        cmocka_unit_test(test_opcodes_outside_set_refused),
        cmocka_unit_test(test_opcode_set_exact),
        cmocka_unit_test(test_mod0_registers),
        cmocka_unit_test(test_mod0_rm5_disp32_absolute),
        cmocka_unit_test(test_mod1_disp8),
        cmocka_unit_test(test_mod2_disp32),
        cmocka_unit_test(test_ebp_based_defaults_to_ss),
        cmocka_unit_test(test_override_beats_ss_default),
        cmocka_unit_test(test_sib_refused),
        cmocka_unit_test(test_register_operand_refused),
        cmocka_unit_test(test_selector_of_each_register),
        cmocka_unit_test(test_truncated_up_beyond_limit),
        cmocka_unit_test(test_truncated_up_within_limit),
        cmocka_unit_test(test_truncated_up_ending_elsewhere),
        cmocka_unit_test(test_truncated_down_reaching_below_4k),
        cmocka_unit_test(test_truncated_down_valid_offset),
        cmocka_unit_test(test_truncated_down_not_reaching_below_4k),
        cmocka_unit_test(test_flippable),
        cmocka_unit_test(test_flip_tls_descriptor),
        cmocka_unit_test(test_flip_back),
        cmocka_unit_test(test_flip_unaligned_base),
        cmocka_unit_test(test_flip_refused_leaves_descriptor),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
