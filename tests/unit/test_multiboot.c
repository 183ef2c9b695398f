/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multiboot v1 information parser (arch/x86/boot/multiboot.c). The loader's
 * data is built in a fake memory where a machine address is an offset.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <tessera/bootinfo.h>
#include <tessera/errno.h>

#include "../../arch/x86/boot/multiboot.h"

#define MEM_SIZE 0x10000
#define MBI_PA 0x1000
#define CMDLINE_PA 0x2000
#define LOADER_PA 0x2800
#define MMAP_PA 0x3000
#define MODS_PA 0x4000
#define MODSTR_PA 0x5000
#define SPARE_PA 0xA000 /* room for long strings */

static uint8_t mem[MEM_SIZE];
static struct multiboot_info info;
static struct boot_info bi;
static const char *err;
static const struct phys_range image = {.start = 0x8000, .end = 0x9000};

/* Checks in 32-bit arithmetic, like a real window would: the parser must catch wrapping. */
static const void *fake_map(uint32_t pa, uint32_t len)
{
    if (pa + len > MEM_SIZE)
        return NULL;
    return mem + pa;
}

static int reset(void **state)
{
    (void)state;
    memset(mem, 0, sizeof(mem));
    memset(&info, 0, sizeof(info));
    memset(&bi, 0xA5, sizeof(bi));
    err = "unset";
    return 0;
}

/* Writes info at MBI_PA and parses it. */
static int run(void)
{
    memcpy(mem + MBI_PA, &info, sizeof(info));
    return multiboot_parse(MULTIBOOT_BOOTLOADER_MAGIC, MBI_PA, fake_map, &image, &bi, &err);
}

static void run_fails(const char *error)
{
    assert_int_equal(run(), -EINVAL);
    assert_non_null(err);
    assert_string_equal(err, error);
}

static void run_ok(void)
{
    assert_int_equal(run(), 0);
    assert_null(err);
}

static void put_string(uint32_t pa, const char *s)
{
    memcpy(mem + pa, s, strlen(s) + 1);
}

/* Appends a map entry at pa with the given size field; returns the next entry's address. */
static uint32_t put_mmap(uint32_t pa, uint32_t size, uint64_t base, uint64_t len, uint32_t type)
{
    struct multiboot_mmap_entry e = {.size = size, .base_addr = base, .length = len, .type = type};

    memcpy(mem + pa, &e, sizeof(e));
    return pa + size + 4;
}

static void put_module(unsigned int i, uint32_t start, uint32_t end, uint32_t string)
{
    struct multiboot_module m = {.mod_start = start, .mod_end = end, .string = string};

    memcpy(mem + MODS_PA + i * sizeof(m), &m, sizeof(m));
}

static void set_mem_only(void)
{
    info.flags |= MBI_FLAG_MEM;
    info.mem_lower = 639;
    info.mem_upper = 130048;
}

static void set_mmap(uint32_t end)
{
    info.flags |= MBI_FLAG_MMAP;
    info.mmap_addr = MMAP_PA;
    info.mmap_length = end - MMAP_PA;
}

static void set_modules(uint32_t count)
{
    info.flags |= MBI_FLAG_MODS;
    info.mods_addr = MODS_PA;
    info.mods_count = count;
}

static void assert_region(unsigned int i, uint64_t base, uint64_t size, uint32_t type)
{
    assert_true(i < bi.nr_mem);
    assert_true(bi.mem[i].base == base);
    assert_true(bi.mem[i].size == size);
    assert_int_equal(bi.mem[i].type, type);
}

static void assert_reserved(unsigned int i, uint32_t start, uint32_t end)
{
    assert_true(i < bi.nr_reserved);
    assert_int_equal(bi.reserved[i].start, start);
    assert_int_equal(bi.reserved[i].end, end);
}

static void test_bad_magic(void **state)
{
    (void)state;
    set_mem_only();
    memcpy(mem + MBI_PA, &info, sizeof(info));
    assert_int_equal(multiboot_parse(0x1BADB002, MBI_PA, fake_map, &image, &bi, &err), -EINVAL);
    assert_string_equal(err, "not started by a multiboot loader");
}

