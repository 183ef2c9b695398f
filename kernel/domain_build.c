/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The domain builder (ABI.md §13): the image is parsed and the bootstrap
 * layout computed by the pure code in elf_image.c and domain_layout.c;
 * this file allocates and fills the domain's memory: kernel, initrd, p2m
 * array, page tables, start_info, boot stack, and sets the entry state.
 */
#include <tessera/bug.h>
#include <tessera/cmdline.h>
#include <tessera/console.h>
#include <tessera/domain_build.h>
#include <tessera/domain_layout.h>
#include <tessera/elf_image.h>
#include <tessera/errno.h>
#include <tessera/ioremap.h>
#include <tessera/mm.h>
#include <asm/layout.h>
#include <public/xen.h>

#define PTE_FLAGS_RW    (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED)     /* 0x023 */
#define PTE_FLAGS_RO    (_PAGE_PRESENT | _PAGE_ACCESSED)                /* 0x021 */
#define PDE_FLAGS       (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | \
                         _PAGE_DIRTY)                                   /* 0x067 */

struct build {
    struct domain *d;
    struct domain_layout lay;
    uint32_t *p2m;              /* PFN -> MFN, Tessera's copy while building */
    const char *error;
};

/* Takes exactly nr_pages frames, in the largest blocks the heap has. */
static int allocate_memory(struct build *b)
{
    uint32_t left = b->lay.nr_pages, pfn = 0;
    unsigned int order = 20;

    while (left) {
        struct page_info *pg;
        uint32_t i;

        while ((1u << order) > left)
            order--;
        pg = alloc_domheap_pages(b->d, order);
        if (!pg) {
            if (order == 0)
                return -ENOMEM;
            order--;
            continue;
        }
        for (i = 0; i < (1u << order); i++)
            b->p2m[pfn++] = page_to_mfn(pg) + i;
        left -= 1u << order;
    }
    return 0;
}

static void *map_pfn(struct build *b, uint32_t pfn)
{
    return map_frame(b->p2m[pfn]);
}

static void scrub_memory(struct build *b)
{
    uint32_t pfn;

    for (pfn = 0; pfn < b->lay.nr_pages; pfn++) {
        void *p = map_pfn(b, pfn);

        memset(p, 0, PAGE_SIZE);
        unmap_frame(p);
    }
}

/* Copies len bytes to guest VA va of the bootstrap region. */
static void copy_to_bootstrap(struct build *b, uint32_t va, const void *src, uint32_t len)
{
    const uint8_t *s = src;

    while (len) {
        uint32_t off = va & ~PAGE_MASK;
        uint32_t n = MIN(len, (uint32_t)PAGE_SIZE - off);
        uint8_t *p = map_pfn(b, layout_pfn(&b->lay, va));

        memcpy(p + off, s, n);
        unmap_frame(p);
        va += n;
        s += n;
        len -= n;
    }
}

/* Copies machine memory [start, end) (a module) to guest VA va. */
static void copy_machine_range(struct build *b, uint32_t va, uint32_t start, uint32_t end)
{
    while (start < end) {
        uint32_t off = start & ~PAGE_MASK;
        uint32_t n = MIN(end - start, (uint32_t)PAGE_SIZE - off);
        uint8_t *p = map_frame(start >> PAGE_SHIFT);

        copy_to_bootstrap(b, va, p + off, n);
        unmap_frame(p);
        va += n;
        start += n;
    }
}

static void load_kernel(struct build *b, const struct elf_image *img)
{
    uint32_t i;

    for (i = 0; i < img->nr_segments; i++) {
        const struct elf_segment *seg = &img->segments[i];

        copy_to_bootstrap(b, seg->vaddr, img->base + seg->offset, seg->filesz);
    }
}

/*
 * VA v_start + 4096*i maps PFN i across the bootstrap region; the page
 * tables themselves are mapped read-only (ABI.md §13 "Mappings").
 */
static void build_page_tables(struct build *b)
{
    const struct domain_layout *l = &b->lay;
    uint32_t l2_pfn = layout_pfn(l, l->vpt_start);
    uint32_t next_l1 = l2_pfn + 1;
    uint32_t *l2 = map_pfn(b, l2_pfn);
    uint32_t va;

    for (va = l->v_start; va < l->v_end; va += PAGE_SIZE) {
        uint32_t slot = va >> 22;
        uint32_t *l1;

        if (!(l2[slot] & _PAGE_PRESENT))
            l2[slot] = (b->p2m[next_l1++] << PAGE_SHIFT) | PDE_FLAGS;
        l1 = map_frame(l2[slot] >> PAGE_SHIFT);
        l1[(va >> PAGE_SHIFT) & (L1_ENTRIES - 1)] =
            (b->p2m[layout_pfn(l, va)] << PAGE_SHIFT) |
            (layout_va_is_pagetable(l, va) ? PTE_FLAGS_RO : PTE_FLAGS_RW);
        unmap_frame(l1);
    }
    unmap_frame(l2);
    BUG_ON(next_l1 - l2_pfn != l->nr_pt_frames);
}

