/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * console_conswitch_x: conswitch=bx (ABI.md §15): CTRL-b switches input,
 * and the trailing x leaves it with the hypervisor at boot. Typed: "abc"
 * ^A^A^A ^B^B^B "xyz". "abc" and ^A^A^A are the hypervisor's debug keys
 * (CTRL-a no longer switches), the third ^B hands input to dom0 and goes
 * there itself (as in Xen 2.0), so dom0 must read exactly ^B "xyz".
 */
#include "../console_common/console_helpers.h"

#define WANT        "\x02xyz"
#define WANT_LEN    (sizeof(WANT) - 1)

void test_main(void)
{
    unsigned int port;

    if (!console_bind(VIRQ_CONSOLE, &port))
        return;
    console_expect_dom0_input(port, WANT, WANT_LEN, "\\x02xyz");
    xtf_success(NULL);
}
