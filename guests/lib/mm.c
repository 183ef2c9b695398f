/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Page tables and frames as the guest sees them (guest/mm.h). The
 * bootstrap L2 and L1s are read through their read-only bootstrap
 * mappings: an L1's MFN from its PDE, its PFN from the M2P, its VA from
 * the PFN.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>

#include "private.h"

#define WINDOW_PAGES    64

const uint32_t *phys_to_machine;
unsigned long nr_bootstrap_pages;

/* Pages mapped over by alloc_page(); their original frames stay unused. */
static uint8_t window[WINDOW_PAGES][PAGE_SIZE] __aligned(PAGE_SIZE)
    __section(".bss.page_aligned");
static uint32_t window_pfn[WINDOW_PAGES];
static unsigned int window_used;
static uint32_t next_free_pfn;

void *pfn_to_virt(uint32_t pfn)
{
    unsigned int i;

    if (pfn < nr_bootstrap_pages)
        return (void *)(GUEST_VIRT_BASE + (pfn << PAGE_SHIFT));
    for (i = 0; i < window_used; i++) {
        if (window_pfn[i] == pfn)
            return window[i];
    }
    return NULL;
}

const volatile uint32_t *guest_pte(unsigned long va)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t pde = l2[l2_slot(va)];
    const volatile uint32_t *l1;
    uint32_t pfn;

    if (!(pde & _PAGE_PRESENT) || (pde & _PAGE_PSE))
        return NULL;
    pfn = mfn_to_pfn(pde >> PAGE_SHIFT);
    if (pfn >= start_info->nr_pages)
        return NULL;
    l1 = pfn_to_virt(pfn);
    return l1 ? &l1[l1_slot(va)] : NULL;
}

uint32_t virt_to_mfn(const volatile void *va)
{
    const volatile uint32_t *pte = guest_pte((uintptr_t)va);

    if (!pte || !(*pte & _PAGE_PRESENT))
        return ~0U;
    return *pte >> PAGE_SHIFT;
}

uint32_t virt_to_pfn(const volatile void *va)
{
    uint32_t mfn = virt_to_mfn(va);

    return mfn == ~0U ? ~0U : mfn_to_pfn(mfn);
}

long mmu_update_one(uint32_t ptr, uint32_t val)
{
    mmu_update_t req = {.ptr = ptr, .val = val};

    return HYPERVISOR_mmu_update(&req, 1, NULL);
}

long guest_set_pte(unsigned long va, uint32_t pte)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t pde = l2[l2_slot(va)];
    mmu_update_t req[2];
    long rc;

    rc = HYPERVISOR_update_va_mapping(va >> PAGE_SHIFT, pte, UVMF_INVLPG);
    if (rc != -XEN_ENOSYS)
        return rc;
    if (!(pde & _PAGE_PRESENT))
        return -XEN_EINVAL;
    req[0].ptr = (pde & PAGE_MASK) + l1_slot(va) * 4 + MMU_NORMAL_PT_UPDATE;
    req[0].val = pte;
    req[1].ptr = (va & PAGE_MASK) | MMU_EXTENDED_COMMAND;
    req[1].val = MMUEXT_INVLPG;
    return HYPERVISOR_mmu_update(req, 2, NULL);
}

/* The bootstrap region is the run of mapped pages from VIRT_BASE. */
static unsigned long count_bootstrap_pages(void)
{
    unsigned long n = 0;

    nr_bootstrap_pages = start_info->nr_pages;  /* lets guest_pte() see every L1 */
    while (n < start_info->nr_pages) {
        const volatile uint32_t *pte = guest_pte(GUEST_VIRT_BASE + n * PAGE_SIZE);

        if (!pte || !(*pte & _PAGE_PRESENT))
            break;
        n++;
    }
    return n;
}

void mm_init(void)
{
    phys_to_machine = (const uint32_t *)start_info->mfn_list;
    nr_bootstrap_pages = count_bootstrap_pages();
    next_free_pfn = nr_bootstrap_pages;
}

unsigned long nr_free_pages(void)
{
    return start_info->nr_pages - next_free_pfn;
}

void *alloc_page(void)
{
    uint8_t *va;
    uint32_t pfn = next_free_pfn;

    if (pfn >= start_info->nr_pages || window_used == WINDOW_PAGES)
        return NULL;
    va = window[window_used];
    if (guest_set_pte((uintptr_t)va, (pfn_to_mfn(pfn) << PAGE_SHIFT) | _PAGE_PRESENT |
                                         _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY) != 0)
        return NULL;
    window_pfn[window_used++] = pfn;
    next_free_pfn++;
    memset(va, 0, PAGE_SIZE);
    return va;
}
