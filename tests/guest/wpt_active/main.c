/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * wpt_active: direct writes into ACTIVE L1s (ABI.md §5.5). Fresh L1s serve
 * slots 512 and 513 of the current L2, mapped read-only in the image. With
 * vm_assist 2 on, a write through that mapping opens the table: the mapping
 * turns writable and the table's PDE not present, until a flush puts both
 * back and the entry takes effect. Each trigger is used in turn: a #PF in
 * the table's 4 MB, an mmu_update, an update_va_mapping, a yield to the
 * domU "idler" (deschedule), and a write to the other ACTIVE table. The
 * idler is first pinned to CPU 0, dom0's CPU, so that it competes with
 * dom0 on a machine with more CPUs too; as BVT may pick dom0 again after
 * a yield, dom0 yields until the window is closed, at most 1000 times,
 * then checks. An entry that only loses RW drops its writable reference:
 * the frame can be pinned as an L1 in the very mmu_update that flushed
 * it. Built without the option, the same entries go in with mmu_update
 * (wpt_helpers.h).
 * Bug class: stale or unchecked page-table entries (a missed flush).
 */
#include "../wpt_common/wpt_helpers.h"

#include <guest/domctl.h>

#define SLOT_A      512
#define SLOT_B      513
#define MAGIC       0xDA7A0000u
#define YIELD_TRIES 1000

static uint32_t data[4][PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static uint32_t spare[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check_rc(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static uint32_t data_pte(unsigned int i, uint32_t flags)
{
    return wpt_maddr(data[i]) | flags;
}

/* Writes entry idx of table a and sees the window open; false on error. */
static bool open_with(enum wpt_mode mode, volatile uint32_t *a, unsigned int idx, uint32_t val)
{
    if (!wpt_write(mode, a, idx, val))
        return false;
    wpt_check_window(mode, "after the write", a, SLOT_A, true);
    return true;
}

/* A frame mapped only through table a: after losing RW there, it can be an L1. */
static void rw_loss(enum wpt_mode mode, volatile uint32_t *a)
{
    uint32_t *f = wpt_page();
    uint32_t ma, mfn;
    mmu_update_t req[2];

    if (!f || (mfn = virt_to_mfn(f)) == ~0U || guest_set_pte((uintptr_t)f, 0) != 0) {
        xtf_error("Error: no frame for the RW-loss check\n");
        return;
    }
    ma = mfn << PAGE_SHIFT;
    if (!wpt_write(mode, a, 5, ma | PTE_RW))
        return;
    check_rc("mmu_update flushing the RW entry", wpt_flush_mmu_update(), 0);
    if (!wpt_write(mode, a, 5, ma | (PTE_RW & ~_PAGE_RW)))
        return;
    req[0] = (mmu_update_t){ ma | MMU_EXTENDED_COMMAND, MMUEXT_PIN_L1_TABLE };
    req[1] = (mmu_update_t){ ma | MMU_EXTENDED_COMMAND, MMUEXT_UNPIN_TABLE };
    check_rc("flush, then pin and unpin the frame that lost RW",
             HYPERVISOR_mmu_update(req, 2, NULL), 0);
    wpt_check_read("through the entry that lost RW", WPT_VA(SLOT_A, 5), 0);
    if (a[5] != (ma | (PTE_RW & ~_PAGE_RW)))
        xtf_failure("Fail: entry 5 is %#x, expected %#x\n", a[5], ma | (PTE_RW & ~_PAGE_RW));
}

/*
 * Yields until the window of table a is closed (the idler ran, dom0 was
 * descheduled), at most YIELD_TRIES times. The first yield not answering 0
 * ends it; its answer, or 0.
 */
static long yield_to_idler(const volatile uint32_t *a)
{
    unsigned int i;
    long rc = 0;

    for (i = 0; i < YIELD_TRIES && rc == 0; i++) {
        rc = HYPERVISOR_yield();
        if (!(*guest_pte((uintptr_t)a) & _PAGE_RW))
            break;
    }
    return rc;
}

void test_main(void)
{
    volatile uint32_t *a, *b;
    enum wpt_mode mode;
    unsigned int i;
    mmu_update_t req[3];

    if (!guest_is_dom0())
        wpt_idle_forever();
    check_rc("PINCPUDOMAIN(idler, CPU 0)", dom0_pin(1, 0), 0);
    if ((mode = wpt_enable()) == WPT_UNUSABLE)
        return;
    a = wpt_new_l1(SLOT_A);
    b = wpt_new_l1(SLOT_B);
    if (!a || !b) {
        xtf_error("Error: could not install L1s in slots 512 and 513\n");
        return;
    }
    for (i = 0; i < 4; i++)
        data[i][0] = MAGIC + i;

    if (open_with(mode, a, 0, data_pte(0, PTE_RW)))
        wpt_check_read("#PF in the table's 4 MB", WPT_VA(SLOT_A, 0), MAGIC);
    wpt_check_window(mode, "after the #PF", a, SLOT_A, false);

    if (open_with(mode, a, 1, data_pte(1, PTE_RW)))
        check_rc("mmu_update (TLB_FLUSH)", wpt_flush_mmu_update(), 0);
    wpt_check_window(mode, "after mmu_update", a, SLOT_A, false);
    wpt_check_read("after mmu_update", WPT_VA(SLOT_A, 1), MAGIC + 1);

    if (open_with(mode, a, 2, data_pte(2, PTE_RW)))
        check_rc("update_va_mapping", wpt_flush_update_va(spare), 0);
    wpt_check_window(mode, "after update_va_mapping", a, SLOT_A, false);
    wpt_check_read("after update_va_mapping", WPT_VA(SLOT_A, 2), MAGIC + 2);

    if (open_with(mode, a, 3, data_pte(3, PTE_RW)))
        check_rc("yield to the idler", yield_to_idler(a), 0);
    wpt_check_window(mode, "after a yield to domain 1", a, SLOT_A, false);
    wpt_check_read("after a yield", WPT_VA(SLOT_A, 3), MAGIC + 3);

    /* Opening the other ACTIVE table flushes this one first. */
    if (open_with(mode, a, 4, data_pte(0, PTE_RO)) && wpt_write(mode, b, 0, data_pte(1, PTE_RO))) {
        wpt_check_window(mode, "table 512 after a write to table 513", a, SLOT_A, false);
        wpt_check_window(mode, "table 513 after its write", b, SLOT_B, true);
    }
    wpt_check_read("table 512 after a write to 513", WPT_VA(SLOT_A, 4), MAGIC);
    wpt_check_read("table 513, #PF in its 4 MB", WPT_VA(SLOT_B, 0), MAGIC + 1);
    wpt_check_window(mode, "table 513 after the #PF", b, SLOT_B, false);

    rw_loss(mode, a);
    wpt_check_window(mode, "after the RW-loss check", a, SLOT_A, false);

    req[0] = (mmu_update_t){ wpt_maddr(wpt_current_l2()) + SLOT_A * 4, 0 };
    req[1] = (mmu_update_t){ wpt_maddr(wpt_current_l2()) + SLOT_B * 4, 0 };
    req[2] = (mmu_update_t){ MMU_EXTENDED_COMMAND, MMUEXT_TLB_FLUSH };
    check_rc("remove both PDEs", HYPERVISOR_mmu_update(req, 3, NULL), 0);
    check_rc("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
