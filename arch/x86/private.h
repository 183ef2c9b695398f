/* SPDX-License-Identifier: GPL-2.0-only */
/* Declarations shared inside arch/x86 only. */
#ifndef ARCH_X86_PRIVATE_H
#define ARCH_X86_PRIVATE_H

#include <tessera/lib.h>

void traps_init(void);
void i8259_init(void);
void stack_trace_from(uint32_t eip, uint32_t ebp);

int acpi_poweroff(void);


#endif /* ARCH_X86_PRIVATE_H */
