/* SPDX-License-Identifier: GPL-2.0-only */
/* The exception table (guest/traps.h) and exinfo_t formatting. */
#include <guest/console.h>
#include <guest/traps.h>

extern const struct extable_entry __start_extable[], __stop_extable[];

static const char *const vector_names[GUEST_NR_TRAPS] = {
    "DE", "DB", "NMI", "BP", "OF", "BR", "UD", "NM", "DF", "CSO",
    "TS", "NP", "SS", "GP", "PF", "SPV", "MF", "AC", "MC", "XM",
};

/* The table is short and searched only on exceptions: a linear scan will do. */
const struct extable_entry *extable_search(uint32_t eip)
{
    const struct extable_entry *e;

    for (e = __start_extable; e < __stop_extable; e++) {
        if (e->fault == eip)
            return e;
    }
    return NULL;
}

bool ex_record_fault_eax(struct cpu_regs *regs, const struct extable_entry *ex)
{
    regs->eax = EXINFO(regs->vector, regs->error_code);
    regs->eip = ex->fixup;
    return true;
}

const char *exinfo_str(exinfo_t e, char *buf, size_t size)
{
    unsigned int v = exinfo_vec(e);

    if (!(e & EXINFO_VALID))
        snprintf(buf, size, "none");
    else if (v < GUEST_NR_TRAPS)
        snprintf(buf, size, "#%s[%04x]", vector_names[v], exinfo_ec(e));
    else
        snprintf(buf, size, "#%u[%04x]", v, exinfo_ec(e));
    return buf;
}
