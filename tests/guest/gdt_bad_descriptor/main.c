/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * gdt_bad_descriptor: set_gdt validates every descriptor of every frame
 * (ABI.md §2, §3 "Descriptor check"). Bug class: privilege escalation
 * through a guest-supplied descriptor table. A frame holding a DPL-0 code
 * descriptor, a second frame holding a call gate to Tessera's CS (0x0808),
 * or a frame holding a TSS descriptor gives -EINVAL, leaves the default
 * GDT loaded and the frames untyped. Once update_descriptor has replaced
 * the bad entry, the same frame is accepted. A DPL-0 descriptor in the
 * reserved entries 256-295 of frame 0 does not count: Tessera zeroes them,
 * validates again and installs its own (entry 257 = 0x00cf9a000000ffff).
 */
#include "../desc_common/desc_helpers.h"

#define BAD_SLOT        5
#define MY_DATA_SLOT    1

/* A read-only page holding `d` at slot (0 = nothing), with our data segment at slot 1. */
static void *gdt_page(unsigned int slot, uint64_t d)
{
    void *p = new_page();

    if (!p)
        return NULL;
    write_desc(p, MY_DATA_SLOT, seg_desc(0, 0xFC3FF, ACC_DATA_R1 | 1, SEG_4K_32));
    if (slot)
        write_desc(p, slot, d);
    if (map_ro(p) != 0) {
        xtf_error("Error: cannot make a GDT page read-only\n");
        return NULL;
    }
    return p;
}

/* After a refusal: default GDT still loaded, and no GDT type left on the frames. */
static void check_refused(const char *what, long rc, void *const *pages, unsigned int n)
{
    unsigned int i;

    check_long(what, rc, -XEN_EINVAL);
    check_exinfo("our selector after the refusal (default GDT kept)",
                 load_fs(SEL(MY_DATA_SLOT, 0, 1)), EXINFO_SYM(GP, SEL(MY_DATA_SLOT, 0, 0)));
    reset_fs();
    for (i = 0; i < n; i++) {
        check_long("remapping a refused frame writable", map_rw(pages[i]), 0);
        check_long("making it read-only again", map_ro(pages[i]), 0);
    }
}

void test_main(void)
{
    void *dpl0 = gdt_page(BAD_SLOT, seg_desc(0, 0xFFFFF, ACC_CODE_R0, SEG_4K_32));
    void *gate = gdt_page(BAD_SLOT, gate_desc(0x0808, 0x1000, 0xAC));
    void *tss = gdt_page(BAD_SLOT, seg_desc(0x1000, 0x67, 0xA9, 0));
    void *zapped = gdt_page(257, seg_desc(0, 0xFFFFF, ACC_CODE_R0, SEG_4K_32));
    uint32_t mfns[2];
    void *pair[2];

    if (hypercall_absent(__HYPERVISOR_set_gdt) || hypercall_absent(__HYPERVISOR_update_descriptor))
        return;
    if (!dpl0 || !gate || !tss || !zapped)
        return;

    mfns[0] = page_mfn(dpl0);
    check_refused("set_gdt(frame with a DPL-0 code descriptor)", HYPERVISOR_set_gdt(mfns, 296),
                  &dpl0, 1);
    mfns[0] = page_mfn(tss);
    check_refused("set_gdt(frame with a ring-1 TSS descriptor)", HYPERVISOR_set_gdt(mfns, 296),
                  &tss, 1);

    /* Repair the first frame; it becomes frame 0 of a pair whose frame 1 is bad. */
    check_long("update_descriptor(repair the DPL-0 slot)",
               update_desc(desc_ma(dpl0, BAD_SLOT), 0), 0);
    mfns[0] = page_mfn(dpl0);
    mfns[1] = page_mfn(gate);
    pair[0] = dpl0;
    pair[1] = gate;
    check_refused("set_gdt(frame 1 with a call gate to 0x0808)", HYPERVISOR_set_gdt(mfns, 1024),
                  pair, 2);
    check_alive("set_gdt with bad descriptors");

    check_long("set_gdt(the repaired frame)", HYPERVISOR_set_gdt(mfns, 296), 0);
    check_exinfo("our selector in the repaired GDT", load_fs(SEL(MY_DATA_SLOT, 0, 1)), 0);
    reset_fs();

    /* Reserved entries are Tessera's: a bad one there is replaced, not refused. */
    mfns[0] = page_mfn(zapped);
    check_long("set_gdt(DPL-0 descriptor in reserved entry 257)", HYPERVISOR_set_gdt(mfns, 296),
               0);
    check_desc("entry 257 after set_gdt (accessed bit aside)",
               read_desc(zapped, 257) & ~DESC_ACCESSED, 0x00cf9a000000ffffULL);
    check_exinfo("our selector in that GDT", load_fs(SEL(MY_DATA_SLOT, 0, 1)), 0);
    reset_fs();
    check_alive("set_gdt");
    xtf_success(NULL);
}
