/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 16550 UART console on com1/com2. Output is polled with a bounded wait,
 * so a missing or wedged port costs time but never hangs the boot. Input
 * is interrupt driven: each console port's received-data interrupt hands
 * its characters to the console input layer (kernel/console_input.c).
 */
#include <tessera/arch.h>
#include <tessera/cmdline.h>
#include <tessera/console.h>
#include <tessera/irq.h>

#include "serial.h"

/* Registers, as offsets from the port's base. */
#define UART_RBR    0       /* receive buffer (read) */
#define UART_THR    0       /* transmit holding (write) */
#define UART_DLL    0       /* divisor low byte while LCR.DLAB */
#define UART_IER    1
#define UART_DLM    1       /* divisor high byte while LCR.DLAB */
#define UART_IIR    2       /* (read) */
#define UART_FCR    2       /* (write) */
#define UART_LCR    3
#define UART_MCR    4
#define UART_LSR    5
#define UART_SCR    7       /* scratch: no function, used to probe */

#define IER_RDA         0x01    /* interrupt on received data (and FIFO timeout) */
#define LCR_DLAB        0x80
#define FCR_SETUP       0xC7    /* enable, clear both FIFOs, RX trigger 14 bytes */
#define IIR_FIFO_ON     0xC0    /* both bits read back set on a working 16550A */
#define MCR_SETUP       0x0B    /* DTR | RTS | OUT2 (OUT2 gates the IRQ line on PCs) */
#define LSR_DR          0x01    /* a received byte is waiting */
#define LSR_THRE        0x20    /* transmit FIFO empty */

#define UART_FIFO_SIZE  16
#define RX_DRAIN_MAX    (4 * UART_FIFO_SIZE)    /* per interrupt: a babbling port cannot hold us */
#define THRE_POLLS      100000  /* then drop the byte: the port is gone or stuck */

struct uart {
    struct serial_port_cfg cfg;
    enum serial_half half;
    bool active;
    bool stalled;               /* the last wait for THRE timed out */
    bool rx_irq;                /* receives by interrupt on cfg.irq */
    unsigned int fifo_size;
    unsigned int tx_room;       /* bytes we may still write without polling */
    struct console_driver drv;
};

static void com1_putc(char c);
static void com2_putc(char c);

static struct uart uarts[SERIAL_MAX_PORTS] = {
    { .drv = { .name = "com1", .putc = com1_putc, .guest_output = true } },
    { .drv = { .name = "com2", .putc = com2_putc, .guest_output = true } },
};

static int parse_com1_option(const char *value)
{
    return serial_parse_port_opts(value, &uarts[0].cfg, 0);
}
boot_param_custom("com1", parse_com1_option);

static int parse_com2_option(const char *value)
{
    return serial_parse_port_opts(value, &uarts[1].cfg, 1);
}
boot_param_custom("com2", parse_com2_option);

/*
 * Once a wait has timed out, later bytes get a single poll until the port
 * recovers: a full wait per byte would stall the boot for minutes.
 */
static bool uart_wait_thre(struct uart *u)
{
    unsigned int limit = u->stalled ? 1 : THRE_POLLS;

    for (unsigned int polls = 0; !(inb(u->cfg.io + UART_LSR) & LSR_THRE);) {
        if (++polls >= limit) {
            u->stalled = true;
            return false;
        }
    }
    u->stalled = false;
    return true;
}

/*
 * After THRE the whole FIFO is free, so one poll covers fifo_size bytes;
 * on QEMU each port read is a costly exit.
 */
static void uart_send(struct uart *u, uint8_t byte)
{
    if (u->tx_room == 0) {
        if (!uart_wait_thre(u))
            return;
        u->tx_room = u->fifo_size;
    }
    outb(byte, u->cfg.io + UART_THR);
    u->tx_room--;
}

static void uart_console_putc(struct uart *u, char c)
{
    if (c == '\n')
        uart_send(u, serial_half_out(u->half, '\r'));
    uart_send(u, serial_half_out(u->half, c));
}

static void com1_putc(char c)
{
    uart_console_putc(&uarts[0], c);
}

static void com2_putc(char c)
{
    uart_console_putc(&uarts[1], c);
}

/*
 * The 8259 sees an edge only when the UART's line rises again, so the
 * FIFO is emptied here; bytes arriving meanwhile keep DR set and are
 * taken too. The other half of a split port has no reader: dropped.
 */
static void uart_rx_drain(struct uart *u)
{
    for (int n = 0; n < RX_DRAIN_MAX && (inb(u->cfg.io + UART_LSR) & LSR_DR); n++) {
        int c = serial_half_in(u->half, inb(u->cfg.io + UART_RBR));

        if (c >= 0)
            console_input_char((unsigned char)c);
    }
}

