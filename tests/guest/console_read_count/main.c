/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * console_read_count: CONSOLEIO_read's count and buffer (ABI.md §12;
 * Xen 2.0 copies byte by byte and stops at the first fault). With
 * "0123456789" in the ring: count 0 gives 0; a buffer in Tessera's area
 * (0xFC000000) or on the read-only bootstrap L2 gives -EFAULT, writes
 * nothing and consumes nothing; count 3 gives exactly "012"; a buffer
 * whose first two bytes are writable and whose third is the read-only L2
 * gives -EFAULT after consuming "34" (written there); count 100 then
 * gives exactly the remaining "56789", and a further read 0. Bug class:
 * hypervisor writes through guest pointers.
 */
#include "../console_common/console_helpers.h"

#define TYPED       "0123456789"
#define TYPED_LEN   (sizeof(TYPED) - 1)

static char buf[128];

static void expect_read(const char *what, void *dst, uint32_t count, long want_rc,
                        const char *want)
{
    long rc;

    memset(buf, 0, sizeof(buf));
    rc = console_read(dst, count);
    if (rc != want_rc)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want_rc, rc);
    else if (want && memcmp(dst, want, (size_t)want_rc) != 0)
        xtf_failure("Fail: %s: expected \"%s\" got \"%s\"\n", what, want,
                    console_show(dst, rc));
}

/* The two bytes before the L2 belong to the last frame before it (writable). */
static void straddle_read_only(void)
{
    char *l2 = (char *)(uintptr_t)start_info->pt_base;
    char *dst = l2 - 2;
    char saved[2], l2_first = l2[0];
    long rc;

    memcpy(saved, dst, sizeof(saved));
    rc = console_read(dst, 5);
    if (rc != -XEN_EFAULT)
        xtf_failure("Fail: read across into the read-only L2: expected %d got %ld\n",
                    -XEN_EFAULT, rc);
    if (dst[0] != '3' || dst[1] != '4')
        xtf_failure("Fail: read across into the L2: expected \"34\" before it got \"%s\"\n",
                    console_show(dst, 2));
    if (l2[0] != l2_first)
        xtf_failure("Fail: read across into the L2: the read-only L2 was written\n");
    memcpy(dst, saved, sizeof(saved));
}

void test_main(void)
{
    char *l2 = (char *)(uintptr_t)start_info->pt_base;
    char l2_first = l2[0];
    unsigned int port;

    if (!console_bind(VIRQ_CONSOLE, &port) || !console_await_input(port, TYPED))
        return;

    expect_read("count 0", buf, 0, 0, NULL);
    expect_read("buffer at 0xFC000000", (void *)0xFC000000, 4, -XEN_EFAULT, NULL);
    expect_read("buffer on the read-only L2", l2, 4, -XEN_EFAULT, NULL);
    if (l2[0] != l2_first)
        xtf_failure("Fail: a read into the read-only L2 wrote it\n");
    expect_read("count 3", buf, 3, 3, "012");
    straddle_read_only();
    expect_read("count 100", buf, 100, 5, "56789");
    console_expect_empty("after reading all input");
    xtf_success(NULL);
}
