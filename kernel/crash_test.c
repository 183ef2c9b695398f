/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * debug_crash=<what> (DEBUG builds only): makes Tessera fail on purpose at
 * the end of boot, so the tests can check what a fatal error prints.
 * what = panic | bug | pagefault | divide | opcode.
 */
#include <tessera/bug.h>
#include <tessera/cmdline.h>
#include <tessera/console.h>
#include <tessera/setup.h>

static char opt_debug_crash[16];
boot_param_string("debug_crash", opt_debug_crash);

/* Kept out of line so the call trace has a frame of its own to show. */
static void __attribute__((noinline)) crash_now(const char *what)
{
    volatile unsigned int zero = 0, one = 1;

    if (!strcmp(what, "panic"))
        panic("debug_crash=panic requested");
    if (!strcmp(what, "bug"))
        BUG_ON(zero == 0);
    if (!strcmp(what, "pagefault"))
        printk("%u\n", *(volatile unsigned int *)(uintptr_t)zero);
    if (!strcmp(what, "divide"))
        printk("%u\n", one / zero);
    if (!strcmp(what, "opcode"))
        __builtin_trap();
    printk(LOG_WARNING "debug_crash=%s: unknown kind, not crashing\n", what);
}

void debug_crash_point(void)
{
    if (opt_debug_crash[0])
        crash_now(opt_debug_crash);
}
