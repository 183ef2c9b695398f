/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Physical interrupt lines: Tessera's own users (the PIT, the serial
 * console) and lines bound to guests through event channels (PIRQs,
 * ABI.md §7). The legacy 8259 pair delivers lines 0-15; a PIRQ number
 * beyond them may be bound but never fires (no IO-APIC yet).
 *
 * Tessera runs with interrupts off except in the idle loop and at
 * hypercall preemption points (hypercall_preempt_check), so handlers run
 * at safe points and may wake domains and send events directly.
 */
#ifndef TESSERA_IRQ_H
#define TESSERA_IRQ_H

#include <tessera/errno.h>
#include <tessera/lib.h>

#define NR_IRQS             224 /* IRQ_STATUS_QUERY's range, as Xen 2.0 on x86 */
#define NR_PIRQS            128 /* bind_pirq's range (ABI.md §7) */
#define NR_LEGACY_IRQS      16  /* lines the 8259s deliver */
#define IRQ_MAX_GUESTS      7   /* sharers of one PIRQ */

struct domain;

typedef void (*irq_handler_t)(unsigned int irq, void *data);

/*
 * Tessera takes line irq for itself and unmasks it. -EBUSY if anyone
 * (Tessera or a guest) holds it, -EINVAL if the line does not exist.
 */
int request_irq(unsigned int irq, irq_handler_t handler, void *data, const char *name);

/* --- Guest-bound lines (evtchn/pirq.c, PHYSDEV_IRQS) ------------------------ */

#ifdef CONFIG_PHYSDEV_IRQS
/*
 * Binds physical line irq to d (which must be physdev: -EPERM). Shared
 * lines need every binder to pass will_share (-EBUSY); -EBUSY too if
 * Tessera uses the line or IRQ_MAX_GUESTS already share it.
 */
int pirq_guest_bind(struct domain *d, unsigned int irq, bool will_share);
/* Drops d's binding (the port is closing or d is being destroyed). */
void pirq_guest_unbind(struct domain *d, unsigned int irq);
/* PHYSDEVOP_IRQ_UNMASK_NOTIFY: d has serviced its in-flight lines. */
void pirq_guest_unmask(struct domain *d);
/* The interrupt path, for a line bound to guests (already acked and masked). */
void do_irq_guest(unsigned int irq);
#else
static inline int pirq_guest_bind(struct domain *d, unsigned int irq, bool will_share)
{
    (void)d, (void)irq, (void)will_share;
    return -ENOSYS;
}

static inline void pirq_guest_unbind(struct domain *d, unsigned int irq)
{
    (void)d, (void)irq;
}

static inline void pirq_guest_unmask(struct domain *d)
{
    (void)d;
}

static inline void do_irq_guest(unsigned int irq)
{
    (void)irq;
}
#endif

/* --- The interrupt controller (arch/x86/irq.c) -------------------------------- */

/* Does the line stay masked from its ack until the guests' unmask notify?
 * (ABI.md §12 IRQ_STATUS_QUERY: yes unless the controller is edge-typed.) */
bool irq_needs_unmask_notify(unsigned int irq);
/* Is the line Tessera's own (request_irq)? */
bool irq_used_by_tessera(unsigned int irq);
/* The guest path takes / gives back line irq: interrupts on it then go to
 * do_irq_guest(). Lines without hardware (>= NR_LEGACY_IRQS) are ignored. */
void irq_guest_claim(unsigned int irq);
void irq_guest_release(unsigned int irq);
/* Ends a guest line's interrupt once every guest has serviced it. */
void irq_guest_end(unsigned int irq);

#endif /* TESSERA_IRQ_H */
