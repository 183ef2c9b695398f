/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest image parser (kernel/elf_image.c). Each test edits a model of a
 * small XenLinux-like image (headers, names, __xen_guest string), writes
 * it out with write_image() and parses the bytes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <tessera/elf_image.h>
#include <tessera/errno.h>

/* Where write_image() puts each part; e_phoff etc. point here by default. */
#define PH_OFF 0x40
#define MAX_PH 20
#define SH_OFF 0x300
#define MAX_SH 6
#define STR_OFF 0x400
#define GUEST_OFF 0x500
#define TEXT_OFF 0x1000
#define DATA_OFF 0x2000
#define IMG_SIZE 0x2800
#define BUF_SIZE 0x3000

#define KBASE 0xC0000000u
#define XENLINUX_GUEST                                                                             \
    "GUEST_OS=linux,GUEST_VER=2.6,XEN_VER=2.0,VIRT_BASE=0xC0000000,LOADER=generic,"                \
    "PT_MODE_WRITABLE"

/* Section indexes and their names' offsets in the name table below. */
enum { SEC_NULL, SEC_TEXT, SEC_GUEST, SEC_SHSTRTAB, NR_SEC };
static const char names[] = "\0.text\0__xen_guest\0.shstrtab";
#define NAME_TEXT 1
#define NAME_GUEST 7
#define NAME_SHSTRTAB 19

static struct elf32_ehdr eh;
static struct elf32_phdr ph[MAX_PH];
static struct elf32_shdr sh[MAX_SH];
static char strtab[64];
static char guest[512];
static uint8_t buf[BUF_SIZE];
static uint32_t size;
static struct elf_image img;
static const char *err;

static void set_guest(const char *s)
{
    memset(guest, 0, sizeof(guest));
    strcpy(guest, s);
    sh[SEC_GUEST].sh_size = (uint32_t)strlen(s) + 1;
}

static struct elf32_phdr load(uint32_t off, uint32_t va, uint32_t filesz, uint32_t memsz,
                              uint32_t flags)
{
    return (struct elf32_phdr){.p_type = ELF_PT_LOAD,
                               .p_offset = off,
                               .p_vaddr = va,
                               .p_paddr = va,
                               .p_filesz = filesz,
                               .p_memsz = memsz,
                               .p_flags = flags,
                               .p_align = 0x1000};
}

static struct elf32_shdr section(uint32_t name, uint32_t type, uint32_t off, uint32_t len)
{
    return (struct elf32_shdr){
        .sh_name = name, .sh_type = type, .sh_offset = off, .sh_size = len, .sh_addralign = 1};
}

/*
 * The default image: text RX at KBASE (4 KB), data RW after it (2 KB in the
 * file, 12 KB in memory), a read-only PT_LOAD whose offset is nonsense (it
 * must be skipped unchecked) and a writable PT_GNU_STACK (not PT_LOAD).
 */
static int reset(void **state)
{
    (void)state;
    memset(&eh, 0, sizeof(eh));
    memcpy(eh.e_ident, ELF_MAG, 4);
    eh.e_ident[ELF_EI_CLASS] = ELF_CLASS32;
    eh.e_ident[ELF_EI_DATA] = ELF_DATA2LSB;
    eh.e_ident[ELF_EI_VERSION] = ELF_VERSION_CURRENT;
    eh.e_type = ELF_ET_EXEC;
    eh.e_machine = ELF_EM_386;
    eh.e_version = ELF_VERSION_CURRENT;
    eh.e_entry = KBASE + 0x100;
    eh.e_phoff = PH_OFF;
    eh.e_shoff = SH_OFF;
    eh.e_ehsize = sizeof(struct elf32_ehdr);
    eh.e_phentsize = sizeof(struct elf32_phdr);
    eh.e_phnum = 4;
    eh.e_shentsize = sizeof(struct elf32_shdr);
    eh.e_shnum = NR_SEC;
    eh.e_shstrndx = SEC_SHSTRTAB;

    memset(ph, 0, sizeof(ph));
    ph[0] = load(TEXT_OFF, KBASE, 0x1000, 0x1000, ELF_PF_R | ELF_PF_X);
    ph[1] = load(DATA_OFF, KBASE + 0x1000, 0x800, 0x3000, ELF_PF_R | ELF_PF_W);
    ph[2] = load(0xFFFFFFFF, 0xFFFFF000, 0x10000, 0x10, ELF_PF_R);
    ph[3] = (struct elf32_phdr){.p_type = 0x6474e551, .p_flags = ELF_PF_R | ELF_PF_W};

    memset(sh, 0, sizeof(sh));
    sh[SEC_TEXT] = section(NAME_TEXT, 1, TEXT_OFF, 0x1000);
    sh[SEC_GUEST] = section(NAME_GUEST, 1, GUEST_OFF, 0);
    sh[SEC_SHSTRTAB] = section(NAME_SHSTRTAB, 3, STR_OFF, sizeof(names));
    memcpy(strtab, names, sizeof(names));
    set_guest(XENLINUX_GUEST);
    size = IMG_SIZE;
    memset(&img, 0xA5, sizeof(img));
    err = "unset";
    return 0;
}

