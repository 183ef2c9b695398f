/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pci_probe_root_buses: PHYSDEVOP_PCI_PROBE_ROOT_BUSES from dom0 (ABI.md
 * §12). QEMU's pc machine has bus 0 only, and dom0 may use its devices:
 * the answer is 0 with busmask[0] = 1 and every other word 0 (the words
 * start all ones, so each one must have been written). A second call
 * answers the same.
 */
#include "../pirq_common/pirq_helpers.h"

static void expect_bus0_only(const char *what)
{
    uint32_t mask[8];
    unsigned int i;
    long rc = pci_probe(mask);

    check(what, rc, 0);
    for (i = 0; i < 8; i++) {
        if (mask[i] != (i == 0 ? 1u : 0u))
            xtf_failure("Fail: %s: busmask[%u]: expected %#x got %#x\n", what, i,
                        i == 0 ? 1u : 0u, mask[i]);
    }
}

void test_main(void)
{
    uint32_t mask[8];

    if (pci_probe(mask) == -XEN_ENOSYS) {
        xtf_skip("Skip: physdev_op answers -ENOSYS\n");
        return;
    }
    expect_bus0_only("PROBE_ROOT_BUSES");
    expect_bus0_only("PROBE_ROOT_BUSES again");
    xtf_success(NULL);
}
