/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * printk(): format, filter by level, prefix each line with "(XEN) " (the
 * prefix Xen 2.0 tools expect), and send it to every registered device and
 * to the console ring dom0 reads with DOM0_READCONSOLE. The ring fills once
 * and then stops (ABI.md §10); a device registered late is first sent what
 * the ring holds, so messages printed before the serial port was set up
 * are not lost.
 */
#include <tessera/cmdline.h>
#include <tessera/console.h>

#define LINE_PREFIX "(XEN) "

static struct console_driver *drivers;
static char ring[CONSOLE_RING_SIZE];
static size_t ring_used;
static bool at_line_start = true;

static uint8_t opt_loglvl = IS_ENABLED(CONFIG_VERBOSE) ? 7 : 6;
boot_param_uint("loglvl", opt_loglvl);

static void emit(char c)
{
    struct console_driver *d;

    if (ring_used < sizeof(ring))
        ring[ring_used++] = c;
    for (d = drivers; d; d = d->next)
        d->putc(c);
}

static void emit_text(const char *s)
{
    for (; *s; s++) {
        if (at_line_start) {
            const char *p;

            for (p = LINE_PREFIX; *p; p++)
                emit(*p);
        }
        emit(*s);
        at_line_start = (*s == '\n');
    }
}

void vprintk(const char *fmt, va_list ap)
{
    static char buf[1024];
    unsigned int level = 6;

    if (fmt[0] == '\001' && fmt[1] >= '0' && fmt[1] <= '7') {
        level = (unsigned int)(fmt[1] - '0');
        fmt += 2;
    }
    if (level > opt_loglvl)
        return;
    vsnprintf(buf, sizeof(buf), fmt, ap);
    emit_text(buf);
}

void printk(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vprintk(fmt, ap);
    va_end(ap);
}

void console_register(struct console_driver *drv)
{
    size_t i;

    for (i = 0; i < ring_used; i++)
        drv->putc(ring[i]);
    drv->next = drivers;
    drivers = drv;
}

void console_write_raw(const char *s, size_t len)
{
    struct console_driver *d;
    size_t i;

    for (d = drivers; d; d = d->next) {
        if (!d->guest_output)
            continue;
        for (i = 0; i < len; i++)
            d->putc(s[i]);
    }
}

size_t console_ring_read(char *dst, size_t count, bool clear)
{
    size_t n = MIN(count, ring_used);

    memcpy(dst, ring, n);
    if (clear)
        ring_used = 0;
    return n;
}

void console_force_unlock(void)
{
    /* No lock to break yet (one CPU); just start the report on a new line. */
    if (!at_line_start)
        emit_text("\n");
}