static void test_mbi_out_of_reach(void **state)
{
    (void)state;
    assert_int_equal(
        multiboot_parse(MULTIBOOT_BOOTLOADER_MAGIC, MEM_SIZE - 87, fake_map, &image, &bi, &err),
        -EINVAL);
    assert_string_equal(err, "the multiboot information is out of reach");
}

static void test_no_memory_info(void **state)
{
    (void)state;
    run_fails("the loader gave no memory information");

    /* A map flag with an empty map is no information either. */
    reset(state);
    info.flags = MBI_FLAG_MMAP;
    info.mmap_addr = MMAP_PA;
    run_fails("the loader gave no memory information");
}

static void test_mem_only(void **state)
{
    (void)state;
    set_mem_only();
    run_ok();
    assert_int_equal(bi.mem_lower_kb, 639);
    assert_int_equal(bi.mem_upper_kb, 130048);
    assert_int_equal(bi.nr_mem, 2);
    assert_region(0, 0, 639 * 1024, MEM_TYPE_RAM);
    assert_region(1, 0x100000, 130048ULL * 1024, MEM_TYPE_RAM);
    assert_true(bootinfo_ram_bytes(&bi) == (639 + 130048ULL) * 1024);
    assert_int_equal(bi.nr_modules, 0);
    assert_string_equal(bi.cmdline, "");
    assert_null(bi.loader_name);
    assert_int_equal(bi.nr_reserved, 1);
    assert_reserved(0, MBI_PA, MBI_PA + 88);
}

static void test_mem_only_no_low_memory(void **state)
{
    (void)state;
    info.flags = MBI_FLAG_MEM;
    info.mem_upper = 4096;
    run_ok();
    assert_int_equal(bi.nr_mem, 1);
    assert_region(0, 0x100000, 4096 * 1024, MEM_TYPE_RAM);
}

static void test_mmap(void **state)
{
    uint32_t pa = MMAP_PA;

    (void)state;
    pa = put_mmap(pa, 20, 0, 0x9fc00, MEM_TYPE_RAM);
    pa = put_mmap(pa, 20, 0x9fc00, 0x400, MEM_TYPE_RESERVED);
    pa = put_mmap(pa, 20, 0xf0000, 0, MEM_TYPE_RAM);
    pa = put_mmap(pa, 20, 0x100000, 0x7f00000, MEM_TYPE_RAM);
    pa = put_mmap(pa, 20, 0xfffc0000, 0x40000, MEM_TYPE_RESERVED);
    pa = put_mmap(pa, 20, 0x100000000ULL, 0x40000000, MEM_TYPE_RAM);
    pa = put_mmap(pa, 20, 0x7fe0000, 0x20000, 3);
    set_mmap(pa);
    set_mem_only();
    run_ok();

    /* mem_lower/upper are kept, but the map alone describes memory. */
    assert_int_equal(bi.mem_lower_kb, 639);
    assert_int_equal(bi.nr_mem, 6);
    assert_region(0, 0, 0x9fc00, MEM_TYPE_RAM);
    assert_region(1, 0x9fc00, 0x400, MEM_TYPE_RESERVED);
    assert_region(2, 0x100000, 0x7f00000, MEM_TYPE_RAM);
    assert_region(3, 0xfffc0000, 0x40000, MEM_TYPE_RESERVED);
    assert_region(4, 0x100000000ULL, 0x40000000, MEM_TYPE_RAM);
    assert_region(5, 0x7fe0000, 0x20000, 3);
    assert_true(bootinfo_ram_bytes(&bi) == 0x9fc00ULL + 0x7f00000 + 0x40000000);
    assert_int_equal(bi.nr_reserved, 2);
    assert_reserved(1, MMAP_PA, MMAP_PA + 7 * 24);
}

