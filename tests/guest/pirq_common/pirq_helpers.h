/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared by the pirq_*, physdev_*, pci_* and dom0op_iopl tests: thin
 * wrappers of physdev_op and bind_pirq (DOM0_IOPL's is guest/domctl.h's),
 * port I/O that reports a fault instead of dying, and the exact-value
 * check they all use.
 */
#ifndef PIRQ_HELPERS_H
#define PIRQ_HELPERS_H

#include <guest/console.h>
#include <guest/domctl.h>
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/traps.h>

#define EF_IOPL_MASK    0x3000u

static inline void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static inline void check_hex(const char *what, uint32_t got, uint32_t want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %#x got %#x\n", what, want, got);
}

static inline uint32_t caller_eflags(void)
{
    uint32_t f;

    __asm__ __volatile__("pushf; pop %0" : "=r"(f));
    return f;
}

/*
 * inb/outb that return the fault (0: none) instead of dying. The fault
 * handler leaves the exinfo_t in EAX, whose valid bit a byte never has.
 */
static inline exinfo_t try_inb(uint16_t port, uint8_t *val)
{
    uint32_t eax = 0;

    __asm__ __volatile__("1: inb %w[port], %%al\n\t2:\n\t"
                         ASM_EXTABLE_HANDLER(1b, 2b, ex_record_fault_eax)
                         : "+a"(eax) : [port] "Nd"(port));
    *val = (uint8_t)eax;
    return (eax & EXINFO_VALID) ? eax : 0;
}

static inline exinfo_t try_outb(uint16_t port, uint8_t val)
{
    uint32_t eax = val;

    __asm__ __volatile__("1: outb %%al, %w[port]\n\t2:\n\t"
                         ASM_EXTABLE_HANDLER(1b, 2b, ex_record_fault_eax)
                         : "+a"(eax) : [port] "Nd"(port));
    return (eax & EXINFO_VALID) ? eax : 0;
}

/* physdev_op on *op (cmd and union filled by the caller). */
static inline long physdev(physdev_op_t *op)
{
    return HYPERVISOR_physdev_op(op);
}

static inline long pci_read(uint32_t bus, uint32_t dev, uint32_t func, uint32_t reg,
                            uint32_t len, uint32_t *value)
{
    physdev_op_t op;
    long rc;

    memset(&op, 0, sizeof(op));
    op.cmd = PHYSDEVOP_PCI_CFGREG_READ;
    op.u.pci_cfgreg_read = (physdevop_pci_cfgreg_read_t){bus, dev, func, reg, len, *value};
    rc = physdev(&op);
    *value = op.u.pci_cfgreg_read.value;
    return rc;
}

static inline long pci_write(uint32_t bus, uint32_t dev, uint32_t func, uint32_t reg,
                             uint32_t len, uint32_t value)
{
    physdev_op_t op;

    memset(&op, 0, sizeof(op));
    op.cmd = PHYSDEVOP_PCI_CFGREG_WRITE;
    op.u.pci_cfgreg_write = (physdevop_pci_cfgreg_write_t){bus, dev, func, reg, len, value};
    return physdev(&op);
}

static inline long pci_init_device(uint32_t bus, uint32_t dev, uint32_t func)
{
    physdev_op_t op;

    memset(&op, 0, sizeof(op));
    op.cmd = PHYSDEVOP_PCI_INITIALISE_DEVICE;
    op.u.pci_initialise_device = (physdevop_pci_initialise_device_t){bus, dev, func};
    return physdev(&op);
}

/* PROBE_ROOT_BUSES into mask, which starts all ones (to see it cleared). */
static inline long pci_probe(uint32_t mask[8])
{
    physdev_op_t op;
    long rc;

    memset(&op, 0, sizeof(op));
    op.cmd = PHYSDEVOP_PCI_PROBE_ROOT_BUSES;
    memset(op.u.pci_probe_root_buses.busmask, 0xFF, 32);
    rc = physdev(&op);
    memcpy(mask, op.u.pci_probe_root_buses.busmask, 32);
    return rc;
}

static inline long irq_status(uint32_t irq, uint32_t *flags)
{
    physdev_op_t op;
    long rc;

    memset(&op, 0, sizeof(op));
    op.cmd = PHYSDEVOP_IRQ_STATUS_QUERY;
    op.u.irq_status_query.irq = irq;
    op.u.irq_status_query.flags = *flags;
    rc = physdev(&op);
    *flags = op.u.irq_status_query.flags;
    return rc;
}

static inline long unmask_notify(void)
{
    physdev_op_t op;

    memset(&op, 0, sizeof(op));
    op.cmd = PHYSDEVOP_IRQ_UNMASK_NOTIFY;
    return physdev(&op);
}

static inline long bind_pirq(uint32_t pirq, uint32_t flags, unsigned int *port)
{
    evtchn_op_t op = {.cmd = EVTCHNOP_bind_pirq};
    long rc;

    op.u.bind_pirq.pirq = pirq;
    op.u.bind_pirq.flags = flags;
    rc = HYPERVISOR_event_channel_op(&op);
    if (rc == 0)
        *port = op.u.bind_pirq.port;
    return rc;
}

/* EVTCHNOP_status of one of our ports: its status, *value its pirq etc. */
static inline long port_status(unsigned int port, uint32_t *status, uint32_t *value)
{
    evtchn_op_t op = {.cmd = EVTCHNOP_status};
    long rc;

    op.u.status.dom = DOMID_SELF;
    op.u.status.port = port;
    rc = HYPERVISOR_event_channel_op(&op);
    *status = op.u.status.status;
    *value = op.u.status.u.pirq;
    return rc;
}

#endif /* PIRQ_HELPERS_H */
