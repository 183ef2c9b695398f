/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Validation of guest segment descriptors and selectors (ABI.md §3). Every
 * descriptor a guest places in a GDT or LDT frame, or writes through
 * update_descriptor, passes check_descriptor() first, so no segment a guest
 * can load reaches Tessera's memory at 0xFC400000 and up or runs at ring 0.
 */
#include <asm/desc.h>
#include <asm/page.h>
#include <tessera/mm.h>

/* Fields of a descriptor's high word. */
#define DESC_TYPE_MASK      0x00000F00u
#define DESC_TYPE_SHIFT     8
#define DESC_S              0x00001000u     /* code/data, not system */
#define DESC_DPL_MASK       0x00006000u
#define DESC_P              0x00008000u
#define DESC_G              0x00800000u     /* limit counts 4 KB pages */
#define DESC_LIMIT_HI_MASK  0x000F0000u
#define DESC_CODE           0x00000800u     /* type bit 3 */
#define DESC_EXPAND_DOWN    0x00000400u     /* type bit 2 on a data segment */
#define GATE_RESERVED_MASK  0x000000E0u     /* between param count and type */

#define SYS_TYPE_CALL_GATE  0xCu

/* The first byte no guest segment may reach. */
#define GUEST_SEG_END       ((uint32_t)PAGE_OFFSET)
#define SEG_PAGE_MASK       ((uint32_t)PAGE_MASK)

#define SEL_RPL_MASK        0x0003u
#define SEL_TI              0x0004u

bool check_selector(uint16_t sel)
{
    unsigned int index = sel >> 3;

    /* The guest kernel's own flat CS is fine even though Tessera owns its slot. */
    if (sel == FLAT_RING1_CS)
        return true;
    if ((sel & SEL_RPL_MASK) != 1)
        return false;
    return (sel & SEL_TI) || index < FIRST_RESERVED_GDT_ENTRY || index > LAST_RESERVED_GDT_ENTRY;
}

/*
 * A call gate transfers control to its target at the target's privilege,
 * so the target must be a selector the guest could load as CS anyway.
 */
static bool check_call_gate(uint32_t lo, uint32_t hi)
{
    if (((hi & DESC_TYPE_MASK) >> DESC_TYPE_SHIFT) != SYS_TYPE_CALL_GATE)
        return false;
    if (!check_selector((uint16_t)(lo >> 16)))
        return false;
    return (hi & GATE_RESERVED_MASK) == 0;
}

static void set_raw_limit(uint32_t *lo, uint32_t *hi, uint32_t raw)
{
    *lo = (*lo & ~0xFFFFu) | (raw & 0xFFFFu);
    *hi = (*hi & ~DESC_LIMIT_HI_MASK) | (raw & DESC_LIMIT_HI_MASK);
}

/*
 * Moves the segment's boundary to span bytes above base, rounded down to a
 * page (span 0 meaning 4 GB). A byte-granular limit cannot reach 4 GB and
 * the cases are fiddly, so such descriptors are refused rather than fixed.
 */
static bool truncate_limit(uint32_t *lo, uint32_t *hi, uint32_t span)
{
    if (!(*hi & DESC_G))
        return false;
    set_raw_limit(lo, hi, (span >> PAGE_SHIFT) - 1);
    return true;
}

static bool check_code_data(uint32_t *lo, uint32_t *hi)
{
    uint32_t base = (*hi & 0xFF000000u) | ((*hi & 0xFFu) << 16) | (*lo >> 16);
    uint32_t span = (*hi & DESC_LIMIT_HI_MASK) | (*lo & 0xFFFFu);

    /* A page of slack keeps even a one-page segment below the ceiling. */
    if (base >= GUEST_SEG_END - PAGE_SIZE)
        return false;

    /* Bytes (or lowest valid offset, expand-down) past base; 32-bit wrap intended. */
    span += 1;
    if (*hi & DESC_G)
        span <<= PAGE_SHIFT;

    if ((*hi & (DESC_CODE | DESC_EXPAND_DOWN)) == DESC_EXPAND_DOWN) {
        /*
         * Valid offsets run from span to 4 GB - 1; unless base + span
         * wraps, they reach the top of the address space. Keep only the
         * part below base.
         */
        if ((uint32_t)(base + span) > base)
            return truncate_limit(lo, hi, -(base & SEG_PAGE_MASK));
        return true;
    }

    if ((uint32_t)(base + span) <= base || base + span > GUEST_SEG_END)
        return truncate_limit(lo, hi, GUEST_SEG_END - base);
    return true;
}

bool check_descriptor(uint32_t *lo, uint32_t *hi)
{
    /* The CPU faults on loading a not-present segment, so it is harmless. */
    if (!(*hi & DESC_P))
        return true;
    /* DPL 0 would let a call gate (or a conforming segment) reach ring 0. */
    if ((*hi & DESC_DPL_MASK) == 0)
        return false;
    /* TSS, LDT, interrupt, trap and task gates are Tessera's alone. */
    if (!(*hi & DESC_S))
        return check_call_gate(*lo, *hi);
    return check_code_data(lo, hi);
}
