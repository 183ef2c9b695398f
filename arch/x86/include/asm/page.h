/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tessera's virtual layout (ABI.md §3). Only the first 12 MB of machine
 * memory are mapped 1:1 at PAGE_OFFSET (Tessera's image and heap); the
 * rest of the hypervisor area is laid out by the memory subsystem.
 */
#ifndef ASM_PAGE_H
#define ASM_PAGE_H

#include <public/arch-x86_32.h>     /* HYPERVISOR_VIRT_START */

/* Constants usable from C, assembly and the linker script alike. */
#ifdef __ASSEMBLER__
#define _UL(x)                  x
#else
#define _UL(x)                  x##UL
#endif

#define PAGE_SHIFT              12
#define PAGE_SIZE               (_UL(1) << PAGE_SHIFT)
#define PAGE_MASK               (~(PAGE_SIZE - 1))

#define PAGE_OFFSET             _UL(0xFC400000)  /* machine address 0 */
#define DIRECTMAP_SIZE          (_UL(12) << 20)  /* Tessera heap incl. image */
#define IMAGE_PHYS_START        _UL(0x00100000)  /* the image at 1 MB */
#define IMAGE_VIRT_START        (PAGE_OFFSET + IMAGE_PHYS_START)

#ifndef __ASSEMBLER__
#include <stdint.h>
/* Only valid for machine addresses below DIRECTMAP_SIZE. */
#define __va(pa)  ((void *)((uintptr_t)(pa) + PAGE_OFFSET))
#define __pa(va)  ((uintptr_t)(va) - PAGE_OFFSET)
#endif

#endif /* ASM_PAGE_H */
