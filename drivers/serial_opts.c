/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * com1= / com2= parsing and the 16550 register arithmetic. Pure: no port
 * I/O and no printk, so the host tests link this file alone.
 */
#include <tessera/errno.h>
#include <tessera/lib.h>

#include "serial.h"

/* Line control register bits. */
#define LCR_STOP2   0x04    /* two stop bits (1.5 with five data bits) */
#define LCR_PEN     0x08    /* parity enable */
#define LCR_EPS     0x10    /* even parity */
#define LCR_STICK   0x20    /* parity bit fixed: mark if !EPS, space if EPS */

static const uint16_t default_io[SERIAL_MAX_PORTS] = { 0x3F8, 0x2F8 };
static const uint8_t default_irq[SERIAL_MAX_PORTS] = { 4, 3 };

static unsigned int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return (unsigned int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (unsigned int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (unsigned int)(c - 'A' + 10);
    return 16;
}

/*
 * Reads an unsigned number at *p (base 0: C prefixes). Fails with no
 * digit or a value above max, so an overlong number cannot wrap into range.
 */
static bool take_number(const char **p, unsigned int base, uint32_t max, uint32_t *out)
{
    const char *s = *p;
    uint32_t val = 0;
    bool any = false;

    if (base == 0) {
        if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
            base = 16;
            s += 2;
        } else {
            base = s[0] == '0' ? 8 : 10;
        }
    }
    for (unsigned int d; (d = digit_value(*s)) < base; s++) {
        if (d > max || val > (max - d) / base)
            return false;
        val = val * base + d;
        any = true;
    }
    if (!any)
        return false;
    *p = s;
    *out = val;
    return true;
}

static bool take_baud(const char **p, uint32_t *baud)
{
    if (strncmp(*p, "auto", 4) == 0) {
        *p += 4;
        *baud = SERIAL_BAUD_AUTO;
        return true;
    }
    /* Only exact divisors: anything else would run at a different rate. */
    return take_number(p, 10, SERIAL_BAUD_BASE, baud) && *baud >= SERIAL_BAUD_MIN &&
           SERIAL_BAUD_BASE % *baud == 0;
}

/* "8n1": one digit, one letter, one digit. */
static bool take_dps(const char **p, struct serial_port_cfg *c)
{
    const char *s = *p;

    if (s[0] < '5' || s[0] > '8')
        return false;
    switch (s[1]) {
    case 'n': case 'o': case 'e': case 'm': case 's':
        break;
    default:
        return false;
    }
    if (s[2] != '1' && s[2] != '2')
        return false;
    c->data_bits = (uint8_t)(s[0] - '0');
    c->parity = s[1];
    c->stop_bits = (uint8_t)(s[2] - '0');
    *p = s + 3;
    return true;
}

static bool take_io_irq(const char **p, struct serial_port_cfg *c)
{
    uint32_t io, irq;

    if (!take_number(p, 0, SERIAL_IO_MAX, &io) || io == 0 || **p != ',')
        return false;
    (*p)++;
    if (!take_number(p, 0, SERIAL_IRQ_MAX, &irq) || irq == 0)
        return false;
    c->io = (uint16_t)io;
    c->irq = (uint8_t)irq;
    return true;
}

int serial_parse_port_opts(const char *value, struct serial_port_cfg *cfg, int index)
{
    struct serial_port_cfg c = { .configured = true };
    const char *p = value;

    if (!value || index < 0 || index >= SERIAL_MAX_PORTS)
        return -EINVAL;
    c.io = default_io[index];
    c.irq = default_irq[index];
    if (!take_baud(&p, &c.baud) || *p++ != ',' || !take_dps(&p, &c))
        return -EINVAL;
    if (*p == ',') {
        p++;
        if (!take_io_irq(&p, &c))
            return -EINVAL;
    }
    if (*p != '\0')
        return -EINVAL;
    *cfg = c;
    return 0;
}

uint8_t serial_line_control(const struct serial_port_cfg *cfg)
{
    uint8_t lcr = (uint8_t)(cfg->data_bits - 5);

    if (cfg->stop_bits == 2)
        lcr |= LCR_STOP2;
    switch (cfg->parity) {
    case 'o':
        lcr |= LCR_PEN;
        break;
    case 'e':
        lcr |= LCR_PEN | LCR_EPS;
        break;
    case 'm':
        lcr |= LCR_PEN | LCR_STICK;
        break;
    case 's':
        lcr |= LCR_PEN | LCR_EPS | LCR_STICK;
        break;
    default:
        break;
    }
    return lcr;
}

uint16_t serial_divisor(uint32_t baud)
{
    return (uint16_t)(SERIAL_BAUD_BASE / baud);
}

uint8_t serial_half_out(enum serial_half half, char c)
{
    uint8_t b = (uint8_t)c;

    switch (half) {
    case SERIAL_HIGH:
        return b | 0x80;
    case SERIAL_LOW:
        return b & 0x7F;
    default:
        return b;
    }
}

int serial_half_in(enum serial_half half, uint8_t byte)
{
    switch (half) {
    case SERIAL_HIGH:
        return (byte & 0x80) ? byte & 0x7F : -1;
    case SERIAL_LOW:
        return (byte & 0x80) ? -1 : byte;
    default:
        return byte;
    }
}
