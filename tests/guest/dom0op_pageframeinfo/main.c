/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_pageframeinfo: DOM0_GETPAGEFRAMEINFO and GETPAGEFRAMEINFO2 on
 * dom0's frames (ABI.md §10; §13: the bootstrap L2 is pinned, the L1s are
 * in use but not pinned). GETPAGEFRAMEINFO: the L2 is L2TAB, an L1 L1TAB,
 * start_info's frame NOTAB; a frame that is not dom0's (the M2P's first,
 * from shared_info.arch.mfn_to_pfn_start, or one beyond RAM) gives
 * -EINVAL. GETPAGEFRAMEINFO2 ORs the type into each MFN, plus LPINTAB for
 * the pinned L2, and XTAB for frames that are not dom0's; num > 1024 gives
 * -E2BIG. Each command SKIPs while it is -ENOSYS.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define NR_FRAMES   5

static long pfi(uint32_t mfn, uint32_t *type)
{
    dom0_op_t op = { .cmd = DOM0_GETPAGEFRAMEINFO, .interface_version = DOM0_INTERFACE_VERSION };
    long rc;

    op.u.getpageframeinfo.pfn = mfn;
    op.u.getpageframeinfo.domain = 0;
    rc = HYPERVISOR_dom0_op(&op);
    *type = op.u.getpageframeinfo.type;
    return rc;
}

static long pfi2(uint32_t *arr, uint32_t num)
{
    dom0_op_t op = { .cmd = DOM0_GETPAGEFRAMEINFO2, .interface_version = DOM0_INTERFACE_VERSION };

    op.u.getpageframeinfo2.domain = 0;
    op.u.getpageframeinfo2.num = num;
    op.u.getpageframeinfo2.array = (uintptr_t)arr;
    return HYPERVISOR_dom0_op(&op);
}

void test_main(void)
{
    const uint32_t mfns[NR_FRAMES] = {
        virt_to_mfn((void *)start_info->pt_base),
        virt_to_mfn((void *)(start_info->pt_base + PAGE_SIZE)),
        virt_to_mfn(start_info),
        shared_info ? shared_info->arch.mfn_to_pfn_start : 0xFFFFF,
        0xFFFFF,
    };
    const uint32_t want1[NR_FRAMES] = { L2TAB, L1TAB, NOTAB, 0, 0 };
    const long rc1[NR_FRAMES] = { 0, 0, 0, -XEN_EINVAL, -XEN_EINVAL };
    const uint32_t want2[NR_FRAMES] = { L2TAB | LPINTAB, L1TAB, NOTAB, XTAB, XTAB };
    uint32_t arr[NR_FRAMES], type;
    unsigned int i, skipped = 0;
    long rc;

    if (pfi(mfns[2], &type) == -XEN_ENOSYS) {
        skipped++;
    } else {
        for (i = 0; i < NR_FRAMES; i++) {
            rc = pfi(mfns[i], &type);
            if (rc != rc1[i] || (rc == 0 && type != want1[i]))
                xtf_failure("Fail: GETPAGEFRAMEINFO(%#x): rc %ld type %#x, expected %ld "
                            "and %#x\n", mfns[i], rc, type, rc1[i], want1[i]);
        }
    }

    memcpy(arr, mfns, sizeof(arr));
    if ((rc = pfi2(arr, NR_FRAMES)) == -XEN_ENOSYS) {
        skipped++;
    } else {
        if (rc != 0)
            xtf_failure("Fail: GETPAGEFRAMEINFO2: expected 0 got %ld\n", rc);
        for (i = 0; rc == 0 && i < NR_FRAMES; i++) {
            if (arr[i] != (mfns[i] | want2[i]))
                xtf_failure("Fail: GETPAGEFRAMEINFO2 entry %u: expected %#x got %#x\n", i,
                            mfns[i] | want2[i], arr[i]);
        }
        if ((rc = pfi2(arr, DOM0_GETPAGEFRAMEINFO2_MAX + 1)) != -XEN_E2BIG)
            xtf_failure("Fail: GETPAGEFRAMEINFO2 num 1025: expected %d got %ld\n", -XEN_E2BIG,
                        rc);
    }
    if (skipped)
        xtf_skip("Skip: %s not implemented (-ENOSYS)\n",
                 skipped == 2 ? "GETPAGEFRAMEINFO and GETPAGEFRAMEINFO2 are" :
                 "one of GETPAGEFRAMEINFO(2) is");
    else
        xtf_success(NULL);
}