static void test_mmap_entry_sizes(void **state)
{
    uint32_t pa = MMAP_PA;

    (void)state;
    pa = put_mmap(pa, 24, 0, 0x1000, MEM_TYPE_RAM);
    pa = put_mmap(pa, 20, 0x2000, 0x1000, MEM_TYPE_RESERVED);
    pa = put_mmap(pa, 24, 0x4000, 0x3000, MEM_TYPE_RAM);
    pa = put_mmap(pa, 20, 0x8000, 0x5000, MEM_TYPE_RAM);
    assert_int_equal(pa, MMAP_PA + 28 + 24 + 28 + 24);
    set_mmap(pa);
    run_ok();
    assert_int_equal(bi.nr_mem, 4);
    assert_region(0, 0, 0x1000, MEM_TYPE_RAM);
    assert_region(1, 0x2000, 0x1000, MEM_TYPE_RESERVED);
    assert_region(2, 0x4000, 0x3000, MEM_TYPE_RAM);
    assert_region(3, 0x8000, 0x5000, MEM_TYPE_RAM);
    assert_true(bootinfo_ram_bytes(&bi) == 0x9000);
}

static void test_mmap_malformed(void **state)
{
    uint32_t pa;

    (void)state;
    /* An entry too small to hold base, length and type. */
    pa = put_mmap(MMAP_PA, 20, 0, 0x1000, MEM_TYPE_RAM);
    pa = put_mmap(pa, 16, 0x1000, 0x1000, MEM_TYPE_RAM);
    set_mmap(pa);
    run_fails("the memory map is malformed");

    /* An entry running past mmap_length. */
    reset(state);
    pa = put_mmap(MMAP_PA, 20, 0, 0x1000, MEM_TYPE_RAM);
    set_mmap(pa - 1);
    run_fails("the memory map is malformed");

    /* Stray bytes after the last entry. */
    reset(state);
    pa = put_mmap(MMAP_PA, 20, 0, 0x1000, MEM_TYPE_RAM);
    set_mmap(pa + 3);
    run_fails("the memory map is malformed");

    /* A region wrapping around the 64-bit address space. */
    reset(state);
    pa = put_mmap(MMAP_PA, 20, 0xfffffffffffff000ULL, 0x2000, MEM_TYPE_RESERVED);
    set_mmap(pa);
    run_fails("the memory map is malformed");
}

static void test_mmap_out_of_reach(void **state)
{
    (void)state;
    info.flags = MBI_FLAG_MMAP;
    info.mmap_addr = MEM_SIZE - 20;
    info.mmap_length = 24;
    run_fails("the memory map is out of reach");

    reset(state);
    info.flags = MBI_FLAG_MMAP;
    info.mmap_addr = 0xFFFFFFF0;
    info.mmap_length = 0x20;
    run_fails("the memory map is out of reach");
}

static void test_mmap_capped(void **state)
{
    uint32_t pa = MMAP_PA;

    (void)state;
    for (unsigned int i = 0; i < BOOT_MAX_MEM_REGIONS + 6; i++)
        pa = put_mmap(pa, 20, i * 0x10000ULL, 0x1000, MEM_TYPE_RAM);
    set_mmap(pa);
    run_ok();
    assert_int_equal(bi.nr_mem, BOOT_MAX_MEM_REGIONS);
    assert_region(BOOT_MAX_MEM_REGIONS - 1, (BOOT_MAX_MEM_REGIONS - 1) * 0x10000ULL, 0x1000,
                  MEM_TYPE_RAM);
    assert_true(bootinfo_ram_bytes(&bi) == BOOT_MAX_MEM_REGIONS * 0x1000ULL);
}

static void test_cmdline_and_loader_name(void **state)
{
    (void)state;
    set_mem_only();
    info.flags |= MBI_FLAG_CMDLINE | MBI_FLAG_LOADER_NAME;
    info.cmdline = CMDLINE_PA;
    info.boot_loader_name = LOADER_PA;
    put_string(CMDLINE_PA, "/boot/tessera dom0_mem=65536 noreboot");
    put_string(LOADER_PA, "GRUB 2.06");
    run_ok();
    assert_ptr_equal(bi.cmdline, mem + CMDLINE_PA);
    assert_string_equal(bi.cmdline, "/boot/tessera dom0_mem=65536 noreboot");
    assert_ptr_equal(bi.loader_name, mem + LOADER_PA);
    assert_string_equal(bi.loader_name, "GRUB 2.06");
    assert_int_equal(bi.nr_reserved, 3);
    assert_reserved(1, CMDLINE_PA, CMDLINE_PA + 38);
    assert_reserved(2, LOADER_PA, LOADER_PA + 10);
}

