/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Boot command line options (Xen 2.0 names, ABI.md §15).
 *
 * Each subsystem declares the options it owns next to the variable they
 * set, with the boot_param_*() macros; the declarations land in the
 * .data.boot_params section and kernel/cmdline.c walks that table.
 * The parser itself is pure and compiles for the host tests.
 */
#ifndef TESSERA_CMDLINE_H
#define TESSERA_CMDLINE_H

#include <tessera/lib.h>

enum boot_param_type {
    BP_BOOL,    /* "name" or "name=1|0|yes|no|on|off|true|false" */
    BP_UINT,    /* unsigned integer in any C base; size is 1, 2, 4 or 8 */
    BP_STRING,  /* copied and cut to the buffer of size bytes */
    BP_CUSTOM,  /* parse(value) decides; value is "" for a bare name */
};

struct boot_param {
    const char *name;
    enum boot_param_type type;
    void *var;
    size_t size;
    /* BP_CUSTOM: returns 0, or -EINVAL when the value is malformed. */
    int (*parse)(const char *value);
};

#define BOOT_PARAM_(id, nm, ty, v, sz, fn)                              \
    static const struct boot_param __boot_param_##id                    \
        __section(".data.boot_params") __used __aligned(sizeof(void *)) \
        = { .name = nm, .type = ty, .var = v, .size = sz, .parse = fn }

#define boot_param_bool(nm, v)   BOOT_PARAM_(v, nm, BP_BOOL, &(v), sizeof(v), NULL)
#define boot_param_uint(nm, v)   BOOT_PARAM_(v, nm, BP_UINT, &(v), sizeof(v), NULL)
#define boot_param_string(nm, v) BOOT_PARAM_(v, nm, BP_STRING, (v), sizeof(v), NULL)
#define boot_param_custom(nm, fn) BOOT_PARAM_(fn, nm, BP_CUSTOM, NULL, 0, fn)

/* Called for every problem found: unknown option, malformed value. */
typedef void (*cmdline_report_fn)(const char *fmt, ...) __printf(1, 2);

/*
 * Applies every option of cmdline to the table [first, last).
 * Options are separated by spaces; unknown names and malformed values are
 * reported and skipped, the rest still apply. Returns the number of
 * problems reported.
 */
int cmdline_parse(const char *cmdline, const struct boot_param *first,
                  const struct boot_param *last, cmdline_report_fn report);

/*
 * Skips the first word of a loader-supplied command line when it is the
 * image's path (QEMU -kernel/-initrd put it there, GRUB 2 does not): a
 * word holding a '/' and no '='. Returns a pointer into cmdline.
 */
const char *cmdline_skip_image_name(const char *cmdline);

/* Parses the table linked into the image; reports to printk. */
void cmdline_parse_boot(const char *cmdline);

/* The boot command line as Tessera used it (image name dropped). */
extern char boot_cmdline[1024];

#endif /* TESSERA_CMDLINE_H */
