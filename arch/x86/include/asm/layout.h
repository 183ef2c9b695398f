/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tessera's virtual address space above 0xFC000000 (ABI.md §3), by L2
 * slot. Slots 1008-1023 of every validated guest L2 are copied from the
 * idle page table, except the linear self-map, which points at that L2.
 */
#ifndef ASM_LAYOUT_H
#define ASM_LAYOUT_H

#include <asm/page.h>

#define RO_MPT_VIRT_START       _UL(0xFC000000)     /* guest-readable M2P */
#define RDWR_MPT_VIRT_START     _UL(0xFD000000)     /* Tessera's M2P view */
#define FRAMETABLE_VIRT_START   _UL(0xFD400000)
#define FRAMETABLE_VIRT_END     _UL(0xFEC00000)
#define LINEAR_PT_VIRT_START    _UL(0xFEC00000)     /* slot 1019: self-map */
#define SH_LINEAR_PT_VIRT_START _UL(0xFF000000)     /* unused: no shadow mode */
#define PERDOMAIN_VIRT_START    _UL(0xFF400000)     /* GDT, then LDT shadow */
#define GDT_VIRT_START          PERDOMAIN_VIRT_START
#define LDT_VIRT_START          (PERDOMAIN_VIRT_START + _UL(0x10000))
#define MAPCACHE_VIRT_START     _UL(0xFF800000)
#define IOREMAP_VIRT_START      _UL(0xFFC00000)

#define L2_SLOT(va)             ((va) >> 22)
#define RO_MPT_SLOT             L2_SLOT(RO_MPT_VIRT_START)          /* 1008 */
#define RDWR_MPT_SLOT           L2_SLOT(RDWR_MPT_VIRT_START)        /* 1012 */
#define LINEAR_PT_SLOT          L2_SLOT(LINEAR_PT_VIRT_START)       /* 1019 */
#define PERDOMAIN_SLOT          L2_SLOT(PERDOMAIN_VIRT_START)       /* 1021 */
#define MAPCACHE_SLOT           L2_SLOT(MAPCACHE_VIRT_START)        /* 1022 */
#define IOREMAP_SLOT            L2_SLOT(IOREMAP_VIRT_START)         /* 1023 */

/* The values of M2P entries that name no guest page (ABI.md §3). */
#define M2P_NEVER_WRITTEN       0x55555555u
#define M2P_SHARED_XEN_FRAME    0xFFFFFFFFu

#ifndef __ASSEMBLER__
#include <stdint.h>
/* The master copy of Tessera's L2 slots (arch/x86/boot/head.S). */
extern uint32_t idle_pg_table[1024];

/* Tessera's view of the M2P table: machine frame -> guest frame. */
#define machine_to_phys_mapping ((uint32_t *)RDWR_MPT_VIRT_START)
#endif

#endif /* ASM_LAYOUT_H */
