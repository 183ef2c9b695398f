/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Building Tessera's address space at boot (ABI.md §3): the boot
 * allocator, the frame table at 0xFD400000, the machine-to-phys table
 * (writable view at 0xFD000000, guest-readable view at 0xFC000000), the
 * ownership of I/O frames, and the hand-over of free memory to the heaps.
 */
#include <tessera/bootinfo.h>
#include <tessera/bug.h>
#include <tessera/console.h>
#include <tessera/errno.h>
#include <tessera/mm.h>
#include <tessera/smp.h>
#include <asm/flushtlb.h>
#include <asm/layout.h>

#include "alloc.h"

#define PTE_RW_FLAGS    (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO_FLAGS    (_PAGE_PRESENT | _PAGE_ACCESSED)

struct page_info *frame_table;
uint32_t max_page;

extern const char __image_start[], __image_end[];

static uint32_t frametable_frames, m2p_frames, m2p_first;
static struct phys_range boot_bitmap;     /* the boot allocator's, until mm_finish_boot() */

/* A zeroed frame in the direct map, for Tessera's own page tables. */
static uint32_t *alloc_table_frame(void)
{
    uint32_t mfn = boot_alloc_frames(1, 1, XENHEAP_FRAMES);
    uint32_t *table;

    if (mfn == BOOT_ALLOC_NONE)
        panic("out of memory for Tessera's page tables");
    table = __va((uintptr_t)mfn << PAGE_SHIFT);
    memset(table, 0, PAGE_SIZE);
    return table;
}

/* Maps frames mfn[0..nr) at va, a 4 MB-aligned region of whole L1s. */
static void map_frames(uintptr_t va, uint32_t first_mfn, uint32_t nr, uint32_t flags)
{
    uint32_t i;

    for (i = 0; i < nr; i++, va += PAGE_SIZE) {
        uint32_t *l2e = &idle_pg_table[L2_SLOT(va)];
        uint32_t *l1;

        if (!(*l2e & _PAGE_PRESENT))
            *l2e = (uint32_t)__pa(alloc_table_frame()) | PTE_RW_FLAGS;
        l1 = __va(*l2e & PAGE_MASK);
        l1[(va >> PAGE_SHIFT) & (L1_ENTRIES - 1)] = ((first_mfn + i) << PAGE_SHIFT) | flags;
    }
}

static uint32_t must_alloc(uint32_t nr, const char *what)
{
    uint32_t mfn = boot_alloc_frames(nr, 1, BOOT_ALLOC_NO_LIMIT);

    if (mfn == BOOT_ALLOC_NONE)
        panic("not enough memory for the %s (%u frames)", what, nr);
    return mfn;
}

/*
 * The boot allocator's bitmap needs a home before any allocator exists:
 * the highest RAM of the direct map that no loader data occupies (the
 * bitmap is a few KB: checking its two ends for RAM is enough). It is
 * registered as reserved, and given back once the heaps take over.
 */
static struct phys_range place_boot_bitmap(uint32_t bytes)
{
    uint32_t lo = ROUNDUP((uint32_t)__pa(__image_end), (uint32_t)PAGE_SIZE);
    uint32_t size = ROUNDUP(bytes, (uint32_t)PAGE_SIZE);
    uint32_t end = DIRECTMAP_SIZE;
    unsigned int i;

    while (end >= lo + size) {
        struct phys_range r = { end - size, end };
        bool clash = false;

        if (!frame_is_ram((r.end >> PAGE_SHIFT) - 1) || !frame_is_ram(r.start >> PAGE_SHIFT)) {
            end -= PAGE_SIZE;                   /* beyond RAM or in a hole */
            continue;
        }
        for (i = 0; i < boot_info.nr_reserved; i++) {
            const struct phys_range *res = &boot_info.reserved[i];

            if (res->start < r.end && r.start < res->end) {
                end = ROUNDDOWN(res->start, (uint32_t)PAGE_SIZE);
                clash = true;
                break;
            }
        }
        if (!clash) {
            if (boot_info.nr_reserved == BOOT_MAX_RESERVED)
                break;
            boot_info.reserved[boot_info.nr_reserved++] = r;
            return r;
        }
    }
    panic("no room for the boot allocator in the first 12 MB: "
          "the boot modules fill it; load them higher");
}

