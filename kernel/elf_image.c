/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest image parser (ABI.md §13). Pure: the host tests build it too.
 *
 * Every header is copied out of the image with memcpy after its range has
 * been checked, so a hostile image can neither make us read outside it nor
 * trip over misaligned fields. Range sums are done in 64 bits so offsets
 * near 4 GB cannot wrap past the checks.
 */
#include <asm/page.h>
#include <tessera/elf_image.h>
#include <tessera/errno.h>

#define XEN_GUEST_SECTION "__xen_guest"
#define VIRT_BASE_KEY "VIRT_BASE="

struct elf_parser {
    const uint8_t *base;
    uint32_t size;
    struct elf_image *out;
    const char *error;
    struct elf32_ehdr eh;
};

static int fail(struct elf_parser *p, const char *error)
{
    p->error = error;
    return -EINVAL;
}

/* For messages that name a segment or an address. */
static __printf(2, 3) int failf(struct elf_parser *p, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    tessera_vsnprintf(p->out->error_buf, sizeof(p->out->error_buf), fmt, ap);
    va_end(ap);
    return fail(p, p->out->error_buf);
}

static bool in_file(const struct elf_parser *p, uint32_t offset, uint64_t len)
{
    return (uint64_t)offset + len <= p->size;
}

/* Table entry i; only called once the whole table is known to be in the file. */
static const uint8_t *table_entry(const struct elf_parser *p, uint32_t table, uint16_t entsize,
                                  uint32_t i)
{
    return p->base + table + i * (uint32_t)entsize;
}

static void read_phdr(const struct elf_parser *p, uint32_t i, struct elf32_phdr *ph)
{
    memcpy(ph, table_entry(p, p->eh.e_phoff, p->eh.e_phentsize, i), sizeof(*ph));
}

static void read_shdr(const struct elf_parser *p, uint32_t i, struct elf32_shdr *sh)
{
    memcpy(sh, table_entry(p, p->eh.e_shoff, p->eh.e_shentsize, i), sizeof(*sh));
}

static int check_ident(struct elf_parser *p)
{
    const uint8_t *id = p->eh.e_ident;

    if (memcmp(id, ELF_MAG, 4) != 0)
        return fail(p, "the image is not an ELF file");
    if (id[ELF_EI_CLASS] != ELF_CLASS32)
        return fail(p, "the image is not a 32-bit ELF file");
    if (id[ELF_EI_DATA] != ELF_DATA2LSB)
        return fail(p, "the image is not a little-endian ELF file");
    if (id[ELF_EI_VERSION] != ELF_VERSION_CURRENT || p->eh.e_version != ELF_VERSION_CURRENT)
        return fail(p, "the image has an unknown ELF version");
    if (p->eh.e_type != ELF_ET_EXEC)
        return fail(p, "the image is not an ELF executable");
    if (p->eh.e_machine != ELF_EM_386)
        return fail(p, "the image is not built for i386");
    if (p->eh.e_ehsize != sizeof(struct elf32_ehdr))
        return fail(p, "the image's ELF header size is wrong");
    return 0;
}

static int check_tables(struct elf_parser *p)
{
    const struct elf32_ehdr *eh = &p->eh;

    if (eh->e_phnum == 0)
        return fail(p, "the image has no program headers");
    if (eh->e_phentsize < sizeof(struct elf32_phdr))
        return fail(p, "the image's program header size is wrong");
    if (!in_file(p, eh->e_phoff, (uint64_t)eh->e_phnum * eh->e_phentsize))
        return fail(p, "the image's program headers lie outside the file");
    if (eh->e_shoff == 0 || eh->e_shnum == 0)
        return fail(p, "the image has no section headers");
    if (eh->e_shentsize < sizeof(struct elf32_shdr))
        return fail(p, "the image's section header size is wrong");
    if (!in_file(p, eh->e_shoff, (uint64_t)eh->e_shnum * eh->e_shentsize))
        return fail(p, "the image's section headers lie outside the file");
    if (eh->e_shstrndx == ELF_SHN_UNDEF || eh->e_shstrndx >= eh->e_shnum)
        return fail(p, "the image's section-name table index is invalid");
    return 0;
}

