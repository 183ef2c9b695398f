/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * physdev_domu: physdev_op from an unprivileged domain (ABI.md §12; bug
 * class: device access without the physdev capability). The domU gets
 * -EPERM for PCI_CFGREG_READ of the host bridge 00:00.0 (value
 * 0xFFFFFFFF), for a read naming bus 256 (the capability is checked
 * first), for PCI_CFGREG_WRITE and PCI_INITIALISE_DEVICE; PROBE_ROOT_BUSES
 * answers 0 with an empty mask; IRQ_STATUS_QUERY(3) and IRQ_UNMASK_NOTIFY
 * need no privilege (0). It reports through its shutdown code; dom0 then
 * checks the host bridge still reads normally. SKIPs while physdev_op
 * answers -ENOSYS.
 */
#include <guest/domctl.h>
#include "../pirq_common/pirq_helpers.h"

static void domu(void)
{
    uint32_t v = 0x12345678u, mask[8], flags = 0, i, any = 0;

    domu_expect(1, pci_read(0, 0, 0, 0, 4, &v), -XEN_EPERM);
    domu_expect(2, v, 0xFFFFFFFFu);
    v = 0;
    domu_expect(3, pci_read(256, 0, 0, 0, 4, &v), -XEN_EPERM);
    domu_expect(4, pci_write(0, 0, 0, 0x0C, 1, 0x10), -XEN_EPERM);
    domu_expect(5, pci_init_device(0, 0, 0), -XEN_EPERM);
    domu_expect(6, pci_probe(mask), 0);
    for (i = 0; i < 8; i++)
        any |= mask[i];
    domu_expect(7, any, 0);
    domu_expect(8, irq_status(3, &flags), 0);
    domu_expect(9, unmask_notify(), 0);
    guest_shutdown(DOMU_OK);
}

void test_main(void)
{
    dom0_getdomaininfo_t info;
    uint32_t v = 0;
    long rc;

    if (!guest_is_dom0())
        domu();
    rc = pci_read(0, 0, 0, 0, 2, &v);
    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: physdev_op answers -ENOSYS\n");
        dom0_wait_stopped(1, DOM0_WAIT_YIELDS, &info);
        return;
    }
    dom0_expect_domu_ok(1, &info);
    v = 0;
    check("dom0: read 00:00.0 vendor", pci_read(0, 0, 0, 0, 2, &v), 0);
    check_hex("dom0: 00:00.0 vendor", v, 0x8086);
    xtf_success(NULL);
}