static void frametable_init(void)
{
    uint32_t bytes = max_page * (uint32_t)sizeof(struct page_info);
    uint32_t mfn;

    frametable_frames = DIV_ROUND_UP(bytes, (uint32_t)PAGE_SIZE);
    if (bytes > FRAMETABLE_VIRT_END - FRAMETABLE_VIRT_START)
        panic("frame table of %u bytes does not fit its area", bytes);
    mfn = must_alloc(frametable_frames, "frame table");
    map_frames(FRAMETABLE_VIRT_START, mfn, frametable_frames, PTE_RW_FLAGS);
    flush_tlb_local();
    frame_table = (struct page_info *)FRAMETABLE_VIRT_START;
    memset(frame_table, 0, (size_t)frametable_frames * PAGE_SIZE);
}

/*
 * The M2P covers every RAM frame. Its guest-readable view spans the whole
 * 4 MB (all of 4 GB of frames, as in Xen); entries beyond RAM map one
 * shared frame of "never written" values instead of memory of their own.
 */
static void m2p_init(void)
{
    uint32_t first, filler;
    uint32_t *p;
    uint32_t i;

    m2p_frames = DIV_ROUND_UP(max_page * 4, (uint32_t)PAGE_SIZE);
    first = must_alloc(m2p_frames, "machine-to-phys table");
    m2p_first = first;
    filler = must_alloc(1, "machine-to-phys table");
    map_frames(RDWR_MPT_VIRT_START, first, m2p_frames, PTE_RW_FLAGS);
    map_frames(RO_MPT_VIRT_START, first, m2p_frames, PTE_RO_FLAGS);
    for (i = m2p_frames; i < L1_ENTRIES; i++)
        map_frames(RO_MPT_VIRT_START + i * PAGE_SIZE, filler, 1, PTE_RO_FLAGS);
    flush_tlb_local();

    for (i = 0; i < m2p_frames * L1_ENTRIES; i++)
        machine_to_phys_mapping[i] = M2P_NEVER_WRITTEN;
    p = map_frame(filler);
    for (i = 0; i < L1_ENTRIES; i++)
        p[i] = M2P_NEVER_WRITTEN;
    unmap_frame(p);

    /* Privileged domains may map the table read-only (FD = DOMID_XEN). */
    for (i = 0; i < m2p_frames; i++)
        share_frame_with(mfn_to_page(first + i), dom_xen);
    share_frame_with(mfn_to_page(filler), dom_xen);
}

uint32_t m2p_first_mfn(void)
{
    return m2p_first;
}

/* Marks machine range [start, end) free for mm_finish_boot() (consumed modules). */
void mm_release_boot_range(uint32_t start, uint32_t end)
{
    boot_free_range(start >> PAGE_SHIFT, (end + PAGE_SIZE - 1) >> PAGE_SHIFT);
}

/*
 * The boot allocator's last act: its bitmap, and whatever was released
 * since mm_init(), go to the heaps. The bitmap stays out of the heaps
 * until now because the heaps would hand its frames out while it is
 * still in use.
 */
void mm_finish_boot(void)
{
    boot_free_range(boot_bitmap.start >> PAGE_SHIFT, boot_bitmap.end >> PAGE_SHIFT);
    boot_alloc_handover(heap_init_range);
}

void share_frame_with(struct page_info *pg, struct domain *d)
{
    pg->owner = d;
    pg->count_info = PGC_allocated | 1;
    pg->type_info = 0;
}

void share_xen_frame_with_domain(void *va, struct domain *d)
{
    uint32_t mfn = (uint32_t)(__pa(va) >> PAGE_SHIFT);
    struct page_info *pg = mfn_to_page(mfn);

    share_frame_with(pg, d);
    list_add_tail(&pg->list, &d->xenpage_list);
    d->xenheap_pages++;
    machine_to_phys_mapping[mfn] = M2P_SHARED_XEN_FRAME;
}

/*
 * Takes back a frame shared with d: the owner's reference goes, and the
 * frame returns to the heap when the last mapping of it (e.g. a
 * controller's) goes too.
 */
void free_shared_xen_frame(void *va, struct domain *d)
{
    uint32_t mfn = (uint32_t)(__pa(va) >> PAGE_SHIFT);
    struct page_info *pg = mfn_to_page(mfn);

    BUG_ON(pg->owner != d);
    machine_to_phys_mapping[mfn] = M2P_NEVER_WRITTEN;
    if (pg->count_info & PGC_allocated) {
        pg->count_info &= ~PGC_allocated;
        put_page(pg);
    }
}

