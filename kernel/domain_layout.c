/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bootstrap layout of a new domain (ABI.md §13). Pure: the host tests
 * build it too. Sums are taken in 64 bits so that a huge initrd or
 * nr_pages cannot wrap the region back under the hypervisor's limit.
 */
#include <asm/page.h>
#include <tessera/domain_layout.h>
#include <tessera/errno.h>

#define L1_SPAN_SHIFT 22 /* one L1 maps 4 MB */
#define L1_SPAN (UINT64_C(1) << L1_SPAN_SHIFT)
#define MIN_PADDING (UINT64_C(512) << 10) /* the guest's early allocations */

static __printf(3, 4) int failf(struct domain_layout *l, int rc, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    tessera_vsnprintf(l->error_buf, sizeof(l->error_buf), fmt, ap);
    va_end(ap);
    return rc;
}

static uint64_t page_up(uint64_t va)
{
    return ROUNDUP(va, (uint64_t)PAGE_SIZE);
}

/* The end of the region when nr_pt page-table frames start at vpt_start. */
static uint64_t region_end(uint64_t vpt_start, uint32_t nr_pt)
{
    /* Page tables, then start_info and the boot stack, one page each. */
    uint64_t stack_end = vpt_start + (uint64_t)(nr_pt + 2) * PAGE_SIZE;
    uint64_t end = ROUNDUP(stack_end, L1_SPAN);

    if (end - stack_end < MIN_PADDING)
        end += L1_SPAN;
    return end;
}

/* The L2 plus one L1 per 4 MB; v_end is 4 MB-aligned, so this counts slots. */
static uint64_t frames_needed(uint64_t v_start, uint64_t v_end)
{
    return ((v_end - v_start + L1_SPAN - 1) >> L1_SPAN_SHIFT) + 1;
}

/*
 * The region's size depends on the number of page-table frames (each is
 * mapped inside it) and that number on the size: take the smallest count
 * that covers the region it produces, as both Xen builders do. It grows
 * by at most one per 1024 frames added, so the search ends quickly.
 */
static uint32_t count_pt_frames(uint64_t v_start, uint64_t vpt_start)
{
    uint32_t nr_pt = 2;

    while (frames_needed(v_start, region_end(vpt_start, nr_pt)) > nr_pt)
        nr_pt++;
    return nr_pt;
}

/* Fills out from 64-bit values already checked to lie below the hypervisor. */
static void store(struct domain_layout *l, uint64_t vinitrd_end, uint64_t vphysmap_end,
                  uint64_t vpt_start, uint32_t nr_pt, uint64_t v_end)
{
    l->vinitrd_end = (uint32_t)vinitrd_end;
    l->vphysmap_start = (uint32_t)page_up(vinitrd_end);
    l->vphysmap_end = (uint32_t)vphysmap_end;
    l->vpt_start = (uint32_t)vpt_start;
    l->vpt_end = l->vpt_start + nr_pt * (uint32_t)PAGE_SIZE;
    l->vstartinfo_start = l->vpt_end;
    l->vstartinfo_end = l->vstartinfo_start + (uint32_t)PAGE_SIZE;
    l->vstack_start = l->vstartinfo_end;
    l->vstack_end = l->vstack_start + (uint32_t)PAGE_SIZE;
    l->v_end = (uint32_t)v_end;
    l->nr_pt_frames = nr_pt;
    l->nr_bootstrap_pages = (uint32_t)((v_end - l->v_start) >> PAGE_SHIFT);
}

static int compute(const struct elf_image *img, uint32_t initrd_len, uint32_t nr_pages,
                   bool is_dom0, struct domain_layout *l)
{
    uint64_t vinitrd_end, vphysmap_end, vpt_start, v_end, bytes;
    uint32_t nr_pt;

    if (img->bsd_symtab)
        return failf(l, -EINVAL,
                     "BSD_SYMTAB is not supported: Tessera cannot place the "
                     "symbol table after the kernel");
    l->vinitrd_start = (uint32_t)page_up(img->v_kernend);
    vinitrd_end = (uint64_t)l->vinitrd_start + initrd_len;
    vphysmap_end = page_up(vinitrd_end) + (uint64_t)nr_pages * sizeof(uint32_t);
    vpt_start = page_up(vphysmap_end);
    nr_pt = count_pt_frames(img->v_start, vpt_start);
    v_end = region_end(vpt_start, nr_pt);
    bytes = v_end - img->v_start;

    if (v_end > HYPERVISOR_VIRT_START)
        return failf(l, -EINVAL,
                     "the bootstrap region from 0x%08x reaches the hypervisor "
                     "area at 0x%08x",
                     (unsigned int)img->v_start, (unsigned int)HYPERVISOR_VIRT_START);
    if ((bytes >> PAGE_SHIFT) > nr_pages)
        return failf(l, -ENOMEM, "%s: the bootstrap region needs %u KB",
                     is_dom0 ? "dom0_mem too small" : "the domain's memory is too small",
                     (unsigned int)(bytes >> 10));
    if (is_dom0 && img->v_start < DOM0_MIN_VIRT_START)
        return failf(l, -EINVAL,
                     "dom0 must load at or above 0x%08x, but its VIRT_BASE is "
                     "0x%08x",
                     DOM0_MIN_VIRT_START, (unsigned int)img->v_start);
    store(l, vinitrd_end, vphysmap_end, vpt_start, nr_pt, v_end);
    return 0;
}

int domain_layout_compute(const struct elf_image *img, uint32_t initrd_len, uint32_t nr_pages,
                          bool is_dom0, struct domain_layout *out, const char **error)
{
    int rc;

    memset(out, 0, sizeof(*out));
    out->v_start = img->v_start;
    out->v_kernstart = img->v_kernstart;
    out->v_kernend = img->v_kernend;
    out->nr_pages = nr_pages;
    rc = compute(img, initrd_len, nr_pages, is_dom0, out);
    if (error)
        *error = rc ? out->error_buf : NULL;
    return rc;
}

uint32_t layout_pfn(const struct domain_layout *l, uint32_t va)
{
    if (va < l->v_start || va >= l->v_end)
        return LAYOUT_NO_PFN;
    return (va - l->v_start) >> PAGE_SHIFT;
}

bool layout_va_is_pagetable(const struct domain_layout *l, uint32_t va)
{
    return va >= l->vpt_start && va < l->vpt_end;
}
