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
    while (!list_empty(&d.page_list)) {
        pg = list_first_entry(&d.page_list, struct page_info, list);
        pg->count_info &= ~PGC_allocated;
        put_page(pg);
    }
    CHECK(d.tot_pages == 0 && avail_domheap_pages() == before);
}

void mm_selftest(void)
{
    check_m2p();
    check_ownership();
    check_domain_allocation();
    printk("mm: self-test passed\n");
}