bool is_shared_xen_frame(const struct domain *d, const struct page_info *pg)
{
    const struct page_info *p;

    list_for_each_entry(p, &d->xenpage_list, list) {
        if (p == pg)
            return true;
    }
    return false;
}

/*
 * The per-domain L1 stays Tessera's own frame (no owner): a guest that
 * could map or free it would control its GDT and LDT mappings. Only its
 * M2P entry says it belongs to a domain (ABI.md §3).
 */
int perdomain_pt_alloc(struct domain *d)
{
    uint32_t *pt = alloc_xenheap_pages(0);

    if (!pt)
        return -ENOMEM;
    memset(pt, 0, PAGE_SIZE);
    machine_to_phys_mapping[__pa(pt) >> PAGE_SHIFT] = M2P_SHARED_XEN_FRAME;
    d->perdomain_pt = pt;
    return 0;
}

void perdomain_pt_free(struct domain *d)
{
    if (d->perdomain_pt) {
        machine_to_phys_mapping[__pa(d->perdomain_pt) >> PAGE_SHIFT] = M2P_NEVER_WRITTEN;
        free_xenheap_pages(d->perdomain_pt, 0);
    }
    d->perdomain_pt = NULL;
}

/*
 * Frames that are not RAM — the first MB, and every frame below max_page
 * that no RAM region covers — belong to DOMID_IO and are never freed.
 */
static void io_frames_init(void)
{
    uint32_t mfn;

    for (mfn = 0; mfn < max_page; mfn++) {
        if (mfn < BOOT_FIRST_FRAME || !frame_is_ram(mfn))
            share_frame_with(mfn_to_page(mfn), dom_io);
    }
}

bool frame_is_ram(uint32_t mfn)
{
    uint64_t pa = (uint64_t)mfn << PAGE_SHIFT;
    unsigned int i;

    for (i = 0; i < boot_info.nr_mem; i++) {
        const struct mem_region *r = &boot_info.mem[i];

        if (r->type == MEM_TYPE_RAM && pa >= r->base && pa + PAGE_SIZE <= r->base + r->size)
            return true;
    }
    return false;
}

void mm_init(void)
{
    struct phys_range image = { (uint32_t)__pa(__image_start), (uint32_t)__pa(__image_end) };
    uint32_t words = boot_alloc_bitmap_words(&boot_info);
    boot_bitmap = place_boot_bitmap(words * 4);
    if (boot_alloc_init(&boot_info, &image, __va(boot_bitmap.start), words) != 0)
        panic("boot allocator: bitmap too small");
    max_page = boot_max_page();
    mapcache_init();
    frametable_init();
    io_frames_init();
    m2p_init();

    heap_reset();
    boot_alloc_handover(heap_init_range);

    printk("Memory: %u MB RAM, frame table %u KB, M2P %u KB, free: Tessera heap %u KB, "
           "domain heap %u MB\n",
           (uint32_t)(bootinfo_ram_bytes(&boot_info) >> 20), frametable_frames * 4,
           m2p_frames * 4, avail_xenheap_pages() * 4, avail_domheap_pages() >> 8);
}

void fill_hypervisor_l2_slots(uint32_t *l2, uint32_t l2_mfn, struct domain *d)
{
    memcpy(&l2[FIRST_HYPERVISOR_L2_SLOT], &idle_pg_table[FIRST_HYPERVISOR_L2_SLOT],
           (L2_ENTRIES - FIRST_HYPERVISOR_L2_SLOT) * sizeof(uint32_t));
    /* Tessera reaches a domain's page tables through this self-map. */
    l2[LINEAR_PT_SLOT] = (l2_mfn << PAGE_SHIFT) | PTE_RW_FLAGS;
    if (d && d->perdomain_pt)
        l2[PERDOMAIN_SLOT] = (uint32_t)__pa(d->perdomain_pt) | PTE_RW_FLAGS;
}

/*
 * Any CPU may still hold a translation from the old type (a writable
 * mapping another domain dropped without a flush): all of them flush.
 */
void flush_tlb_for_retype(struct page_info *pg)
{
    (void)pg;
    if (IS_ENABLED(CONFIG_SMP) && nr_cpus_online > 1)
        smp_flush_tlb_all();
    else
        flush_tlb_local();
}

void alloc_corruption(const char *why)
{
    panic("Tessera heap corrupted: %s", why);
}