static void test_strings_absent(void **state)
{
    (void)state;
    set_mem_only();
    /* Addresses without their flags must not be read. */
    info.cmdline = CMDLINE_PA;
    info.boot_loader_name = LOADER_PA;
    put_string(CMDLINE_PA, "ignored");
    put_string(LOADER_PA, "ignored");
    run_ok();
    assert_string_equal(bi.cmdline, "");
    assert_null(bi.loader_name);
    assert_int_equal(bi.nr_reserved, 1);

    /* A flag with a null address gives no string either. */
    reset(state);
    set_mem_only();
    info.flags |= MBI_FLAG_CMDLINE | MBI_FLAG_LOADER_NAME;
    run_ok();
    assert_string_equal(bi.cmdline, "");
    assert_null(bi.loader_name);
    assert_int_equal(bi.nr_reserved, 1);
}

static void test_string_length_bound(void **state)
{
    (void)state;
    set_mem_only();
    info.flags |= MBI_FLAG_CMDLINE;
    info.cmdline = SPARE_PA;
    memset(mem + SPARE_PA, 'x', 4095);
    run_ok();
    assert_int_equal(strlen(bi.cmdline), 4095);
    assert_reserved(1, SPARE_PA, SPARE_PA + 4096);

    mem[SPARE_PA + 4095] = 'x';
    run_fails("the command line is out of reach or not NUL-terminated");
}

static void test_string_out_of_reach(void **state)
{
    (void)state;
    set_mem_only();
    info.flags |= MBI_FLAG_CMDLINE;
    info.cmdline = MEM_SIZE - 3;
    memcpy(mem + MEM_SIZE - 3, "abc", 3);
    run_fails("the command line is out of reach or not NUL-terminated");

    reset(state);
    set_mem_only();
    info.flags |= MBI_FLAG_LOADER_NAME;
    info.boot_loader_name = 0xFFFFFFFE;
    run_fails("the boot loader name is out of reach or not NUL-terminated");

    reset(state);
    set_mem_only();
    info.flags |= MBI_FLAG_LOADER_NAME;
    info.boot_loader_name = MEM_SIZE - 4096;
    memset(mem + MEM_SIZE - 4096, 'g', 4096);
    run_fails("the boot loader name is out of reach or not NUL-terminated");
}

static void test_modules(void **state)
{
    (void)state;
    set_mem_only();
    set_modules(3);
    put_module(0, 0x200000, 0x300000, MODSTR_PA);
    put_module(1, 0x300000, 0x380000, 0);
    put_module(2, 0x9000, 0x9000, MODSTR_PA + 0x100);
    put_string(MODSTR_PA, "dom0 console=ttyS0");
    put_string(MODSTR_PA + 0x100, "");
    run_ok();
    assert_int_equal(bi.nr_modules, 3);
    assert_int_equal(bi.mod[0].start, 0x200000);
    assert_int_equal(bi.mod[0].end, 0x300000);
    assert_ptr_equal(bi.mod[0].string, mem + MODSTR_PA);
    assert_string_equal(bi.mod[0].string, "dom0 console=ttyS0");
    assert_int_equal(bi.mod[1].start, 0x300000);
    assert_int_equal(bi.mod[1].end, 0x380000);
    assert_string_equal(bi.mod[1].string, "");
    assert_int_equal(bi.mod[2].start, 0x9000);
    assert_int_equal(bi.mod[2].end, 0x9000);
    assert_ptr_equal(bi.mod[2].string, mem + MODSTR_PA + 0x100);
}

