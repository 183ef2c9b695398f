/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * access_efault: guest pointers must lie wholly below 0xFC000000 (ABI.md
 * §1 "Guest pointers", §2 #0 set_trap_table, #13 multicall). Bug class:
 * hypervisor memory disclosure and corruption. set_trap_table with its
 * list at, across or above 0xFC000000 (the M2P the guest may read, and
 * Tessera's heap) gives -EFAULT and installs nothing; multicall with such
 * a list gives -EFAULT, runs nothing and writes no result into the M2P.
 * Afterwards the M2P is unchanged, the runtime's #PF handler still works
 * and a valid multicall runs. (xen_version takes no pointer.)
 */
#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/traps.h>

static const uint32_t bad_lists[] = {
    0xFBFFFFFC,     /* one entry crosses 0xFC000000 */
    0xFBFFFFF0,     /* the second half of a multicall entry is above */
    0xFC000000,     /* the read-only M2P */
    0xFC3FFFF8,     /* crosses from the M2P into Tessera's heap */
    0xFC400000,     /* Tessera's heap */
    0xFFFFFFF8,     /* the top page, wrapping */
};

static uint32_t m2p_snapshot[16];

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static void check_still_fine(const char *after)
{
    exinfo_t want = EXINFO_SYM(PF, 0), got = probe_read(NULL);
    multicall_entry_t mc = { .op = __HYPERVISOR_xen_version, .args = { XENVER_version } };
    char w[24], g[24];

    if (memcmp(m2p_snapshot, (const void *)MACH2PHYS_VIRT_START, sizeof(m2p_snapshot)))
        xtf_failure("Fail: after %s: the M2P changed\n", after);
    if (got != want)
        xtf_failure("Fail: after %s: reading NULL gave %s, expected %s\n", after,
                    exinfo_str(got, g, sizeof(g)), exinfo_str(want, w, sizeof(w)));
    if (HYPERVISOR_multicall(&mc, 1) != 0 || mc.args[5] != XEN_VERSION_2_0)
        xtf_failure("Fail: after %s: a valid multicall did not run (result %#x)\n", after,
                    mc.args[5]);
}

void test_main(void)
{
    char what[48];
    unsigned int i;

    memcpy(m2p_snapshot, (const void *)MACH2PHYS_VIRT_START, sizeof(m2p_snapshot));
    for (i = 0; i < ARRAY_SIZE(bad_lists); i++) {
        snprintf(what, sizeof(what), "set_trap_table(%#x)", bad_lists[i]);
        check(what, hypercall1(__HYPERVISOR_set_trap_table, bad_lists[i]), -XEN_EFAULT);
        check_still_fine(what);

        snprintf(what, sizeof(what), "multicall(%#x, 1)", bad_lists[i]);
        check(what, hypercall2(__HYPERVISOR_multicall, bad_lists[i], 1), -XEN_EFAULT);
        check_still_fine(what);
    }
    xtf_success(NULL);
}
