/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * smp_physinfo_nosmp: a two-CPU machine booted with nosmp has 1 CPU online; the
 * domU shares CPU 0 with dom0.
 * See ../smp_common/physinfo.h.
 */
#include "../smp_common/physinfo.h"

void test_main(void)
{
    physinfo_test(1);
}
