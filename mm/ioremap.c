/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The ioremap area (L2 slot 1023, 4 MB): one statically allocated L1, so it
 * works before the memory subsystem is up and while the machine is being
 * shut down. Free entries are non-present; a mapping takes the first run
 * of free entries that fits.
 */
#include <tessera/ioremap.h>
#include <tessera/mm.h>
#include <asm/flushtlb.h>
#include <asm/layout.h>

static uint32_t ioremap_l1[L1_ENTRIES] __aligned(4096) __section(".bss.page_aligned");

void ioremap_init(void)
{
    if (!(idle_pg_table[IOREMAP_SLOT] & _PAGE_PRESENT))
        idle_pg_table[IOREMAP_SLOT] = (uint32_t)__pa(ioremap_l1) | _PAGE_PRESENT | _PAGE_RW |
                                      _PAGE_ACCESSED | _PAGE_DIRTY;
}

void *ioremap(uint32_t pa, uint32_t len, bool uncached)
{
    uint32_t first = pa >> PAGE_SHIFT;
    uint32_t nr = (uint32_t)(((uint64_t)pa + len + PAGE_SIZE - 1) >> PAGE_SHIFT) - first;
    uint32_t flags = _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY |
                     (uncached ? _PAGE_PCD | _PAGE_PWT : 0);
    uint32_t i, run = 0;

    ioremap_init();
    if (len == 0 || nr > L1_ENTRIES)
        return NULL;
    for (i = 0; i < L1_ENTRIES; i++) {
        run = (ioremap_l1[i] & _PAGE_PRESENT) ? 0 : run + 1;
        if (run == nr)
            break;
    }
    if (run < nr)
        return NULL;
    i = i + 1 - nr;
    for (run = 0; run < nr; run++) {
        ioremap_l1[i + run] = ((first + run) << PAGE_SHIFT) | flags;
        flush_tlb_one_local(IOREMAP_VIRT_START + ((i + run) << PAGE_SHIFT));
    }
    return (void *)(uintptr_t)(IOREMAP_VIRT_START + (i << PAGE_SHIFT) + (pa & ~PAGE_MASK));
}

void iounmap(void *va, uint32_t len)
{
    uintptr_t start = (uintptr_t)va & PAGE_MASK;
    uintptr_t end = (uintptr_t)va + len;
    uintptr_t v;

    if ((uintptr_t)va < IOREMAP_VIRT_START)
        return;
    for (v = start; v < end && v >= IOREMAP_VIRT_START; v += PAGE_SIZE) {
        ioremap_l1[(v - IOREMAP_VIRT_START) >> PAGE_SHIFT] = 0;
        flush_tlb_one_local(v);
    }
}
