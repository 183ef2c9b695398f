/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PCI configuration access for physdev_op (ABI.md §12). Legacy 8259
 * routing is 1:1, so the INTERRUPT_LINE a device reports is its pirq and
 * PCI_INITIALISE_DEVICE has nothing to route.
 */
#include <tessera/cmdline.h>
#include <tessera/domain.h>
#include <tessera/errno.h>
#include <tessera/pci.h>
#include <asm/io.h>

#define PCI_CONF_ADDR       0xCF8
#define PCI_CONF_DATA       0xCFC
#define PCI_HEADER_TYPE     0x0E
#define PCI_HEADER_MULTI    0x80

/* physdev_dom0_hide=(bb:dd.f)(bb:dd.f)...: devices dom0 may not touch. */
static char opt_physdev_dom0_hide[200];
boot_param_string("physdev_dom0_hide", opt_physdev_dom0_hide);

static void conf_select(unsigned int bus, unsigned int dev, unsigned int func,
                        unsigned int reg)
{
    outl(0x80000000u | bus << 16 | dev << 11 | func << 8 | (reg & 0xFC), PCI_CONF_ADDR);
}

uint32_t pci_conf_read(unsigned int bus, unsigned int dev, unsigned int func,
                       unsigned int reg, unsigned int len)
{
    conf_select(bus, dev, func, reg);
    switch (len) {
    case 1:
        return inb(PCI_CONF_DATA + (reg & 3));
    case 2:
        return inw(PCI_CONF_DATA + (reg & 2));
    default:
        return inl(PCI_CONF_DATA);
    }
}

void pci_conf_write(unsigned int bus, unsigned int dev, unsigned int func,
                    unsigned int reg, unsigned int len, uint32_t value)
{
    conf_select(bus, dev, func, reg);
    switch (len) {
    case 1:
        outb((uint8_t)value, PCI_CONF_DATA + (reg & 3));
        break;
    case 2:
        outw((uint16_t)value, PCI_CONF_DATA + (reg & 2));
        break;
    default:
        outl(value, PCI_CONF_DATA);
        break;
    }
}

/* Vendor and device id both there (the values Linux 2.4 treats as empty). */
static bool function_answers(unsigned int bus, unsigned int dev, unsigned int func)
{
    uint32_t id = pci_conf_read(bus, dev, func, 0, 4);

    return id != 0xFFFFFFFFu && id != 0 && id != 0x0000FFFFu && id != 0xFFFF0000u;
}

bool pci_device_present(unsigned int bus, unsigned int dev, unsigned int func)
{
    if (!function_answers(bus, dev, func))
        return false;
    /* A bus scan looks beyond function 0 only in multi-function slots. */
    return func == 0 || (function_answers(bus, dev, 0) &&
                         (pci_conf_read(bus, dev, 0, PCI_HEADER_TYPE, 1) & PCI_HEADER_MULTI));
}

/* Parses "bb:dd.f)" at s into a packed bus:devfn; -1 if malformed. */
static long parse_slot(const char *s, const char **end)
{
    unsigned long long bus, dev, func;

    bus = parse_ull(s, &s, 16);
    if (*s++ != ':')
        return -1;
    dev = parse_ull(s, &s, 16);
    if (*s++ != '.')
        return -1;
    func = parse_ull(s, &s, 16);
    if (*s != ')' || bus > PCI_MAX_BUS || dev > PCI_MAX_DEV || func > PCI_MAX_FUNC)
        return -1;
    *end = s + 1;
    return (long)(bus << 8 | dev << 3 | func);
}

static bool dom0_hidden(unsigned int bus, unsigned int dev, unsigned int func)
{
    long want = (long)(bus << 8 | dev << 3 | func);
    const char *s = opt_physdev_dom0_hide;

    while ((s = strchr(s, '(')) != NULL) {
        const char *end = ++s;

        if (parse_slot(s, &end) == want)
            return true;
        s = end;
    }
    return false;
}

/* Only dom0 holds devices until DOM0_PCIDEV_ACCESS grants them to others. */
static bool owns_device(const struct domain *d, unsigned int bus, unsigned int dev,
                        unsigned int func)
{
    return d->id == 0 && !dom0_hidden(bus, dev, func);
}

long pci_guest_check(const struct domain *d, uint32_t bus, uint32_t dev, uint32_t func)
{
    if (!d->physdev)
        return -EPERM;
    if (bus > PCI_MAX_BUS || dev > PCI_MAX_DEV || func > PCI_MAX_FUNC)
        return -EINVAL;
    if (!pci_device_present(bus, dev, func))
        return -ENODEV;
    return owns_device(d, bus, dev, func) ? 0 : -EPERM;
}

static bool len_ok(uint32_t len)
{
    return len == 1 || len == 2 || len == 4;
}

/* Xen's IRQ number for the device: none (0) without an interrupt pin. */
static uint32_t device_pirq(uint32_t bus, uint32_t dev, uint32_t func)
{
    if (pci_conf_read(bus, dev, func, PCI_INTERRUPT_PIN, 1) == 0)
        return 0;
    return pci_conf_read(bus, dev, func, PCI_INTERRUPT_LINE, 1);
}

long pci_guest_read(const struct domain *d, physdevop_pci_cfgreg_read_t *r)
{
    long rc = pci_guest_check(d, r->bus, r->dev, r->func);

    if (rc != 0) {
        /* No access must look like no device: all ones. */
        r->value = 0xFFFFFFFFu;
        return rc;
    }
    if (r->reg == PCI_INTERRUPT_LINE) {
        r->value = device_pirq(r->bus, r->dev, r->func);
        return 0;
    }
    if (r->reg > PCI_MAX_REG)
        return -EINVAL;
    if (len_ok(r->len))
        r->value = pci_conf_read(r->bus, r->dev, r->func, r->reg, r->len);
    return 0;
}

long pci_guest_write(const struct domain *d, const physdevop_pci_cfgreg_write_t *w)
{
    long rc = pci_guest_check(d, w->bus, w->dev, w->func);

    if (rc != 0)
        return rc;
    if (w->reg > PCI_MAX_REG)
        return -EINVAL;
    if (len_ok(w->len))
        pci_conf_write(w->bus, w->dev, w->func, w->reg, w->len, w->value);
    return 0;
}

/* Buses holding a device dom0 may use; found once, devices do not come and go. */
static const uint32_t *dom0_busmask(void)
{
    static uint32_t mask[256 / 32];
    static bool done;
    unsigned int bus, dev, func;

    for (bus = 0; !done && bus <= PCI_MAX_BUS; bus++) {
        for (dev = 0; dev <= PCI_MAX_DEV; dev++) {
            for (func = 0; func <= PCI_MAX_FUNC; func++) {
                if (!pci_device_present(bus, dev, func)) {
                    if (func == 0)
                        break;
                    continue;
                }
                if (!dom0_hidden(bus, dev, func))
                    mask[bus / 32] |= 1u << (bus % 32);
            }
        }
    }
    done = true;
    return mask;
}

void pci_guest_busmask(const struct domain *d, uint32_t busmask[256 / 32])
{
    memset(busmask, 0, 256 / 8);
    if (d->physdev && d->id == 0)
        memcpy(busmask, dom0_busmask(), 256 / 8);
}
