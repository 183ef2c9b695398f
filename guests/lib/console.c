/* SPDX-License-Identifier: GPL-2.0-only */
/* printf for guests: format into a buffer, hand it to console_io. */
#include <guest/console.h>
#include <guest/hypercall.h>

#define PRINTF_BUFFER   1024

long console_write(const char *s, size_t len)
{
    return HYPERVISOR_console_io(CONSOLEIO_write, (unsigned int)len, (char *)s);
}

long vprintf(const char *fmt, va_list ap)
{
    char buf[PRINTF_BUFFER];
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);

    return console_write(buf, (size_t)MIN(n, (int)sizeof(buf) - 1));
}

long printf(const char *fmt, ...)
{
    va_list ap;
    long rc;

    va_start(ap, fmt);
    rc = vprintf(fmt, ap);
    va_end(ap);
    return rc;
}
