/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The bootstrap address space of a new domain (ABI.md §13 "Bootstrap
 * layout"), as Xen 2.0's dom0 builder and libxc lay it out. Pure
 * arithmetic; the builders map and fill it.
 *
 * [v_start, v_end) maps PFNs 0.. in order: VA v_start + 4096*i is PFN i.
 * Inside it, page by page: the kernel, the initrd, the p2m array, the page
 * tables (the L2, then the L1s), start_info, the boot stack, then padding
 * up to v_end. Every *_start is page-aligned and every range is [start,
 * end); vinitrd_end and vphysmap_end are exact byte ends, the others are
 * page-aligned.
 */
#ifndef TESSERA_DOMAIN_LAYOUT_H
#define TESSERA_DOMAIN_LAYOUT_H

#include <tessera/elf_image.h>

/* Dom0 is built through a temporary mapping of the lowest 1 GB. */
#define DOM0_MIN_VIRT_START 0x40000000u

struct domain_layout {
    uint32_t v_start;     /* the image's VIRT_BASE: PFN 0 */
    uint32_t v_kernstart; /* the loaded kernel, from the image */
    uint32_t v_kernend;
    uint32_t vinitrd_start;  /* start_info.mod_start when there is an initrd */
    uint32_t vinitrd_end;    /* vinitrd_start + initrd_len */
    uint32_t vphysmap_start; /* start_info.mfn_list: u32 p2m[nr_pages] */
    uint32_t vphysmap_end;
    uint32_t vpt_start; /* start_info.pt_base: the L2 */
    uint32_t vpt_end;
    uint32_t vstartinfo_start; /* start_info (ESI at entry) */
    uint32_t vstartinfo_end;
    uint32_t vstack_start; /* the boot stack; ESP = vstack_end */
    uint32_t vstack_end;
    uint32_t v_end; /* 4 MB-aligned end of the bootstrap region */
    /*
     * The L2 plus the L1s (start_info.nr_pt_frames). Every L1 is used: it
     * equals 1 + the number of 4 MB slots [v_start, v_end) touches.
     */
    uint32_t nr_pt_frames;
    uint32_t nr_bootstrap_pages; /* (v_end - v_start) / 4096, <= nr_pages */
    uint32_t nr_pages;           /* the domain's memory, as passed in */
    char error_buf[96];          /* holds the text of errors that carry numbers */
};

/*
 * Lays out the bootstrap region of a domain of nr_pages pages for img and
 * an initrd of initrd_len bytes (0 for none). Returns 0, or -EINVAL (the
 * layout is impossible for the image) or -ENOMEM (the region does not fit
 * in nr_pages) with *error (if error is not NULL) set to one sentence for
 * the console, e.g. "dom0_mem too small: the bootstrap region needs 4096
 * KB". *error is NULL on success; it may point into out->error_buf.
 * Refuses BSD_SYMTAB images: the symbol table placement is not
 * implemented, and ignoring it would give the guest a layout it does not
 * expect. For dom0, v_start must be at least DOM0_MIN_VIRT_START.
 */
int domain_layout_compute(const struct elf_image *img, uint32_t initrd_len, uint32_t nr_pages,
                          bool is_dom0, struct domain_layout *out, const char **error);

#define LAYOUT_NO_PFN 0xFFFFFFFFu

/* The PFN that maps at va, or LAYOUT_NO_PFN outside [v_start, v_end). */
uint32_t layout_pfn(const struct domain_layout *l, uint32_t va);

/* Is va inside the page tables, which are mapped read-only? */
bool layout_va_is_pagetable(const struct domain_layout *l, uint32_t va);

#endif /* TESSERA_DOMAIN_LAYOUT_H */
