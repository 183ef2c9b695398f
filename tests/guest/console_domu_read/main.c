/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * console_domu_read: on a release build only dom0 may read serial input
 * (ABI.md §12; Xen 2.0 refuses console_io to other domains without
 * VERBOSE). Bug class: privilege (a domU stealing dom0's keystrokes).
 * dom0 pauses the domU, waits until "secret" has been typed into its
 * ring, then lets the domU run: its CONSOLEIO_read of 16 bytes, tried
 * many times, must give -EPERM each time (it reports through its shutdown
 * code: 0 = all -EPERM, 16 = another answer). dom0 then reads exactly
 * "secret": nothing was taken from the ring. A domU running beside dom0
 * on another CPU may start before the pause, so it first waits for the
 * input too: dom0 offers it port 2 (its next free port after VIRQ_CONSOLE's
 * port 1) once the input is there, and the domU retries binding to it
 * while that is -EINVAL or -EPERM (code 17 if the bind fails otherwise).
 */
#include <guest/domctl.h>

#include "../console_common/console_helpers.h"

#define TYPED       "secret"
#define TYPED_LEN   (sizeof(TYPED) - 1)
#define DOMU_TRIES  100
#define OFFER_PORT  2

static unsigned int domu_reads(void)
{
    char buf[16];
    unsigned int local;
    long rc;

    while ((rc = evtchn_bind_interdomain(0, OFFER_PORT, &local)) == -XEN_EINVAL ||
           rc == -XEN_EPERM)
        HYPERVISOR_yield();
    if (rc != 0)
        return 17;
    for (unsigned int i = 0; i < DOMU_TRIES; i++) {
        if (console_read(buf, sizeof(buf)) != -XEN_EPERM)
            return 16;
        HYPERVISOR_yield();
    }
    return 0;
}

static void check_domu(void)
{
    dom0_getdomaininfo_t info;
    int r = dom0_wait_stopped(1, DOM0_WAIT_YIELDS, &info);
    unsigned int code = domflags_shutdown_code(info.flags);

    if (r == DOM0_WAIT_GONE)
        xtf_error("Error: no domain 1\n");
    else if (r == DOM0_WAIT_RUNNING)
        xtf_failure("Fail: domain 1 did not finish (flags %#x)\n", info.flags);
    else if (info.flags & DOMFLAGS_CRASHED)
        xtf_failure("Fail: domain 1 crashed (flags %#x)\n", info.flags);
    else if (code == 16)
        xtf_failure("Fail: domU CONSOLEIO_read: expected -EPERM, got another answer\n");
    else if (code == 17)
        xtf_failure("Fail: domU bind_interdomain(0, %u) failed\n", OFFER_PORT);
    else if (code != 0)
        xtf_failure("Fail: domain 1 shut down with code %u, expected 0\n", code);
}

void test_main(void)
{
    dom0_op_t op;
    char buf[32];
    unsigned int port;
    long rc;

    if (!guest_is_dom0())
        guest_shutdown(domu_reads());

    rc = dom0_op_simple(&op, DOM0_PAUSEDOMAIN, 1);
    if (rc != 0) {
        xtf_error("Error: PAUSEDOMAIN(1): expected 0 got %ld\n", rc);
        return;
    }
    if (!console_bind(VIRQ_CONSOLE, &port) || !console_await_input(port, TYPED))
        return;
    if (!dom0_offer_port(1, OFFER_PORT))
        return;
    rc = dom0_op_simple(&op, DOM0_UNPAUSEDOMAIN, 1);
    if (rc != 0)
        xtf_error("Error: UNPAUSEDOMAIN(1): expected 0 got %ld\n", rc);
    check_domu();

    rc = console_read(buf, sizeof(buf));
    if (rc != (long)TYPED_LEN || memcmp(buf, TYPED, TYPED_LEN) != 0)
        xtf_failure("Fail: dom0 read after the domU's tries: expected %u bytes \"%s\" got %ld "
                    "\"%s\"\n", (unsigned int)TYPED_LEN, TYPED, rc,
                    console_show(buf, rc > 0 ? rc : 0));
    xtf_success(NULL);
}
