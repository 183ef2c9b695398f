/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * startinfo_fields: dom0's start_info and shared_info at start of day
 * (ABI.md §4, §13). Registered with dom0_mem=32768, so nr_pages is 8192;
 * shared_info is a page-aligned MA of a frame the M2P marks 0xFFFFFFFF;
 * flags are SIF_PRIVILEGED|SIF_INITDOMAIN; no controller channel, no
 * initrd, an empty command line (the module string is the image name
 * alone); pt_base lies in the bootstrap region and is mapped read-only;
 * mfn_list agrees with the M2P for every page; the upcall mask is still
 * 1 as the builder left it (the runtime does not touch it).
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define DOM0_PAGES      8192    /* dom0_mem=32768 KB */

static void check(const char *what, unsigned long got, unsigned long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %#lx got %#lx\n", what, want, got);
}

static bool in_bootstrap(unsigned long va)
{
    return va >= GUEST_VIRT_BASE && va < GUEST_VIRT_BASE + nr_bootstrap_pages * PAGE_SIZE;
}

static void check_page_tables(const start_info_t *si)
{
    const volatile uint32_t *pte;

    if (!in_bootstrap(si->pt_base) || (si->pt_base & ~PAGE_MASK))
        xtf_failure("Fail: pt_base %#x is not a page of the bootstrap region\n", si->pt_base);
    else if (!(pte = guest_pte(si->pt_base)) || !(*pte & _PAGE_PRESENT))
        xtf_failure("Fail: pt_base %#x is not mapped\n", si->pt_base);
    else if (*pte & _PAGE_RW)
        xtf_failure("Fail: the L2 at %#x is mapped writable (pte %#x)\n", si->pt_base, *pte);
    if (si->nr_pt_frames < 2)
        xtf_failure("Fail: nr_pt_frames is %u, expected >= 2\n", si->nr_pt_frames);
}

static void check_p2m(const start_info_t *si)
{
    const uint32_t *p2m = (const uint32_t *)si->mfn_list;
    unsigned int pfn, bad = 0;

    if (!in_bootstrap(si->mfn_list) ||
        !in_bootstrap(si->mfn_list + 4 * si->nr_pages - 1)) {
        xtf_failure("Fail: mfn_list %#x is not inside the bootstrap region\n", si->mfn_list);
        return;
    }
    for (pfn = 0; pfn < si->nr_pages; pfn++) {
        if (mfn_to_pfn(p2m[pfn]) != pfn && bad++ < 4)
            xtf_failure("Fail: M2P[mfn_list[%u] = %#x]: expected %#x got %#x\n", pfn,
                        p2m[pfn], pfn, mfn_to_pfn(p2m[pfn]));
    }
    if (bad)
        xtf_failure("Fail: %u of %u mfn_list entries disagree with the M2P\n", bad,
                    si->nr_pages);
}

void test_main(void)
{
    const start_info_t *si = start_info;

    check("nr_pages", si->nr_pages, DOM0_PAGES);
    check("shared_info & 0xFFF", si->shared_info & ~PAGE_MASK, 0);
    check("M2P entry of the shared_info frame", mfn_to_pfn(si->shared_info >> PAGE_SHIFT),
          0xFFFFFFFF);
    check("flags", si->flags, SIF_PRIVILEGED | SIF_INITDOMAIN);
    check("domain_controller_evtchn", si->domain_controller_evtchn, 0);
    check("mod_start", si->mod_start, 0);
    check("mod_len", si->mod_len, 0);
    if (strnlen((const char *)si->cmd_line, sizeof(si->cmd_line)) != 0)
        xtf_failure("Fail: cmd_line: expected \"\" got \"%.255s\"\n", si->cmd_line);
    check_page_tables(si);
    check_p2m(si);

    if (!shared_info) {
        xtf_error("Error: shared_info could not be mapped (rc %ld)\n", shared_info_map_rc);
        return;
    }
    check("upcall_mask at start of day", shared_info->vcpu_data[0].evtchn_upcall_mask, 1);
    /* upcall_pending is not checked: being scheduled in refreshes the time
     * fields and sends VIRQ_TIMER, on port 0 while unbound (ABI.md §7, §8). */
    check("xen_version after the checks", HYPERVISOR_xen_version(XENVER_version),
          XEN_VERSION_2_0);
    xtf_success(NULL);
}
