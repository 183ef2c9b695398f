/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * console_io_write: console_io from dom0 (ABI.md §12, §1 guest pointers).
 * write returns the count, clipped to 4095 (5000 asked); it stops printing
 * at the first NUL but still returns the count ("ab\0cd", 5 -> 5); count
 * 0 returns 0. read with count 0 returns 0. cmd 2 and 0xFFFFFFFF give
 * -ENOSYS. A buffer not wholly below 0xFC000000 gives -EFAULT, even where
 * the guest itself may read (the M2P at 0xFC000000). Bug class:
 * hypervisor memory disclosure (Tessera's heap printed to the serial line).
 * Each refusal is followed by a write that must still work.
 */
#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/test.h>

static char big[5000];

static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

static long cio(unsigned int cmd, unsigned int count, uint32_t buf)
{
    return hypercall3(__HYPERVISOR_console_io, cmd, count, buf);
}

void test_main(void)
{
    static char line[] = "console_io: plain write\n";
    static char nul[] = "ab\0cd";
    static const struct {
        uint32_t buf;
        unsigned int count;
    } bad[] = {
        { 0xFBFFFFF8, 16 },     /* crosses 0xFC000000 */
        { 0xFC000000, 1 },      /* the read-only M2P */
        { 0xFC3FFFFC, 8 },      /* crosses into Tessera's heap */
        { 0xFC400000, 64 },     /* Tessera's heap */
        { 0xFFFFFFF0, 32 },     /* wraps around */
    };
    unsigned int i;
    char what[48];

    check("write of 24 bytes", cio(CONSOLEIO_write, sizeof(line) - 1, (uintptr_t)line),
          sizeof(line) - 1);
    check("write \"ab\\0cd\", count 5", cio(CONSOLEIO_write, 5, (uintptr_t)nul), 5);
    /* One newline, then NULs: nothing more is printed, the count is clipped. */
    big[0] = '\n';
    check("write of 5000 bytes", cio(CONSOLEIO_write, sizeof(big), (uintptr_t)big), 4095);
    check("write of 4095 bytes", cio(CONSOLEIO_write, 4095, (uintptr_t)big), 4095);
    check("write of 0 bytes", cio(CONSOLEIO_write, 0, (uintptr_t)line), 0);
    check("read of 0 bytes", cio(CONSOLEIO_read, 0, (uintptr_t)big), 0);
    check("cmd 2", cio(2, 4, (uintptr_t)line), -XEN_ENOSYS);
    check("cmd 0xFFFFFFFF", cio(0xFFFFFFFF, 4, (uintptr_t)line), -XEN_ENOSYS);

    for (i = 0; i < ARRAY_SIZE(bad); i++) {
        snprintf(what, sizeof(what), "write of %u bytes at %#x", bad[i].count, bad[i].buf);
        check(what, cio(CONSOLEIO_write, bad[i].count, bad[i].buf), -XEN_EFAULT);
        check("write after a refused one", cio(CONSOLEIO_write, 1, (uintptr_t)"\n"), 1);
    }
    xtf_success(NULL);
}
