/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * physdev_op (hypercall 19, ABI.md §12): PCI configuration access for
 * physical-device domains and the acknowledgement of physical IRQs.
 * Whatever the outcome, the whole physdev_op_t goes back to the guest.
 */
#include <tessera/errno.h>
#include <tessera/guest_access.h>
#include <tessera/hypercall.h>
#include <tessera/irq.h>
#include <tessera/pci.h>
#include <tessera/sched.h>

static long irq_status_query(physdevop_irq_status_query_t *q)
{
    if (q->irq >= NR_IRQS)
        return -EINVAL;
    q->flags = irq_needs_unmask_notify(q->irq) ? PHYSDEVOP_IRQ_NEEDS_UNMASK_NOTIFY : 0;
    return 0;
}

static long physdev_command(physdev_op_t *op)
{
    switch (op->cmd) {
    case PHYSDEVOP_PCI_CFGREG_READ:
        return pci_guest_read(current, &op->u.pci_cfgreg_read);
    case PHYSDEVOP_PCI_CFGREG_WRITE:
        return pci_guest_write(current, &op->u.pci_cfgreg_write);
    case PHYSDEVOP_PCI_INITIALISE_DEVICE:
        /* Legacy lines are routed 1:1 already: checking is all there is. */
        return pci_guest_check(current, op->u.pci_initialise_device.bus,
                               op->u.pci_initialise_device.dev,
                               op->u.pci_initialise_device.func);
    case PHYSDEVOP_PCI_PROBE_ROOT_BUSES:
        pci_guest_busmask(current, op->u.pci_probe_root_buses.busmask);
        return 0;
    case PHYSDEVOP_IRQ_UNMASK_NOTIFY:
        pirq_guest_unmask(current);
        return 0;
    case PHYSDEVOP_IRQ_STATUS_QUERY:
        return irq_status_query(&op->u.irq_status_query);
    default:
        return -EINVAL;
    }
}

long do_physdev_op(uint32_t op_va)
{
    physdev_op_t op;
    long rc;

    if (copy_from_guest(&op, op_va, sizeof(op)) != 0)
        return -EFAULT;
    rc = physdev_command(&op);
    if (copy_to_guest(op_va, &op, sizeof(op)) != 0)
        rc = -EFAULT;
    return rc;
}
