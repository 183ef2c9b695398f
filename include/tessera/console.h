/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The console: printk() with log levels, fanned out to the serial port,
 * the VGA text screen and the console ring buffer dom0 reads back.
 */
#ifndef TESSERA_CONSOLE_H
#define TESSERA_CONSOLE_H

#include <tessera/lib.h>

/*
 * A message may start with a level marker. Messages above the level set by
 * loglvl= (default LOG_INFO, or LOG_DEBUG with CONFIG_VERBOSE) are dropped.
 * Unmarked messages are LOG_INFO.
 */
#define LOG_ERR     "\001" "3"
#define LOG_WARNING "\001" "4"
#define LOG_INFO    "\001" "6"
#define LOG_DEBUG   "\001" "7"

void printk(const char *fmt, ...) __printf(1, 2);
void vprintk(const char *fmt, va_list ap);

/* A console output device (serial, VGA). */
struct console_driver {
    const char *name;
    void (*putc)(char c);
    bool guest_output;      /* console_io writes go here too (serial ports) */
    struct console_driver *next;
};

void console_register(struct console_driver *drv);

/* Writes bytes with no prefix to the guest_output devices (console_io). */
void console_write_raw(const char *s, size_t len);

/* Copies up to count bytes of the console ring (DOM0_READCONSOLE). */
size_t console_ring_read(char *dst, size_t count, bool clear);

#define CONSOLE_RING_SIZE 16392

/* Device drivers: program the devices chosen by console=, register them. */
#ifdef CONFIG_SERIAL_16550
void serial_init(void);
#else
static inline void serial_init(void) { }
#endif

#ifdef CONFIG_VGA_CONSOLE
void vga_init(void);
#else
static inline void vga_init(void) { }
#endif

/* --- Serial input (kernel/console_input.c, ABI.md §12, §15) ---------------- */

#define CONSOLE_RX_RING_SIZE    128     /* dom0's receive ring */

/*
 * A character received on the console's serial line (the serial driver's
 * interrupt handler). CTRL-<conswitch> three times in a row moves input
 * between dom0 and Tessera; dom0's characters go to the receive ring and
 * raise VIRQ_CONSOLE, Tessera's are debug keys.
 */
void console_input_char(unsigned char c);

/*
 * The oldest received character not yet taken, or -1 when the ring is
 * empty; console_input_take() then consumes it (CONSOLEIO_read).
 */
int console_input_peek(void);
void console_input_take(void);

/* Registers the debug keys and says where input goes (once, at boot). */
void console_input_init(void);

/* Disables locking and buffering so a dying Tessera can still print. */
void console_force_unlock(void);

#endif /* TESSERA_CONSOLE_H */
