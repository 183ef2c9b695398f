/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_iopl: DOM0_IOPL (ABI.md §10 cmd 14, §12 "its port access is
 * governed by IOPL"). Dom0 starts at IOPL 0, where `in`/`out` from ring 1
 * raise #GP(0). DOM0_IOPL(iopl) sets the caller's EFLAGS.IOPL to iopl & 3
 * as pushf then shows it: 1 lets ring 1 do port I/O (read port 0x80),
 * 2 and 3 too, 5 means 1, 4 means 0 (and I/O faults again). (quirk) The
 * domain field is ignored: naming domain 7 (absent) or DOMID_SELF
 * changes the caller all the same. Other EFLAGS bits (IF) stay.
 * SKIPs while DOM0_IOPL answers -ENOSYS.
 */
#include "../pirq_common/pirq_helpers.h"

#define POST_PORT   0x80

static void expect_iopl(const char *what, uint32_t iopl)
{
    uint32_t f = caller_eflags();
    uint8_t v;
    exinfo_t fault = try_inb(POST_PORT, &v);
    char buf[32];

    if ((f & EF_IOPL_MASK) >> 12 != iopl)
        xtf_failure("Fail: %s: expected IOPL %u got %u\n", what, iopl,
                    (f & EF_IOPL_MASK) >> 12);
    if (!(f & 0x200))
        xtf_failure("Fail: %s: IF went clear in EFLAGS %#x\n", what, f);
    if (iopl >= 1 && fault != 0)
        xtf_failure("Fail: %s: in from ring 1 at IOPL %u: expected no fault got %s\n", what,
                    iopl, exinfo_str(fault, buf, sizeof(buf)));
    if (iopl == 0 && fault != EXINFO_SYM(GP, 0))
        xtf_failure("Fail: %s: in from ring 1 at IOPL 0: expected #GP[0000] got %s\n", what,
                    exinfo_str(fault, buf, sizeof(buf)));
}

void test_main(void)
{
    long rc;

    expect_iopl("at boot", 0);
    if (try_outb(POST_PORT, 0x12) != EXINFO_SYM(GP, 0))
        xtf_failure("Fail: out at IOPL 0 did not #GP(0)\n");
    rc = dom0_iopl(DOMID_SELF, 1);
    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: DOM0_IOPL answers -ENOSYS\n");
        return;
    }
    check("DOM0_IOPL(SELF, 1)", rc, 0);
    expect_iopl("after iopl 1", 1);
    check("out at IOPL 1", try_outb(POST_PORT, 0x12), 0);
    check("DOM0_IOPL(SELF, 2)", dom0_iopl(DOMID_SELF, 2), 0);
    expect_iopl("after iopl 2", 2);
    check("DOM0_IOPL(SELF, 3)", dom0_iopl(DOMID_SELF, 3), 0);
    expect_iopl("after iopl 3", 3);
    check("DOM0_IOPL(SELF, 4)", dom0_iopl(DOMID_SELF, 4), 0);
    expect_iopl("after iopl 4 (= 0)", 0);
    check("DOM0_IOPL(SELF, 5)", dom0_iopl(DOMID_SELF, 5), 0);
    expect_iopl("after iopl 5 (= 1)", 1);
    check("DOM0_IOPL(dom 7, 0)", dom0_iopl(7, 0), 0);
    expect_iopl("after iopl 0 naming absent domain 7", 0);
    check("DOM0_IOPL(dom 7, 0xFFFFFFFE)", dom0_iopl(7, 0xFFFFFFFEu), 0);
    expect_iopl("after iopl 0xFFFFFFFE (= 2)", 2);
    check("DOM0_IOPL(SELF, 0)", dom0_iopl(DOMID_SELF, 0), 0);
    expect_iopl("back at iopl 0", 0);
    xtf_success(NULL);
}