/* Writes the model out, honouring the entry sizes the header claims. */
static void write_image(void)
{
    uint32_t phstride = MAX(eh.e_phentsize, sizeof(struct elf32_phdr));
    uint32_t shstride = MAX(eh.e_shentsize, sizeof(struct elf32_shdr));

    memset(buf, 0, sizeof(buf));
    memcpy(buf, &eh, sizeof(eh));
    for (unsigned int i = 0; i < MAX_PH && PH_OFF + (i + 1) * phstride <= SH_OFF; i++)
        memcpy(buf + PH_OFF + i * phstride, &ph[i], sizeof(ph[i]));
    for (unsigned int i = 0; i < MAX_SH && SH_OFF + (i + 1) * shstride <= STR_OFF; i++)
        memcpy(buf + SH_OFF + i * shstride, &sh[i], sizeof(sh[i]));
    memcpy(buf + STR_OFF, strtab, sizeof(strtab));
    memcpy(buf + GUEST_OFF, guest, sizeof(guest));
    for (uint32_t i = TEXT_OFF; i < IMG_SIZE; i++)
        buf[i] = (uint8_t)(i * 7);
}

static int run(void)
{
    write_image();
    return elf_image_parse(buf, size, &img, &err);
}

static void run_fails(const char *error)
{
    assert_int_equal(run(), -EINVAL);
    assert_non_null(err);
    assert_string_equal(err, error);
}

static void run_ok(void)
{
    int rc = run();

    if (rc)
        fail_msg("unexpected error: %s", err);
    assert_null(err);
}

static void assert_segment(unsigned int i, uint32_t off, uint32_t filesz, uint32_t va,
                           uint32_t memsz)
{
    assert_true(i < img.nr_segments);
    assert_int_equal(img.segments[i].offset, off);
    assert_int_equal(img.segments[i].filesz, filesz);
    assert_int_equal(img.segments[i].vaddr, va);
    assert_int_equal(img.segments[i].memsz, memsz);
}

static void test_xenlinux_image(void **state)
{
    (void)state;
    run_ok();
    assert_ptr_equal(img.base, buf);
    assert_int_equal(img.size, IMG_SIZE);
    assert_int_equal(img.entry, KBASE + 0x100);
    assert_int_equal(img.v_start, KBASE);
    assert_int_equal(img.v_kernstart, KBASE);
    assert_int_equal(img.v_kernend, KBASE + 0x4000);
    assert_true(img.pt_mode_writable);
    assert_false(img.bsd_symtab);
    assert_ptr_equal(img.guest_string, (const char *)buf + GUEST_OFF);
    assert_string_equal(img.guest_string, XENLINUX_GUEST);
    /* The read-only PT_LOAD and the PT_GNU_STACK are skipped. */
    assert_int_equal(img.nr_segments, 2);
    assert_segment(0, TEXT_OFF, 0x1000, KBASE, 0x1000);
    assert_segment(1, DATA_OFF, 0x800, KBASE + 0x1000, 0x3000);
    assert_ptr_equal(elf_segment_data(&img, &img.segments[1]), buf + DATA_OFF);
}

static void test_too_small(void **state)
{
    (void)state;
    size = sizeof(struct elf32_ehdr) - 1;
    run_fails("the image is too small to hold an ELF header");
    assert_int_equal(elf_image_parse(NULL, 0, &img, &err), -EINVAL);
    assert_string_equal(err, "the image is too small to hold an ELF header");
}

static void test_truncated_after_header(void **state)
{
    (void)state;
    size = sizeof(struct elf32_ehdr); /* the program headers are cut off */
    run_fails("the image's program headers lie outside the file");
}

