/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * console_input_virq: serial input while it belongs to dom0 (the default)
 * goes into the receive ring and raises VIRQ_CONSOLE (ABI.md §7, §12,
 * §15). dom0 binds VIRQ_CONSOLE, finds the ring empty, says it is ready
 * and blocks; the harness types "hello". The VIRQ must wake it, and
 * CONSOLEIO_read (in as many reads as it takes) must give exactly
 * "hello"; a further read gives 0.
 */
#include "../console_common/console_helpers.h"

#define TYPED       "hello"
#define TYPED_LEN   (sizeof(TYPED) - 1)

void test_main(void)
{
    char buf[32];
    unsigned int port;
    long rc;

    if (!console_bind(VIRQ_CONSOLE, &port))
        return;
    console_expect_empty("before any input");

    printf(CONSOLE_READY);
    if (!console_wait(port, 0)) {
        xtf_failure("Fail: no VIRQ_CONSOLE after typing \"%s\"\n", TYPED);
        return;
    }
    rc = console_read_exact(buf, TYPED_LEN, port);
    if (rc != (long)TYPED_LEN || memcmp(buf, TYPED, TYPED_LEN) != 0)
        xtf_failure("Fail: read expected %u bytes \"%s\" got %ld \"%s\"\n",
                    (unsigned int)TYPED_LEN, TYPED, rc, console_show(buf, rc > 0 ? rc : 0));
    console_settle(CONSOLE_SETTLE_MS);
    console_expect_empty("after reading all input");
    xtf_success(NULL);
}
