/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The exception table: instructions allowed to fault (guest memory access,
 * reloading guest selectors) and where to continue when they do.
 */
#include <tessera/lib.h>

#include "private.h"

struct extable_entry {
    uint32_t insn;
    uint32_t fixup;
};

extern const struct extable_entry __start___ex_table[], __stop___ex_table[];

uint32_t search_exception_table(uint32_t eip)
{
    const struct extable_entry *e;

    for (e = __start___ex_table; e < __stop___ex_table; e++) {
        if (e->insn == eip)
            return e->fixup;
    }
    return 0;
}
