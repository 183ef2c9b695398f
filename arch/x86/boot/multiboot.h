/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multiboot v1: the header Tessera's image carries and the information
 * structure the loader hands over in %ebx (with the magic in %eax).
 * All addresses in these structures are machine addresses.
 */
#ifndef X86_BOOT_MULTIBOOT_H
#define X86_BOOT_MULTIBOOT_H

#define MULTIBOOT_HEADER_MAGIC 0x1BADB002      /* in the image's first 8 KB */
#define MULTIBOOT_HEADER_PAGE_ALIGN 0x00000001 /* modules on page boundaries */
#define MULTIBOOT_HEADER_MEMORY 0x00000002     /* ask for mem_* and the memory map */

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002 /* in %eax at entry */

/* multiboot_info.flags: which fields the loader filled in. */
#define MBI_FLAG_MEM (1u << 0)         /* mem_lower, mem_upper */
#define MBI_FLAG_CMDLINE (1u << 2)     /* cmdline */
#define MBI_FLAG_MODS (1u << 3)        /* mods_count, mods_addr */
#define MBI_FLAG_MMAP (1u << 6)        /* mmap_length, mmap_addr */
#define MBI_FLAG_LOADER_NAME (1u << 9) /* boot_loader_name */

#ifndef __ASSEMBLER__

#include <tessera/bootinfo.h>

struct multiboot_info {
    uint32_t flags;
    uint32_t mem_lower; /* KB of RAM from 0 */
    uint32_t mem_upper; /* KB of RAM from 1 MB up to the first hole */
    uint32_t boot_device;
    uint32_t cmdline; /* NUL-terminated string */
    uint32_t mods_count;
    uint32_t mods_addr;   /* array of struct multiboot_module */
    uint32_t syms[4];     /* a.out symbols or ELF section headers */
    uint32_t mmap_length; /* bytes */
    uint32_t mmap_addr;   /* struct multiboot_mmap_entry, each size + 4 bytes */
    uint32_t drives_length;
    uint32_t drives_addr;
    uint32_t config_table;
    uint32_t boot_loader_name; /* NUL-terminated string */
    uint32_t apm_table;
    uint32_t vbe_control_info;
    uint32_t vbe_mode_info;
    uint16_t vbe_mode;
    uint16_t vbe_interface_seg;
    uint16_t vbe_interface_off;
    uint16_t vbe_interface_len;
};

struct multiboot_module {
    uint32_t mod_start;
    uint32_t mod_end; /* exclusive */
    uint32_t string;  /* NUL-terminated string, or 0 */
    uint32_t reserved;
};

/*
 * The size field counts the bytes after itself, so entries may grow
 * (loaders with ACPI 3.0 attributes give 24): the next entry starts at
 * size + 4. Unaligned base_addr makes the packing part of the layout.
 */
struct multiboot_mmap_entry {
    uint32_t size;
    uint64_t base_addr;
    uint64_t length;
    uint32_t type; /* 1 = RAM, as in e820 */
} __packed;

#define MBI_MMAP_ENTRY_MIN_SIZE 20 /* base_addr, length and type */

_Static_assert(offsetof(struct multiboot_info, flags) == 0, "mbi flags");
_Static_assert(offsetof(struct multiboot_info, mem_lower) == 4, "mbi mem_lower");
_Static_assert(offsetof(struct multiboot_info, mem_upper) == 8, "mbi mem_upper");
_Static_assert(offsetof(struct multiboot_info, boot_device) == 12, "mbi boot_device");
_Static_assert(offsetof(struct multiboot_info, cmdline) == 16, "mbi cmdline");
_Static_assert(offsetof(struct multiboot_info, mods_count) == 20, "mbi mods_count");
_Static_assert(offsetof(struct multiboot_info, mods_addr) == 24, "mbi mods_addr");
_Static_assert(offsetof(struct multiboot_info, syms) == 28, "mbi syms");
_Static_assert(offsetof(struct multiboot_info, mmap_length) == 44, "mbi mmap_length");
_Static_assert(offsetof(struct multiboot_info, mmap_addr) == 48, "mbi mmap_addr");
_Static_assert(offsetof(struct multiboot_info, drives_length) == 52, "mbi drives_length");
_Static_assert(offsetof(struct multiboot_info, drives_addr) == 56, "mbi drives_addr");
_Static_assert(offsetof(struct multiboot_info, config_table) == 60, "mbi config_table");
_Static_assert(offsetof(struct multiboot_info, boot_loader_name) == 64, "mbi loader name");
_Static_assert(offsetof(struct multiboot_info, apm_table) == 68, "mbi apm_table");
_Static_assert(offsetof(struct multiboot_info, vbe_control_info) == 72, "mbi vbe_control");
_Static_assert(offsetof(struct multiboot_info, vbe_mode_info) == 76, "mbi vbe_mode_info");
_Static_assert(offsetof(struct multiboot_info, vbe_mode) == 80, "mbi vbe_mode");
_Static_assert(offsetof(struct multiboot_info, vbe_interface_len) == 86, "mbi vbe_if_len");
_Static_assert(sizeof(struct multiboot_info) == 88, "mbi size");

_Static_assert(offsetof(struct multiboot_module, mod_end) == 4, "module mod_end");
_Static_assert(offsetof(struct multiboot_module, string) == 8, "module string");
_Static_assert(sizeof(struct multiboot_module) == 16, "module size");

_Static_assert(offsetof(struct multiboot_mmap_entry, base_addr) == 4, "mmap base_addr");
_Static_assert(offsetof(struct multiboot_mmap_entry, length) == 12, "mmap length");
_Static_assert(offsetof(struct multiboot_mmap_entry, type) == 20, "mmap type");
_Static_assert(sizeof(struct multiboot_mmap_entry) == 24, "mmap entry size");

/*
 * Returns a pointer to len readable bytes at machine address pa, or NULL
 * when they are out of reach.
 */
typedef const void *(*multiboot_map_fn)(uint32_t pa, uint32_t len);

/*
 * Converts the loader's information into *out. image is Tessera's own
 * machine range, which no module may overlap (NULL: not checked).
 * Strings in *out point into map()'s window. Returns 0, or -EINVAL with
 * *error set to one sentence saying what is wrong; *out is then partial.
 */
int multiboot_parse(uint32_t magic, uint32_t mbi_pa, multiboot_map_fn map,
                    const struct phys_range *image, struct boot_info *out, const char **error);

#endif /* __ASSEMBLER__ */

#endif /* X86_BOOT_MULTIBOOT_H */
