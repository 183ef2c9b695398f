/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * multicall_batch: a batch of calls (ABI.md §1 "multicall", §2 #13). Each
 * entry's result lands in its args[5]; args[0..4] and args[6] stay as
 * written. Failing entries (xen_version(1) -> -ENOSYS, vm_assist(2, 0) ->
 * -ENOSYS) do not stop the batch, the op is masked with 31 (49 runs
 * xen_version), a nested multicall entry gets -EINVAL (its own list is not
 * run), and calls with effects work: two update_va_mapping entries make a
 * page read-only and writable again. nr = 0 returns 0 and runs nothing.
 */
#include "../desc_common/desc_helpers.h"

#define UNTOUCHED   0xDEADBEEFU

static uint32_t page[PAGE_SIZE / 4] __aligned(PAGE_SIZE);

static void set_call(multicall_entry_t *e, uint32_t op, uint32_t a0, uint32_t a1, uint32_t a2)
{
    unsigned int i;

    e->op = op;
    for (i = 0; i < 7; i++)
        e->args[i] = UNTOUCHED;
    e->args[0] = a0;
    e->args[1] = a1;
    e->args[2] = a2;
}

void test_main(void)
{
    uint32_t mfn = virt_to_mfn(page), pn = (uint32_t)(uintptr_t)page >> PAGE_SHIFT;
    uint32_t ro = (mfn << PAGE_SHIFT) | _PAGE_PRESENT | _PAGE_ACCESSED;
    uint32_t rw = ro | _PAGE_RW | _PAGE_DIRTY;
    multicall_entry_t inner[1], calls[8];
    const volatile uint32_t *pte = guest_pte((uintptr_t)page);
    static const long want[] = {
        XEN_VERSION_2_0, -XEN_ENOSYS, -XEN_ENOSYS, XEN_VERSION_2_0, -XEN_EINVAL, 0, 0,
        XEN_VERSION_2_0,
    };
    char what[128];
    unsigned int i;
    long rc;

    set_call(&inner[0], __HYPERVISOR_xen_version, XENVER_version, 0, 0);
    set_call(&calls[0], __HYPERVISOR_xen_version, XENVER_version, 0, 0);
    set_call(&calls[1], __HYPERVISOR_xen_version, 1, 0, 0);
    set_call(&calls[2], __HYPERVISOR_vm_assist, 2, VMASST_TYPE_4gb_segments, 0);
    set_call(&calls[3], __HYPERVISOR_xen_version + 32, XENVER_version, 0, 0);
    set_call(&calls[4], __HYPERVISOR_multicall, (uint32_t)(uintptr_t)inner, 1, 0);
    set_call(&calls[5], __HYPERVISOR_update_va_mapping, pn, ro, UVMF_INVLPG);
    set_call(&calls[6], __HYPERVISOR_update_va_mapping, pn, rw, UVMF_INVLPG);
    set_call(&calls[7], __HYPERVISOR_xen_version, XENVER_version, 0, 0);

    rc = HYPERVISOR_multicall(calls, 0);
    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: multicall answers -ENOSYS\n");
        return;
    }
    check_long("multicall(list, 0)", rc, 0);
    check_u32("args[5] of entry 0 after nr = 0", calls[0].args[5], UNTOUCHED);

    check_long("multicall(list, 8)", HYPERVISOR_multicall(calls, 8), 0);
    for (i = 0; i < ARRAY_SIZE(calls); i++) {
        snprintf(what, sizeof(what), "entry %u: args[5]", i);
        check_long(what, (long)(int32_t)calls[i].args[5], want[i]);
        snprintf(what, sizeof(what), "entry %u: args[3]", i);
        check_u32(what, calls[i].args[3], UNTOUCHED);
        snprintf(what, sizeof(what), "entry %u: args[6]", i);
        check_u32(what, calls[i].args[6], UNTOUCHED);
    }
    check_u32("entry 1: args[0]", calls[1].args[0], 1);
    check_u32("the nested list's args[5]", inner[0].args[5], UNTOUCHED);
    if (pte)
        check_u32("the page's PTE after RO then RW", *pte & (PAGE_MASK | _PAGE_RW),
                  (mfn << PAGE_SHIFT) | _PAGE_RW);
    page[0] = 1;
    check_u32("the page is writable again", page[0], 1);

    check_long("multicall(inner list, 1) on its own", HYPERVISOR_multicall(inner, 1), 0);
    check_long("the inner entry's args[5]", (long)(int32_t)inner[0].args[5], XEN_VERSION_2_0);
    xtf_success(NULL);
}