static void test_module_without_flag(void **state)
{
    (void)state;
    set_mem_only();
    info.mods_addr = MODS_PA;
    info.mods_count = 1;
    put_module(0, 0x200000, 0x300000, 0);
    run_ok();
    assert_int_equal(bi.nr_modules, 0);

    reset(state);
    set_mem_only();
    set_modules(0);
    run_ok();
    assert_int_equal(bi.nr_modules, 0);
    assert_int_equal(bi.nr_reserved, 1);
}

static void test_module_end_before_start(void **state)
{
    (void)state;
    set_mem_only();
    set_modules(2);
    put_module(0, 0x200000, 0x300000, 0);
    put_module(1, 0x300000, 0x2fffff, 0);
    run_fails("module 1 ends before it starts");

    reset(state);
    set_mem_only();
    set_modules(11);
    put_module(10, 0x300000, 0x2fffff, 0);
    run_fails("module 10 ends before it starts");
}

static void test_module_overlaps_image(void **state)
{
    static const struct phys_range bad[] = {
        {0x8800, 0x9800}, {0x7000, 0x8001}, {0x8fff, 0x10000}, {0x0, 0x100000}, {0x8100, 0x8200},
    };

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        reset(state);
        set_mem_only();
        set_modules(2);
        put_module(0, 0x200000, 0x300000, 0);
        put_module(1, bad[i].start, bad[i].end, 0);
        run_fails("module 1 lies inside Tessera's image");
    }

    /* Touching the image is fine. */
    reset(state);
    set_mem_only();
    set_modules(2);
    put_module(0, 0x7000, 0x8000, 0);
    put_module(1, 0x9000, 0xA000, 0);
    run_ok();
    assert_int_equal(bi.nr_modules, 2);

    /* Without an image range there is nothing to overlap. */
    put_module(1, 0x0, 0x100000, 0);
    memcpy(mem + MBI_PA, &info, sizeof(info));
    assert_int_equal(multiboot_parse(MULTIBOOT_BOOTLOADER_MAGIC, MBI_PA, fake_map, NULL, &bi, &err),
                     0);
    assert_int_equal(bi.mod[1].end, 0x100000);
}

static void test_module_string_bad(void **state)
{
    (void)state;
    set_mem_only();
    set_modules(1);
    put_module(0, 0x200000, 0x300000, MEM_SIZE - 2);
    mem[MEM_SIZE - 2] = 'a';
    mem[MEM_SIZE - 1] = 'b';
    run_fails("module 0 has a string out of reach or not NUL-terminated");
}

static void test_module_list_out_of_reach(void **state)
{
    (void)state;
    set_mem_only();
    set_modules(2);
    info.mods_addr = MEM_SIZE - 16;
    run_fails("the module list is out of reach");
}

static void test_module_count(void **state)
{
    (void)state;
    set_mem_only();
    set_modules(BOOT_MAX_MODULES + 1);
    for (unsigned int i = 0; i < BOOT_MAX_MODULES + 1; i++)
        put_module(i, 0x200000 + i * 0x1000, 0x200000 + (i + 1) * 0x1000, MODSTR_PA);
    put_string(MODSTR_PA, "m");
    run_fails("too many modules (max 16)");

    /* Exactly the maximum, each with a string: every range still fits. */
    info.mods_count = BOOT_MAX_MODULES;
    run_ok();
    assert_int_equal(bi.nr_modules, BOOT_MAX_MODULES);
    assert_int_equal(bi.nr_reserved, 2 + 2 * BOOT_MAX_MODULES);
    assert_reserved(2 + 2 * 15, 0x20f000, 0x210000);
    assert_reserved(3 + 2 * 15, MODSTR_PA, MODSTR_PA + 2);
}

