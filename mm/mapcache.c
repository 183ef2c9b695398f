/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * map_frame(): a temporary mapping of any machine frame for Tessera's own
 * use. Frames in the 12 MB direct map need none; others take an entry of
 * the map cache (L2 slot 1022, one L1 of 1024 entries). Live entries are
 * present, free ones not; the cursor makes a search O(1) on average.
 * No locking yet: one CPU.
 */
#include <tessera/bug.h>
#include <tessera/mm.h>
#include <asm/flushtlb.h>
#include <asm/layout.h>

static uint32_t mapcache_l1[L1_ENTRIES] __aligned(4096) __section(".bss.page_aligned");
static unsigned int cursor;

void mapcache_init(void)
{
    idle_pg_table[MAPCACHE_SLOT] = (uint32_t)__pa(mapcache_l1) | _PAGE_PRESENT | _PAGE_RW |
                                   _PAGE_ACCESSED | _PAGE_DIRTY;
    flush_tlb_local();
}

void *map_frame(uint32_t mfn)
{
    unsigned int n;

    if (mfn < (DIRECTMAP_SIZE >> PAGE_SHIFT))
        return __va((uintptr_t)mfn << PAGE_SHIFT);
    for (n = 0; n < L1_ENTRIES; n++) {
        unsigned int i = (cursor + n) % L1_ENTRIES;

        if (mapcache_l1[i] & _PAGE_PRESENT)
            continue;
        cursor = i + 1;
        mapcache_l1[i] = (mfn << PAGE_SHIFT) | _PAGE_PRESENT | _PAGE_RW |
                         _PAGE_ACCESSED | _PAGE_DIRTY;
        flush_tlb_one_local(MAPCACHE_VIRT_START + (i << PAGE_SHIFT));
        return (void *)(uintptr_t)(MAPCACHE_VIRT_START + (i << PAGE_SHIFT));
    }
    panic("map cache full: a caller does not unmap its frames");
}

void unmap_frame(void *va)
{
    uintptr_t v = (uintptr_t)va & PAGE_MASK;

    if (v < MAPCACHE_VIRT_START || v >= IOREMAP_VIRT_START)
        return;                 /* the direct map: nothing to undo */
    ASSERT(mapcache_l1[(v - MAPCACHE_VIRT_START) >> PAGE_SHIFT] & _PAGE_PRESENT);
    mapcache_l1[(v - MAPCACHE_VIRT_START) >> PAGE_SHIFT] = 0;
    flush_tlb_one_local(v);
}
