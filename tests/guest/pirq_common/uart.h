/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * COM2 (0x2F8, IRQ 3; QEMU_ARGS "-serial null" gives the machine one) as a
 * source of real interrupts: its "transmitter empty" interrupt rises as
 * soon as it is enabled with the transmitter idle, and reading IIR drops
 * it. Needs IOPL >= 1 (DOM0_IOPL).
 */
#ifndef PIRQ_UART_H
#define PIRQ_UART_H

#include "pirq_helpers.h"

#define COM2_BASE       0x2F8
#define COM2_IRQ        3
#define UART_IER        1
#define UART_IIR        2
#define UART_LCR        3
#define UART_MCR        4
#define UART_LSR        5
#define UART_MSR        6
#define UART_IER_THRI   0x02
#define UART_MCR_ON     0x0B    /* DTR | RTS | OUT2 (the IRQ gate on PCs) */
#define UART_IIR_THRI   0x02
#define UART_IIR_MASK   0x0F

/* Spins this many rounds waiting for (or ruling out) an event. */
#define SPIN_ROUNDS     2000000u

static inline uint8_t uart_in(unsigned int reg)
{
    uint8_t v = 0;

    try_inb(COM2_BASE + reg, &v);
    return v;
}

static inline void uart_out(unsigned int reg, uint8_t v)
{
    try_outb(COM2_BASE + reg, v);
}

/* Is a UART there (the scratch register keeps what is written)? */
static inline bool uart_present(void)
{
    uart_out(7, 0x5A);
    if (uart_in(7) != 0x5A)
        return false;
    uart_out(7, 0xA5);
    return uart_in(7) == 0xA5;
}

/* 8N1, every interrupt off, every pending cause read away. */
static inline void uart_quiet(void)
{
    uart_out(UART_LCR, 0x03);
    uart_out(UART_IER, 0);
    uart_out(UART_MCR, UART_MCR_ON);
    uart_in(UART_LSR);
    uart_in(UART_MSR);
    uart_in(0);
    uart_in(UART_IIR);
}

/* Raises the line: THRE interrupt enabled with the transmitter idle. */
static inline void uart_raise(void)
{
    uart_out(UART_IER, 0);
    uart_out(UART_IER, UART_IER_THRI);
}

/* Waits up to SPIN_ROUNDS for port to become pending. */
static inline bool wait_pending(unsigned int port)
{
    unsigned int i;

    for (i = 0; i < SPIN_ROUNDS; i++) {
        if (evtchn_is_pending(port))
            return true;
        __asm__ __volatile__("" ::: "memory");
    }
    return false;
}

#endif /* PIRQ_UART_H */
