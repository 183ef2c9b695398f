/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * multicall_errors: bad multicall lists (ABI.md §1 "Guest pointers",
 * "multicall"). Bug class: a hypercall argument pointing into Tessera's
 * area, and nesting state left behind by a failed batch. Lists at
 * 0xFC400000 and 0xFF400000 (Tessera's GDT area), a list running across
 * 0xFC000000 and an nr whose size wraps give -EFAULT without running
 * anything. A list whose second entry lies on an unmapped page gives
 * -EFAULT after running the first entry (its result is in args[5]). A
 * nested multicall, also through the alias 13 + 32, gets -EINVAL in its
 * args[5] even with a bad inner list. After each failure a good batch
 * still works.
 */
#include "../desc_common/desc_helpers.h"

#define UNTOUCHED   0xDEADBEEFU

static uint8_t lists[2][PAGE_SIZE] __aligned(PAGE_SIZE);

static void set_call(multicall_entry_t *e, uint32_t op, uint32_t a0, uint32_t a1)
{
    unsigned int i;

    e->op = op;
    for (i = 0; i < 7; i++)
        e->args[i] = UNTOUCHED;
    e->args[0] = a0;
    e->args[1] = a1;
}

/* A good batch after a failure: the nesting guard must have been reset. */
static void check_good_batch(const char *after)
{
    multicall_entry_t call;
    char what[128];

    set_call(&call, __HYPERVISOR_xen_version, XENVER_version, 0);
    snprintf(what, sizeof(what), "a good multicall after %s", after);
    check_long(what, HYPERVISOR_multicall(&call, 1), 0);
    check_long("its args[5]", (long)(int32_t)call.args[5], XEN_VERSION_2_0);
}

static void check_bad_list(uint32_t list, uint32_t nr)
{
    char what[128];

    snprintf(what, sizeof(what), "multicall(%#x, %#x)", list, nr);
    check_long(what, hypercall2(__HYPERVISOR_multicall, list, nr), -XEN_EFAULT);
    check_good_batch(what);
}

void test_main(void)
{
    multicall_entry_t calls[3], good;
    multicall_entry_t *split = (multicall_entry_t *)(lists[1]) - 1;
    uint32_t saved_pte;

    set_call(&good, __HYPERVISOR_xen_version, XENVER_version, 0);
    if (HYPERVISOR_multicall(&good, 1) == -XEN_ENOSYS) {
        xtf_skip("Skip: multicall answers -ENOSYS\n");
        return;
    }
    check_bad_list(0xFC400000U, 1);
    check_bad_list(0xFF400000U, 1);
    check_bad_list(0xFC000000U - 16, 1);
    check_bad_list((uint32_t)(uintptr_t)&good, 0x08000000U);

    /* Entry 0 at the end of a mapped page, entry 1 on an unmapped one. */
    set_call(&split[0], __HYPERVISOR_xen_version, XENVER_version, 0);
    saved_pte = *guest_pte((uintptr_t)lists[1]);
    check_long("unmapping the second list page",
               HYPERVISOR_update_va_mapping((uintptr_t)lists[1] >> PAGE_SHIFT, 0, UVMF_INVLPG), 0);
    check_long("multicall(list running onto an unmapped page, 2)",
               HYPERVISOR_multicall(split, 2), -XEN_EFAULT);
    check_long("the first entry's args[5]", (long)(int32_t)split[0].args[5], XEN_VERSION_2_0);
    check_long("remapping the second list page", guest_set_pte((uintptr_t)lists[1], saved_pte),
               0);
    check_good_batch("a list running onto an unmapped page");

    set_call(&calls[0], __HYPERVISOR_multicall, (uint32_t)(uintptr_t)&good, 1);
    set_call(&calls[1], __HYPERVISOR_multicall + 32, (uint32_t)(uintptr_t)&good, 1);
    set_call(&calls[2], __HYPERVISOR_multicall, 0xFC400000U, 1);
    good.args[5] = UNTOUCHED;
    check_long("multicall(3 nested multicalls)", HYPERVISOR_multicall(calls, 3), 0);
    check_long("nested entry: args[5]", (long)(int32_t)calls[0].args[5], -XEN_EINVAL);
    check_long("nested entry through op 45: args[5]", (long)(int32_t)calls[1].args[5],
               -XEN_EINVAL);
    check_long("nested entry with a bad list: args[5]", (long)(int32_t)calls[2].args[5],
               -XEN_EINVAL);
    check_u32("the nested list was not run", good.args[5], UNTOUCHED);
    check_good_batch("nested multicalls");
    check_alive("bad multicall lists");
    xtf_success(NULL);
}
