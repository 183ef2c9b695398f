/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * trap_table_copy: set_trap_table (#0, ABI.md §2, §6) copies entries until
 * one has address 0 and returns 0. The terminator's other fields do not
 * matter (even a bad cs), entries after it are not read, a later entry
 * for the same vector wins, and the table is copied: changing it after
 * the call changes nothing. Each outcome is seen by raising the vector
 * from ring 1 (installed with DPL 1: the handler; not installed: #GP).
 */
#include "../trap_common/trap_helpers.h"

DECLARE_INT_SNIPPET(0x40);
DECLARE_INT_SNIPPET(0x41);
DECLARE_INT_SNIPPET(0x42);
DECLARE_INT_SNIPPET(0x43);
DECLARE_INT_SNIPPET(0x44);

__asm__(INT_SNIPPET(0x40) INT_SNIPPET(0x41) INT_SNIPPET(0x42) INT_SNIPPET(0x43)
        INT_SNIPPET(0x44));

#define ENTRY(v, dpl, sel, addr) \
    {.vector = (v), .flags = (dpl), .cs = (sel), .address = (uint32_t)(uintptr_t)(addr)}

static trap_info_t table[] = {
    ENTRY(0x40, 1, FLAT_RING1_CS, capture_entry),
    ENTRY(0x44, 0, FLAT_RING1_CS, capture_entry),
    ENTRY(0x41, 1, FLAT_RING1_CS, capture_entry),
    ENTRY(0x44, 1, FLAT_RING1_CS, capture_entry),  /* the later entry for 0x44 wins */
    ENTRY(0x42, 1, 0x0000, 0),                     /* terminator, with a bad cs */
    ENTRY(0x43, 1, FLAT_RING1_CS, capture_entry),  /* never read */
    ENTRY(0, 0, 0, 0),
};

void test_main(void)
{
    static const trap_info_t empty[] = {ENTRY(0x43, 1, FLAT_RING1_CS, 0)};

    check_long("set_trap_table(empty table)", HYPERVISOR_set_trap_table(empty), 0);
    check_int("terminator of an empty table", 0x43, RAISE_INT(0x43), INT_GP);

    check_long("set_trap_table(table)", HYPERVISOR_set_trap_table(table), 0);

    /* The copy is Tessera's: a changed table has no effect. */
    table[0].flags = 0;
    table[2].address = 0;

    check_int("first entry", 0x40, RAISE_INT(0x40), INT_HANDLER);
    check_int("third entry", 0x41, RAISE_INT(0x41), INT_HANDLER);
    check_int("vector given twice (DPL 0, then DPL 1)", 0x44, RAISE_INT(0x44), INT_HANDLER);
    check_int("terminator (address 0)", 0x42, RAISE_INT(0x42), INT_GP);
    check_int("entry after the terminator", 0x43, RAISE_INT(0x43), INT_GP);

    check_long("xen_version(0) afterwards", HYPERVISOR_xen_version(0), XEN_VERSION_2_0);
    xtf_success(NULL);
}
