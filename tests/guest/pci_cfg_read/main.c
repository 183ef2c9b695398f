/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pci_cfg_read: PHYSDEVOP_PCI_CFGREG_READ from dom0 (ABI.md §12) on
 * QEMU's pc machine, whose host bridge 00:00.0 is an i440FX (8086:1237).
 *  - 1, 2 and 4-byte reads at offsets 0-3; a read is aligned down to its
 *    size as configuration mechanism #1 does (2 bytes at 1 read offset 0,
 *    4 bytes at 2 read offset 0);
 *  - an absent device (00:1f.0) is -ENODEV with value 0xFFFFFFFF;
 *  - bus 256, dev 32 or func 8 is -EINVAL with value 0xFFFFFFFF;
 *  - reg 256 is -EINVAL and len 3 or 0 answers 0, both leaving value as
 *    the caller wrote it (Xen 2.0's config-space accessors);
 *  - INTERRUPT_LINE (0x3C), any length, reads as the pirq: 0 for the host
 *    bridge (no interrupt pin), and for the first device on bus 0 with a
 *    pin, a legacy line 1-15 (not the 4-byte register with its pin).
 * SKIPs while physdev_op answers -ENOSYS.
 */
#include "../pirq_common/pirq_helpers.h"

static void expect_read(uint32_t bus, uint32_t dev, uint32_t func, uint32_t reg, uint32_t len,
                        long want_rc, uint32_t want)
{
    uint32_t v = 0x5A5A5A5Au;
    long rc = pci_read(bus, dev, func, reg, len, &v);

    if (rc != want_rc || v != want)
        xtf_failure("Fail: read %02x:%02x.%x reg %#x len %u: expected %ld, %#x got %ld, %#x\n",
                    bus, dev, func, reg, len, want_rc, want, rc, v);
}

static void interrupt_line(void)
{
    uint32_t dev, pin, line;

    expect_read(0, 0, 0, 0x3C, 1, 0, 0);
    expect_read(0, 0, 0, 0x3C, 4, 0, 0);
    for (dev = 1; dev < 32; dev++) {
        pin = 0;
        if (pci_read(0, dev, 0, 0x3D, 1, &pin) != 0 || pin == 0)
            continue;
        line = 0xFFFF;
        check("read INTERRUPT_LINE (len 4) of a device with a pin",
              pci_read(0, dev, 0, 0x3C, 4, &line), 0);
        if (line == 0 || line > 15)
            xtf_failure("Fail: 00:%02x.0 (pin %u) INTERRUPT_LINE: expected a line 1-15 "
                        "got %#x\n", dev, pin, line);
        expect_read(0, dev, 0, 0x3C, 1, 0, line);
        return;
    }
    printf("No device with an interrupt pin on bus 0: INTERRUPT_LINE of one not checked\n");
}

void test_main(void)
{
    uint32_t v = 0;
    long rc = pci_read(0, 0, 0, 0, 4, &v);

    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: physdev_op answers -ENOSYS\n");
        return;
    }
    expect_read(0, 0, 0, 0, 4, 0, 0x12378086u);
    expect_read(0, 0, 0, 0, 2, 0, 0x8086);
    expect_read(0, 0, 0, 2, 2, 0, 0x1237);
    expect_read(0, 0, 0, 0, 1, 0, 0x86);
    expect_read(0, 0, 0, 1, 1, 0, 0x80);
    expect_read(0, 0, 0, 3, 1, 0, 0x12);
    expect_read(0, 0, 0, 1, 2, 0, 0x8086);
    expect_read(0, 0, 0, 3, 2, 0, 0x1237);
    expect_read(0, 0, 0, 2, 4, 0, 0x12378086u);

    expect_read(0, 0x1F, 0, 0, 4, -XEN_ENODEV, 0xFFFFFFFFu);
    expect_read(0, 0x1F, 7, 0x3C, 1, -XEN_ENODEV, 0xFFFFFFFFu);
    expect_read(256, 0, 0, 0, 4, -XEN_EINVAL, 0xFFFFFFFFu);
    expect_read(0, 32, 0, 0, 4, -XEN_EINVAL, 0xFFFFFFFFu);
    expect_read(0, 0, 8, 0, 4, -XEN_EINVAL, 0xFFFFFFFFu);
    expect_read(0xFFFFFFFFu, 0, 0, 0, 4, -XEN_EINVAL, 0xFFFFFFFFu);

    expect_read(0, 0, 0, 256, 4, -XEN_EINVAL, 0x5A5A5A5Au);
    expect_read(0, 0, 0, 0, 3, 0, 0x5A5A5A5Au);
    expect_read(0, 0, 0, 0, 0, 0, 0x5A5A5A5Au);

    interrupt_line();
    xtf_success(NULL);
}
