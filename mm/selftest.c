/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A boot-time check of the address space mm_init() built, run in DEBUG
 * builds: the M2P views, the map cache, I/O frame ownership, and a domain
 * allocation whose frames all come back. A failure panics (tests see it).
 */
#include <tessera/bug.h>
#include <tessera/console.h>
#include <tessera/mm.h>
#include <asm/layout.h>

#include "alloc.h"

#define CHECK(c) do { if (!(c)) panic("mm self-test: %s failed", #c); } while (0)

static const volatile uint32_t *const ro_m2p = (const uint32_t *)RO_MPT_VIRT_START;

static void check_m2p(void)
{
    machine_to_phys_mapping[max_page - 1] = 0x1234;
    CHECK(ro_m2p[max_page - 1] == 0x1234);
    machine_to_phys_mapping[max_page - 1] = M2P_NEVER_WRITTEN;
    CHECK(ro_m2p[0] == M2P_NEVER_WRITTEN);
    CHECK(ro_m2p[0xFFFFF] == M2P_NEVER_WRITTEN);        /* beyond RAM: the filler */
}

static void check_ownership(void)
{
    CHECK(mfn_to_page(0xB8)->owner == dom_io);          /* VGA memory */
    CHECK(mfn_to_page(0xB8)->count_info == (PGC_allocated | 1));
    CHECK(mfn_to_page(max_page - 1)->owner != dom_io);
}

/* Drops the owner's reference of every frame, as domain destruction does. */
static void free_domain_frames(struct domain *d)
{
    struct page_info *pg;

    while (!list_empty(&d->page_list)) {
        pg = list_first_entry(&d->page_list, struct page_info, list);
        pg->count_info &= ~PGC_allocated;
        put_page(pg);
    }
}

static void check_domain_allocation(void)
{
    struct domain d = { .id = 1, .max_pages = 4 };
    uint32_t before = avail_domheap_pages();
    struct page_info *pg;
    uint32_t *p;

    if (before < 4) {
        printk("mm: self-test: no domain heap on this machine, allocation not checked\n");
        return;
    }
    list_init(&d.page_list);
    list_init(&d.xenpage_list);
    pg = alloc_domheap_pages(&d, 2);
    CHECK(pg && d.tot_pages == 4 && pg->owner == &d);
    CHECK(alloc_domheap_pages(&d, 0) == NULL);          /* max_pages */
    p = map_frame(page_to_mfn(pg));
    p[0] = 0xC0FFEE;
    CHECK(*(volatile uint32_t *)p == 0xC0FFEE);
    unmap_frame(p);
    free_domain_frames(&d);
    CHECK(d.tot_pages == 0 && avail_domheap_pages() == before);
}

/* A real L2 validated on this CPU's tables: Tessera's slots, one L1. */
static void check_l2_validation(void)
{
    struct domain d = { .id = 1, .max_pages = 2 };
    struct page_info *l2pg, *l1pg;
    uint32_t l2_mfn, l1_mfn, i;
    uint32_t *l2;

    list_init(&d.page_list);
    list_init(&d.xenpage_list);
    CHECK(perdomain_pt_alloc(&d) == 0);
    CHECK(ro_m2p[__pa(d.perdomain_pt) >> PAGE_SHIFT] == M2P_SHARED_XEN_FRAME);
    l2pg = alloc_domheap_pages(&d, 0);
    l1pg = alloc_domheap_pages(&d, 0);
    CHECK(l2pg && l1pg);
    l2_mfn = page_to_mfn(l2pg);
    l1_mfn = page_to_mfn(l1pg);
    l2 = map_frame(l2_mfn);
    memset(l2, 0, PAGE_SIZE);
    l2[5] = (l1_mfn << PAGE_SHIFT) | _PAGE_PRESENT | _PAGE_RW | _PAGE_USER;
    l2[LINEAR_PT_SLOT] = 0xDEAD0000 | _PAGE_PRESENT;   /* Tessera's slot: overwritten */
    unmap_frame(l2);
    l2 = map_frame(l1_mfn);
    memset(l2, 0, PAGE_SIZE);
    unmap_frame(l2);

    CHECK(get_page_and_type(l2pg, &d, PGT_l2_page_table));
    CHECK(l1pg->type_info == (PGT_l1_page_table | PGT_va(5) | PGT_validated | 1));
    l2 = map_frame(l2_mfn);
    for (i = FIRST_HYPERVISOR_L2_SLOT; i < L2_ENTRIES; i++) {
        if (i == LINEAR_PT_SLOT)
            CHECK(l2[i] >> PAGE_SHIFT == l2_mfn);
        else if (i == PERDOMAIN_SLOT)
            CHECK(l2[i] >> PAGE_SHIFT == __pa(d.perdomain_pt) >> PAGE_SHIFT);
        else
            CHECK(l2[i] == idle_pg_table[i]);
    }
    unmap_frame(l2);
    put_page_and_type(l2pg);
    CHECK((l1pg->type_info & PGT_count_mask) == 0 && l1pg->count_info == (PGC_allocated | 1));

    free_domain_frames(&d);
    perdomain_pt_free(&d);
    CHECK(d.xenheap_pages == 0 && list_empty(&d.xenpage_list));
}

void mm_selftest(void)
{
    uint32_t xen_free = avail_xenheap_pages(), dom_free = avail_domheap_pages();

    check_m2p();
    check_ownership();
    check_domain_allocation();
    check_l2_validation();
    CHECK(avail_xenheap_pages() == xen_free && avail_domheap_pages() == dom_free);
    printk("mm: self-test passed\n");
}
