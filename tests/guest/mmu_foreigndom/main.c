/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mmu_foreigndom: MMUEXT_SET_FOREIGNDOM and CLEAR_FOREIGNDOM (ABI.md §5.3,
 * subject domain of §5.2). dom0 (priv): SELF and a nonexistent domain give
 * -EINVAL; DOMID_IO, DOMID_XEN and domain 1 are accepted. With FD = 1 dom0
 * maps domain 1's shared-info frame; the FD then ends with the call, so
 * the same mapping in a second call (and after CLEAR_FOREIGNDOM in the
 * same call) is -EINVAL again, and with FD = DOMID_IO dom0's own frame is
 * not the subject's. The unprivileged domain 1 may name only DOMID_IO:
 * domain 0, itself by id, SELF and DOMID_XEN are -EINVAL [bug class:
 * foreign mapping by an unprivileged domain]. domU results come back as
 * its shutdown code, details in its shared-info page.
 */
#include <guest/console.h>
#include <guest/domctl.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define PTE_RO          (_PAGE_PRESENT | _PAGE_ACCESSED)
#define MAILBOX         1024    /* offset in the domU's shared-info page */

static uint8_t scratch[PAGE_SIZE] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

/* SET_FOREIGNDOM(dom), then (if pte) an update of scratch's L1 entry. */
static long fd_call(domid_t dom, bool clear, uint32_t pte, unsigned int *done)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t va = (uintptr_t)scratch;
    mmu_update_t req[3] = {
        { .ptr = MMU_EXTENDED_COMMAND, .val = MMUEXT_SET_FOREIGNDOM | ((uint32_t)dom << 16) },
        { .ptr = MMU_EXTENDED_COMMAND, .val = MMUEXT_CLEAR_FOREIGNDOM },
        { .ptr = (l2[l2_slot(va)] & PAGE_MASK) + l1_slot(va) * 4, .val = pte },
    };

    if (!clear)
        req[1] = req[2];
    *done = 99;
    return HYPERVISOR_mmu_update(req, pte ? (clear ? 3 : 2) : 1, done);
}

static void domu_expect_mailed(unsigned int step, long got, long want)
{
    volatile uint32_t *box = (volatile uint32_t *)((uint8_t *)shared_info + MAILBOX);

    if (got == want)
        return;
    box[0] = step;
    box[1] = (uint32_t)got;
    box[2] = (uint32_t)want;
    guest_shutdown(DOMU_FAIL(step));
}

static void domu_main(void)
{
    unsigned int done;

    domu_expect_mailed(1, fd_call(0, false, 0, &done), -XEN_EINVAL);
    domu_expect_mailed(2, fd_call(1, false, 0, &done), -XEN_EINVAL);
    domu_expect_mailed(3, fd_call(DOMID_SELF, false, 0, &done), -XEN_EINVAL);
    domu_expect_mailed(4, fd_call(DOMID_XEN, false, 0, &done), -XEN_EINVAL);
    domu_expect_mailed(5, fd_call(DOMID_IO, false, 0, &done), 0);
    domu_expect_mailed(6, done, 1);
    domu_expect_mailed(7, HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    guest_shutdown(DOMU_OK);
}

/* Yields until domain 1 shuts down, then judges its code. */
static void wait_domu(uint32_t shinfo_mfn)
{
    dom0_getdomaininfo_t info;
    unsigned int code;
    int r;

    r = dom0_wait_stopped(1, DOM0_WAIT_YIELDS, &info);
    if (r == DOM0_WAIT_GONE) {
        xtf_error("Error: domain 1 disappeared\n");
        return;
    }
    if (r == DOM0_WAIT_CRASHED) {
        xtf_failure("Fail: domain 1 crashed\n");
        return;
    }
    if (r == DOM0_WAIT_RUNNING) {
        xtf_failure("Fail: domain 1 timed out\n");
        return;
    }
    code = (unsigned int)r;
    if (code == DOMU_OK)
        return;
    if (HYPERVISOR_update_va_mapping_otherdomain((uintptr_t)scratch >> PAGE_SHIFT,
                                                 (shinfo_mfn << PAGE_SHIFT) | PTE_RO,
                                                 UVMF_INVLPG, 1) == 0) {
        const uint32_t *box = (const uint32_t *)(scratch + MAILBOX);

        xtf_failure("Fail: domU step %u: expected %d got %d\n", box[0], box[2], box[1]);
    } else {
        xtf_failure("Fail: domU shut down with code %#x\n", code);
    }
}

void test_main(void)
{
    uint32_t orig = virt_to_mfn(scratch), own = virt_to_mfn(start_info);
    dom0_getdomaininfo_t info;
    unsigned int done;

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    if (!guest_is_dom0())
        domu_main();
    if (!dom0_domain_present(1, &info)) {
        xtf_error("Error: no domain 1\n");
        return;
    }
    check("SET_FOREIGNDOM(SELF)", fd_call(DOMID_SELF, false, 0, &done), -XEN_EINVAL);
    check("SET_FOREIGNDOM(0x1234), no such domain", fd_call(0x1234, false, 0, &done),
          -XEN_EINVAL);
    check("SET_FOREIGNDOM(DOMID_IO)", fd_call(DOMID_IO, false, 0, &done), 0);
    check("SET_FOREIGNDOM(DOMID_XEN)", fd_call(DOMID_XEN, false, 0, &done), 0);

    check("FD = 1: map domain 1's shared info",
          fd_call(1, false, (info.shared_info_frame << PAGE_SHIFT) | PTE_RO, &done), 0);
    check("*done", done, 2);
    check("scratch now maps domain 1's frame", virt_to_mfn(scratch), info.shared_info_frame);
    check("unmap it", guest_set_pte((uintptr_t)scratch, 0), 0);
    check("next call, no FD: the same mapping",
          guest_set_pte((uintptr_t)scratch, (info.shared_info_frame << PAGE_SHIFT) | PTE_RO),
          -XEN_EINVAL);
    check("FD = 1 then CLEAR_FOREIGNDOM: the same mapping",
          fd_call(1, true, (info.shared_info_frame << PAGE_SHIFT) | PTE_RO, &done), -XEN_EINVAL);
    check("*done", done, 2);
    check("FD = DOMID_IO: map dom0's own start_info frame",
          fd_call(DOMID_IO, false, (own << PAGE_SHIFT) | PTE_RO, &done), -XEN_EINVAL);
    check("*done", done, 1);
    check("restore scratch", guest_set_pte((uintptr_t)scratch, (orig << PAGE_SHIFT) | PTE_RO |
                                           _PAGE_RW | _PAGE_DIRTY), 0);
    wait_domu(info.shared_info_frame);
    xtf_success(NULL);
}
