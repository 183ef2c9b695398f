/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * physdev_status_query: PHYSDEVOP_IRQ_STATUS_QUERY (ABI.md §12). Every
 * line Tessera has is an 8259 (XT-PIC) line, so irq 0, 3, 15 and any
 * irq up to 223 answer flags = NEEDS_UNMASK_NOTIFY (1), whatever flags
 * held before. irq 224 and 0xFFFFFFFF (-1) are -EINVAL, with flags left
 * as the caller wrote them (the struct comes back unchanged).
 * [tessera]: Xen 2.0 on a machine whose IO-APIC drives the ISA lines
 * reports 0 for their edge-triggered lines.
 */
#include "../pirq_common/pirq_helpers.h"

static void expect_flags(uint32_t irq, long want_rc, uint32_t want_flags)
{
    uint32_t flags = 0xA5A5A5A4u;
    long rc = irq_status(irq, &flags);

    if (rc != want_rc || flags != want_flags)
        xtf_failure("Fail: IRQ_STATUS_QUERY(%#x): expected %ld, flags %#x got %ld, flags %#x\n",
                    irq, want_rc, want_flags, rc, flags);
}

void test_main(void)
{
    uint32_t flags = 0;
    long rc = irq_status(3, &flags);

    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: physdev_op answers -ENOSYS\n");
        return;
    }
    expect_flags(0, 0, PHYSDEVOP_IRQ_NEEDS_UNMASK_NOTIFY);
    expect_flags(3, 0, PHYSDEVOP_IRQ_NEEDS_UNMASK_NOTIFY);
    expect_flags(15, 0, PHYSDEVOP_IRQ_NEEDS_UNMASK_NOTIFY);
    expect_flags(127, 0, PHYSDEVOP_IRQ_NEEDS_UNMASK_NOTIFY);
    expect_flags(223, 0, PHYSDEVOP_IRQ_NEEDS_UNMASK_NOTIFY);
    expect_flags(224, -XEN_EINVAL, 0xA5A5A5A4u);
    expect_flags(0xFFFFFFFFu, -XEN_EINVAL, 0xA5A5A5A4u);
    xtf_success(NULL);
}
