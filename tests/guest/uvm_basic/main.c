/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * uvm_basic: update_va_mapping (ABI.md §2 #14, §5.4). page_nr (VA >> 12)
 * at or above 0xFC000 is -EINVAL, and so is a VA whose PDE is not present
 * (0x80000000). Remapping a VA that was just read to another frame takes
 * effect with UVMF_INVLPG, with UVMF_FLUSH_TLB, with both, and with flags
 * 0 followed by MMUEXT_INVLPG; a removed mapping faults. Each refusal
 * leaves the entry unchanged.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/traps.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)

static uint32_t page_a[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static uint32_t page_b[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static uint32_t scratch[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long uvm(unsigned long page_nr, const void *page, unsigned int flags)
{
    return HYPERVISOR_update_va_mapping(page_nr, (virt_to_mfn(page) << PAGE_SHIFT) | PTE_RW,
                                        flags);
}

/* Remap scratch (whose translation is cached by a read) to page, then read. */
static void remap(const char *what, const uint32_t *page, unsigned int flags)
{
    (void)*(volatile uint32_t *)scratch;
    check(what, uvm((uintptr_t)scratch >> PAGE_SHIFT, page, flags), 0);
    if (!(flags & (UVMF_INVLPG | UVMF_FLUSH_TLB)))
        check("MMUEXT_INVLPG", mmu_update_one((uintptr_t)scratch | MMU_EXTENDED_COMMAND,
                                              MMUEXT_INVLPG), 0);
    if (*(volatile uint32_t *)scratch != page[0])
        xtf_failure("Fail: %s: read %#x, expected %#x\n", what, scratch[0], page[0]);
}

void test_main(void)
{
    uint32_t orig = virt_to_mfn(scratch), before = *guest_pte((uintptr_t)scratch);

    if (HYPERVISOR_update_va_mapping(0xFC000, 0, 0) == -XEN_ENOSYS) {
        xtf_skip("Skip: update_va_mapping is not implemented\n");
        return;
    }

    page_a[0] = 0xAAAA;
    page_b[0] = 0xBBBB;
    check("page_nr 0xFC000", uvm(0xFC000, page_a, UVMF_INVLPG), -XEN_EINVAL);
    check("page_nr 0xFC400 (Tessera)", uvm(0xFC400, page_a, UVMF_INVLPG), -XEN_EINVAL);
    check("page_nr 0xFFFFF", uvm(0xFFFFF, page_a, 0), -XEN_EINVAL);
    check("page_nr 0x80000 (PDE not present)", uvm(0x80000, page_a, UVMF_INVLPG), -XEN_EINVAL);
    check("page_nr 0 (PDE not present)", uvm(0, page_a, 0), -XEN_EINVAL);
    check("scratch's entry after the refusals", *guest_pte((uintptr_t)scratch), before);

    remap("UVMF_INVLPG -> A", page_a, UVMF_INVLPG);
    remap("UVMF_INVLPG -> B", page_b, UVMF_INVLPG);
    remap("UVMF_FLUSH_TLB -> A", page_a, UVMF_FLUSH_TLB);
    remap("UVMF_FLUSH_TLB|UVMF_INVLPG -> B", page_b, UVMF_FLUSH_TLB | UVMF_INVLPG);
    remap("flags 0, then MMUEXT_INVLPG -> A", page_a, 0);
    scratch[1] = 0xABAB;
    check("write through scratch lands in page A", page_a[1], 0xABAB);

    check("unmap scratch", HYPERVISOR_update_va_mapping((uintptr_t)scratch >> PAGE_SHIFT, 0,
                                                        UVMF_INVLPG), 0);
    if (probe_read(scratch) != EXINFO_SYM(PF, 0))
        xtf_failure("Fail: the unmapped scratch: expected #PF[0000]\n");
    check("restore scratch", HYPERVISOR_update_va_mapping((uintptr_t)scratch >> PAGE_SHIFT,
                                                          (orig << PAGE_SHIFT) | PTE_RW,
                                                          UVMF_INVLPG), 0);
    scratch[0] = 0x5C;
    check("alive: xen_version", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    xtf_success(NULL);
}
