/* SPDX-License-Identifier: GPL-2.0-only */
/* Verdicts of XTF-style tests and the one result line (guest/test.h). */
#include <guest/console.h>
#include <guest/runtime.h>
#include <guest/test.h>

enum status { RUNNING, SUCCESS, SKIP, ERROR, FAILURE };

static const char *const status_names[] = {
    [SUCCESS] = "SUCCESS", [SKIP] = "SKIP", [ERROR] = "ERROR", [FAILURE] = "FAILURE",
};

static enum status status = RUNNING;

static void record(enum status s, const char *fmt, va_list ap)
{
    char buf[512];
    int n;

    if (s > status)
        status = s;
    if (!fmt)
        return;
    n = vsnprintf(buf, sizeof(buf), fmt, ap);
    n = MIN(n, (int)sizeof(buf) - 1);
    console_write(buf, (size_t)n);
    if (n == 0 || buf[n - 1] != '\n')
        console_write("\n", 1);
}

#define DEFINE_VERDICT(name, s)             \
    void name(const char *fmt, ...)         \
    {                                       \
        va_list ap;                         \
                                            \
        va_start(ap, fmt);                  \
        record(s, fmt, ap);                 \
        va_end(ap);                         \
    }

DEFINE_VERDICT(xtf_success, SUCCESS)
DEFINE_VERDICT(xtf_skip, SKIP)
DEFINE_VERDICT(xtf_error, ERROR)
DEFINE_VERDICT(xtf_failure, FAILURE)

bool xtf_has_failed(void)
{
    return status >= ERROR;
}

void xtf_exit(void)
{
    static bool reported;

    /* A second report (say, a fault while reporting) must not add a line. */
    if (!reported) {
        reported = true;
        if (status == RUNNING)
            xtf_error("Error: the test reported no result\n");
        printf("Test result: %s\n", status_names[status]);
    }
    guest_shutdown(SHUTDOWN_poweroff);
}
