/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared by the console drivers in drivers/: the parsed com1=/com2= and
 * console= options (ABI.md §15) and the pure helpers behind the 16550
 * driver. Everything declared here, except console_chosen(), is pure so
 * the host tests link it without the hardware code.
 */
#ifndef DRIVERS_SERIAL_H
#define DRIVERS_SERIAL_H

#include <tessera/lib.h>

#define SERIAL_MAX_PORTS    2           /* com1, com2 */
#define SERIAL_BAUD_BASE    115200      /* the UART clock / 16: divisor 1 */
#define SERIAL_BAUD_MIN     1200
#define SERIAL_BAUD_AUTO    0           /* keep the divisor the loader left */

/*
 * A UART decodes eight registers from its base, so the last base that
 * still fits in the 16-bit port space is 0xFFF8.
 */
#define SERIAL_IO_MAX       0xFFF8
#define SERIAL_IRQ_MAX      31

/* One port's line settings from com1= or com2=. */
struct serial_port_cfg {
    bool configured;        /* the option was given and parsed */
    uint32_t baud;          /* SERIAL_BAUD_AUTO or a divisor of 115200 */
    uint8_t data_bits;      /* 5..8 */
    char parity;            /* 'n', 'o', 'e', 'm' or 's' */
    uint8_t stop_bits;      /* 1 or 2 */
    uint16_t io;
    uint8_t irq;
};

/*
 * Parses "baud,DPS[,io,irq]" for port index (0 = com1, 1 = com2, which
 * picks the default io/irq). Returns 0, or -EINVAL with *cfg untouched.
 */
int serial_parse_port_opts(const char *value, struct serial_port_cfg *cfg, int index);

/* The line control register value for cfg's data bits, parity and stop bits. */
uint8_t serial_line_control(const struct serial_port_cfg *cfg);

/* The divisor latch value for a baud rate accepted by the parser (not auto). */
uint16_t serial_divisor(uint32_t baud);

/*
 * comNH / comNL: two users share one port, split by bit 7 of each byte.
 * The console owns the whole port, the bytes with bit 7 set (HIGH) or
 * the others (LOW).
 */
enum serial_half {
    SERIAL_WHOLE,
    SERIAL_HIGH,
    SERIAL_LOW,
};

/* The byte to send for console character c. */
uint8_t serial_half_out(enum serial_half half, char c);

/* The console character a received byte carries, or -1 if it is the other user's. */
int serial_half_in(enum serial_half half, uint8_t byte);

/* The devices console= named (default "com1,vga"). */
struct console_choice {
    bool com[SERIAL_MAX_PORTS];
    enum serial_half half[SERIAL_MAX_PORTS];
    bool vga;
};

/*
 * Parses a comma-separated list of com1, com2, com1H, com1L, com2H,
 * com2L, vga and none. Repeating a word is harmless; naming one port with
 * two different halves, an unknown or empty word is -EINVAL, and *out is
 * then untouched. "none" adds nothing, so "none,vga" means "vga".
 */
int console_parse_list(const char *value, struct console_choice *out);

/* The choice console= made, for serial_init() and vga_init(). */
const struct console_choice *console_chosen(void);

#endif /* DRIVERS_SERIAL_H */
