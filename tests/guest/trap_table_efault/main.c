/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * trap_table_efault: set_trap_table (#0) reads the table through the guest
 * pointer rules of ABI.md §1: every 8-byte entry must lie below
 * 0xFC000000 and be mapped, else -EFAULT. Tables at or across 0xFC000000
 * (the M2P is readable by ring 1, Tessera's own memory above it is not),
 * wrapping at 4 GB, or unmapped fail; a table whose first entry is fine
 * but whose next one is out of bounds or unmapped keeps the first entry.
 * Bug class: hypervisor reading memory through a guest pointer it should
 * refuse (information leak / confused deputy).
 */
#include "../trap_common/trap_helpers.h"

#define TOP_PAGE    0xFBFFF000UL    /* the last guest page below 0xFC000000 */

DECLARE_INT_SNIPPET(0x40);
DECLARE_INT_SNIPPET(0x41);
DECLARE_INT_SNIPPET(0x42);

__asm__(INT_SNIPPET(0x40) INT_SNIPPET(0x41) INT_SNIPPET(0x42));

static void put_entry(uint32_t va, unsigned int vector)
{
    trap_info_t t = {.vector = (uint8_t)vector, .flags = 1, .cs = FLAT_RING1_CS,
                     .address = (uint32_t)(uintptr_t)capture_entry};

    memcpy((void *)(uintptr_t)va, &t, sizeof(t));
}

/* Maps a fresh page at TOP_PAGE through a new L1 in L2 slot 1007. */
static bool map_top_page(void)
{
    uint32_t *l1 = alloc_page();
    uint8_t *data = alloc_page();
    uint64_t l2_slot_ma = virt_to_maddr((void *)start_info->pt_base) + 4 * l2_slot(TOP_PAGE);
    long rc;

    if (!l1 || !data)
        return false;
    l1[l1_slot(TOP_PAGE)] = (virt_to_mfn(data) << PAGE_SHIFT) | _PAGE_PRESENT | _PAGE_RW |
                            _PAGE_ACCESSED | _PAGE_DIRTY;
    /* A page becomes an L1 only while no writable mapping of it remains. */
    rc = guest_set_pte((uintptr_t)l1, (virt_to_mfn(l1) << PAGE_SHIFT) | _PAGE_PRESENT |
                                          _PAGE_ACCESSED);
    if (rc == 0)
        rc = mmu_update_one((uint32_t)l2_slot_ma | MMU_NORMAL_PT_UPDATE,
                            (virt_to_mfn(l1) << PAGE_SHIFT) | _PAGE_PRESENT | _PAGE_RW |
                                _PAGE_ACCESSED);
    if (rc)
        xtf_error("Error: mapping %#lx: %ld\n", TOP_PAGE, rc);
    return rc == 0;
}

void test_main(void)
{
    static const uint32_t out[] = {
        0xFC000000, 0xFC3FF000, 0xFC400000, 0xFC500000, 0xFF400000, 0xFFFFFFF8, 0xFFFFFFFC,
    };
    uint8_t *a = alloc_page(), *b = alloc_page();
    char what[64];
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(out); i++) {
        snprintf(what, sizeof(what), "set_trap_table(%#x)", out[i]);
        check_long(what, hypercall1(__HYPERVISOR_set_trap_table, out[i]), -XEN_EFAULT);
    }

    /* Unmapped: b's page is unmapped; a's last entry is followed by it. */
    if (!a || !b || b != a + PAGE_SIZE || guest_set_pte((uintptr_t)b, 0) != 0) {
        xtf_error("Error: cannot set up two adjacent pages, the second unmapped\n");
        xtf_exit();
    }
    check_long("set_trap_table(unmapped page)", HYPERVISOR_set_trap_table((void *)b),
               -XEN_EFAULT);
    put_entry((uintptr_t)a + PAGE_SIZE - 8, 0x42);
    check_long("set_trap_table(entry, then an unmapped page)",
               HYPERVISOR_set_trap_table((void *)(a + PAGE_SIZE - 8)), -XEN_EFAULT);
    check_int("the entry before the unmapped page", 0x42, RAISE_INT(0x42), INT_HANDLER);

    /* At the top of guest space. */
    if (!map_top_page())
        xtf_exit();
    put_entry(0xFBFFFFF8, 0x40);
    check_long("set_trap_table(0xFBFFFFF8: an entry, the next one at 0xFC000000)",
               hypercall1(__HYPERVISOR_set_trap_table, 0xFBFFFFF8), -XEN_EFAULT);
    check_int("the entry at 0xFBFFFFF8", 0x40, RAISE_INT(0x40), INT_HANDLER);

    /*
     * One entry across 0xFC000000 (vector 0x41, DPL 1, FLAT_RING1_CS below
     * the line, the address above it): refused whole.
     */
    *(volatile uint32_t *)0xFBFFFFFC = 0x41 | (1 << 8) | ((uint32_t)FLAT_RING1_CS << 16);
    check_long("set_trap_table(0xFBFFFFFC: an entry across 0xFC000000)",
               hypercall1(__HYPERVISOR_set_trap_table, 0xFBFFFFFC), -XEN_EFAULT);
    check_int("the entry across 0xFC000000", 0x41, RAISE_INT(0x41), INT_GP);

    check_long("xen_version(0) afterwards", HYPERVISOR_xen_version(0), XEN_VERSION_2_0);
    xtf_success(NULL);
}
