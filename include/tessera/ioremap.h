/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Mappings of machine addresses outside RAM or outside the direct map
 * (firmware tables, device memory) into Tessera's ioremap area. Usable from
 * the first instruction of C on, including while the machine goes down.
 */
#ifndef TESSERA_IOREMAP_H
#define TESSERA_IOREMAP_H

#include <tessera/lib.h>

/* Installs the area in Tessera's page table: before any guest L2 copies it. */
void ioremap_init(void);

/* Maps [pa, pa+len) uncached if uncached is set; NULL when the area is full. */
void *ioremap(uint32_t pa, uint32_t len, bool uncached);
void iounmap(void *va, uint32_t len);

#endif /* TESSERA_IOREMAP_H */