static void test_reserved_exact(void **state)
{
    uint32_t pa = MMAP_PA;

    (void)state;
    info.flags = MBI_FLAG_CMDLINE | MBI_FLAG_LOADER_NAME;
    info.cmdline = CMDLINE_PA;
    info.boot_loader_name = LOADER_PA;
    put_string(CMDLINE_PA, "noreboot");
    put_string(LOADER_PA, "qemu");
    pa = put_mmap(pa, 20, 0, 0x9fc00, MEM_TYPE_RAM);
    pa = put_mmap(pa, 20, 0x100000, 0x1f00000, MEM_TYPE_RAM);
    set_mmap(pa);
    set_modules(2);
    put_module(0, 0x200000, 0x250000, MODSTR_PA);
    put_module(1, 0x250000, 0x250000, 0);
    put_string(MODSTR_PA, "dom0");
    run_ok();

    assert_int_equal(bi.nr_reserved, 7);
    assert_reserved(0, MBI_PA, MBI_PA + 88);
    assert_reserved(1, CMDLINE_PA, CMDLINE_PA + 9);
    assert_reserved(2, LOADER_PA, LOADER_PA + 5);
    assert_reserved(3, MMAP_PA, MMAP_PA + 48);
    assert_reserved(4, MODS_PA, MODS_PA + 32);
    assert_reserved(5, 0x200000, 0x250000);
    assert_reserved(6, MODSTR_PA, MODSTR_PA + 5);
    /* The image is the caller's to reserve. */
    for (unsigned int i = 0; i < bi.nr_reserved; i++)
        assert_false(bi.reserved[i].start == image.start);
}

static void test_ram_bytes(void **state)
{
    struct boot_info b;

    (void)state;
    memset(&b, 0, sizeof(b));
    assert_true(bootinfo_ram_bytes(&b) == 0);
    b.nr_mem = 3;
    b.mem[0] = (struct mem_region){.base = 0, .size = 0x1000, .type = MEM_TYPE_RAM};
    b.mem[1] = (struct mem_region){.base = 0x1000, .size = 0x7000, .type = MEM_TYPE_RESERVED};
    b.mem[2] = (struct mem_region){.base = 1ULL << 32, .size = 3ULL << 32, .type = MEM_TYPE_RAM};
    /* Entries past nr_mem do not count. */
    b.mem[3] = (struct mem_region){.base = 0, .size = 0x5000, .type = MEM_TYPE_RAM};
    assert_true(bootinfo_ram_bytes(&b) == 0x1000 + (3ULL << 32));
}

static void test_error_pointer_optional(void **state)
{
    (void)state;
    memcpy(mem + MBI_PA, &info, sizeof(info));
    assert_int_equal(multiboot_parse(MULTIBOOT_BOOTLOADER_MAGIC, MBI_PA, fake_map, NULL, &bi, NULL),
                     -EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_bad_magic, reset),
        cmocka_unit_test_setup(test_mbi_out_of_reach, reset),
        cmocka_unit_test_setup(test_no_memory_info, reset),
        cmocka_unit_test_setup(test_mem_only, reset),
        cmocka_unit_test_setup(test_mem_only_no_low_memory, reset),
        cmocka_unit_test_setup(test_mmap, reset),
        cmocka_unit_test_setup(test_mmap_entry_sizes, reset),
        cmocka_unit_test_setup(test_mmap_malformed, reset),
        cmocka_unit_test_setup(test_mmap_out_of_reach, reset),
        cmocka_unit_test_setup(test_mmap_capped, reset),
        cmocka_unit_test_setup(test_cmdline_and_loader_name, reset),
        cmocka_unit_test_setup(test_strings_absent, reset),
        cmocka_unit_test_setup(test_string_length_bound, reset),
        cmocka_unit_test_setup(test_string_out_of_reach, reset),
        cmocka_unit_test_setup(test_modules, reset),
        cmocka_unit_test_setup(test_module_without_flag, reset),
        cmocka_unit_test_setup(test_module_end_before_start, reset),
        cmocka_unit_test_setup(test_module_overlaps_image, reset),
        cmocka_unit_test_setup(test_module_string_bad, reset),
        cmocka_unit_test_setup(test_module_list_out_of_reach, reset),
        cmocka_unit_test_setup(test_module_count, reset),
        cmocka_unit_test_setup(test_reserved_exact, reset),
        cmocka_unit_test_setup(test_ram_bytes, reset),
        cmocka_unit_test_setup(test_error_pointer_optional, reset),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
