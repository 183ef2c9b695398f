/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The legacy 8259 interrupt controllers. The BIOS leaves them delivering
 * IRQs on vectors 8-15, which collide with CPU exceptions: move them to
 * FIRST_IRQ_VECTOR and mask every line until a user asks for one.
 * Edge-triggered (XT-PIC) lines: a line acked for a guest stays masked
 * until the guest says it is done (ABI.md §7, PIRQs).
 */
#include <tessera/arch.h>
#include <asm/desc.h>

#include "private.h"

#define PIC1_CMD    0x20
#define PIC1_DATA   0x21
#define PIC2_CMD    0xA0
#define PIC2_DATA   0xA1
#define OCW3_READ_ISR   0x0B
#define OCW2_SPECIFIC_EOI 0x60
#define CASCADE_IRQ 2

static uint16_t cached_mask = 0xFFFF;   /* bit n: line n masked */

static void write_mask(void)
{
    outb((uint8_t)cached_mask, PIC1_DATA);
    outb((uint8_t)(cached_mask >> 8), PIC2_DATA);
}

void i8259_mask(unsigned int irq)
{
    cached_mask |= (uint16_t)(1u << irq);
    write_mask();
}

void i8259_unmask(unsigned int irq)
{
    cached_mask &= (uint16_t)~(1u << irq);
    if (irq >= 8)
        cached_mask &= (uint16_t)~(1u << CASCADE_IRQ);
    write_mask();
}

/* Specific EOI: the slave's line, then the cascade line on the master. */
void i8259_eoi(unsigned int irq)
{
    if (irq >= 8) {
        outb((uint8_t)(OCW2_SPECIFIC_EOI | (irq & 7)), PIC2_CMD);
        outb(OCW2_SPECIFIC_EOI | CASCADE_IRQ, PIC1_CMD);
    } else {
        outb((uint8_t)(OCW2_SPECIFIC_EOI | irq), PIC1_CMD);
    }
}

/*
 * Lines 7 and 15 also signal spurious interrupts (a request withdrawn
 * before the CPU acknowledged it): then the in-service bit is clear, and
 * a spurious 15 still needs the master's cascade EOI.
 */
bool i8259_spurious(unsigned int irq)
{
    uint8_t isr;

    if ((irq & 7) != 7)
        return false;
    if (irq == 7) {
        outb(OCW3_READ_ISR, PIC1_CMD);
        return !(inb(PIC1_CMD) & 0x80);
    }
    outb(OCW3_READ_ISR, PIC2_CMD);
    isr = inb(PIC2_CMD);
    if (isr & 0x80)
        return false;
    outb(OCW2_SPECIFIC_EOI | CASCADE_IRQ, PIC1_CMD);
    return true;
}

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
    write_mask();                       /* everything masked */
}
