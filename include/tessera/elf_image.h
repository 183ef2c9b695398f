/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest kernel images (ABI.md §13): ELF32 i386 executables carrying a
 * `__xen_guest` section. The parser is pure and compiles for the host
 * tests; the domain builders (dom0 in the hypervisor, boot-time domains)
 * copy the segments it describes.
 *
 * The image is untrusted boot input: nothing in it is used before its
 * offsets and sizes have been checked against the image size.
 */
#ifndef TESSERA_ELF_IMAGE_H
#define TESSERA_ELF_IMAGE_H

#include <tessera/lib.h>

/* ELF32 on-disk structures, little-endian (the only byte order accepted). */
#define ELF_NIDENT 16
#define ELF_MAG "\177ELF"
#define ELF_EI_CLASS 4
#define ELF_EI_DATA 5
#define ELF_EI_VERSION 6
#define ELF_CLASS32 1
#define ELF_DATA2LSB 1
#define ELF_VERSION_CURRENT 1
#define ELF_ET_EXEC 2
#define ELF_EM_386 3
#define ELF_PT_LOAD 1
#define ELF_PF_X 0x1
#define ELF_PF_W 0x2
#define ELF_PF_R 0x4
#define ELF_SHN_UNDEF 0
#define ELF_SHT_NOBITS 8

struct elf32_ehdr {
    uint8_t e_ident[ELF_NIDENT];
    uint16_t e_type;
    uint16_t e_machine;
    uint32_t e_version;
    uint32_t e_entry;
    uint32_t e_phoff;
    uint32_t e_shoff;
    uint32_t e_flags;
    uint16_t e_ehsize;
    uint16_t e_phentsize;
    uint16_t e_phnum;
    uint16_t e_shentsize;
    uint16_t e_shnum;
    uint16_t e_shstrndx;
};

struct elf32_phdr {
    uint32_t p_type;
    uint32_t p_offset;
    uint32_t p_vaddr;
    uint32_t p_paddr;
    uint32_t p_filesz;
    uint32_t p_memsz;
    uint32_t p_flags;
    uint32_t p_align;
};

struct elf32_shdr {
    uint32_t sh_name;
    uint32_t sh_type;
    uint32_t sh_flags;
    uint32_t sh_addr;
    uint32_t sh_offset;
    uint32_t sh_size;
    uint32_t sh_link;
    uint32_t sh_info;
    uint32_t sh_addralign;
    uint32_t sh_entsize;
};

BUILD_BUG_ON(sizeof(struct elf32_ehdr) != 52);
BUILD_BUG_ON(sizeof(struct elf32_phdr) != 32);
BUILD_BUG_ON(sizeof(struct elf32_shdr) != 40);

/* Real kernels have two to four loadable segments; more is refused. */
#define ELF_IMAGE_MAX_SEGMENTS 16

/*
 * A loadable segment: filesz bytes from the image at offset go to vaddr,
 * then memsz - filesz zero bytes follow. Checked: offset + filesz lies
 * inside the image, filesz <= memsz, vaddr + memsz <= 0xFC000000, and no
 * two segments overlap.
 */
struct elf_segment {
    uint32_t offset;
    uint32_t filesz;
    uint32_t vaddr;
    uint32_t memsz;
};

struct elf_image {
    const uint8_t *base;   /* the image as passed in */
    uint32_t size;         /* its size in bytes */
    uint32_t entry;        /* e_entry, inside [v_kernstart, v_kernend) */
    uint32_t v_start;      /* VIRT_BASE, page-aligned, <= v_kernstart */
    uint32_t v_kernstart;  /* lowest loadable vaddr */
    uint32_t v_kernend;    /* highest loadable vaddr + memsz (exclusive) */
    bool pt_mode_writable; /* PT_MODE_WRITABLE: enable writable page tables */
    /*
     * BSD_SYMTAB: the guest wants its symbol table placed after the kernel.
     * Tessera does not implement the placement; domain_layout_compute()
     * refuses such images rather than build a layout without it.
     */
    bool bsd_symtab;
    const char *guest_string; /* the __xen_guest string, inside the image */
    uint32_t nr_segments;
    struct elf_segment segments[ELF_IMAGE_MAX_SEGMENTS]; /* in program-header order */
    char error_buf[96]; /* holds the text of errors that carry numbers */
};

/*
 * Parses and validates a guest image of size bytes. Returns 0 and fills
 * out, or -EINVAL with *error (if error is not NULL) set to one sentence
 * for the console, without a trailing newline, e.g. "segment 2 lies
 * outside the file"; the caller adds which image it is. *error is NULL on
 * success. The error text may live in out->error_buf, so out must outlive
 * its use. Segment numbers are program-header indexes, as readelf shows.
 */
int elf_image_parse(const void *image, uint32_t size, struct elf_image *out, const char **error);

/* The bytes of seg the image supplies (seg->filesz of them); the rest are zero. */
static inline const void *elf_segment_data(const struct elf_image *img,
                                           const struct elf_segment *seg)
{
    return img->base + seg->offset;
}

#endif /* TESSERA_ELF_IMAGE_H */