/* Does section sh carry the given name? Names outside strtab never match. */
static bool section_named(const struct elf_parser *p, const struct elf32_shdr *strtab,
                          const struct elf32_shdr *sh, const char *name)
{
    size_t len = strlen(name) + 1;

    if ((uint64_t)sh->sh_name + len > strtab->sh_size)
        return false;
    return memcmp(p->base + strtab->sh_offset + sh->sh_name, name, len) == 0;
}

/* Finds the first __xen_guest section, as Xen does, and checks its string. */
static int find_guest_string(struct elf_parser *p)
{
    struct elf32_shdr strtab, sh;

    read_shdr(p, p->eh.e_shstrndx, &strtab);
    if (strtab.sh_type == ELF_SHT_NOBITS || !in_file(p, strtab.sh_offset, strtab.sh_size))
        return fail(p, "the image's section-name table lies outside the file");

    for (uint32_t i = 0; i < p->eh.e_shnum; i++) {
        read_shdr(p, i, &sh);
        if (!section_named(p, &strtab, &sh, XEN_GUEST_SECTION))
            continue;
        if (sh.sh_type == ELF_SHT_NOBITS || !in_file(p, sh.sh_offset, sh.sh_size))
            return fail(p, "the image's __xen_guest section lies outside the file");
        p->out->guest_string = (const char *)p->base + sh.sh_offset;
        if (strnlen(p->out->guest_string, sh.sh_size) == sh.sh_size)
            return fail(p, "the image's __xen_guest string is not NUL-terminated");
        return 0;
    }
    return fail(p, "the image has no __xen_guest section");
}

