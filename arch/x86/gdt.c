/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The default GDT (ABI.md §3): 296 entries, 0-255 left to the guest and
 * zero, Tessera's reserved entries from 256. The flat guest segments end
 * at 0xFC3FFFFF (limit 0xFC3FF pages), below Tessera's private area.
 */
#include <tessera/lib.h>
#include <asm/desc.h>

uint64_t gdt_table[DEFAULT_GDT_ENTRIES] __aligned(4096) = {
    [GDT_ENTRY_HYPERVISOR_CS] = 0x00cf9a000000ffffULL,
    [GDT_ENTRY_HYPERVISOR_DS] = 0x00cf92000000ffffULL,
    [GDT_ENTRY_RING1_CS]      = 0x00cfba000000c3ffULL,
    [GDT_ENTRY_RING1_DS]      = 0x00cfb2000000c3ffULL,
    [GDT_ENTRY_RING3_CS]      = 0x00cffa000000c3ffULL,
    [GDT_ENTRY_RING3_DS]      = 0x00cff2000000c3ffULL,
};
