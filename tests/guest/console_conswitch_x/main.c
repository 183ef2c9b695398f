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
    char buf[32];
    unsigned int port;
    long rc;

    if (!console_bind(VIRQ_CONSOLE, &port))
        return;
    printf(CONSOLE_READY);
    rc = console_read_exact(buf, WANT_LEN, port);
    if (rc != (long)WANT_LEN || memcmp(buf, WANT, WANT_LEN) != 0)
        xtf_failure("Fail: dom0 read expected %u bytes \"%s\" got %ld \"%s\"\n",
                    (unsigned int)WANT_LEN, "\\x02xyz", rc, console_show(buf, rc > 0 ? rc : 0));
    console_settle(CONSOLE_SETTLE_MS);
    console_expect_empty("after reading all of dom0's input");
    xtf_success(NULL);
}
