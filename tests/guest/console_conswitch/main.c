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
    unsigned int port;

    if (!console_bind(VIRQ_CONSOLE, &port))
        return;
    console_expect_dom0_input(port, WANT, WANT_LEN, "\\x01\\x01\\x01xyz");
    xtf_success(NULL);
}