static void test_ident(void **state)
{
    (void)state;
    eh.e_ident[3] = 'f';
    run_fails("the image is not an ELF file");
    reset(state);
    eh.e_ident[ELF_EI_CLASS] = 2;
    run_fails("the image is not a 32-bit ELF file");
    reset(state);
    eh.e_ident[ELF_EI_DATA] = 2;
    run_fails("the image is not a little-endian ELF file");
    reset(state);
    eh.e_ident[ELF_EI_VERSION] = 0;
    run_fails("the image has an unknown ELF version");
    reset(state);
    eh.e_version = 2;
    run_fails("the image has an unknown ELF version");
}

static void test_type_machine_sizes(void **state)
{
    (void)state;
    eh.e_type = 3; /* ET_DYN */
    run_fails("the image is not an ELF executable");
    reset(state);
    eh.e_machine = 62; /* EM_X86_64 */
    run_fails("the image is not built for i386");
    reset(state);
    eh.e_ehsize = 64;
    run_fails("the image's ELF header size is wrong");
    reset(state);
    eh.e_phentsize = sizeof(struct elf32_phdr) - 1;
    run_fails("the image's program header size is wrong");
    reset(state);
    eh.e_shentsize = sizeof(struct elf32_shdr) - 4;
    run_fails("the image's section header size is wrong");
}

static void test_larger_entry_sizes(void **state)
{
    (void)state;
    eh.e_phentsize = 48; /* padding after each entry is allowed */
    eh.e_shentsize = 48;
    run_ok();
    assert_int_equal(img.nr_segments, 2);
    assert_segment(1, DATA_OFF, 0x800, KBASE + 0x1000, 0x3000);
}

static void test_program_headers_outside(void **state)
{
    (void)state;
    eh.e_phnum = 0;
    run_fails("the image has no program headers");
    reset(state);
    eh.e_phoff = IMG_SIZE - 4 * sizeof(struct elf32_phdr) + 1;
    run_fails("the image's program headers lie outside the file");
    reset(state);
    eh.e_phoff = 0xFFFFFFFF; /* wraps in 32 bits */
    run_fails("the image's program headers lie outside the file");
    reset(state);
    eh.e_phnum = 0xFFFF;
    run_fails("the image's program headers lie outside the file");
}

static void test_segment_outside(void **state)
{
    (void)state;
    ph[1].p_offset = 0xFFFFFFFF;
    run_fails("segment 1 lies outside the file");
    reset(state);
    ph[1].p_offset = IMG_SIZE - 0x800 + 1;
    run_fails("segment 1 lies outside the file");
    reset(state);
    ph[0].p_filesz = ph[0].p_memsz = 0xFFFFFFFF;
    run_fails("segment 0 lies outside the file");
    reset(state);
    ph[1].p_offset = IMG_SIZE - 0x800; /* ends exactly at the end */
    run_ok();
    assert_segment(1, IMG_SIZE - 0x800, 0x800, KBASE + 0x1000, 0x3000);
}

static void test_filesz_above_memsz(void **state)
{
    (void)state;
    ph[1].p_memsz = 0x7FF;
    run_fails("segment 1 has a file size above its memory size");
    reset(state);
    ph[1].p_memsz = 0x800; /* equal is fine */
    run_ok();
    assert_int_equal(img.v_kernend, KBASE + 0x1800);
}

static void test_overlap(void **state)
{
    (void)state;
    ph[1].p_vaddr = KBASE + 0xFFF;
    run_fails("segments 0 and 1 overlap");
    reset(state);
    ph[0].p_vaddr = KBASE + 0x3FFF; /* inside data's bss; data comes second */
    eh.e_entry = KBASE + 0x1000;
    run_fails("segments 0 and 1 overlap");
    /* Messages count program headers, skipped ones included. */
    reset(state);
    eh.e_phnum = 3; /* read-only, text, data */
    ph[3] = ph[1];
    ph[1] = ph[0];
    ph[0] = ph[2];
    ph[2] = ph[3];
    ph[2].p_vaddr = KBASE + 0x800;
    run_fails("segments 1 and 2 overlap");
}

static void test_hypervisor_area(void **state)
{
    (void)state;
    ph[1].p_vaddr = 0xFFFFF000; /* vaddr + memsz wraps in 32 bits */
    run_fails("segment 1 reaches the hypervisor area at 0xfc000000");
    reset(state);
    ph[1].p_vaddr = 0xFC000000 - 0x3000 + 1;
    run_fails("segment 1 reaches the hypervisor area at 0xfc000000");
    reset(state);
    ph[1].p_vaddr = 0xFC000000 - 0x3000; /* ends exactly at the limit */
    run_ok();
    assert_int_equal(img.v_kernend, 0xFC000000);
}

