/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * startinfo_pt_readonly: the bootstrap page tables are mapped read-only
 * (ABI.md §13 "Mappings", §5.1: a frame is never both a page table and
 * mapped RW). Bug class: page-table integrity (a guest-writable page
 * table bypasses validation). A write through the VA of the L2 or of any
 * L1 must raise #PF with error code P|W (0x3, from ring 1) and CR2 = that
 * VA, and the entry must keep its value. Each write stores the byte
 * already there, so a hypervisor that wrongly allowed it changes nothing.
 * The neighbouring pages (p2m, start_info, boot stack) stay writable.
 */
#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/traps.h>

static void write_faults(const char *what, volatile uint8_t *p)
{
    uint8_t before = *p;
    exinfo_t want = EXINFO_SYM(PF, PFEC_PRESENT | PFEC_WRITE), got;
    char g[24], w[24];

    last_exception.cr2 = 0;
    got = probe_write(p, before);
    if (got != want)
        xtf_failure("Fail: write to %s at %p: expected %s got %s\n", what, (void *)p,
                    exinfo_str(want, w, sizeof(w)), exinfo_str(got, g, sizeof(g)));
    else if (last_exception.cr2 != (uintptr_t)p)
        xtf_failure("Fail: write to %s: expected cr2 %p got %#x\n", what, (void *)p,
                    last_exception.cr2);
    if (*p != before)
        xtf_failure("Fail: %s changed from %#x to %#x\n", what, before, *p);
}

static void write_works(const char *what, volatile uint8_t *p)
{
    exinfo_t got = probe_write(p, *p);
    char g[24];

    if (got)
        xtf_failure("Fail: write to %s at %p: expected no fault got %s\n", what, (void *)p,
                    exinfo_str(got, g, sizeof(g)));
}

void test_main(void)
{
    uint8_t *l2 = (uint8_t *)start_info->pt_base;
    unsigned int i;
    char what[32];

    /* Slot 0 (not present) and the PDE of VIRT_BASE's slot (present). */
    write_faults("L2 slot 0", l2);
    write_faults("L2 slot of VIRT_BASE", l2 + 4 * l2_slot(GUEST_VIRT_BASE));
    for (i = 1; i < start_info->nr_pt_frames; i++) {
        snprintf(what, sizeof(what), "L1 frame %u", i);
        write_faults(what, l2 + i * PAGE_SIZE);
        write_faults(what, l2 + i * PAGE_SIZE + PAGE_SIZE - 1);
    }

    write_works("the p2m array", (uint8_t *)start_info->mfn_list);
    write_works("start_info", (uint8_t *)start_info + 319);
    write_works("the boot stack", l2 + (start_info->nr_pt_frames + 1) * PAGE_SIZE);

    if (HYPERVISOR_xen_version(XENVER_version) != XEN_VERSION_2_0)
        xtf_failure("Fail: xen_version after the faults did not answer 0x20000\n");
    xtf_success(NULL);
}
