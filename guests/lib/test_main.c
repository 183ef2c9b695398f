/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The test driver: the guest_main() of every XTF-style test. Weak, so a
 * guest that is not a test (guests/hello) replaces it with its own.
 */
#include <guest/console.h>
#include <guest/runtime.h>
#include <guest/test.h>

__weak void guest_main(void)
{
    printf("--- Tessera test: %s ---\n", test_title);
    test_main();
    xtf_exit();
}
