/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The boot banner: version, configuration name and the Kconfig modules
 * built into this image, so a console log says exactly what booted.
 */
#include <tessera/console.h>
#include <tessera/setup.h>

struct module_flag {
    const char *name;
    bool built;
    bool pending;   /* symbol reserved, code not there yet */
};

static const struct module_flag modules[] = {
    { "smp",                 IS_ENABLED(CONFIG_SMP),                 false },
    { "sched_bvt",           IS_ENABLED(CONFIG_SCHED_BVT),           false },
    { "sched_atropos",       IS_ENABLED(CONFIG_SCHED_ATROPOS),       false },
    { "sched_rrobin",        IS_ENABLED(CONFIG_SCHED_RROBIN),        false },
    { "writable_pagetables", IS_ENABLED(CONFIG_WRITABLE_PAGETABLES), false },
    { "grant_tables",        IS_ENABLED(CONFIG_GRANT_TABLES),        true  },
    { "physdev_irqs",        IS_ENABLED(CONFIG_PHYSDEV_IRQS),        false },
    { "trace",               IS_ENABLED(CONFIG_TRACE),               true  },
    { "debug_registers",     IS_ENABLED(CONFIG_DEBUG_REGISTERS),     false },
    { "debug_keys",          IS_ENABLED(CONFIG_DEBUG_KEYS),          false },
    { "perf_counters",       IS_ENABLED(CONFIG_PERF_COUNTERS),       true  },
    { "serial_16550",        IS_ENABLED(CONFIG_SERIAL_16550),        false },
    { "vga_console",         IS_ENABLED(CONFIG_VGA_CONSOLE),         false },
    { "debug",               IS_ENABLED(CONFIG_DEBUG),               false },
    { "verbose",             IS_ENABLED(CONFIG_VERBOSE),             false },
};

void print_banner(void)
{
    char line[512];
    size_t len = 0;
    bool any_pending = false;
    unsigned int i;

    printk("Tessera %s, configuration '%s' (%s scheduler by default, up to %d CPUs)\n",
           TESSERA_VERSION, CONFIG_BUILD_NAME, CONFIG_SCHED_DEFAULT, CONFIG_NR_CPUS);
    line[0] = '\0';
    for (i = 0; i < ARRAY_SIZE(modules); i++) {
        if (!modules[i].built)
            continue;
        len += snprintf(line + len, sizeof(line) - len, " %s%s", modules[i].name,
                        modules[i].pending ? "*" : "");
        any_pending |= modules[i].pending;
        if (len >= sizeof(line))
            break;
    }
    printk("Modules:%s\n", len ? line : " none");
    if (any_pending)
        printk("(* configured, not yet implemented in this version)\n");
}
