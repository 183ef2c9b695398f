/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pt_io_memory: I/O frames (ABI.md §5.2: the first MB, non-RAM holes and
 * frames above RAM belong to DOMID_IO and need priv). dom0 maps VGA text
 * memory (MFN 0xB8) read-write by mmu_update, with and without FD =
 * DOMID_IO, and by update_va_mapping, and a word written through one
 * mapping reads back through the other. The unprivileged domain 1 gets
 * -EINVAL for VGA (read-only or read-write, either call, and with FD =
 * DOMID_IO), for MFN 0 and for a frame above RAM (the local APIC at
 * 0xFEE00) [bug class: device memory access by an unprivileged guest].
 * domU results come back as its shutdown code.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RW      (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_RO      (_PAGE_PRESENT | _PAGE_ACCESSED)
#define VGA_MFN     0xB8
#define APIC_MFN    0xFEE00
#define OFFSET      4000    /* past the 80x25 text screen */
#define DOMU_OK     0x5A
#define DOMU_FAIL   0x40    /* + the failed step */

static uint8_t scratch[PAGE_SIZE] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static uint8_t scratch2[PAGE_SIZE] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

/* Maps va -> pte by mmu_update, with FD = DOMID_IO first if io_fd. */
static long map(void *va, uint32_t pte, bool io_fd)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t v = (uintptr_t)va;
    mmu_update_t req[3] = {
        { .ptr = MMU_EXTENDED_COMMAND, .val = MMUEXT_SET_FOREIGNDOM | (DOMID_IO << 16) },
        { .ptr = (l2[l2_slot(v)] & PAGE_MASK) + l1_slot(v) * 4, .val = pte },
        { .ptr = v | MMU_EXTENDED_COMMAND, .val = MMUEXT_INVLPG },
    };

    return io_fd ? HYPERVISOR_mmu_update(req, 3, NULL) : HYPERVISOR_mmu_update(&req[1], 2, NULL);
}

static long uvm(void *va, uint32_t pte)
{
    return HYPERVISOR_update_va_mapping((uintptr_t)va >> PAGE_SHIFT, pte, UVMF_INVLPG);
}

static void domu_expect(unsigned int step, long got, long want)
{
    if (got != want)
        guest_shutdown(DOMU_FAIL + step);
}

static void domu_main(void)
{
    uint32_t before = *guest_pte((uintptr_t)scratch);

    domu_expect(1, map(scratch, (VGA_MFN << PAGE_SHIFT) | PTE_RO, false), -XEN_EINVAL);
    domu_expect(2, map(scratch, (VGA_MFN << PAGE_SHIFT) | PTE_RW, false), -XEN_EINVAL);
    domu_expect(3, map(scratch, (VGA_MFN << PAGE_SHIFT) | PTE_RW, true), -XEN_EINVAL);
    domu_expect(4, uvm(scratch, (VGA_MFN << PAGE_SHIFT) | PTE_RO), -XEN_EINVAL);
    domu_expect(5, uvm(scratch, PTE_RO), -XEN_EINVAL);
    domu_expect(6, uvm(scratch, (APIC_MFN << PAGE_SHIFT) | PTE_RO), -XEN_EINVAL);
    domu_expect(7, map(scratch, (APIC_MFN << PAGE_SHIFT) | PTE_RW, true), -XEN_EINVAL);
    domu_expect(8, *guest_pte((uintptr_t)scratch), before);
    domu_expect(9, HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    guest_shutdown(DOMU_OK);
}

static unsigned int wait_domu(void)
{
    dom0_op_t op = { .cmd = DOM0_GETDOMAININFO, .interface_version = DOM0_INTERFACE_VERSION };
    unsigned int i;

    for (i = 0; i < 100000; i++) {
        op.u.getdomaininfo.domain = 1;
        if (HYPERVISOR_dom0_op(&op) != 0 || op.u.getdomaininfo.domain != 1)
            return 0x100;
        if (op.u.getdomaininfo.flags & DOMFLAGS_CRASHED)
            return 0x200;
        if (op.u.getdomaininfo.flags & DOMFLAGS_SHUTDOWN)
            return (op.u.getdomaininfo.flags >> DOMFLAGS_SHUTDOWNSHIFT) & DOMFLAGS_SHUTDOWNMASK;
        HYPERVISOR_yield();
    }
    return 0x300;
}

void test_main(void)
{
    volatile uint32_t *w1 = (volatile uint32_t *)(scratch + OFFSET);
    volatile uint32_t *w2 = (volatile uint32_t *)(scratch2 + OFFSET);
    uint32_t orig1 = virt_to_mfn(scratch), orig2 = virt_to_mfn(scratch2), code;

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    if (!guest_is_dom0())
        domu_main();
    check("dom0: VGA RW by mmu_update", map(scratch, (VGA_MFN << PAGE_SHIFT) | PTE_RW, false), 0);
    check("dom0: VGA RW by mmu_update, FD = DOMID_IO",
          map(scratch2, (VGA_MFN << PAGE_SHIFT) | PTE_RW, true), 0);
    *w1 = 0x1E551E55;
    check("dom0: VGA word through the second mapping", *w2, 0x1E551E55);
    check("dom0: VGA RW by update_va_mapping", uvm(scratch2, (VGA_MFN << PAGE_SHIFT) | PTE_RW), 0);
    *w2 = 0x2E552E55;
    check("dom0: VGA word through the first mapping", *w1, 0x2E552E55);
    check("dom0: MFN 0 read-only", uvm(scratch2, PTE_RO), 0);
    check("restore scratch", uvm(scratch, (orig1 << PAGE_SHIFT) | PTE_RW), 0);
    check("restore scratch2", uvm(scratch2, (orig2 << PAGE_SHIFT) | PTE_RW), 0);

    code = wait_domu();
    if (code != DOMU_OK)
        xtf_failure("Fail: domain 1: expected code %#x got %#x (0x4n: step n; 0x100 gone, "
                    "0x200 crashed, 0x300 timed out)\n", DOMU_OK, code);
    xtf_success(NULL);
}
