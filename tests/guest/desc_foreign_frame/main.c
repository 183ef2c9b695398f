/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * desc_foreign_frame: update_descriptor writes only into the caller's
 * frames (ABI.md §2 #10). Bug class: ownership check missing, i.e. a
 * write into another domain's (or Tessera's) memory. The domU (boot-time
 * domain 1) publishes an untyped, unmapped frame of its own filled with a
 * pattern; dom0's update_descriptor into it, into the domU's shared_info
 * frame (typed writable, owned by the domU), into a frame of Tessera's and
 * beyond RAM must give -EINVAL and leave the domU's memory unchanged (read
 * through dom0's read-only foreign mappings). The same call into dom0's
 * own page succeeds.
 */
#include "../desc_common/desc_helpers.h"

#define SLOT        400     /* @3200 in shared_info: past the control interface */

void test_main(void)
{
    const volatile uint32_t *their_sif = (const volatile uint32_t *)foreign_view[0];
    const volatile uint32_t *theirs = (const volatile uint32_t *)foreign_view[1];
    const uint64_t d = seg_desc(0x1000, 0xF, ACC_DATA_R1, SEG_4K_32);
    uint32_t sif_mfn, frame_mfn;
    dom0_getdomaininfo_t info;
    uint64_t sif_before;
    void *mine;
    unsigned int i;

    if (!guest_is_dom0())
        domu_publish_frame();
    if (hypercall_absent(__HYPERVISOR_update_descriptor))
        return;
    if (!dom0_receive_frame(&sif_mfn, &frame_mfn) || !(mine = new_page()))
        return;
    sif_before = read_desc(their_sif, SLOT);

    check_long("update_descriptor(domain 1's frame, slot 0)",
               update_desc(frame_mfn << PAGE_SHIFT, d), -XEN_EINVAL);
    check_long("update_descriptor(domain 1's frame, slot 300)",
               update_desc((frame_mfn << PAGE_SHIFT) + 300 * 8, d), -XEN_EINVAL);
    check_long("update_descriptor(domain 1's shared_info)",
               update_desc((sif_mfn << PAGE_SHIFT) + SLOT * 8, d), -XEN_EINVAL);
    check_long("update_descriptor(a frame of Tessera's)",
               update_desc((hypervisor_frame() << PAGE_SHIFT) + 8, d), -XEN_EINVAL);
    check_long("update_descriptor(MFN 0xFFFFF)", update_desc(INVALID_MFN << PAGE_SHIFT, d),
               -XEN_EINVAL);
    check_alive("update_descriptor into frames not ours");

    for (i = 0; i < PAGE_SIZE / 4; i++) {
        if (theirs[i] != HANDOFF_FILL) {
            xtf_failure("Fail: domain 1's frame word %u: expected %#x got %#x\n", i,
                        HANDOFF_FILL, theirs[i]);
            break;
        }
    }
    check_desc("domain 1's shared_info at the slot", read_desc(their_sif, SLOT), sif_before);
    if (domain_info(1, &info) != 0 || (info.flags & (DOMFLAGS_CRASHED | DOMFLAGS_SHUTDOWN)))
        xtf_failure("Fail: domain 1 stopped (flags %#x), expected it still running\n",
                    info.flags);

    check_long("update_descriptor(our own page)", update_desc(desc_ma(mine, 0), d), 0);
    check_desc("our page's slot 0", read_desc(mine, 0), d);
    xtf_success(NULL);
}
