/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * console_io (ABI.md §12): a guest's raw console. Writes go to the serial
 * port only, without Tessera's prefix, cut at the first NUL; release
 * builds let only dom0 write, VERBOSE builds any domain (each line then
 * starts with "(dN) "). Reads drain dom0's serial receive ring
 * (kernel/console_input.c).
 */
#include <tessera/console.h>
#include <tessera/guest_access.h>
#include <tessera/hypercall.h>
#include <tessera/sched.h>
#include <public/xen.h>

#define CONSOLEIO_MAX_WRITE 4095

static void write_with_prefix(struct domain *d, const char *s, uint32_t len)
{
    static bool line_start = true;  /* of the last writer: one CPU */
    char prefix[12];
    uint32_t i;

    for (i = 0; i < len; i++) {
        if (d->id != 0 && line_start) {
            snprintf(prefix, sizeof(prefix), "(d%u) ", d->id);
            console_write_raw(prefix, strlen(prefix));
        }
        console_write_raw(&s[i], 1);
        line_start = s[i] == '\n';
    }
}

static long console_write(uint32_t count, uint32_t buf_va)
{
    char chunk[128];
    uint32_t done = 0;

    count = MIN(count, (uint32_t)CONSOLEIO_MAX_WRITE);
    while (done < count) {
        uint32_t n = MIN(count - done, (uint32_t)sizeof(chunk));
        uint32_t len;

        if (copy_from_guest(chunk, buf_va + done, n) != 0)
            return -EFAULT;
        len = (uint32_t)strnlen(chunk, n);
        write_with_prefix(current, chunk, len);
        if (len < n)
            break;          /* the first NUL ends the output */
        done += n;
    }
    return count;
}

/*
 * As Xen 2.0: count is signed (0 or less reads nothing), and a fault ends
 * the read with -EFAULT, the characters copied before it consumed.
 */
static long console_read(uint32_t count, uint32_t buf_va)
{
    int32_t n;
    int c;

    for (n = 0; n < (int32_t)count && (c = console_input_peek()) >= 0; n++) {
        char byte = (char)c;

        if (copy_to_guest(buf_va + (uint32_t)n, &byte, 1) != 0)
            return -EFAULT;
        console_input_take();
    }
    return n;
}

long do_console_io(uint32_t cmd, uint32_t count, uint32_t buf_va)
{
    if (current->id != 0 && !IS_ENABLED(CONFIG_VERBOSE))
        return -EPERM;
    switch (cmd) {
    case CONSOLEIO_write:
        return console_write(count, buf_va);
    case CONSOLEIO_read:
        return console_read(count, buf_va);
    default:
        return -ENOSYS;
    }
}
