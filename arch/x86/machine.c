/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Ending the machine: halt, reboot, power off, and machine_exit(), which
 * picks among them. debug_exit=<port> names QEMU's isa-debug-exit device,
 * so a test run ends with Tessera's status as QEMU's exit code
 * ((status << 1) | 1).
 */
#include <tessera/arch.h>
#include <tessera/cmdline.h>
#include <tessera/console.h>
#include <asm/desc.h>

#include "private.h"

static uint16_t opt_debug_exit;
boot_param_uint("debug_exit", opt_debug_exit);

static bool opt_noreboot;
boot_param_bool("noreboot", opt_noreboot);

void arch_halt(void)
{
    for (;;)
        __asm__ __volatile__("cli; hlt");
}

void arch_reboot(void)
{
    struct desc_ptr no_idt = { 0, 0 };
    int i;

    /* Pulse the CPU reset line through the keyboard controller... */
    for (i = 0; i < 0x10000 && (inb(0x64) & 0x02); i++)
        io_delay();
    outb(0xFE, 0x64);
    for (i = 0; i < 0x10000; i++)
        io_delay();
    /* ...and if that did nothing, triple-fault. */
    __asm__ __volatile__("lidt %0; int3" : : "m"(no_idt));
    arch_halt();
}

void arch_poweroff(void)
{
    if (acpi_poweroff() != 0)
        printk(LOG_WARNING "ACPI power-off unavailable: halting instead.\n");
    arch_halt();
}

void machine_exit(int status)
{
    const char *how = status == 0 ? "Powering off" :
                      status == MACHINE_EXIT_REBOOT ? "Rebooting" :
                      opt_noreboot ? "Halting (noreboot)" : "Rebooting";

    printk("%s (exit status %d).\n", how, status);
    if (opt_debug_exit)
        outb((uint8_t)status, opt_debug_exit);

    if (status == 0)
        arch_poweroff();
    if (opt_noreboot && status != MACHINE_EXIT_REBOOT)
        arch_halt();
    arch_reboot();
}
