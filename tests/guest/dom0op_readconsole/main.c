/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_readconsole: DOM0_READCONSOLE (ABI.md §10, §15 console buffer).
 * It copies from the start of the 16392-byte buffer of hypervisor output
 * and returns the count, never more than asked for and never writing past
 * it. The text starts with the "(XEN) " prefix and holds Tessera's banner
 * ("(XEN) Tessera": the [tessera] part); a guest's console_io output is
 * not in it. A short read gives the same first bytes; count 0 gives 0. A
 * buffer not wholly below 0xFC000000 or read-only (the bootstrap L2) gives
 * -EFAULT and is not written. Bug class: hypervisor memory corruption.
 */
#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>

#define RING_SIZE   DOM0_CONSOLE_BUFFER_SIZE
#define CANARY      0x7E

static char text[RING_SIZE + 64];
static char small[64];

static long readconsole(uint32_t str, uint32_t count)
{
    dom0_op_t op = { .cmd = DOM0_READCONSOLE, .interface_version = DOM0_INTERFACE_VERSION };

    op.u.readconsole.str = str;
    op.u.readconsole.count = count;
    op.u.readconsole.cmd = 0;
    return HYPERVISOR_dom0_op(&op);
}

static void check_bad_buffers(void)
{
    static const uint32_t bad[] = { 0xFBFFFFF0, 0xFC000000, 0xFC3FFFF0, 0xFC400000 };
    static uint8_t l2_copy[64];
    unsigned int i;
    long rc;

    for (i = 0; i < ARRAY_SIZE(bad); i++) {
        rc = readconsole(bad[i], 64);
        if (rc != -XEN_EFAULT)
            xtf_failure("Fail: READCONSOLE into %#x: expected %d got %ld\n", bad[i],
                        -XEN_EFAULT, rc);
    }
    memcpy(l2_copy, (const void *)start_info->pt_base, sizeof(l2_copy));
    rc = readconsole(start_info->pt_base, sizeof(l2_copy));
    if (rc != -XEN_EFAULT)
        xtf_failure("Fail: READCONSOLE into the read-only L2: expected %d got %ld\n",
                    -XEN_EFAULT, rc);
    if (memcmp(l2_copy, (const void *)start_info->pt_base, sizeof(l2_copy)))
        xtf_failure("Fail: READCONSOLE wrote into the L2\n");
}

void test_main(void)
{
    long n, m;

    printf("readconsole marker: from console_io\n");
    memset(text, CANARY, sizeof(text));
    n = readconsole((uintptr_t)text, RING_SIZE);
    if (n <= 0 || n > RING_SIZE) {
        xtf_failure("Fail: READCONSOLE(%u bytes): expected 1..%u got %ld\n", RING_SIZE,
                    RING_SIZE, n);
        return;
    }
    if (text[n] != CANARY)
        xtf_failure("Fail: READCONSOLE returned %ld but wrote byte %ld\n", n, n);
    text[n] = '\0';
    if (strncmp(text, "(XEN) ", 6) != 0)
        xtf_failure("Fail: the console buffer does not start with \"(XEN) \": \"%.20s\"\n",
                    text);
    if (!strstr(text, "(XEN) Tessera"))
        xtf_failure("Fail: the console buffer lacks \"(XEN) Tessera\"\n");
    if (strstr(text, "readconsole marker") || strstr(text, "--- Tessera test"))
        xtf_failure("Fail: console_io output went into the console buffer\n");

    memset(small, CANARY, sizeof(small));
    m = readconsole((uintptr_t)small, 16);
    if (m != 16 || memcmp(small, text, 16) != 0 || small[16] != CANARY)
        xtf_failure("Fail: READCONSOLE(16 bytes): returned %ld, \"%.16s\", byte 16 %#x\n", m,
                    small, (uint8_t)small[16]);
    m = readconsole((uintptr_t)small, 0);
    if (m != 0)
        xtf_failure("Fail: READCONSOLE(0 bytes): expected 0 got %ld\n", m);

    check_bad_buffers();
    m = readconsole((uintptr_t)small, 16);
    if (m != 16 || memcmp(small, text, 16) != 0)
        xtf_failure("Fail: READCONSOLE after the bad buffers: returned %ld\n", m);
    xtf_success(NULL);
}
