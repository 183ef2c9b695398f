/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The architecture's start of day: read what the multiboot loader left,
 * install the IDT and TSS, quiet the PICs, drop the 1:1 boot mapping, and
 * hand over to the generic start_tessera().
 */
#include <tessera/arch.h>
#include <tessera/bootinfo.h>
#include <tessera/ioremap.h>
#include <tessera/setup.h>
#include <tessera/sched.h>
#include <asm/current.h>
#include <asm/desc.h>
#include <asm/flushtlb.h>
#include <asm/layout.h>

#include "boot/multiboot.h"
#include "private.h"

struct boot_info boot_info;

extern const char __image_start[], __image_end[];

/* The loader's data is read through the direct map: only its 12 MB. */
static const void *map_loader_data(uint32_t pa, uint32_t len)
{
    if (pa >= DIRECTMAP_SIZE || len > DIRECTMAP_SIZE - pa)
        return NULL;
    return __va(pa);
}

void arch_start(uint32_t magic, uint32_t mbi_pa)
{
    struct phys_range image = {
        (uint32_t)__pa(__image_start), (uint32_t)__pa(__image_end),
    };
    const char *error = NULL;
    unsigned int slot;

    get_cpu_info()->curr_domain = &idle_domains[0];    /* CPU 0's, on cpu0_stack */
    traps_init();
    i8259_init();
    irq_init();
    fpu_init();
    ioremap_init();

    if (multiboot_parse(magic, mbi_pa, map_loader_data, &image, &boot_info, &error) != 0)
        boot_info_error = error;

    /* Guests own every address below PAGE_OFFSET: nothing of ours stays there. */
    for (slot = 0; slot < (PAGE_OFFSET >> 22); slot++)
        idle_pg_table[slot] = 0;
    flush_tlb_local();

    start_tessera();
}
