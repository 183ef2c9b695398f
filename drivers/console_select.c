/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * console=: which devices carry the console. Built whatever drivers are
 * configured, so console=vga and console=none still parse without the
 * serial driver; serial_init() and vga_init() read the choice. Pure: the
 * host tests link it as is.
 */
#include <tessera/cmdline.h>
#include <tessera/errno.h>
#include <tessera/lib.h>

#include "serial.h"

static struct console_choice chosen = {
    .com = { true, false },
    .vga = true,
};

static bool word_is(const char *w, size_t len, const char *name)
{
    return strlen(name) == len && strncmp(w, name, len) == 0;
}

/* "com1", "com2", optionally followed by H or L. */
static int add_port(const char *w, size_t len, struct console_choice *c)
{
    enum serial_half half = SERIAL_WHOLE;
    int port;

    if ((len != 4 && len != 5) || strncmp(w, "com", 3) != 0 || (w[3] != '1' && w[3] != '2'))
        return -EINVAL;
    port = w[3] - '1';
    if (len == 5) {
        if (w[4] == 'H')
            half = SERIAL_HIGH;
        else if (w[4] == 'L')
            half = SERIAL_LOW;
        else
            return -EINVAL;
    }
    /* One console cannot own a port both whole and split. */
    if (c->com[port] && c->half[port] != half)
        return -EINVAL;
    c->com[port] = true;
    c->half[port] = half;
    return 0;
}

static int add_word(const char *w, size_t len, struct console_choice *c)
{
    if (word_is(w, len, "vga")) {
        c->vga = true;
        return 0;
    }
    if (word_is(w, len, "none"))
        return 0;
    return add_port(w, len, c);
}

int console_parse_list(const char *value, struct console_choice *out)
{
    struct console_choice c = { .vga = false };
    const char *p = value;

    if (!value)
        return -EINVAL;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);

        if (add_word(p, len, &c) != 0)
            return -EINVAL;
        if (!comma)
            break;
        p = comma + 1;
    }
    *out = c;
    return 0;
}

static int parse_console_option(const char *value)
{
    return console_parse_list(value, &chosen);
}
boot_param_custom("console", parse_console_option);

const struct console_choice *console_chosen(void)
{
    return &chosen;
}
