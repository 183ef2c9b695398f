/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The legacy 8259 interrupt controllers. The BIOS leaves them delivering
 * IRQs on vectors 8-15, which collide with CPU exceptions: move them to
 * 0x30-0x3F and mask every line until a driver asks for one.
 */
#include <tessera/arch.h>

#include "private.h"

#define PIC1_CMD    0x20
#define PIC1_DATA   0x21
#define PIC2_CMD    0xA0
#define PIC2_DATA   0xA1

#define FIRST_IRQ_VECTOR 0x30  /* 0x20-0x2F are guests' fast-trap vectors */

void i8259_init(void)
{
    outb(0x11, PIC1_CMD);               /* ICW1: edge, cascade, ICW4 */
    io_delay();
    outb(0x11, PIC2_CMD);
    io_delay();
    outb(FIRST_IRQ_VECTOR, PIC1_DATA);  /* ICW2: vector base */
    io_delay();
    outb(FIRST_IRQ_VECTOR + 8, PIC2_DATA);
    io_delay();
    outb(0x04, PIC1_DATA);              /* ICW3: slave on IRQ2 */
    io_delay();
    outb(0x02, PIC2_DATA);
    io_delay();
    outb(0x01, PIC1_DATA);              /* ICW4: 8086 mode */
    io_delay();
    outb(0x01, PIC2_DATA);
    io_delay();
    outb(0xFF, PIC1_DATA);              /* mask everything */
    outb(0xFF, PIC2_DATA);
}
