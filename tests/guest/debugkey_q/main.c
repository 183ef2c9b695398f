/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * debugkey_q: the debug keys (ABI.md §15, §7 VIRQ_DEBUG), on a build with
 * them. dom0 binds VIRQ_DEBUG and VIRQ_CONSOLE and empties the console
 * buffer (DOM0_READCONSOLE with cmd 1); typed: ^A^A^A "h" "q". The first
 * two ^A stay dom0's input, the third hands input to the hypervisor; 'q'
 * must send VIRQ_DEBUG to dom0. [tessera] part: the console buffer then
 * holds the switch line, the key list ('h') and the 'q' line of domain 0
 * in Tessera's format ("Domain 0: cpu 0, ...").
 */
#include "../console_common/console_helpers.h"
#include <guest/domctl.h>

static char text[DOM0_CONSOLE_BUFFER_SIZE + 1];

static bool contains(const char *hay, long len, const char *needle)
{
    size_t n = strlen(needle);

    for (long i = 0; i + (long)n <= len; i++) {
        if (memcmp(hay + i, needle, n) == 0)
            return true;
    }
    return false;
}

static void check_console_text(void)
{
    static const char *const want[] = {
        "Serial input goes to Tessera",
        " 'q': ",
        "Domain 0: cpu 0, ",
    };
    long len = dom0_readconsole(text, DOM0_CONSOLE_BUFFER_SIZE, 0);

    if (len < 0) {
        xtf_failure("Fail: DOM0_READCONSOLE: expected a count got %ld\n", len);
        return;
    }
    for (unsigned int i = 0; i < ARRAY_SIZE(want); i++) {
        if (!contains(text, len, want[i]))
            xtf_failure("Fail: the console buffer lacks \"%s\"\n", want[i]);
    }
}

void test_main(void)
{
    unsigned int debug_port, console_port;
    char buf[8];
    long rc;

    if (!console_bind(VIRQ_CONSOLE, &console_port) || !console_bind(VIRQ_DEBUG, &debug_port))
        return;
    rc = dom0_readconsole(text, DOM0_CONSOLE_BUFFER_SIZE, 1);
    if (rc < 0)
        xtf_error("Error: DOM0_READCONSOLE with clear: expected a count got %ld\n", rc);

    printf(CONSOLE_READY);
    if (!console_wait(debug_port, 0))
        xtf_failure("Fail: no VIRQ_DEBUG after typing ^A^A^A q\n");
    rc = console_read_exact(buf, 2, console_port);
    if (rc != 2 || buf[0] != 1 || buf[1] != 1)
        xtf_failure("Fail: dom0 read expected 2 bytes \"\\x01\\x01\" got %ld \"%s\"\n", rc,
                    console_show(buf, rc > 0 ? rc : 0));
    console_expect_empty("after the switch to the hypervisor");
    check_console_text();
    xtf_success(NULL);
}
