/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * desc_system_types: of the system descriptors, update_descriptor accepts
 * only 32-bit call gates whose target passes the selector check (ABI.md
 * §2 #10, §3 "Descriptor check", "Selector check"). Bug class: privilege
 * escalation through a call gate into Tessera's code segment, or a guest
 * TSS/LDT/IDT-style gate. Refused (-EINVAL, slot unchanged): call gates
 * to 0x0808 (Tessera CS), 0x0821 (reserved entry), 0x082B, 0x0818 (RPL 0)
 * and 0x000B (RPL 3), a call gate with reserved bits 5-7 set, a 16-bit
 * call gate, TSS descriptors (0x89 and a DPL-1 one), an LDT descriptor,
 * task, interrupt and trap gates. Accepted and stored as given: call
 * gates to 0x0819, to GDT index 1 with RPL 1 (0x0009), to LDT index 1 with
 * RPL 1 (0x000D), and a not-present TSS.
 */
#include "../desc_common/desc_helpers.h"

#define SLOT    30

struct desc_case {
    const char *name;
    uint64_t desc;
    long rc;
};

void test_main(void)
{
    const struct desc_case cases[] = {
        {"call gate to 0x0808", gate_desc(0x0808, 0x1000, 0xEC), -XEN_EINVAL},
        {"call gate to 0x0821", gate_desc(0x0821, 0x1000, 0xEC), -XEN_EINVAL},
        {"call gate to 0x082B", gate_desc(FLAT_RING3_CS, 0x1000, 0xEC), -XEN_EINVAL},
        {"call gate to 0x0818 (RPL 0)", gate_desc(0x0818, 0x1000, 0xEC), -XEN_EINVAL},
        {"call gate to 0x000B (RPL 3)", gate_desc(SEL(1, 0, 3), 0x1000, 0xEC), -XEN_EINVAL},
        {"call gate with reserved bits", gate_desc(FLAT_RING1_CS, 0x1000, 0xEC) | (0x20ULL << 32),
         -XEN_EINVAL},
        {"16-bit call gate to 0x0819", gate_desc(FLAT_RING1_CS, 0x1000, 0xE4), -XEN_EINVAL},
        {"TSS 0x89", seg_desc(0x1000, 0x67, 0x89, 0), -XEN_EINVAL},
        {"TSS with DPL 1", seg_desc(0x1000, 0x67, 0xA9, 0), -XEN_EINVAL},
        {"LDT descriptor", seg_desc(0x1000, 0xFFF, 0xE2, 0), -XEN_EINVAL},
        {"task gate", gate_desc(0x0008, 0, 0xE5), -XEN_EINVAL},
        {"interrupt gate to 0x0819", gate_desc(FLAT_RING1_CS, 0x1000, 0xEE), -XEN_EINVAL},
        {"trap gate to 0x0819", gate_desc(FLAT_RING1_CS, 0x1000, 0xEF), -XEN_EINVAL},
        {"call gate to 0x0819", gate_desc(FLAT_RING1_CS, 0x1000, 0xEC), 0},
        {"call gate to 0x0009 (GDT index 1)", gate_desc(SEL(1, 0, 1), 0x1000, 0xEC), 0},
        {"call gate to 0x000D (LDT index 1)", gate_desc(SEL(1, 1, 1), 0x1000, 0xAC), 0},
        {"not-present TSS", seg_desc(0x1000, 0x67, 0x09, 0), 0},
    };
    const uint64_t before = seg_desc(0x3000, 2, ACC_DATA_R1, SEG_4K_32);
    void *page = new_page();
    char what[128];
    unsigned int i;

    if (hypercall_absent(__HYPERVISOR_update_descriptor))
        return;
    if (!page)
        return;
    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        write_desc(page, SLOT, before);
        snprintf(what, sizeof(what), "update_descriptor(%s)", cases[i].name);
        check_long(what, update_desc(desc_ma(page, SLOT), cases[i].desc), cases[i].rc);
        snprintf(what, sizeof(what), "the slot after update_descriptor(%s)", cases[i].name);
        check_desc(what, read_desc(page, SLOT), cases[i].rc ? before : cases[i].desc);
    }
    check_alive("update_descriptor with system descriptors");
    xtf_success(NULL);
}
