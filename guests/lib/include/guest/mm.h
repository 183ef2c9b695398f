/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * guest/mm.h: the guest's view of its memory (ABI.md §3, §5, §13).
 *
 * The builder maps the bootstrap region [VIRT_BASE, v_end) with VA
 * VIRT_BASE + 4096*i -> PFN i, its page tables read-only. PFN -> MFN is
 * start_info.mfn_list; MFN -> PFN is the read-only M2P at 0xFC000000. The
 * domain's pages beyond the bootstrap region are not mapped: alloc_page()
 * maps them, one at a time, into a window of pages reserved in the image.
 */
#ifndef GUEST_MM_H
#define GUEST_MM_H

#include <guest/lib.h>
#include <public/xen.h>

#define PAGE_SHIFT      12
#define PAGE_SIZE       (1UL << PAGE_SHIFT)
#define PAGE_MASK       (~(PAGE_SIZE - 1))

#define _PAGE_PRESENT   0x001
#define _PAGE_RW        0x002
#define _PAGE_USER      0x004
#define _PAGE_PWT       0x008
#define _PAGE_PCD       0x010
#define _PAGE_ACCESSED  0x020
#define _PAGE_DIRTY     0x040
#define _PAGE_PSE       0x080   /* in an L2 entry */
#define _PAGE_PAT       0x080   /* in an L1 entry */
#define _PAGE_GLOBAL    0x100

#define L1_ENTRIES      1024
#define L2_ENTRIES      1024

static inline unsigned int l2_slot(unsigned long va)
{
    return va >> 22;
}

static inline unsigned int l1_slot(unsigned long va)
{
    return (va >> PAGE_SHIFT) & (L1_ENTRIES - 1);
}

/* PFN -> MFN (start_info.mfn_list) and MFN -> PFN (the read-only M2P). */
extern const uint32_t *phys_to_machine;
#define machine_to_phys ((const volatile uint32_t *)MACH2PHYS_VIRT_START)

static inline uint32_t pfn_to_mfn(uint32_t pfn)
{
    return phys_to_machine[pfn];
}

static inline uint32_t mfn_to_pfn(uint32_t mfn)
{
    return machine_to_phys[mfn];
}

/* Pages the builder mapped from VIRT_BASE; the domain's total is start_info->nr_pages. */
extern unsigned long nr_bootstrap_pages;

/* The VA a PFN is mapped at (bootstrap region or allocation window), or NULL. */
void *pfn_to_virt(uint32_t pfn);

/* The current L1 entry for va, read through the page tables; NULL if no L1. */
const volatile uint32_t *guest_pte(unsigned long va);

/* The MFN va maps, or ~0 if it is unmapped. */
uint32_t virt_to_mfn(const volatile void *va);
uint32_t virt_to_pfn(const volatile void *va);

/* Machine address of va (the MFN it maps plus the offset). */
static inline uint64_t virt_to_maddr(const volatile void *va)
{
    return ((uint64_t)virt_to_mfn(va) << PAGE_SHIFT) | ((uintptr_t)va & ~PAGE_MASK);
}

/* One mmu_update request; 0 or -XEN_E*. */
long mmu_update_one(uint32_t ptr, uint32_t val);

/*
 * Points va's L1 entry at pte (e.g. (mfn << 12) | flags) and flushes va:
 * update_va_mapping, or where that is not implemented, mmu_update on the
 * entry's machine address. 0 or -XEN_E*.
 */
long guest_set_pte(unsigned long va, uint32_t pte);

/*
 * Maps the next unused page beyond the bootstrap region read-write, zeroed.
 * NULL when the domain has no such page left, the window is full, or the
 * hypervisor refused the mapping. Its PFN is virt_to_pfn(va).
 */
void *alloc_page(void);
unsigned long nr_free_pages(void);

#endif /* GUEST_MM_H */
