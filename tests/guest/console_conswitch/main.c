/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * console_conswitch: CTRL-a typed three times in a row moves serial input
 * between dom0 and the hypervisor (ABI.md §15, default conswitch=a). As
 * in Xen 2.0 the switch characters are not swallowed: the first two go
 * where input went, the third where it goes after the switch. Typed:
 * ^A^A^A "abc" ^A^A^A "xyz". dom0 gets ^A^A (before the first switch),
 * the hypervisor ^A "abc" ^A^A as debug keys (none of them harmful), and
 * dom0 again ^A "xyz": it must read exactly ^A^A^A "xyz".
 */
#include "../console_common/console_helpers.h"

#define WANT        "\x01\x01\x01xyz"
#define WANT_LEN    (sizeof(WANT) - 1)

void test_main(void)
{
    char buf[32];
    unsigned int port;
    long rc;

    if (!console_bind(VIRQ_CONSOLE, &port))
        return;
    printf(CONSOLE_READY);
    rc = console_read_exact(buf, WANT_LEN, port);
    if (rc != (long)WANT_LEN || memcmp(buf, WANT, WANT_LEN) != 0)
        xtf_failure("Fail: dom0 read expected %u bytes \"%s\" got %ld \"%s\"\n",
                    (unsigned int)WANT_LEN, "\\x01\\x01\\x01xyz", rc,
                    console_show(buf, rc > 0 ? rc : 0));
    console_settle(CONSOLE_SETTLE_MS);
    console_expect_empty("after reading all of dom0's input");
    xtf_success(NULL);
}
