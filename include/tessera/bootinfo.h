/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the boot loader told us, in a loader-neutral form: memory map,
 * modules, command line, and every machine range the loader's data lives
 * in, so the boot allocator leaves them alone until they are consumed.
 */
#ifndef TESSERA_BOOTINFO_H
#define TESSERA_BOOTINFO_H

#include <tessera/lib.h>

#define BOOT_MAX_MEM_REGIONS    64
#define BOOT_MAX_MODULES        16
#define BOOT_MAX_RESERVED       (BOOT_MAX_MODULES * 2 + 8)

#define MEM_TYPE_RAM            1   /* e820 numbering */
#define MEM_TYPE_RESERVED       2

struct mem_region {
    uint64_t base;
    uint64_t size;
    uint32_t type;
};

struct boot_module {
    uint32_t start;         /* machine address of the first byte */
    uint32_t end;           /* machine address after the last byte */
    const char *string;     /* loader's string, as given (may be "") */
};

struct phys_range {
    uint32_t start;
    uint32_t end;           /* exclusive */
};

struct boot_info {
    const char *cmdline;    /* loader's string, as given (may be "") */
    const char *loader_name;/* may be NULL */
    uint32_t mem_lower_kb;  /* 0 if not given */
    uint32_t mem_upper_kb;
    unsigned int nr_mem;
    struct mem_region mem[BOOT_MAX_MEM_REGIONS];
    unsigned int nr_modules;
    struct boot_module mod[BOOT_MAX_MODULES];
    unsigned int nr_reserved;
    struct phys_range reserved[BOOT_MAX_RESERVED];
};

/* Filled by the architecture's boot code before start_tessera(). */
extern struct boot_info boot_info;

/* Bytes of RAM described by the memory map (RAM regions only). */
uint64_t bootinfo_ram_bytes(const struct boot_info *bi);

#endif /* TESSERA_BOOTINFO_H */
