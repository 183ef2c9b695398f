/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mmu_machphys: MMU_MACHPHYS_UPDATE (ABI.md §5.3) and the read-only M2P
 * view at 0xFC000000 (§3). Updating the entry of one's own frame returns 0
 * and the view shows the value at once; the entries of Tessera's image
 * (MFN 0x100), of VGA memory (DOMID_IO) and of the M2P's own frame
 * (DOMID_XEN) are not the caller's: -EINVAL, and they stay unchanged
 * [bug class: M2P corruption of frames one does not own]. A direct write
 * to the view is a #PF (present, write), and changes nothing.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/traps.h>

static uint8_t data[PAGE_SIZE] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long machphys(uint32_t mfn, uint32_t val)
{
    return mmu_update_one((mfn << PAGE_SHIFT) | MMU_MACHPHYS_UPDATE, val);
}

/* A frame that is not ours: the update is refused and the entry kept. */
static void refused(const char *what, uint32_t mfn)
{
    uint32_t before = machine_to_phys[mfn];

    check(what, machphys(mfn, 0x1234), -XEN_EINVAL);
    if (machine_to_phys[mfn] != before)
        xtf_failure("Fail: %s: M2P[%#x] expected %#x got %#x\n", what, mfn, before,
                    machine_to_phys[mfn]);
}

void test_main(void)
{
    uint32_t mfn = virt_to_mfn(data), pfn = virt_to_pfn(data);
    volatile uint32_t *entry = (volatile uint32_t *)&machine_to_phys[mfn];
    exinfo_t fault;

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    check("M2P[own frame] before", machine_to_phys[mfn], (long)pfn);
    check("MACHPHYS_UPDATE of an own frame", machphys(mfn, 0xABCDE), 0);
    check("M2P view after the update", machine_to_phys[mfn], 0xABCDE);
    check("restore the entry", machphys(mfn, pfn), 0);
    check("M2P view after the restore", machine_to_phys[mfn], (long)pfn);

    refused("MACHPHYS_UPDATE of Tessera's frame 0x100", 0x100);
    refused("MACHPHYS_UPDATE of VGA frame 0xB8", 0xB8);
    if (shared_info)
        refused("MACHPHYS_UPDATE of the M2P's first frame",
                shared_info->arch.mfn_to_pfn_start);
    else
        xtf_error("Error: shared_info is not mapped\n");

    fault = 0;
    __asm__ __volatile__("1: movl %[v], %[m]\n\t2:\n\t"
                         ASM_EXTABLE_HANDLER(1b, 2b, ex_record_fault_eax)
                         : "+a"(fault), [m] "=m"(*entry)
                         : [v] "r"(0x4321U));
    if (fault != EXINFO_SYM(PF, PFEC_PRESENT | PFEC_WRITE))
        xtf_failure("Fail: write to the M2P view: expected #PF[0003] got %#x\n", fault);
    else if (last_exception.cr2 != (uintptr_t)entry)
        xtf_failure("Fail: write to the M2P view: cr2 expected %p got %#x\n", (void *)entry,
                    last_exception.cr2);
    check("M2P view after the faulting write", machine_to_phys[mfn], (long)pfn);
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
