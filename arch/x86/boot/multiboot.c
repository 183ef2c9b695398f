/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multiboot v1 information to struct boot_info. Pure: every read of the
 * loader's data goes through the caller's map(), so the host tests feed it
 * a fake memory and the hypervisor its 1:1 window over the first 12 MB.
 * Nothing the loader says is trusted: every string and array is bounded
 * and mapped before it is read.
 */
#include <tessera/bootinfo.h>
#include <tessera/errno.h>

#include "multiboot.h"

/* A loader string longer than this (NUL included) is taken as garbage. */
#define MBI_STRING_MAX 4096

/* mbi, cmdline, loader name, memory map and module list, then two per module. */
BUILD_BUG_ON(BOOT_MAX_RESERVED < 5 + 2 * BOOT_MAX_MODULES);

struct mbi_parser {
    multiboot_map_fn map;
    struct boot_info *out;
    const char *error;
};

/*
 * Errors naming a module are built here (boot runs on one CPU), by hand so
 * the parser needs no printf: indexes have at most two digits.
 */
static char module_error[80];
BUILD_BUG_ON(BOOT_MAX_MODULES > 100);

static int fail(struct mbi_parser *p, const char *error)
{
    p->error = error;
    return -EINVAL;
}

static int fail_module(struct mbi_parser *p, unsigned int index, const char *what)
{
    static const char prefix[] = "module ";
    char *s = module_error;
    size_t len = MIN(strlen(what), sizeof(module_error) - sizeof(prefix) - 3);

    memcpy(s, prefix, sizeof(prefix) - 1);
    s += sizeof(prefix) - 1;
    if (index >= 10)
        *s++ = (char)('0' + index / 10);
    *s++ = (char)('0' + index % 10);
    *s++ = ' ';
    memcpy(s, what, len);
    s[len] = '\0';
    return fail(p, module_error);
}

/* map() for a range that must not wrap around the 32-bit machine address space. */
static const void *map_range(const struct mbi_parser *p, uint64_t pa, uint32_t len)
{
    if (pa + len > (1ULL << 32))
        return NULL;
    return p->map((uint32_t)pa, len);
}

/* The loader's data may only be reused once consumed; remember where it lies. */
static void reserve(struct boot_info *out, uint32_t start, uint32_t len)
{
    /* Cannot fill up: the BUILD_BUG_ON above counts every caller. */
    if (len == 0 || out->nr_reserved >= BOOT_MAX_RESERVED)
        return;
    out->reserved[out->nr_reserved].start = start;
    out->reserved[out->nr_reserved].end = start + len;
    out->nr_reserved++;
}

/*
 * Maps the NUL-terminated string at pa byte by byte, since its length is
 * unknown and the bytes past its end may be out of reach. Returns NULL
 * when it is unmapped or unterminated; reserves it otherwise.
 */
static const char *map_string(struct mbi_parser *p, uint32_t pa)
{
    for (uint32_t i = 0; i < MBI_STRING_MAX; i++) {
        const char *c = map_range(p, (uint64_t)pa + i, 1);

        if (!c)
            return NULL;
        if (*c == '\0') {
            const char *s = map_range(p, pa, i + 1);

            if (s)
                reserve(p->out, pa, i + 1);
            return s;
        }
    }
    return NULL;
}

static void add_mem_region(struct boot_info *out, uint64_t base, uint64_t size, uint32_t type)
{
    if (size == 0 || out->nr_mem >= BOOT_MAX_MEM_REGIONS)
        return;
    out->mem[out->nr_mem].base = base;
    out->mem[out->nr_mem].size = size;
    out->mem[out->nr_mem].type = type;
    out->nr_mem++;
}

static int parse_mmap(struct mbi_parser *p, uint32_t addr, uint32_t length)
{
    const uint8_t *buf = map_range(p, addr, length);
    uint32_t off = 0;

    if (!buf)
        return fail(p, "the memory map is out of reach");
    while (off < length) {
        struct multiboot_mmap_entry e;
        uint32_t left = length - off;

        if (left < sizeof(e.size))
            return fail(p, "the memory map is malformed");
        memcpy(&e.size, buf + off, sizeof(e.size));
        if (e.size < MBI_MMAP_ENTRY_MIN_SIZE || e.size > left - sizeof(e.size))
            return fail(p, "the memory map is malformed");
        memcpy(&e, buf + off, sizeof(e));
        if (e.base_addr + e.length < e.base_addr)
            return fail(p, "the memory map is malformed");
        add_mem_region(p->out, e.base_addr, e.length, e.type);
        off += e.size + sizeof(e.size);
    }
    reserve(p->out, addr, length);
    return 0;
}

