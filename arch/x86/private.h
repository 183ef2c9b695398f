/* SPDX-License-Identifier: GPL-2.0-only */
/* Declarations shared inside arch/x86 only. */
#ifndef ARCH_X86_PRIVATE_H
#define ARCH_X86_PRIVATE_H

#include <tessera/lib.h>

void traps_init(void);
void i8259_init(void);
void stack_trace_from(uint32_t eip, uint32_t ebp);

/* Maps the 4 MB around machine address pa at a fixed window (one at a
 * time, boot and shutdown only); returns the virtual address of pa. */
void *early_map_window(uint32_t pa);

int acpi_poweroff(void);

extern uint32_t idle_pg_table[1024];

#endif /* ARCH_X86_PRIVATE_H */
