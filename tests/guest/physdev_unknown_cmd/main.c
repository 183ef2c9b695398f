/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * physdev_unknown_cmd: physdev_op's frame (ABI.md §12). Unknown commands
 * (6, 0x80000000, 0xFFFFFFFF) are -EINVAL and the struct comes back
 * unchanged. Xen always copies the whole struct back, so with the struct
 * on a read-only page even an unknown command, a failing status query
 * and IRQ_UNMASK_NOTIFY answer -EFAULT; an unreadable pointer is -EFAULT.
 * Tessera keeps running after each.
 */
#include <guest/mm.h>
#include "../pirq_common/pirq_helpers.h"

#define PTE_RO  (_PAGE_PRESENT | _PAGE_ACCESSED)
#define PTE_RW  (_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_RW)

static void unknown(uint32_t cmd)
{
    physdev_op_t op, before;
    unsigned int i;
    long rc;

    for (i = 0; i < sizeof(op); i++)
        ((uint8_t *)&op)[i] = (uint8_t)(0x30 + i);
    op.cmd = cmd;
    before = op;
    rc = physdev(&op);
    if (rc != -XEN_EINVAL)
        xtf_failure("Fail: physdev_op(cmd %#x): expected %d got %ld\n", cmd, -XEN_EINVAL, rc);
    if (memcmp(&op, &before, sizeof(op)) != 0)
        xtf_failure("Fail: physdev_op(cmd %#x) changed the struct\n", cmd);
}

void test_main(void)
{
    physdev_op_t probe = {.cmd = PHYSDEVOP_IRQ_STATUS_QUERY};
    physdev_op_t *op;
    uint8_t *page;
    uint32_t mfn;
    long rc;

    probe.u.irq_status_query.irq = 3;
    rc = physdev(&probe);
    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: physdev_op answers -ENOSYS\n");
        return;
    }
    unknown(6);
    unknown(0x80000000u);
    unknown(0xFFFFFFFFu);
    check("physdev_op(NULL)", HYPERVISOR_physdev_op(NULL), -XEN_EFAULT);
    check("physdev_op(0xFFFFF000)", HYPERVISOR_physdev_op((physdev_op_t *)0xFFFFF000u),
          -XEN_EFAULT);

    page = alloc_page();
    if (!page) {
        xtf_error("Error: alloc_page failed\n");
        return;
    }
    op = (physdev_op_t *)page;
    mfn = virt_to_mfn(page);
    memset(page, 0, 64);
    op->cmd = 6;
    op->u.irq_status_query.irq = 224;
    if (guest_set_pte((uintptr_t)page, (mfn << PAGE_SHIFT) | PTE_RO) != 0) {
        xtf_error("Error: cannot map a page read-only\n");
        return;
    }
    check("unknown cmd on a read-only struct", HYPERVISOR_physdev_op(op), -XEN_EFAULT);
    guest_set_pte((uintptr_t)page, (mfn << PAGE_SHIFT) | PTE_RW);
    op->cmd = PHYSDEVOP_IRQ_STATUS_QUERY;
    guest_set_pte((uintptr_t)page, (mfn << PAGE_SHIFT) | PTE_RO);
    check("IRQ_STATUS_QUERY(224) on a read-only struct", HYPERVISOR_physdev_op(op),
          -XEN_EFAULT);
    guest_set_pte((uintptr_t)page, (mfn << PAGE_SHIFT) | PTE_RW);
    op->cmd = PHYSDEVOP_IRQ_UNMASK_NOTIFY;
    guest_set_pte((uintptr_t)page, (mfn << PAGE_SHIFT) | PTE_RO);
    check("IRQ_UNMASK_NOTIFY on a read-only struct", HYPERVISOR_physdev_op(op), -XEN_EFAULT);
    guest_set_pte((uintptr_t)page, (mfn << PAGE_SHIFT) | PTE_RW);

    check("still alive: xen_version", HYPERVISOR_xen_version(0) > 0, 1);
    xtf_success(NULL);
}
