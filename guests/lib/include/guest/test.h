/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * guest/test.h: XTF-style tests on the guest runtime.
 *
 * A test defines test_main(); tests/guest/CMakeLists.txt generates its
 * test_title from the TITLE given to guest_test(). The runtime prints
 * "--- Tessera test: <title> ---", runs test_main() and then prints
 * exactly one line "Test result: SUCCESS|SKIP|ERROR|FAILURE" before
 * powering the domain off (for dom0: the machine).
 *
 * The xtf_*() calls print their message (if fmt is not NULL; a newline is
 * added when missing) and record a verdict; the worst one recorded wins:
 * SUCCESS < SKIP < ERROR < FAILURE. A test that records nothing is an
 * ERROR. Conventions: FAILURE = the hypervisor behaved wrongly; ERROR =
 * the test could not do its job; SKIP = the feature is absent (-ENOSYS).
 */
#ifndef GUEST_TEST_H
#define GUEST_TEST_H

#include <guest/lib.h>

extern const char test_title[];
void test_main(void);

void xtf_success(const char *fmt, ...) __printf(1, 2);
void xtf_skip(const char *fmt, ...) __printf(1, 2);
void xtf_error(const char *fmt, ...) __printf(1, 2);
void xtf_failure(const char *fmt, ...) __printf(1, 2);

/* True once xtf_error() or xtf_failure() was called. */
bool xtf_has_failed(void);

/* Prints the result line (once) and powers the domain off. */
void xtf_exit(void) __noreturn;

#endif /* GUEST_TEST_H */
