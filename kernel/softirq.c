/* SPDX-License-Identifier: GPL-2.0-only */
#include <tessera/smp.h>
#include <tessera/softirq.h>

static void (*handlers[NR_SOFTIRQS])(void);
static volatile uint32_t pending[NR_CPUS];

void open_softirq(enum softirq nr, void (*handler)(void))
{
    handlers[nr] = handler;
}

void raise_softirq(enum softirq nr)
{
    __sync_fetch_and_or(&pending[smp_processor_id()], 1u << nr);
}

void cpu_raise_softirq(unsigned int cpu, enum softirq nr)
{
    __sync_fetch_and_or(&pending[cpu], 1u << nr);
    smp_send_event_check(cpu);
}

bool softirq_pending(void)
{
    return pending[smp_processor_id()] != 0;
}

void do_softirq(void)
{
    unsigned int cpu = smp_processor_id();
    uint32_t p;

    while ((p = pending[cpu]) != 0) {
        unsigned int nr = (unsigned int)__builtin_ctz(p);

        __sync_fetch_and_and(&pending[cpu], ~(1u << nr));
        if (handlers[nr])
            handlers[nr]();
    }
}