static void test_no_loadable_segments(void **state)
{
    (void)state;
    ph[0].p_flags = ELF_PF_R;
    ph[1].p_flags = ELF_PF_R;
    run_fails("the image has no loadable segments");
    reset(state);
    ph[0].p_flags = ELF_PF_W; /* W or X each suffice */
    ph[1].p_flags = ELF_PF_X;
    run_ok();
    assert_int_equal(img.nr_segments, 2);
}

static void test_too_many_segments(void **state)
{
    (void)state;
    eh.e_phnum = ELF_IMAGE_MAX_SEGMENTS + 1;
    for (unsigned int i = 0; i < ELF_IMAGE_MAX_SEGMENTS + 1; i++)
        ph[i] = load(TEXT_OFF, KBASE + i * 0x1000, 0x10, 0x1000, ELF_PF_X);
    run_fails("the image has more than 16 loadable segments");
    reset(state);
    eh.e_phnum = ELF_IMAGE_MAX_SEGMENTS;
    for (unsigned int i = 0; i < ELF_IMAGE_MAX_SEGMENTS; i++)
        ph[i] = load(TEXT_OFF, KBASE + i * 0x1000, 0x10, 0x1000, ELF_PF_X);
    run_ok();
    assert_int_equal(img.nr_segments, ELF_IMAGE_MAX_SEGMENTS);
    assert_int_equal(img.v_kernend, KBASE + 0x10000);
}

static void test_segments_any_order(void **state)
{
    (void)state;
    struct elf32_phdr text = ph[0];

    ph[0] = ph[1];
    ph[1] = text;
    run_ok();
    assert_int_equal(img.v_kernstart, KBASE);
    assert_int_equal(img.v_kernend, KBASE + 0x4000);
    assert_segment(0, DATA_OFF, 0x800, KBASE + 0x1000, 0x3000);
    assert_segment(1, TEXT_OFF, 0x1000, KBASE, 0x1000);
}

static void test_no_section_headers(void **state)
{
    (void)state;
    eh.e_shnum = 0;
    run_fails("the image has no section headers");
    reset(state);
    eh.e_shoff = 0;
    run_fails("the image has no section headers");
    reset(state);
    eh.e_shoff = IMG_SIZE - NR_SEC * sizeof(struct elf32_shdr) + 1;
    run_fails("the image's section headers lie outside the file");
    reset(state);
    eh.e_shoff = 0xFFFFFFF0;
    run_fails("the image's section headers lie outside the file");
}

static void test_bad_shstrtab(void **state)
{
    (void)state;
    eh.e_shstrndx = ELF_SHN_UNDEF;
    run_fails("the image's section-name table index is invalid");
    reset(state);
    eh.e_shstrndx = NR_SEC;
    run_fails("the image's section-name table index is invalid");
    reset(state);
    sh[SEC_SHSTRTAB].sh_offset = 0xFFFFFFFF;
    run_fails("the image's section-name table lies outside the file");
    reset(state);
    sh[SEC_SHSTRTAB].sh_size = IMG_SIZE - STR_OFF + 1;
    run_fails("the image's section-name table lies outside the file");
    reset(state);
    sh[SEC_SHSTRTAB].sh_type = ELF_SHT_NOBITS;
    run_fails("the image's section-name table lies outside the file");
}

static void test_no_guest_section(void **state)
{
    (void)state;
    strtab[NAME_GUEST + 10] = 'T'; /* "__xen_guesT" */
    run_fails("the image has no __xen_guest section");
    reset(state);
    sh[SEC_GUEST].sh_name = NAME_GUEST + 1; /* "_xen_guest": names match exactly */
    run_fails("the image has no __xen_guest section");
    reset(state);
    strtab[NAME_GUEST + 11] = 'X'; /* "__xen_guestX.shstrtab" */
    run_fails("the image has no __xen_guest section");
    reset(state);
    sh[SEC_GUEST].sh_name = 0xFFFFFFF8; /* a name outside the table never matches */
    run_fails("the image has no __xen_guest section");
    reset(state);
    /* The table ends in the middle of the name: it must not be read past. */
    sh[SEC_SHSTRTAB].sh_size = NAME_GUEST + 11;
    run_fails("the image has no __xen_guest section");
    reset(state);
    sh[SEC_SHSTRTAB].sh_size = NAME_GUEST + 12;
    run_ok();
}

