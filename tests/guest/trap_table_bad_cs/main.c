/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * trap_table_bad_cs: set_trap_table (#0) checks each entry's cs with the
 * selector check of ABI.md §3 (0x0819, or RPL 1 with TI=1 or a GDT index
 * outside 256-295). A failing cs gives -EPERM; entries before it stay
 * installed, the bad one and those after it are not (seen by raising them
 * from ring 1 afterwards). Selectors that pass give 0.
 * Bug class: privilege escalation (a guest handler running in Tessera's
 * ring-0 code segment, or with a selector Tessera reserves).
 */
#include "../trap_common/trap_helpers.h"

DECLARE_INT_SNIPPET(0x40);
DECLARE_INT_SNIPPET(0x41);
DECLARE_INT_SNIPPET(0x42);

__asm__(INT_SNIPPET(0x40) INT_SNIPPET(0x41) INT_SNIPPET(0x42));

static const uint16_t bad[] = {
    0x0808,     /* Tessera's CS (entry 257, RPL 0) */
    0x0810,     /* Tessera's DS */
    0x0809,     /* entry 257 with RPL 1 */
    0x0818,     /* FLAT_RING1_CS's entry with RPL 0 */
    0x0821,     /* FLAT_RING1_DS: reserved entry 260, RPL 1 */
    0x0939,     /* entry 295, the last reserved one, RPL 1 */
    FLAT_RING3_CS,
    0x0010,     /* entry 2, RPL 0 */
    0x0013,     /* entry 2, RPL 3 */
    0x0004,     /* LDT, RPL 0 */
    0x0000,
};

static const uint16_t good[] = {
    FLAT_RING1_CS, 0x0011, 0x07F9, 0x0941, 0xFFF9, 0x0005, 0x0825, 0xFFFD,
};

#define ENTRY(v, sel) \
    {.vector = (v), .flags = 1, .cs = (sel), .address = (uint32_t)(uintptr_t)capture_entry}

static void check_bad(uint16_t sel)
{
    trap_info_t t[] = {
        ENTRY(0x40, FLAT_RING1_CS), ENTRY(0x41, sel), ENTRY(0x42, FLAT_RING1_CS), {0},
    };
    char what[48];

    /* 0x40 and 0x42 start as DPL 0: raising them gives #GP. */
    if (install_capture(0x40, 0) || install_capture(0x42, 0))
        return;
    snprintf(what, sizeof(what), "set_trap_table(cs %#06x)", sel);
    check_long(what, HYPERVISOR_set_trap_table(t), -XEN_EPERM);
    check_int(what, 0x40, RAISE_INT(0x40), INT_HANDLER);
    check_int(what, 0x41, RAISE_INT(0x41), INT_GP);
    check_int(what, 0x42, RAISE_INT(0x42), INT_GP);
}

void test_main(void)
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(bad); i++)
        check_bad(bad[i]);

    /* Accepted selectors (0x50 is never raised: most have no descriptor). */
    for (i = 0; i < ARRAY_SIZE(good); i++) {
        trap_info_t t[] = {ENTRY(0x50, good[i]), {0}};
        char what[48];

        snprintf(what, sizeof(what), "set_trap_table(cs %#06x)", good[i]);
        check_long(what, HYPERVISOR_set_trap_table(t), 0);
    }

    check_long("xen_version(0) afterwards", HYPERVISOR_xen_version(0), XEN_VERSION_2_0);
    xtf_success(NULL);
}
