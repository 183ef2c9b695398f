/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared by the serial console input tests (console.cmake, ABI.md §7,
 * §12, §15). The harness types a test's INPUT once the guest has printed
 * CONSOLE_READY, so every test binds its VIRQ first, then says it is
 * ready, then waits. Waits block (input is only taken while Tessera
 * idles or the guest runs) and are bounded by set_timer_op where it works,
 * else by the harness's timeout.
 */
#ifndef CONSOLE_HELPERS_H
#define CONSOLE_HELPERS_H

#include <guest/console.h>
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

#define CONSOLE_READY       "console-test: ready\n"
#define CONSOLE_WAIT_NS     (10 * NSEC_PER_SEC)     /* for input that was typed */
#define CONSOLE_SETTLE_MS   500                     /* for the rest of it to arrive */
#define CONSOLE_SPIN_PER_MS 3000000ull              /* TSC cycles, when there is no timer */

static bool console_timer_ok;

static inline long console_read(void *buf, uint32_t count)
{
    return hypercall3(__HYPERVISOR_console_io, CONSOLEIO_read, count, (uintptr_t)buf);
}

/*
 * Binds virq and prepares the waits. False once a verdict is recorded:
 * SKIP while event channels answer -ENOSYS, FAILURE otherwise.
 */
static inline bool console_bind(unsigned int virq, unsigned int *port)
{
    long rc = evtchn_bind_virq(virq, port);

    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: event_channel_op answers -ENOSYS\n");
        return false;
    }
    if (rc != 0 || !events_available()) {
        xtf_failure("Fail: bind_virq(%u): expected 0 got %ld\n", virq, rc);
        return false;
    }
    console_timer_ok = time_available() && HYPERVISOR_set_timer_op(0) == 0;
    return true;
}

static inline uint64_t console_deadline(uint64_t ns)
{
    return console_timer_ok ? time_now() + ns : 0;
}

/* Blocks until port has fired more than seen times (or the deadline). */
static inline bool console_wait(unsigned int port, unsigned int seen)
{
    return time_wait_event(port, seen, console_deadline(CONSOLE_WAIT_NS));
}

/* Lets input arrive for about ms milliseconds without reading any. */
static inline void console_settle(unsigned int ms)
{
    uint64_t end;

    if (console_timer_ok) {
        time_wait_event(0, (unsigned int)-1, console_deadline(ms * NSEC_PER_MSEC));
        return;
    }
    end = rdtsc() + ms * CONSOLE_SPIN_PER_MS;
    while (rdtsc() < end)
        ;
}

/*
 * Reads until want bytes are in buf, waiting for port between reads that
 * found nothing. Returns the count read, or the first negative answer.
 */
static inline long console_read_exact(char *buf, uint32_t want, unsigned int port)
{
    uint32_t got = 0;

    while (got < want) {
        unsigned int seen = evtchn_fired[port];
        long rc = console_read(buf + got, want - got);

        if (rc < 0)
            return rc;
        if (rc > (long)(want - got))
            return rc + got;    /* more than asked: the caller reports it */
        got += (uint32_t)rc;
        if (rc == 0 && got < want && !console_wait(port, seen))
            break;
    }
    return got;
}

/* Formats bytes for a message: printable as is, others as \xNN. */
static inline const char *console_show(const char *s, long len)
{
    static char out[4 * 160 + 1];
    size_t n = 0;

    for (long i = 0; i < len && i < 160; i++) {
        unsigned char c = (unsigned char)s[i];

        if (c >= 0x20 && c < 0x7F && c != '\\')
            out[n++] = (char)c;
        else
            n += (size_t)snprintf(out + n, sizeof(out) - n, "\\x%02x", c);
    }
    out[n] = '\0';
    return out;
}

/* Checks that the ring is empty now (count 16 gives 0). */
static inline void console_expect_empty(const char *what)
{
    char buf[16];
    long rc = console_read(buf, sizeof(buf));

    if (rc != 0)
        xtf_failure("Fail: %s: read expected 0 got %ld (\"%s\")\n", what, rc,
                    console_show(buf, rc > 0 ? rc : 0));
}

/*
 * Says it is ready, waits for the input typed (text, for the message) to
 * raise VIRQ_CONSOLE on port, then lets the rest of it arrive. False
 * (FAILURE recorded) if no VIRQ came.
 */
static inline bool console_await_input(unsigned int port, const char *typed)
{
    printf(CONSOLE_READY);
    if (!console_wait(port, 0)) {
        xtf_failure("Fail: no VIRQ_CONSOLE after typing \"%s\"\n", typed);
        return false;
    }
    console_settle(CONSOLE_SETTLE_MS);
    return true;
}

/*
 * For the conswitch tests: says it is ready, then dom0 must read exactly
 * the len bytes of want (shown: want as a message writes it) and, once
 * the rest of the input had time to arrive, nothing more.
 */
static inline void console_expect_dom0_input(unsigned int port, const char *want, uint32_t len,
                                             const char *shown)
{
    char buf[32];
    long rc;

    printf(CONSOLE_READY);
    rc = console_read_exact(buf, len, port);
    if (rc != (long)len || memcmp(buf, want, len) != 0)
        xtf_failure("Fail: dom0 read expected %u bytes \"%s\" got %ld \"%s\"\n", len, shown, rc,
                    console_show(buf, rc > 0 ? rc : 0));
    console_settle(CONSOLE_SETTLE_MS);
    console_expect_empty("after reading all of dom0's input");
}

#endif /* CONSOLE_HELPERS_H */
