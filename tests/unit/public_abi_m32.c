/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The public ABI pins compiled for i386, as the hypervisor and the guests
 * see the headers: the unit/public_abi_m32 test runs
 * "cc -m32 -fsyntax-only" on this file, so any size or offset that differs
 * from ABI.md on 32-bit x86 fails it.
 */
#include "public_abi_asserts.h"

_Static_assert(sizeof(void *) == 4, "must be compiled with -m32");
