/* SPDX-License-Identifier: GPL-2.0-only */
#include <tessera/arch.h>
#include <tessera/bug.h>
#include <tessera/console.h>

void panic(const char *fmt, ...)
{
    static char msg[256];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);

    console_force_unlock();
    printk(LOG_ERR "****************************************\n");
    printk(LOG_ERR "PANIC on CPU 0: %s\n", msg);
    arch_dump_stack();
    printk(LOG_ERR "****************************************\n");
    machine_exit(1);
}
