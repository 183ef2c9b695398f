/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Call traces by walking the frame-pointer chain (the image is built with
 * -fno-omit-frame-pointer). Addresses resolve with
 * `addr2line -e build/tessera ADDR` or build/tessera.map.
 */
#include <tessera/arch.h>
#include <tessera/console.h>
#include <asm/desc.h>

#include <asm/current.h>

#include "private.h"

#define MAX_FRAMES 32

void stack_trace_from(uint32_t eip, uint32_t ebp)
{
    uint32_t lo = (uint32_t)(uintptr_t)get_cpu_info();
    uint32_t hi = lo + STACK_SIZE;
    int n;

    printk(LOG_ERR "  [<%08x>]\n", eip);
    for (n = 0; n < MAX_FRAMES; n++) {
        const uint32_t *frame = (const uint32_t *)(uintptr_t)ebp;

        /* Stop at the end of the chain or anything off this stack. */
        if (ebp < lo || ebp + 8 > hi || (ebp & 3))
            break;
        if (frame[1] == 0)
            break;
        printk(LOG_ERR "  [<%08x>]\n", frame[1]);
        if (frame[0] <= ebp)
            break;
        ebp = frame[0];
    }
}

void arch_dump_stack(void)
{
    const uint32_t *frame = __builtin_frame_address(0);

    printk(LOG_ERR "Call trace:\n");
    stack_trace_from(frame[1], frame[0]);   /* from our caller on */
}
