/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pci_hide: physdev_dom0_hide=(00:01.0) (ABI.md §12, §15): dom0 loses
 * access to that device only. Reading it is -EPERM with value
 * 0xFFFFFFFF, writing and PCI_INITIALISE_DEVICE are -EPERM; its sibling
 * function 00:01.1 and the host bridge 00:00.0 still read normally, and
 * bus 0 still holds devices dom0 may use (PROBE_ROOT_BUSES mask 1).
 * SKIPs while physdev_op answers -ENOSYS.
 */
#include "../pirq_common/pirq_helpers.h"

void test_main(void)
{
    uint32_t v = 0, mask[8];
    long rc = pci_read(0, 0, 0, 0, 2, &v);

    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: physdev_op answers -ENOSYS\n");
        return;
    }
    check("read 00:00.0 vendor", rc, 0);
    check_hex("00:00.0 vendor", v, 0x8086);
    v = 0x1234;
    check("read hidden 00:01.0", pci_read(0, 1, 0, 0, 4, &v), -XEN_EPERM);
    check_hex("value of the hidden read", v, 0xFFFFFFFFu);
    check("write hidden 00:01.0", pci_write(0, 1, 0, 0x0C, 1, 0), -XEN_EPERM);
    check("INITIALISE_DEVICE(hidden 00:01.0)", pci_init_device(0, 1, 0), -XEN_EPERM);
    v = 0;
    check("read 00:01.1 vendor", pci_read(0, 1, 1, 0, 2, &v), 0);
    check_hex("00:01.1 vendor", v, 0x8086);
    check("PROBE_ROOT_BUSES", pci_probe(mask), 0);
    check_hex("busmask[0]", mask[0], 1);
    xtf_success(NULL);
}
