/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_getmemlist: DOM0_GETMEMLIST on dom0 (ABI.md §10). Registered with
 * dom0_mem=32768 (8192 pages). Asked for all of them, it returns 0 with
 * num_pfns = nr_pages and every frame of dom0 exactly once (the order is
 * the allocation order, so the test compares sets: each MFN maps back
 * through the M2P to a PFN whose mfn_list entry is that MFN). Asked for
 * 10, it writes 10 and not one more. A missing domain gives -EINVAL; a
 * buffer in Tessera's area -EFAULT. SKIP while the command is -ENOSYS.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define DOM0_PAGES  8192

static uint32_t list[DOM0_PAGES + 1];
static uint8_t seen[DOM0_PAGES];

static long getmemlist(domid_t dom, uint32_t max, uint32_t buf, uint32_t *num)
{
    dom0_op_t op = { .cmd = DOM0_GETMEMLIST, .interface_version = DOM0_INTERFACE_VERSION };
    long rc;

    op.u.getmemlist.domain = dom;
    op.u.getmemlist.max_pfns = max;
    op.u.getmemlist.buffer = buf;
    op.u.getmemlist.num_pfns = 0xDEAD;
    rc = HYPERVISOR_dom0_op(&op);
    *num = op.u.getmemlist.num_pfns;
    return rc;
}

static void check_all(void)
{
    uint32_t num, i, pfn, bad = 0;
    long rc;

    list[DOM0_PAGES] = 0xC0FFEE;
    rc = getmemlist(0, DOM0_PAGES, (uintptr_t)list, &num);
    if (rc != 0 || num != DOM0_PAGES || start_info->nr_pages != DOM0_PAGES) {
        xtf_failure("Fail: GETMEMLIST(0, %u): rc %ld num %u (nr_pages %u)\n", DOM0_PAGES, rc,
                    num, start_info->nr_pages);
        return;
    }
    for (i = 0; i < num; i++) {
        pfn = mfn_to_pfn(list[i]);
        if (pfn >= DOM0_PAGES || pfn_to_mfn(pfn) != list[i] || seen[pfn]++) {
            if (bad++ < 4)
                xtf_failure("Fail: GETMEMLIST entry %u: MFN %#x (M2P %#x) is not a frame "
                            "of dom0 seen once\n", i, list[i], pfn);
        }
    }
    if (list[DOM0_PAGES] != 0xC0FFEE)
        xtf_failure("Fail: GETMEMLIST wrote past max_pfns\n");
}

void test_main(void)
{
    uint32_t num;
    long rc = getmemlist(0, 10, (uintptr_t)list, &num);

    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: DOM0_GETMEMLIST is not implemented (-ENOSYS)\n");
        return;
    }
    list[10] = 0xC0FFEE;
    rc = getmemlist(0, 10, (uintptr_t)list, &num);
    if (rc != 0 || num != 10 || list[10] != 0xC0FFEE)
        xtf_failure("Fail: GETMEMLIST(0, 10): rc %ld num %u, entry 10 %#x\n", rc, num,
                    list[10]);
    check_all();

    rc = getmemlist(1, 10, (uintptr_t)list, &num);
    if (rc != -XEN_EINVAL)
        xtf_failure("Fail: GETMEMLIST of missing domain 1: expected %d got %ld\n",
                    -XEN_EINVAL, rc);
    rc = getmemlist(0, 10, 0xFC400000, &num);
    if (rc != -XEN_EFAULT)
        xtf_failure("Fail: GETMEMLIST into 0xFC400000: expected %d got %ld\n", -XEN_EFAULT,
                    rc);
    xtf_success(NULL);
}
