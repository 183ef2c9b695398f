/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest debug registers (ABI.md §2, set_debugreg #8 / get_debugreg #9),
 * the DEBUG_REGISTERS module. The values are checked so a guest can never
 * watch Tessera's addresses or set the general-detect trap, stored per
 * domain, and loaded on each switch to the domain while its DR7 is set.
 */
#include <tessera/domain.h>
#include <tessera/errno.h>
#include <tessera/hypercall.h>
#include <tessera/sched.h>

#include "private.h"

#define DR_ADDR_MAX     0xFC3FFFFCu
#define DR7_GD          (1u << 13)

#define LOAD_DR(n, v)   __asm__ __volatile__("mov %0, %%db" #n : : "r"(v))

void debugreg_load(const struct domain *d)
{
    const uint32_t *dr = d->arch.debugreg;

    if (dr[7] == 0)
        return;
    LOAD_DR(0, dr[0]);
    LOAD_DR(1, dr[1]);
    LOAD_DR(2, dr[2]);
    LOAD_DR(3, dr[3]);
    LOAD_DR(6, dr[6]);
    LOAD_DR(7, dr[7]);
}

/* No 2-bit R/W or LEN field in bits 16-31 may be 10b (I/O, undefined size). */
static bool dr7_fields_ok(uint32_t v)
{
    unsigned int i;

    for (i = 16; i < 32; i += 2) {
        if (((v >> i) & 3) == 2)
            return false;
    }
    return true;
}

long do_set_debugreg(uint32_t reg, uint32_t val)
{
    struct domain *d = current;

    switch (reg) {
    case 0: case 1: case 2: case 3:
        if (val > DR_ADDR_MAX)
            return -EPERM;
        break;
    case 6:
        val = (val & 0xFFFFEFFFu) | 0xFFFF0FF0u;
        break;
    case 7:
        if (val == 0)
            break;
        if ((val & DR7_GD) || !dr7_fields_ok(val))
            return -EPERM;
        val = (val & 0xFFFF27FFu) | 0x400u;
        break;
    default:
        return -EINVAL;
    }
    d->arch.debugreg[reg] = val;
    if (reg == 7 || (reg < 4 && d->arch.debugreg[7]))
        debugreg_load(d);
    if (reg == 7 && val == 0)
        LOAD_DR(7, val);
    return 0;
}

long do_get_debugreg(uint32_t reg)
{
    if (reg > 7)
        return -EINVAL;
    return (long)current->arch.debugreg[reg];
}
