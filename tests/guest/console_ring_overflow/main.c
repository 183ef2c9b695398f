/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * console_ring_overflow: dom0's serial receive ring holds 128 bytes
 * (ABI.md §12, §15); as in Xen 2.0, input arriving while it is full is
 * dropped and what it holds is kept. 200 bytes are typed while dom0 does
 * not read; then one read of 256 must give exactly the first 128, and a
 * further read 0. Bug class: ring overrun (overwriting unread input or
 * memory beyond the ring).
 */
#include "../console_common/console_helpers.h"

#define RING_SIZE   128
#define TYPED_LEN   200

static char buf[256];

/* The harness's INPUT: "0001 0002 ... 0040", five bytes per group. */
static char typed(unsigned int i)
{
    unsigned int group = i / 5 + 1, pos = i % 5;
    static const unsigned int div[4] = { 1000, 100, 10, 1 };

    return pos == 4 ? ' ' : (char)('0' + group / div[pos] % 10);
}

void test_main(void)
{
    unsigned int port, i;
    long rc;

    if (!console_bind(VIRQ_CONSOLE, &port))
        return;
    printf(CONSOLE_READY);
    if (!console_wait(port, 0)) {
        xtf_failure("Fail: no VIRQ_CONSOLE after typing %u bytes\n", TYPED_LEN);
        return;
    }
    console_settle(2 * CONSOLE_SETTLE_MS);

    rc = console_read(buf, sizeof(buf));
    if (rc != RING_SIZE) {
        xtf_failure("Fail: read(256) after %u typed bytes: expected %u got %ld\n",
                    TYPED_LEN, RING_SIZE, rc);
    }
    for (i = 0; rc > 0 && i < (unsigned int)rc; i++) {
        if (buf[i] != typed(i)) {
            xtf_failure("Fail: byte %u: expected '%c' got \"%s\" (the first %u typed bytes "
                        "must be kept)\n", i, typed(i), console_show(&buf[i], 1), RING_SIZE);
            break;
        }
    }
    console_expect_empty("after reading the full ring");
    xtf_success(NULL);
}