/* Both ports may share one line, so every active port is drained. */
static void uart_interrupt(unsigned int irq, void *data)
{
    (void)irq;
    (void)data;
    for (int i = 0; i < SERIAL_MAX_PORTS; i++) {
        if (uarts[i].active)
            uart_rx_drain(&uarts[i]);
    }
}

static bool __init irq_taken_by_earlier_port(int i)
{
    for (int j = 0; j < i; j++) {
        if (uarts[j].active && uarts[j].rx_irq && uarts[j].cfg.irq == uarts[i].cfg.irq)
            return true;
    }
    return false;
}

/* Takes the port's line and turns on its receive interrupt. */
static void __init uart_rx_enable(int i)
{
    struct uart *u = &uarts[i];
    int rc = 0;

    if (!irq_taken_by_earlier_port(i))
        rc = request_irq(u->cfg.irq, uart_interrupt, NULL, u->drv.name);
    if (rc != 0) {
        printk(LOG_WARNING "%s: cannot use IRQ %u (error %d): no serial input\n",
               u->drv.name, u->cfg.irq, rc);
        return;
    }
    u->rx_irq = true;
    outb(IER_RDA, u->cfg.io + UART_IER);
}

/* An absent port floats the bus: every read gives 0xFF, and SCR cannot hold a value. */
static bool __init uart_present(uint16_t io)
{
    outb(0x5A, io + UART_SCR);
    if (inb(io + UART_SCR) != 0x5A)
        return false;
    outb(0xA5, io + UART_SCR);
    return inb(io + UART_SCR) == 0xA5;
}

static uint16_t __init current_divisor(uint16_t io)
{
    uint16_t div = (uint16_t)(inb(io + UART_DLL) | inb(io + UART_DLM) << 8);

    /* Nobody programmed the port: 0 would stop the baud clock. */
    return div ? div : serial_divisor(SERIAL_BAUD_BASE);
}

static void __init uart_program(struct uart *u)
{
    uint16_t io = u->cfg.io;
    uint8_t lcr = serial_line_control(&u->cfg);
    uint16_t div;

    outb(0, io + UART_IER);
    outb(lcr | LCR_DLAB, io + UART_LCR);
    div = u->cfg.baud == SERIAL_BAUD_AUTO ? current_divisor(io) : serial_divisor(u->cfg.baud);
    outb((uint8_t)div, io + UART_DLL);
    outb((uint8_t)(div >> 8), io + UART_DLM);
    outb(lcr, io + UART_LCR);
    outb(FCR_SETUP, io + UART_FCR);
    u->fifo_size = (inb(io + UART_IIR) & IIR_FIFO_ON) == IIR_FIFO_ON ? UART_FIFO_SIZE : 1;
    u->tx_room = 0;
    u->stalled = false;
    outb(MCR_SETUP, io + UART_MCR);
}

/*
 * Xen 2.0 leaves a port that console= names but comN= did not configure
 * unused. Tessera makes one exception so a bare command line prints on
 * QEMU and typical PCs: com1 alone defaults to 0x3F8, IRQ 4, 115200 8n1.
 * This only concerns boot options; guests see no difference.
 */
static bool __init port_config(int i)
{
    struct uart *u = &uarts[i];

    if (u->cfg.configured)
        return true;
    if (i == 0)
        return serial_parse_port_opts("115200,8n1", &u->cfg, 0) == 0;
    printk(LOG_WARNING "console=%s: port not configured by %s=, not used\n",
           u->drv.name, u->drv.name);
    return false;
}

static bool __init port_conflicts(int i)
{
    for (int j = 0; j < i; j++) {
        if (uarts[j].active && uarts[j].cfg.io == uarts[i].cfg.io)
            return true;
    }
    return false;
}

void __init serial_init(void)
{
    const struct console_choice *choice = console_chosen();

    for (int i = 0; i < SERIAL_MAX_PORTS; i++) {
        struct uart *u = &uarts[i];

        if (!choice->com[i] || !port_config(i))
            continue;
        if (port_conflicts(i)) {
            printk(LOG_WARNING "%s: I/O port %#x already in use, not used\n",
                   u->drv.name, u->cfg.io);
            continue;
        }
        if (!uart_present(u->cfg.io)) {
            printk(LOG_WARNING "%s: no UART at I/O port %#x\n", u->drv.name, u->cfg.io);
            continue;
        }
        u->half = choice->half[i];
        uart_program(u);
        u->active = true;
        console_register(&u->drv);
        uart_rx_enable(i);
    }
}
