/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The domains built at boot from the loader's modules:
 *  - module 0 is dom0's kernel; the modules after it are dom0's initrd
 *    (one span, as in Xen 2.0);
 *  - a module whose command line holds the word "domU" is the kernel of a
 *    boot-time unprivileged domain (static partitioning), e.g.
 *    "domU name=pong mem=4096" (mem in KB); the modules after it, up to
 *    the next kernel, are its initrd.
 * A domU that cannot be built is reported and skipped; without dom0
 * there is nothing to run, and the machine stops with the reason.
 */
#include <tessera/arch.h>
#include <tessera/bootinfo.h>
#include <tessera/cmdline.h>
#include <tessera/console.h>
#include <tessera/domain_build.h>
#include <tessera/mm.h>
#include <tessera/sched.h>

#define DEFAULT_DOMU_MEM_KB 8192

static uint32_t opt_dom0_mem = 64000;      /* KB (ABI.md §15) */
boot_param_uint("dom0_mem", opt_dom0_mem);

/* Does the module's command line (image name dropped) hold the word? */
static bool has_word(const char *s, const char *word)
{
    size_t n = strlen(word);

    while (*s) {
        while (*s == ' ')
            s++;
        if (!strncmp(s, word, n) && (s[n] == ' ' || s[n] == '\0'))
            return true;
        while (*s && *s != ' ')
            s++;
    }
    return false;
}

/* The value of key=... in s, copied into buf; false if absent. */
static bool word_value(const char *s, const char *key, char *buf, size_t size)
{
    size_t n = strlen(key), len = 0;
    const char *p = s;

    while ((p = strstr(p, key)) != NULL) {
        if ((p == s || p[-1] == ' ') && p[n] == '=') {
            p += n + 1;
            while (p[len] && p[len] != ' ')
                len++;
            strlcpy(buf, p, MIN(size, len + 1));
            return true;
        }
        p += n;
    }
    return false;
}

static bool is_kernel_module(unsigned int i)
{
    return i == 0 || has_word(cmdline_skip_image_name(boot_info.mod[i].string), "domU");
}

static bool build_one(unsigned int first, unsigned int last, domid_t id)
{
    const struct boot_module *k = &boot_info.mod[first];
    const char *cmd = cmdline_skip_image_name(k->string);
    struct domain_build_args args = {
        .image_start = k->start, .image_end = k->end, .cmdline = cmd, .dom0 = id == 0,
        .mem_kb = id == 0 ? opt_dom0_mem : DEFAULT_DOMU_MEM_KB,
    };
    const char *error;
    struct domain *d;
    char val[16];

    if (last > first) {
        args.initrd_start = boot_info.mod[first + 1].start;
        args.initrd_end = boot_info.mod[last].end;
    }
    if (id != 0 && word_value(cmd, "mem", val, sizeof(val)))
        args.mem_kb = (uint32_t)parse_ull(val, NULL, 0);
    d = domain_create(id, id == 0 ? 0 : -1);   /* dom0 on the boot CPU */
    if (!d) {
        printk(LOG_ERR "Domain %u: cannot create it (out of memory)\n", id);
        return false;
    }
    if (id != 0 && word_value(cmd, "name", val, sizeof(val)))
        strlcpy(d->name, val, sizeof(d->name));
    sched_boot_params(d, cmd);
    if (domain_build(d, &args, &error) != 0) {
        printk(LOG_ERR "Domain %u (module %u): %s\n", id, first, error);
        domain_destroy(d);
        return false;
    }
    printk("Domain %u%s%s: %u KB, entry %08x, from module %u\n", id, d->name[0] ? " " : "",
           d->name, args.mem_kb, d->arch.regs.eip, first);
    domain_unpause_by_controller(d);
    return true;
}

void build_boot_domains(void)
{
    unsigned int i, first, n = boot_info.nr_modules;
    domid_t next_id = 1;

    for (first = 0; first < n; first = i) {
        for (i = first + 1; i < n && !is_kernel_module(i); i++)
            ;
        if (!build_one(first, i - 1, first == 0 ? 0 : next_id++) && first == 0) {
            printk(LOG_ERR "Cannot boot: dom0 could not be built\n");
            machine_exit(1);
        }
    }
    for (i = 0; i < n; i++)
        mm_release_boot_range(boot_info.mod[i].start, boot_info.mod[i].end);
    mm_finish_boot();
}
