/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * physdev.h: physdev_op (hypercall 19), PCI configuration access and
 * physical-IRQ acknowledgement for domains driving real devices.
 *
 * The hypervisor always copies the whole physdev_op_t back. Unknown cmd:
 * -EINVAL. Dom0 holds the physical-device capability with write access to
 * every PCI device except those hidden by physdev_dom0_hide=; other domains
 * get devices through DOM0_PCIDEV_ACCESS.
 */
#ifndef XEN_PUBLIC_PHYSDEV_H
#define XEN_PUBLIC_PHYSDEV_H

#include "xen.h"

/*
 * PCI_CFGREG_READ: read len (1, 2 or 4) bytes at reg of bus:dev.func.
 * Needs physdev and access to the device: -EPERM, or -ENODEV if absent;
 * -EINVAL if bus > 255, dev > 31 or func > 7. value = 0xFFFFFFFF on error.
 * Reading INTERRUPT_LINE (0x3C) returns the hypervisor's IRQ number, i.e.
 * the pirq to bind.
 */
#define PHYSDEVOP_PCI_CFGREG_READ       0
/*
 * PCI_CFGREG_WRITE: as READ, value is written. Needs write access to the
 * device; passed straight through, BARs included.
 */
#define PHYSDEVOP_PCI_CFGREG_WRITE      1
/* PCI_INITIALISE_DEVICE: final IRQ routing for bus:dev.func. */
#define PHYSDEVOP_PCI_INITIALISE_DEVICE 2
/*
 * PCI_PROBE_ROOT_BUSES: busmask bit n = bus n holds a device this domain
 * may access. No privilege check (others get an empty mask).
 */
#define PHYSDEVOP_PCI_PROBE_ROOT_BUSES  3
/*
 * IRQ_UNMASK_NOTIFY: the caller has serviced its bound PIRQs and unmasked
 * their ports; a line's EOI/unmask happens once every guest bound to it
 * has said so. No arguments.
 */
#define PHYSDEVOP_IRQ_UNMASK_NOTIFY     4
/*
 * IRQ_STATUS_QUERY: does irq need IRQ_UNMASK_NOTIFY after each interrupt?
 * Yes for IO-APIC level and 8259 (XT-PIC) lines, no for IO-APIC edge
 * lines. No privilege check. Bad irq: -EINVAL.
 */
#define PHYSDEVOP_IRQ_STATUS_QUERY      5

#ifndef __ASSEMBLER__

typedef struct physdevop_pci_cfgreg_read {
    uint32_t bus;       /* @0: IN: 0-255 */
    uint32_t dev;       /* @4: IN: 0-31 */
    uint32_t func;      /* @8: IN: 0-7 */
    uint32_t reg;       /* @12: IN: configuration-space offset */
    uint32_t len;       /* @16: IN: 1, 2 or 4 bytes */
    uint32_t value;     /* @20: OUT */
} physdevop_pci_cfgreg_read_t;  /* 24 bytes */

typedef struct physdevop_pci_cfgreg_write {
    uint32_t bus;       /* @0: IN */
    uint32_t dev;       /* @4: IN */
    uint32_t func;      /* @8: IN */
    uint32_t reg;       /* @12: IN */
    uint32_t len;       /* @16: IN */
    uint32_t value;     /* @20: IN */
} physdevop_pci_cfgreg_write_t; /* 24 bytes */

typedef struct physdevop_pci_initialise_device {
    uint32_t bus;       /* @0: IN */
    uint32_t dev;       /* @4: IN */
    uint32_t func;      /* @8: IN */
} physdevop_pci_initialise_device_t;    /* 12 bytes */

typedef struct physdevop_pci_probe_root_buses {
    uint32_t busmask[256 / 32];     /* @0: OUT: bit n = bus n */
} physdevop_pci_probe_root_buses_t; /* 32 bytes */

/* Call PHYSDEVOP_IRQ_UNMASK_NOTIFY after servicing this IRQ. */
#define PHYSDEVOP_IRQ_NEEDS_UNMASK_NOTIFY   (1 << 0)
typedef struct physdevop_irq_status_query {
    uint32_t irq;       /* @0: IN */
    uint32_t flags;     /* @4: OUT: PHYSDEVOP_IRQ_* */
} physdevop_irq_status_query_t;     /* 8 bytes */

typedef struct physdev_op {
    uint32_t cmd;       /* @0: PHYSDEVOP_* */
    uint32_t _pad;      /* @4 */
    union {             /* @8 */
        physdevop_pci_cfgreg_read_t       pci_cfgreg_read;
        physdevop_pci_cfgreg_write_t      pci_cfgreg_write;
        physdevop_pci_initialise_device_t pci_initialise_device;
        physdevop_pci_probe_root_buses_t  pci_probe_root_buses;
        physdevop_irq_status_query_t      irq_status_query;
        uint8_t                           _dummy[32];
    } u;
} physdev_op_t;         /* 40 bytes */

#endif /* !__ASSEMBLER__ */

#endif /* XEN_PUBLIC_PHYSDEV_H */