static void test_guest_section_last(void **state)
{
    (void)state;
    struct elf32_shdr names_section = sh[SEC_SHSTRTAB];

    sh[SEC_SHSTRTAB] = sh[SEC_GUEST];
    sh[SEC_GUEST] = names_section;
    eh.e_shstrndx = SEC_GUEST;
    run_ok();
    assert_string_equal(img.guest_string, XENLINUX_GUEST);
}

static void test_guest_string_bad(void **state)
{
    (void)state;
    sh[SEC_GUEST].sh_size--; /* the NUL is outside the section */
    run_fails("the image's __xen_guest string is not NUL-terminated");
    reset(state);
    sh[SEC_GUEST].sh_size = 0;
    run_fails("the image's __xen_guest string is not NUL-terminated");
    reset(state);
    sh[SEC_GUEST].sh_offset = IMG_SIZE - 4;
    run_fails("the image's __xen_guest section lies outside the file");
    reset(state);
    sh[SEC_GUEST].sh_offset = 0xFFFFFFFF;
    run_fails("the image's __xen_guest section lies outside the file");
    reset(state);
    sh[SEC_GUEST].sh_type = ELF_SHT_NOBITS;
    run_fails("the image's __xen_guest section lies outside the file");
    reset(state);
    sh[SEC_GUEST].sh_size = 400; /* bytes after the NUL are fine */
    run_ok();
    assert_string_equal(img.guest_string, XENLINUX_GUEST);
}

static void test_missing_keys(void **state)
{
    (void)state;
    set_guest("GUEST_OS=linux,VIRT_BASE=0xC0000000");
    run_fails("__xen_guest lacks XEN_VER=2.0");
    set_guest("GUEST_OS=linux,XEN_VER=1.2");
    run_fails("__xen_guest lacks XEN_VER=2.0");
    set_guest("GUEST_OS=linux,XEN_VER=2.1");
    run_fails("__xen_guest lacks XEN_VER=2.0");
    set_guest("GUEST_OS=netbsd,XEN_VER=2.0");
    run_fails("__xen_guest lacks GUEST_OS=linux or LOADER=generic");
    set_guest("XEN_VER=2.0");
    run_fails("__xen_guest lacks GUEST_OS=linux or LOADER=generic");
    set_guest("");
    run_fails("__xen_guest lacks GUEST_OS=linux or LOADER=generic");
    set_guest("LOADER=generic,XEN_VER=2.0");
    run_ok();
    set_guest("GUEST_OS=linux,XEN_VER=2.0");
    run_ok();
}

static void test_keys_any_order(void **state)
{
    (void)state;
    set_guest("BSD_SYMTAB VIRT_BASE=0xBFFFF000;XEN_VER=2.0|LOADER=generic");
    run_ok();
    assert_int_equal(img.v_start, 0xBFFFF000);
    assert_false(img.pt_mode_writable);
    assert_true(img.bsd_symtab);
    set_guest("PT_MODE_WRITABLEXEN_VER=2.0GUEST_OS=linux");
    run_ok();
    assert_int_equal(img.v_start, KBASE); /* the default */
    assert_true(img.pt_mode_writable);
    assert_false(img.bsd_symtab);
}

static void test_virt_base_bases(void **state)
{
    (void)state;
    set_guest("XEN_VER=2.0,LOADER=generic,VIRT_BASE=3221221376");
    run_ok();
    assert_int_equal(img.v_start, 0xBFFFF000);
    set_guest("XEN_VER=2.0,LOADER=generic,VIRT_BASE=027777770000");
    run_ok();
    assert_int_equal(img.v_start, 0xBFFFF000);
    set_guest("VIRT_BASE=0XC0000000 XEN_VER=2.0,LOADER=generic");
    run_ok();
    assert_int_equal(img.v_start, KBASE);
    set_guest("XEN_VER=2.0,LOADER=generic,VIRT_BASE=0");
    run_ok();
    assert_int_equal(img.v_start, 0);
}

static void test_virt_base_malformed(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "XEN_VER=2.0,LOADER=generic,VIRT_BASE=",
        "XEN_VER=2.0,LOADER=generic,VIRT_BASE=,",
        "XEN_VER=2.0,LOADER=generic,VIRT_BASE=0x",
        "XEN_VER=2.0,LOADER=generic,VIRT_BASE=0xC000000g",
        "XEN_VER=2.0,LOADER=generic,VIRT_BASE=08",
        "XEN_VER=2.0,LOADER=generic,VIRT_BASE=-1",
        "XEN_VER=2.0,LOADER=generic,VIRT_BASE=0x100000000",
        "XEN_VER=2.0,LOADER=generic,VIRT_BASE=0xC0000000_",
    };

    for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
        set_guest(bad[i]);
        run_fails("__xen_guest has a malformed VIRT_BASE");
    }
}