static bool is_word_char(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* Keys are found by substring search (ABI.md §13): order and separators are free. */
static int parse_keys(struct elf_parser *p, bool *has_virt_base)
{
    const char *s = p->out->guest_string;
    const char *key, *digits, *end;
    unsigned long long value;

    if (!strstr(s, "GUEST_OS=linux") && !strstr(s, "LOADER=generic"))
        return fail(p, "__xen_guest lacks GUEST_OS=linux or LOADER=generic");
    if (!strstr(s, "XEN_VER=2.0"))
        return fail(p, "__xen_guest lacks XEN_VER=2.0");
    p->out->pt_mode_writable = strstr(s, "PT_MODE_WRITABLE") != NULL;
    p->out->bsd_symtab = strstr(s, "BSD_SYMTAB") != NULL;

    key = strstr(s, VIRT_BASE_KEY);
    *has_virt_base = key != NULL;
    if (!key)
        return 0;
    digits = key + sizeof(VIRT_BASE_KEY) - 1;
    value = parse_ull(digits, &end, 0);
    /* A number running into letters ("0x12g", "08") is a typo, not a separator. */
    if (end == digits || value > UINT32_MAX || is_word_char(*end))
        return fail(p, "__xen_guest has a malformed VIRT_BASE");
    p->out->v_start = (uint32_t)value;
    return 0;
}

static bool segments_overlap(const struct elf_segment *a, const struct elf_segment *b)
{
    return (uint64_t)a->vaddr < (uint64_t)b->vaddr + b->memsz &&
           (uint64_t)b->vaddr < (uint64_t)a->vaddr + a->memsz;
}

/* Checks loadable segment i and appends it; phdr_of[] maps back for messages. */
static int add_segment(struct elf_parser *p, const struct elf32_phdr *ph, uint32_t i,
                       uint16_t *phdr_of)
{
    struct elf_image *img = p->out;
    struct elf_segment seg = {
        .offset = ph->p_offset, .filesz = ph->p_filesz, .vaddr = ph->p_vaddr, .memsz = ph->p_memsz};

    if (seg.filesz > seg.memsz)
        return failf(p, "segment %u has a file size above its memory size", (unsigned int)i);
    if (!in_file(p, seg.offset, seg.filesz))
        return failf(p, "segment %u lies outside the file", (unsigned int)i);
    if ((uint64_t)seg.vaddr + seg.memsz > HYPERVISOR_VIRT_START)
        return failf(p, "segment %u reaches the hypervisor area at 0x%08x", (unsigned int)i,
                     (unsigned int)HYPERVISOR_VIRT_START);
    for (uint32_t j = 0; j < img->nr_segments; j++) {
        if (segments_overlap(&img->segments[j], &seg))
            return failf(p, "segments %u and %u overlap", (unsigned int)phdr_of[j],
                         (unsigned int)i);
    }
    if (img->nr_segments == ELF_IMAGE_MAX_SEGMENTS)
        return failf(p, "the image has more than %u loadable segments",
                     (unsigned int)ELF_IMAGE_MAX_SEGMENTS);
    phdr_of[img->nr_segments] = (uint16_t)i;
    img->segments[img->nr_segments++] = seg;
    return 0;
}

/* Only PT_LOAD segments that are writable or executable are loaded. */
static int collect_segments(struct elf_parser *p)
{
    struct elf_image *img = p->out;
    uint16_t phdr_of[ELF_IMAGE_MAX_SEGMENTS];
    struct elf32_phdr ph;
    uint32_t start = UINT32_MAX, end = 0;
    int rc;

    for (uint32_t i = 0; i < p->eh.e_phnum; i++) {
        read_phdr(p, i, &ph);
        if (ph.p_type != ELF_PT_LOAD || !(ph.p_flags & (ELF_PF_W | ELF_PF_X)))
            continue;
        rc = add_segment(p, &ph, i, phdr_of);
        if (rc)
            return rc;
        start = MIN(start, ph.p_vaddr);
        end = MAX(end, ph.p_vaddr + ph.p_memsz);
    }
    if (img->nr_segments == 0)
        return fail(p, "the image has no loadable segments");
    img->v_kernstart = start;
    img->v_kernend = end;
    return 0;
}

static int check_addresses(struct elf_parser *p, bool has_virt_base)
{
    struct elf_image *img = p->out;

    img->entry = p->eh.e_entry;
    if (img->entry < img->v_kernstart || img->entry >= img->v_kernend)
        return failf(p, "entry point 0x%08x is outside the loaded segments",
                     (unsigned int)img->entry);
    if (!has_virt_base)
        img->v_start = img->v_kernstart;
    if (img->v_start & (PAGE_SIZE - 1)) {
        if (!has_virt_base)
            return failf(p,
                         "the image has no VIRT_BASE and its lowest address 0x%08x "
                         "is not page-aligned",
                         (unsigned int)img->v_start);
        return failf(p, "VIRT_BASE 0x%08x is not page-aligned", (unsigned int)img->v_start);
    }
    if (img->v_start > img->v_kernstart)
        return failf(p, "VIRT_BASE 0x%08x lies above the kernel start 0x%08x",
                     (unsigned int)img->v_start, (unsigned int)img->v_kernstart);
    return 0;
}

static int parse(struct elf_parser *p)
{
    bool has_virt_base;
    int rc;

    if (p->size < sizeof(struct elf32_ehdr))
        return fail(p, "the image is too small to hold an ELF header");
    memcpy(&p->eh, p->base, sizeof(p->eh));
    rc = check_ident(p);
    if (!rc)
        rc = check_tables(p);
    if (!rc)
        rc = find_guest_string(p);
    if (!rc)
        rc = parse_keys(p, &has_virt_base);
    if (!rc)
        rc = collect_segments(p);
    if (!rc)
        rc = check_addresses(p, has_virt_base);
    return rc;
}

int elf_image_parse(const void *image, uint32_t size, struct elf_image *out, const char **error)
{
    struct elf_parser p = {.base = image, .size = size, .out = out, .error = NULL};
    int rc;

    memset(out, 0, sizeof(*out));
    out->base = image;
    out->size = size;
    rc = parse(&p);
    if (error)
        *error = p.error;
    return rc;
}