static void write_start_info(struct build *b, const struct domain_build_args *args)
{
    const struct domain_layout *l = &b->lay;
    start_info_t si;

    memset(&si, 0, sizeof(si));
    si.nr_pages = l->nr_pages;
    si.shared_info = (uint32_t)__pa(b->d->shared_info);
    si.flags = args->dom0 ? SIF_PRIVILEGED | SIF_INITDOMAIN : 0;
    si.pt_base = l->vpt_start;
    si.nr_pt_frames = l->nr_pt_frames;
    si.mfn_list = l->vphysmap_start;
    if (args->initrd_end > args->initrd_start) {
        si.mod_start = l->vinitrd_start;
        si.mod_len = args->initrd_end - args->initrd_start;
    }
    strlcpy((char *)si.cmd_line, args->cmdline ? args->cmdline : "", sizeof(si.cmd_line));
    copy_to_bootstrap(b, l->vstartinfo_start, &si, sizeof(si));
}

/* The kernel image must be readable in one piece for the ELF parser. */
static const void *map_image(uint32_t start, uint32_t len)
{
    if (start + len <= DIRECTMAP_SIZE && start + len >= start)
        return __va(start);
    return ioremap(start, len, false);
}

static int fill_domain(struct build *b, const struct domain_build_args *args,
                       const struct elf_image *img)
{
    struct domain *d = b->d;
    uint32_t pfn, l2_mfn;

    if (allocate_memory(b) != 0) {
        b->error = "not enough free memory for the domain";
        return -ENOMEM;
    }
    scrub_memory(b);
    load_kernel(b, img);
    if (args->initrd_end > args->initrd_start)
        copy_machine_range(b, b->lay.vinitrd_start, args->initrd_start, args->initrd_end);
    copy_to_bootstrap(b, b->lay.vphysmap_start, b->p2m, b->lay.nr_pages * 4);
    for (pfn = 0; pfn < b->lay.nr_pages; pfn++)
        machine_to_phys_mapping[b->p2m[pfn]] = pfn;
    build_page_tables(b);
    write_start_info(b, args);
    d->shared_info->arch.mfn_to_pfn_start = m2p_first_mfn();

    /* CR3's L2 type reference validates the whole tree; the pin keeps it. */
    l2_mfn = b->p2m[layout_pfn(&b->lay, b->lay.vpt_start)];
    if (!get_page_and_type(mfn_to_page(l2_mfn), d, PGT_l2_page_table) ||
        pin_page_table(mfn_to_page(l2_mfn), d, PGT_l2_page_table) != 0) {
        b->error = "the bootstrap page tables did not validate";
        return -EINVAL;
    }
    d->arch.pt_base = l2_mfn;
    d->arch.regs.eip = img->entry;
    d->arch.regs.esp = b->lay.vstack_end;
    d->arch.regs.esi = b->lay.vstartinfo_start;
    d->arch.guest_esp = b->lay.vstack_end;
    return 0;
}

int domain_build(struct domain *d, const struct domain_build_args *args, const char **error)
{
    uint32_t image_len = args->image_end - args->image_start;
    uint32_t initrd_len = args->initrd_end - args->initrd_start;
    uint32_t nr_pages = args->mem_kb / 4;
    struct build b = { .d = d };
    struct elf_image img;
    const void *image = map_image(args->image_start, image_len);
    int rc;

    *error = NULL;
    if (!image) {
        *error = "the kernel image is too large to map (at most 4 MB above 12 MB)";
        return -EINVAL;
    }
    rc = elf_image_parse(image, image_len, &img, error);
    if (rc == 0)
        rc = domain_layout_compute(&img, initrd_len, nr_pages, args->dom0, &b.lay, error);
    if (rc != 0) {
        if (image != __va(args->image_start))
            iounmap((void *)image, image_len);
        return rc;
    }
    if (img.pt_mode_writable && !IS_ENABLED(CONFIG_WRITABLE_PAGETABLES)) {
        *error = "the image asks for writable page tables (PT_MODE_WRITABLE), "
                 "which this build does not have";
        return -EINVAL;
    }
    d->max_pages = nr_pages;
    b.p2m = xmalloc_bytes(nr_pages * sizeof(uint32_t));
    if (!b.p2m) {
        *error = "no Tessera memory for the builder";
        return -ENOMEM;
    }
    rc = fill_domain(&b, args, &img);
    xfree(b.p2m);
    if (image != __va(args->image_start))
        iounmap((void *)image, image_len);
    if (rc) {
        *error = b.error;
        return rc;
    }
    if (img.pt_mode_writable)
        domain_vm_assist(d, VMASST_CMD_enable, VMASST_TYPE_writable_pagetables);
    if (args->dom0) {
        d->privileged = d->physdev = true;
        d->max_pages = ~0u;                 /* 2.0.6: unlimited */
    }
    d->built = true;
    return 0;
}
