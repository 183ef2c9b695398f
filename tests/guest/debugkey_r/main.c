/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * debugkey_r: debug key 'r' (ABI.md §15), on a build with debug keys.
 * dom0 empties the console buffer (DOM0_READCONSOLE with cmd 1) and asks
 * DOM0_SCHED_ID which policy runs; typed: ^A^A^A "r". The first two ^A
 * stay dom0's input, the third hands input to the hypervisor, and 'r'
 * raises no event, so dom0 polls the console buffer until the dump is
 * there. [tessera] part: the dump's format — the key's line, "Scheduler:
 * <name> (sched=<opt>), NOW=<ns> ns" naming the policy DOM0_SCHED_ID
 * reports, with 0 < NOW <= dom0's system time when it read the buffer,
 * and a line for CPU 0.
 */
#include "../console_common/console_helpers.h"
#include <guest/domctl.h>

#define POLL_MS     100
#define POLL_TRIES  100         /* 10 s: the harness's timeout is the real bound */

static char text[DOM0_CONSOLE_BUFFER_SIZE + 1];

/* The sched= name of DOM0_SCHED_ID's answer; NULL (verdict recorded) if none. */
static const char *sched_opt_name(void)
{
    dom0_op_t op = { .cmd = DOM0_SCHED_ID, .interface_version = DOM0_INTERFACE_VERSION };
    long rc = HYPERVISOR_dom0_op(&op);

    if (rc != 0) {
        xtf_error("Error: DOM0_SCHED_ID: expected 0 got %ld\n", rc);
        return NULL;
    }
    switch (op.u.sched_id.sched_id) {
    case SCHED_BVT:
        return "bvt";
    case SCHED_ATROPOS:
        return "atropos";
    case SCHED_RROBIN:
        return "rrobin";
    }
    xtf_failure("Fail: DOM0_SCHED_ID: expected 0, 2 or 3 got %u\n", op.u.sched_id.sched_id);
    return NULL;
}

/* Reads the whole console buffer into text, NUL-terminated; its length or < 0. */
static long read_text(void)
{
    long len = dom0_readconsole(text, DOM0_CONSOLE_BUFFER_SIZE, 0);

    if (len < 0 || len > DOM0_CONSOLE_BUFFER_SIZE) {
        xtf_failure("Fail: DOM0_READCONSOLE: expected a count got %ld\n", len);
        return -1;
    }
    text[len] = '\0';
    return len;
}

/* Waits for the 'r' dump to reach the console buffer. */
static bool wait_for_dump(void)
{
    for (unsigned int i = 0; i < POLL_TRIES; i++) {
        if (read_text() < 0)
            return false;
        if (strstr(text, "CPU0: running domain "))
            return true;
        console_settle(POLL_MS);
    }
    xtf_failure("Fail: no 'r' dump in the console buffer after typing ^A^A^A r\n");
    return false;
}

static void check_now(const char *line, uint64_t guest_now)
{
    const char *p = strstr(line, "NOW=");
    uint64_t now = 0;

    if (!p) {
        xtf_failure("Fail: the scheduler line lacks \"NOW=\"\n");
        return;
    }
    for (p += 4; *p >= '0' && *p <= '9'; p++)
        now = now * 10 + (uint64_t)(*p - '0');
    if (strncmp(p, " ns\n", 4) != 0)
        xtf_failure("Fail: expected \" ns\" after NOW's digits got \"%s\"\n",
                    console_show(p, (long)strnlen(p, 8)));
    if (now == 0 || (time_available() && now > guest_now))
        xtf_failure("Fail: NOW=%llu: expected 0 < NOW <= %llu\n", (unsigned long long)now,
                    (unsigned long long)guest_now);
}

static void check_dump(const char *opt)
{
    static const char *const want[] = {
        "Serial input goes to Tessera",
        "'r': scheduler state\n",
        "CPU0: running domain ",
    };
    char expect[48];
    const char *line;
    uint64_t guest_now = time_available() ? time_now() : 0;

    if (read_text() < 0)
        return;
    for (unsigned int i = 0; i < ARRAY_SIZE(want); i++) {
        if (!strstr(text, want[i]))
            xtf_failure("Fail: the console buffer lacks \"%s\"\n", want[i]);
    }
    snprintf(expect, sizeof(expect), " (sched=%s), NOW=", opt);
    line = strstr(text, "Scheduler: ");
    if (!line || !strstr(line, expect)) {
        xtf_failure("Fail: expected a line \"Scheduler: <name>%s<ns> ns\"\n", expect);
        return;
    }
    check_now(strstr(line, expect), guest_now);
}

void test_main(void)
{
    unsigned int console_port;
    const char *opt;
    char buf[8];
    long rc;

    if (!console_bind(VIRQ_CONSOLE, &console_port))
        return;
    opt = sched_opt_name();
    if (!opt)
        return;
    rc = dom0_readconsole(text, DOM0_CONSOLE_BUFFER_SIZE, 1);
    if (rc < 0)
        xtf_error("Error: DOM0_READCONSOLE with clear: expected a count got %ld\n", rc);

    printf(CONSOLE_READY);
    rc = console_read_exact(buf, 2, console_port);
    if (rc != 2 || buf[0] != 1 || buf[1] != 1)
        xtf_failure("Fail: dom0 read expected 2 bytes \"\\x01\\x01\" got %ld \"%s\"\n", rc,
                    console_show(buf, rc > 0 ? rc : 0));
    if (!wait_for_dump())
        return;
    console_expect_empty("after the switch to the hypervisor");
    check_dump(opt);
    xtf_success(NULL);
}
