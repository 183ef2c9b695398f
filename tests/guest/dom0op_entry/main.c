/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_entry: the dom0_op entry checks (ABI.md §2 #7, §10, §1 guest
 * pointers). A wrong interface_version (2.0.0's 0xAAAA0019, or 0) gives
 * -EACCES before the command is looked at; unknown and unused command
 * numbers give -ENOSYS; an op structure that is not wholly below
 * 0xFC000000 gives -EFAULT. Bug class: hypervisor memory disclosure (an op
 * read from, or copied back into, Tessera's area). Each refusal is
 * followed by a GETDOMAININFO that must still work, and the read-only M2P
 * (0xFC000000, which the guest can read) must be unchanged.
 */
#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long op_call(uint32_t cmd, uint32_t version)
{
    dom0_op_t op = { .cmd = cmd, .interface_version = version };

    op.u.getdomaininfo.domain = 0;
    return HYPERVISOR_dom0_op(&op);
}

/* dom0_op still answers, and its answer is right. */
static void check_alive(const char *after)
{
    dom0_op_t op = { .cmd = DOM0_GETDOMAININFO, .interface_version = DOM0_INTERFACE_VERSION };
    long rc = HYPERVISOR_dom0_op(&op);

    if (rc != 0 || op.u.getdomaininfo.domain != 0 ||
        op.u.getdomaininfo.tot_pages != start_info->nr_pages)
        xtf_failure("Fail: GETDOMAININFO(0) after %s: rc %ld, domain %u, tot_pages %u\n",
                    after, rc, op.u.getdomaininfo.domain, op.u.getdomaininfo.tot_pages);
}

void test_main(void)
{
    static const uint32_t unused[] = { 0, 1, 3, 4, 5, 26, 99, 0x12345678 };
    static const uint32_t bad_ptrs[] = {
        0xFBFFFFC0,     /* 80 bytes from here cross 0xFC000000 */
        0xFC000000,     /* the read-only M2P: readable by the guest */
        0xFC3FFFF0,     /* end of the M2P, crossing into Tessera's heap */
        0xFC400000,     /* Tessera's heap */
        0xFFFFFFF0,     /* wraps around */
    };
    uint32_t m2p_words[4];
    char what[48];
    unsigned int i;

    memcpy(m2p_words, (const void *)MACH2PHYS_VIRT_START, sizeof(m2p_words));

    check("GETDOMAININFO, version 0xAAAA0019", op_call(DOM0_GETDOMAININFO, 0xAAAA0019),
          -XEN_EACCES);
    check("GETDOMAININFO, version 0", op_call(DOM0_GETDOMAININFO, 0), -XEN_EACCES);
    check("cmd 99, version 0xAAAA0019", op_call(99, 0xAAAA0019), -XEN_EACCES);
    check_alive("a wrong version");

    for (i = 0; i < ARRAY_SIZE(unused); i++) {
        snprintf(what, sizeof(what), "cmd %#x", unused[i]);
        check(what, op_call(unused[i], DOM0_INTERFACE_VERSION), -XEN_ENOSYS);
    }
    check_alive("unknown commands");

    for (i = 0; i < ARRAY_SIZE(bad_ptrs); i++) {
        snprintf(what, sizeof(what), "dom0_op(%#x)", bad_ptrs[i]);
        check(what, hypercall1(__HYPERVISOR_dom0_op, bad_ptrs[i]), -XEN_EFAULT);
        check_alive(what);
    }
    if (memcmp(m2p_words, (const void *)MACH2PHYS_VIRT_START, sizeof(m2p_words)))
        xtf_failure("Fail: the first M2P words changed\n");
    xtf_success(NULL);
}
