/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Writable page tables (ABI.md §5.5), the WRITABLE_PAGETABLES module:
 * a guest that enabled vm_assist type 2 may write its L1 tables directly;
 * Tessera lets the write fault open the table and re-validates the changed
 * entries when it is flushed. Without the module these are no-ops and the
 * vm_assist type is refused.
 */
#ifndef TESSERA_PTWR_H
#define TESSERA_PTWR_H

#include <tessera/domain.h>

#ifdef CONFIG_WRITABLE_PAGETABLES
/* A guest write fault at addr: true if it opened (or flushed) a table. */
bool ptwr_do_page_fault(struct domain *d, uint32_t addr, uint32_t error_code);
/* Flushes both slots of d: every flush trigger of §5.5 but the #PF one. */
void ptwr_flush_all(struct domain *d);
#else
static inline bool ptwr_do_page_fault(struct domain *d, uint32_t addr, uint32_t error_code)
{
    return false;
}

static inline void ptwr_flush_all(struct domain *d)
{
}
#endif

#endif /* TESSERA_PTWR_H */
