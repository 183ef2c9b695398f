/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * console_domu_release: on a release build (no VERBOSE: server, embedded)
 * console_io belongs to domain 0 alone (ABI.md §2 #18, §12). Bug class:
 * privilege (an unprivileged domain writing to, or draining input from,
 * the machine console). The domU (module "domU name=victim") tries write,
 * read, a read of 0 bytes, cmd 2 and a write from Tessera's area: -EPERM
 * each time, the privilege check coming first. It reports through its
 * shutdown code (0 = all -EPERM, 16 + n = attempt n answered otherwise);
 * dom0's own console_io still works. The debug build's twin is
 * console_domu_verbose.
 */
#include <guest/domctl.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>

static char msg[] = "domU console_io write\n";

static const struct {
    const char *what;
    unsigned int cmd, count;
    uint32_t buf;           /* 0: msg */
} attempts[] = {
    { "write", CONSOLEIO_write, sizeof(msg) - 1, 0 },
    { "read", CONSOLEIO_read, 8, 0 },
    { "read of 0 bytes", CONSOLEIO_read, 0, 0 },
    { "cmd 2", 2, 4, 0 },
    { "write from 0xFC400000", CONSOLEIO_write, 16, 0xFC400000 },
};

static unsigned int domu_attempts(void)
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(attempts); i++) {
        uint32_t buf = attempts[i].buf ? attempts[i].buf : (uintptr_t)msg;

        if (hypercall3(__HYPERVISOR_console_io, attempts[i].cmd, attempts[i].count, buf) !=
            -XEN_EPERM)
            return 16 + i;
    }
    return 0;
}

void test_main(void)
{
    dom0_getdomaininfo_t info;
    unsigned int code;
    uint32_t flags;
    int r;

    if (!guest_is_dom0())
        guest_shutdown(domu_attempts());

    r = dom0_wait_stopped(1, DOM0_WAIT_YIELDS, &info);
    if (r == DOM0_WAIT_GONE) {
        xtf_error("Error: no domain 1\n");
        return;
    }
    flags = info.flags;
    code = (flags >> DOMFLAGS_SHUTDOWNSHIFT) & DOMFLAGS_SHUTDOWNMASK;
    if (r == DOM0_WAIT_RUNNING)
        xtf_failure("Fail: domain 1 did not finish (timed out, flags %#x)\n", flags);
    else if (flags & DOMFLAGS_CRASHED)
        xtf_failure("Fail: domain 1 crashed (flags %#x)\n", flags);
    else if (code >= 16 && code < 16 + ARRAY_SIZE(attempts))
        xtf_failure("Fail: domU console_io %s: expected -EPERM, got another answer\n",
                    attempts[code - 16].what);
    else if (code != 0)
        xtf_failure("Fail: domain 1 shut down with code %u, expected 0\n", code);
    if (HYPERVISOR_console_io(CONSOLEIO_write, sizeof(msg) - 1, msg) != sizeof(msg) - 1)
        xtf_failure("Fail: dom0's console_io write failed\n");
    xtf_success(NULL);
}
