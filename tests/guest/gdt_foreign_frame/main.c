/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * gdt_foreign_frame: set_gdt takes only the caller's own frames (ABI.md
 * §2, §3, §5.1). Bug class: ownership check missing, letting a domain
 * type (and, for frame 0, write Tessera's entries into) another domain's
 * memory. The domU (boot-time domain 1) publishes an untyped, unmapped
 * frame of its own; dom0's set_gdt with that frame (as frame 0 or frame
 * 1), with the domU's shared_info frame, with a frame of Tessera's and
 * with MFNs beyond RAM must give -EINVAL, leave the domU's frame unchanged
 * and the default GDT loaded. Dom0's own read-only frame is then accepted.
 */
#include "../desc_common/desc_helpers.h"

#define MY_DATA_SLOT    1

static void check_refused(const char *what, const uint32_t *mfns, unsigned int entries)
{
    check_long(what, HYPERVISOR_set_gdt(mfns, entries), -XEN_EINVAL);
    check_exinfo("our selector after the refusal (default GDT kept)",
                 load_fs(SEL(MY_DATA_SLOT, 0, 1)), EXINFO_SYM(GP, SEL(MY_DATA_SLOT, 0, 0)));
    reset_fs();
}

void test_main(void)
{
    const volatile uint32_t *theirs = (const volatile uint32_t *)foreign_view[1];
    uint32_t sif_mfn, frame_mfn, mfns[2];
    dom0_getdomaininfo_t info;
    void *mine;
    unsigned int i;

    if (!guest_is_dom0())
        domu_publish_frame();
    if (hypercall_absent(__HYPERVISOR_set_gdt))
        return;
    if (!dom0_receive_frame(&sif_mfn, &frame_mfn) || !(mine = new_page()))
        return;
    write_desc(mine, MY_DATA_SLOT, seg_desc(0, 0xFC3FF, ACC_DATA_R1 | 1, SEG_4K_32));
    check_long("making our GDT page read-only", map_ro(mine), 0);

    mfns[0] = frame_mfn;
    check_refused("set_gdt(domain 1's frame)", mfns, 296);
    mfns[0] = sif_mfn;
    check_refused("set_gdt(domain 1's shared_info frame)", mfns, 296);
    mfns[0] = hypervisor_frame();
    check_refused("set_gdt(a frame of Tessera's)", mfns, 296);
    mfns[0] = INVALID_MFN;
    check_refused("set_gdt(MFN 0xFFFFF)", mfns, 296);
    mfns[0] = 0xFFFFFFFFU;
    check_refused("set_gdt(MFN 0xFFFFFFFF)", mfns, 296);
    mfns[0] = page_mfn(mine);
    mfns[1] = frame_mfn;
    check_refused("set_gdt(our frame, then domain 1's frame)", mfns, 1024);
    check_alive("set_gdt with frames not ours");

    for (i = 0; i < PAGE_SIZE / 4; i++) {
        if (theirs[i] != HANDOFF_FILL) {
            xtf_failure("Fail: domain 1's frame word %u: expected %#x got %#x\n", i,
                        HANDOFF_FILL, theirs[i]);
            break;
        }
    }
    if (domain_info(1, &info) != 0 || (info.flags & (DOMFLAGS_CRASHED | DOMFLAGS_SHUTDOWN)))
        xtf_failure("Fail: domain 1 stopped (flags %#x), expected it still running\n",
                    info.flags);

    check_long("set_gdt(our own read-only frame)", HYPERVISOR_set_gdt(mfns, 296), 0);
    check_exinfo("our selector in the new GDT", load_fs(SEL(MY_DATA_SLOT, 0, 1)), 0);
    reset_fs();
    xtf_success(NULL);
}
