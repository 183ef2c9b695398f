/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interrupt dispatch for the 8259s' lines. A line is Tessera's own
 * (request_irq: end of interrupt first, then the handler, so a new edge
 * is latched while it runs) or the guests' (masked and acked here, then
 * handed to the PIRQ code, which unmasks it once every guest is done).
 */
#include <tessera/console.h>
#include <tessera/irq.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/regs.h>

#include "private.h"

struct irq_line {
    irq_handler_t handler;      /* Tessera's user, or NULL */
    void *data;
    const char *name;
    bool guest;                 /* bound to guests (PIRQ) */
    bool warned;                /* an unexpected interrupt was reported */
};

static struct irq_line lines[NR_LEGACY_IRQS];

extern const uint8_t irq_stubs[];

int request_irq(unsigned int irq, irq_handler_t handler, void *data, const char *name)
{
    struct irq_line *l;

    if (irq >= NR_LEGACY_IRQS || irq == 2)      /* 2: the cascade */
        return -EINVAL;
    l = &lines[irq];
    if (l->handler || l->guest)
        return -EBUSY;
    l->handler = handler;
    l->data = data;
    l->name = name;
    i8259_unmask(irq);
    return 0;
}

bool irq_used_by_tessera(unsigned int irq)
{
    if (irq == 2)
        return true;
    return irq < NR_LEGACY_IRQS && lines[irq].handler != NULL;
}

/* Every line here is an 8259 (XT-PIC) line, which is not an "edge" type. */
bool irq_needs_unmask_notify(unsigned int irq)
{
    (void)irq;
    return true;
}

void irq_guest_claim(unsigned int irq)
{
    if (irq >= NR_LEGACY_IRQS || lines[irq].handler)
        return;
    lines[irq].guest = true;
    i8259_unmask(irq);
}

void irq_guest_release(unsigned int irq)
{
    if (irq >= NR_LEGACY_IRQS || !lines[irq].guest)
        return;
    i8259_mask(irq);
    lines[irq].guest = false;
}

void irq_guest_end(unsigned int irq)
{
    if (irq < NR_LEGACY_IRQS && lines[irq].guest)
        i8259_unmask(irq);
}

void do_IRQ(struct cpu_user_regs *regs);
/* One 8259 line's interrupt. */
static void do_legacy_irq(unsigned int irq)
{
    struct irq_line *l;

    if (irq >= NR_LEGACY_IRQS || i8259_spurious(irq))
        return;
    l = &lines[irq];
    if (l->guest) {
        i8259_mask(irq);
        i8259_eoi(irq);
        do_irq_guest(irq);
        return;
    }
    i8259_eoi(irq);
    if (l->handler) {
        l->handler(irq, l->data);
        return;
    }
    /* Nobody asked for this line: keep it quiet from now on. */
    i8259_mask(irq);
    if (!l->warned) {
        l->warned = true;
        printk(LOG_WARNING "Unexpected interrupt on IRQ %u: line masked\n", irq);
    }
}

/*
 * Tessera keeps interrupts off; long hypercalls open this window at their
 * preemption points so the tick (and devices) are not held up for long.
 * STI takes effect after the next instruction, hence the NOP.
 */
void arch_irq_window(void)
{
    __asm__ __volatile__("sti; nop; cli" : : : "memory");
}

/* From a guest, the lock is held until the way out drops it. */
void do_IRQ(struct cpu_user_regs *regs)
{
    /*
     * The CPU asking waits with the lock held: answer before taking it.
     * From a guest, the way out drops the lock, so it is taken after the
     * answer (its wait polls for further requests).
     */
    if (regs->vector == INVALIDATE_TLB_VECTOR) {
        do_apic_interrupt(regs->vector);
        if (regs_from_guest(regs))
            hv_lock();
        return;
    }
    hv_lock();
    if (regs->vector >= FIRST_APIC_VECTOR)
        do_apic_interrupt(regs->vector);
    else
        do_legacy_irq(regs->vector - FIRST_IRQ_VECTOR);
    if (!regs_from_guest(regs))
        hv_unlock();
}

void irq_init(void)
{
    unsigned int i;

    for (i = 0; i < NR_LEGACY_IRQS; i++)
        set_gate(FIRST_IRQ_VECTOR + i, GATE_INTERRUPT, 0, __HYPERVISOR_CS,
                 (uint32_t)(uintptr_t)(irq_stubs + 16 * i));
}