static void test_virt_base_bad_values(void **state)
{
    (void)state;
    set_guest("XEN_VER=2.0,LOADER=generic,VIRT_BASE=0xBFFFFFF0");
    run_fails("VIRT_BASE 0xbffffff0 is not page-aligned");
    set_guest("XEN_VER=2.0,LOADER=generic,VIRT_BASE=0xC0001000");
    run_fails("VIRT_BASE 0xc0001000 lies above the kernel start 0xc0000000");
    /* Without VIRT_BASE the lowest address must itself be page-aligned. */
    reset(state);
    set_guest("XEN_VER=2.0,LOADER=generic");
    ph[0].p_vaddr = KBASE + 0x10;
    ph[0].p_memsz = ph[0].p_filesz = 0xFF0;
    run_fails("the image has no VIRT_BASE and its lowest address 0xc0000010 is not page-aligned");
    set_guest("XEN_VER=2.0,LOADER=generic,VIRT_BASE=0xC0000000");
    run_ok();
    assert_int_equal(img.v_start, KBASE);
    assert_int_equal(img.v_kernstart, KBASE + 0x10);
}

static void test_entry(void **state)
{
    (void)state;
    eh.e_entry = KBASE + 0x4000; /* v_kernend itself */
    run_fails("entry point 0xc0004000 is outside the loaded segments");
    eh.e_entry = KBASE - 1;
    run_fails("entry point 0xbfffffff is outside the loaded segments");
    eh.e_entry = 0;
    run_fails("entry point 0x00000000 is outside the loaded segments");
    eh.e_entry = KBASE + 0x3FFF;
    run_ok();
    assert_int_equal(img.entry, KBASE + 0x3FFF);
    eh.e_entry = KBASE;
    run_ok();
    assert_int_equal(img.entry, KBASE);
}

static void test_bss_only_segment(void **state)
{
    (void)state;
    ph[1].p_filesz = 0;
    ph[1].p_offset = 0; /* nothing is read from the file */
    run_ok();
    assert_segment(1, 0, 0, KBASE + 0x1000, 0x3000);
}

static void test_error_pointer_optional(void **state)
{
    (void)state;
    write_image();
    assert_int_equal(elf_image_parse(buf, size, &img, NULL), 0);
    eh.e_machine = 62;
    write_image();
    assert_int_equal(elf_image_parse(buf, size, &img, NULL), -EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_xenlinux_image, reset),
        cmocka_unit_test_setup(test_too_small, reset),
        cmocka_unit_test_setup(test_truncated_after_header, reset),
        cmocka_unit_test_setup(test_ident, reset),
        cmocka_unit_test_setup(test_type_machine_sizes, reset),
        cmocka_unit_test_setup(test_larger_entry_sizes, reset),
        cmocka_unit_test_setup(test_program_headers_outside, reset),
        cmocka_unit_test_setup(test_segment_outside, reset),
        cmocka_unit_test_setup(test_filesz_above_memsz, reset),
        cmocka_unit_test_setup(test_overlap, reset),
        cmocka_unit_test_setup(test_hypervisor_area, reset),
        cmocka_unit_test_setup(test_no_loadable_segments, reset),
        cmocka_unit_test_setup(test_too_many_segments, reset),
        cmocka_unit_test_setup(test_segments_any_order, reset),
        cmocka_unit_test_setup(test_no_section_headers, reset),
        cmocka_unit_test_setup(test_bad_shstrtab, reset),
        cmocka_unit_test_setup(test_no_guest_section, reset),
        cmocka_unit_test_setup(test_guest_section_last, reset),
        cmocka_unit_test_setup(test_guest_string_bad, reset),
        cmocka_unit_test_setup(test_missing_keys, reset),
        cmocka_unit_test_setup(test_keys_any_order, reset),
        cmocka_unit_test_setup(test_virt_base_bases, reset),
        cmocka_unit_test_setup(test_virt_base_malformed, reset),
        cmocka_unit_test_setup(test_virt_base_bad_values, reset),
        cmocka_unit_test_setup(test_entry, reset),
        cmocka_unit_test_setup(test_bss_only_segment, reset),
        cmocka_unit_test_setup(test_error_pointer_optional, reset),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
