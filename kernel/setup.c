/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The generic start of day: boot options (built-in ones first, the
 * loader's override them), consoles, banner, what the loader gave us, and
 * then dom0.
 */
#include <tessera/arch.h>
#include <tessera/bootinfo.h>
#include <tessera/cmdline.h>
#include <tessera/console.h>
#include <tessera/domain_build.h>
#include <tessera/sched.h>
#include <tessera/mm.h>
#include <tessera/setup.h>
#include <tessera/smp.h>
#include <tessera/time.h>

const char *boot_info_error;

void print_banner(void);

static void report_memory(void)
{
    unsigned int i;

    printk("Memory map:\n");
    for (i = 0; i < boot_info.nr_mem; i++) {
        const struct mem_region *r = &boot_info.mem[i];

        printk(" %016llx - %016llx (%s)\n", (unsigned long long)r->base,
               (unsigned long long)(r->base + r->size),
               r->type == MEM_TYPE_RAM ? "usable" : "reserved");
    }
    printk("RAM: %llu MB\n", (unsigned long long)(bootinfo_ram_bytes(&boot_info) >> 20));
}

static void report_modules(void)
{
    unsigned int i;

    printk("Modules from the loader: %u\n", boot_info.nr_modules);
    for (i = 0; i < boot_info.nr_modules; i++) {
        const struct boot_module *m = &boot_info.mod[i];

        printk(" module %u: %08x - %08x (%u bytes) '%s'\n", i, m->start, m->end,
               m->end - m->start, m->string);
    }
}

void start_tessera(void)
{
    static char cmdline[sizeof(boot_cmdline)];

    hv_lock();          /* the other CPUs wait for it once they are up */
    /* Printed into the console ring first; the devices get it on registering. */
    print_banner();
    snprintf(cmdline, sizeof(cmdline), "%s %s", CONFIG_CMDLINE,
             cmdline_skip_image_name(boot_info.cmdline));
    cmdline_parse_boot(cmdline);
    serial_init();
    vga_init();

    printk("Command line: %s\n", boot_cmdline);
    if (boot_info_error) {
        printk(LOG_ERR "Cannot boot: %s\n", boot_info_error);
        machine_exit(1);
    }
    if (boot_info.loader_name)
        printk("Loaded by: %s\n", boot_info.loader_name);
    report_memory();
    report_modules();
    mm_init();
    mm_selftest();
    debug_crash_point();

    if (boot_info.nr_modules == 0) {
        printk(LOG_ERR "Cannot boot: no dom0 module: give the dom0 kernel as the first multiboot module\n");
        machine_exit(1);
    }
    tsc_calibrate();
    time_init();
    console_input_init();
    smp_init();
    scheduler_init();
    build_boot_domains();
    scheduler_start();
}
