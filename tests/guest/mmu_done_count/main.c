/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mmu_done_count: mmu_update stops at the first bad request and reports how
 * many were done (ABI.md §2, §5.3). A batch of five stores into a data
 * frame whose third request is bad (ptr&3 == 1, then a GLOBAL L1 entry)
 * returns -EINVAL with *done = 2: requests 1 and 2 took effect, 4 and 5
 * did not. An all-good batch reports *done = 5. [2.0.0 always wrote count.]
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

static uint32_t data[PAGE_SIZE / 4] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static uint8_t scratch[PAGE_SIZE] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

/* Five stores of 0x100+i into data[i]; request 3 replaced by bad. */
static void batch(const char *what, mmu_update_t bad)
{
    uint32_t base = (uint32_t)virt_to_maddr(data);
    mmu_update_t req[5];
    unsigned int i, done = 99;

    memset(data, 0, 32);
    for (i = 0; i < 5; i++)
        req[i] = (mmu_update_t){ .ptr = base + 4 * i, .val = 0x100 + i };
    req[2] = bad;
    check(what, HYPERVISOR_mmu_update(req, 5, &done), -XEN_EINVAL);
    check("*done", done, 2);
    for (i = 0; i < 5; i++) {
        uint32_t want = i < 2 ? 0x100 + i : 0;

        if (data[i] != want)
            xtf_failure("Fail: %s: word %u expected %#x got %#x\n", what, i, want, data[i]);
    }
}

void test_main(void)
{
    const uint32_t *l2 = (const uint32_t *)start_info->pt_base;
    uint32_t pte_ma = (l2[l2_slot((uintptr_t)scratch)] & PAGE_MASK) +
                      l1_slot((uintptr_t)scratch) * 4;
    uint32_t pte = *guest_pte((uintptr_t)scratch);
    mmu_update_t req[5];
    unsigned int i, done = 99;

    if (HYPERVISOR_mmu_update(NULL, 0, NULL) == -XEN_ENOSYS) {
        xtf_skip("Skip: mmu_update is not implemented\n");
        return;
    }

    batch("3rd of 5 has ptr&3 == 1",
          (mmu_update_t){ .ptr = (uint32_t)virt_to_maddr(&data[2]) | 1, .val = 0x102 });
    /* A new target frame, so even Xen 2.0 checks the entry in full. */
    batch("3rd of 5 sets GLOBAL in an L1 entry",
          (mmu_update_t){ .ptr = pte_ma, .val = (virt_to_mfn(data) << PAGE_SHIFT) |
                                                _PAGE_PRESENT | _PAGE_GLOBAL });
    check("scratch's entry after the refused update", *guest_pte((uintptr_t)scratch), pte);

    for (i = 0; i < 5; i++)
        req[i] = (mmu_update_t){ .ptr = (uint32_t)virt_to_maddr(&data[i]), .val = 0x200 + i };
    check("five good requests", HYPERVISOR_mmu_update(req, 5, &done), 0);
    check("*done after five good requests", done, 5);
    for (i = 0; i < 5; i++)
        check("word stored by the good batch", data[i], 0x200 + i);
    xtf_success(NULL);
}
