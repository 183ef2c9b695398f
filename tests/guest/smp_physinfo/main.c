/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * smp_physinfo: on a two-CPU machine PHYSINFO cores is 2 and the domU runs on CPU 1.
 * See ../smp_common/physinfo.h.
 */
#include "../smp_common/physinfo.h"

void test_main(void)
{
    physinfo_test(2);
}