static int parse_memory(struct mbi_parser *p, const struct multiboot_info *mbi)
{
    struct boot_info *out = p->out;
    bool have_mem = mbi->flags & MBI_FLAG_MEM;

    if (have_mem) {
        out->mem_lower_kb = mbi->mem_lower;
        out->mem_upper_kb = mbi->mem_upper;
    }
    /* The map is the only source that knows about holes above 1 MB. */
    if ((mbi->flags & MBI_FLAG_MMAP) && mbi->mmap_length > 0)
        return parse_mmap(p, mbi->mmap_addr, mbi->mmap_length);
    if (!have_mem)
        return fail(p, "the loader gave no memory information");
    add_mem_region(out, 0, (uint64_t)mbi->mem_lower << 10, MEM_TYPE_RAM);
    add_mem_region(out, 1ULL << 20, (uint64_t)mbi->mem_upper << 10, MEM_TYPE_RAM);
    return 0;
}

static bool overlaps(const struct phys_range *r, uint32_t start, uint32_t end)
{
    return r && start < r->end && r->start < end;
}

static int parse_module(struct mbi_parser *p, unsigned int index, const struct multiboot_module *m,
                        const struct phys_range *image)
{
    struct boot_module *mod = &p->out->mod[index];

    if (m->mod_end < m->mod_start)
        return fail_module(p, index, "ends before it starts");
    if (overlaps(image, m->mod_start, m->mod_end))
        return fail_module(p, index, "lies inside Tessera's image");
    mod->start = m->mod_start;
    mod->end = m->mod_end;
    reserve(p->out, m->mod_start, m->mod_end - m->mod_start);
    mod->string = m->string ? map_string(p, m->string) : "";
    if (!mod->string)
        return fail_module(p, index, "has a string out of reach or not NUL-terminated");
    return 0;
}

static int parse_modules(struct mbi_parser *p, const struct multiboot_info *mbi,
                         const struct phys_range *image)
{
    const struct multiboot_module *list;
    uint32_t bytes;

    if (mbi->mods_count > BOOT_MAX_MODULES)
        return fail(p, "too many modules (max " STRINGIFY(BOOT_MAX_MODULES) ")");
    if (mbi->mods_count == 0)
        return 0;
    bytes = mbi->mods_count * (uint32_t)sizeof(*list);
    list = map_range(p, mbi->mods_addr, bytes);
    if (!list)
        return fail(p, "the module list is out of reach");
    reserve(p->out, mbi->mods_addr, bytes);
    for (unsigned int i = 0; i < mbi->mods_count; i++) {
        struct multiboot_module m;
        int rc;

        /* The loader need not align the list; copy before reading fields. */
        memcpy(&m, &list[i], sizeof(m));
        rc = parse_module(p, i, &m, image);
        if (rc)
            return rc;
        p->out->nr_modules = i + 1;
    }
    return 0;
}

static int parse_strings(struct mbi_parser *p, const struct multiboot_info *mbi)
{
    struct boot_info *out = p->out;

    out->cmdline = "";
    if ((mbi->flags & MBI_FLAG_CMDLINE) && mbi->cmdline) {
        out->cmdline = map_string(p, mbi->cmdline);
        if (!out->cmdline)
            return fail(p, "the command line is out of reach or not NUL-terminated");
    }
    if ((mbi->flags & MBI_FLAG_LOADER_NAME) && mbi->boot_loader_name) {
        out->loader_name = map_string(p, mbi->boot_loader_name);
        if (!out->loader_name)
            return fail(p, "the boot loader name is out of reach or not NUL-terminated");
    }
    return 0;
}

static int parse_mbi(struct mbi_parser *p, uint32_t magic, uint32_t mbi_pa,
                     const struct phys_range *image)
{
    struct multiboot_info mbi;
    const void *raw;
    int rc;

    if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
        return fail(p, "not started by a multiboot loader");
    raw = map_range(p, mbi_pa, sizeof(mbi));
    if (!raw)
        return fail(p, "the multiboot information is out of reach");
    memcpy(&mbi, raw, sizeof(mbi));
    reserve(p->out, mbi_pa, sizeof(mbi));

    rc = parse_strings(p, &mbi);
    if (!rc)
        rc = parse_memory(p, &mbi);
    if (!rc && (mbi.flags & MBI_FLAG_MODS))
        rc = parse_modules(p, &mbi, image);
    return rc;
}

int multiboot_parse(uint32_t magic, uint32_t mbi_pa, multiboot_map_fn map,
                    const struct phys_range *image, struct boot_info *out, const char **error)
{
    struct mbi_parser p = {.map = map, .out = out, .error = NULL};
    int rc;

    memset(out, 0, sizeof(*out));
    out->cmdline = "";
    rc = parse_mbi(&p, magic, mbi_pa, image);
    if (error)
        *error = p.error;
    return rc;
}

uint64_t bootinfo_ram_bytes(const struct boot_info *bi)
{
    unsigned int n = MIN(bi->nr_mem, (unsigned int)BOOT_MAX_MEM_REGIONS);
    uint64_t total = 0;

    for (unsigned int i = 0; i < n; i++) {
        if (bi->mem[i].type == MEM_TYPE_RAM)
            total += bi->mem[i].size;
    }
    return total;
}
