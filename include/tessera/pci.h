/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PCI configuration space (mechanism #1, ports 0xCF8/0xCFC) and the
 * access rules physdev_op applies to it (ABI.md §12): dom0 is physdev
 * with write access to every device but those named by
 * physdev_dom0_hide=(bb:dd.f)(...); other domains see no device.
 */
#ifndef TESSERA_PCI_H
#define TESSERA_PCI_H

#include <tessera/lib.h>
#include <public/physdev.h>

#define PCI_MAX_BUS         255
#define PCI_MAX_DEV         31
#define PCI_MAX_FUNC        7
#define PCI_MAX_REG         255
#define PCI_INTERRUPT_LINE  0x3C
#define PCI_INTERRUPT_PIN   0x3D

struct domain;

/*
 * len (1, 2 or 4) bytes at reg, aligned down to len as the hardware
 * ports do. Addresses must be in range.
 */
uint32_t pci_conf_read(unsigned int bus, unsigned int dev, unsigned int func,
                       unsigned int reg, unsigned int len);
void pci_conf_write(unsigned int bus, unsigned int dev, unsigned int func,
                    unsigned int reg, unsigned int len, uint32_t value);
/* Does the function answer (and, beyond function 0, is its slot multi-function)? */
bool pci_device_present(unsigned int bus, unsigned int dev, unsigned int func);

/*
 * May d use bus:dev.func? In Xen 2.0's order: -EPERM (not physdev),
 * -EINVAL (out of range), -ENODEV (absent), -EPERM (not d's), else 0.
 */
long pci_guest_check(const struct domain *d, uint32_t bus, uint32_t dev, uint32_t func);
/*
 * PHYSDEVOP_PCI_CFGREG_READ/WRITE for d. value = 0xFFFFFFFF when access
 * is refused. As in Xen 2.0, reg > 255 is -EINVAL and a len other than
 * 1, 2 or 4 does nothing and succeeds. INTERRUPT_LINE reads as the pirq.
 */
long pci_guest_read(const struct domain *d, physdevop_pci_cfgreg_read_t *r);
long pci_guest_write(const struct domain *d, const physdevop_pci_cfgreg_write_t *w);
/* Bit n set: bus n holds a device d may use (none for a non-physdev d). */
void pci_guest_busmask(const struct domain *d, uint32_t busmask[256 / 32]);

#endif /* TESSERA_PCI_H */
