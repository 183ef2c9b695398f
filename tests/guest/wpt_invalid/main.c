/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * wpt_invalid: an invalid entry written directly into an L1 crashes the
 * writer alone, at the flush (ABI.md §5.5 step 5, §5.2). Two domUs enable
 * vm_assist 2, install a fresh L1 in slot 512 and write through its
 * read-only mapping a valid entry (flushed), then replace it with another
 * valid one and add an invalid one, then flush with mmu_update:
 * "victim_global" maps its own frame with GLOBAL set, "victim_foreign"
 * the M2P's first frame, which is Tessera's. Dom0 sees
 * both CRASHED and "bystander" still running; destroying the victims then
 * gives back exactly their pages, so the crash left every reference count
 * exact ([tessera]: Xen 2.0.6 leaves an ACTIVE table disconnected after
 * such a crash, and its frames are never freed). Built without the
 * option, the invalid entries go to mmu_update, which must answer -EINVAL
 * (shutdown code 0x51). Bug class: unchecked page-table entries (mapping
 * others' memory) and reference-count imbalance.
 */
#include "../wpt_common/wpt_helpers.h"

#define SLOT_A      512
#define NR_VICTIMS  2
#define BYSTANDER   3

static uint32_t data[2][PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static uint32_t bad_entry(bool foreign)
{
    if (!foreign)
        return wpt_maddr(data[0]) | PTE_RO | _PAGE_GLOBAL;
    if (!shared_info || !shared_info->arch.mfn_to_pfn_start)
        return 0;
    return (uint32_t)(shared_info->arch.mfn_to_pfn_start << PAGE_SHIFT) | PTE_RO;
}

static void __attribute__((noreturn)) victim(bool foreign)
{
    enum wpt_mode mode = wpt_enable();
    uint32_t bad = bad_entry(foreign);
    volatile uint32_t *a = mode == WPT_UNUSABLE || !bad ? NULL : wpt_new_l1(SLOT_A);

    /* Entry 0 is replaced in the window too: its old references must go. */
    if (!a || !wpt_write(mode, a, 0, wpt_maddr(data[0]) | PTE_RW) ||
        wpt_flush_mmu_update() != 0 || !wpt_write(mode, a, 0, wpt_maddr(data[1]) | PTE_RO))
        guest_shutdown(WPT_CODE_SETUP);
    if (mode == WPT_EXPLICIT)
        guest_shutdown(mmu_update_one(wpt_maddr(a) + 4, bad) == -XEN_EINVAL ?
                       WPT_CODE_EXPECTED : WPT_CODE_WRONG);
    if (wpt_store(&a[1], bad) != 0)
        guest_shutdown(WPT_CODE_WRONG);
    wpt_flush_mmu_update();     /* the domain ends here */
    guest_shutdown(WPT_CODE_SURVIVED);
}

static uint32_t free_pages(void)
{
    dom0_op_t op = { .cmd = DOM0_PHYSINFO, .interface_version = DOM0_INTERFACE_VERSION };

    return HYPERVISOR_dom0_op(&op) == 0 ? op.u.physinfo.free_pages : 0;
}

/* Destroys the victims: their pages must all come back. */
static void destroy_victims(void)
{
    dom0_op_t op = { .cmd = DOM0_DESTROYDOMAIN, .interface_version = DOM0_INTERFACE_VERSION };
    dom0_getdomaininfo_t info;
    uint32_t want = free_pages(), got = 0;
    domid_t id;
    unsigned int i;

    for (id = 1; id <= NR_VICTIMS; id++) {
        if (wpt_domain_info(id, &info) != 0 || info.domain != id) {
            xtf_failure("Fail: domain %u is gone before its destruction\n", id);
            return;
        }
        want += info.tot_pages;
        op.u.destroydomain.domain = id;
        if (HYPERVISOR_dom0_op(&op) != 0)
            xtf_failure("Fail: DESTROYDOMAIN(%u) refused\n", id);
    }
    for (i = 0; i < WPT_WAIT_YIELDS && (got = free_pages()) < want; i++)
        HYPERVISOR_yield();
    if (got != want)
        xtf_failure("Fail: free pages after destroying the victims: expected %u got %u\n",
                    want, got);
}

void test_main(void)
{
    const char *cmd = (const char *)start_info->cmd_line;
    dom0_getdomaininfo_t info;
    enum wpt_mode mode;

    if (!guest_is_dom0()) {
        if (strstr(cmd, "name=victim_global"))
            victim(false);
        if (strstr(cmd, "name=victim_foreign"))
            victim(true);
        wpt_idle_forever();
    }
    if ((mode = wpt_enable()) == WPT_UNUSABLE)
        return;
    wpt_check_victim(mode, 1, "victim_global");
    wpt_check_victim(mode, 2, "victim_foreign");
    if (wpt_domain_info(BYSTANDER, &info) != 0 || info.domain != BYSTANDER ||
        (info.flags & (DOMFLAGS_CRASHED | DOMFLAGS_SHUTDOWN | DOMFLAGS_DYING)))
        xtf_failure("Fail: the bystander (domain 3) was hit: flags %#x\n", info.flags);
    destroy_victims();
    if (HYPERVISOR_xen_version(XENVER_version) != XEN_VERSION_2_0)
        xtf_failure("Fail: xen_version after the crashes did not answer 0x20000\n");
    xtf_success(NULL);
}
