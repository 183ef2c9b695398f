/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event channels: callback registration, the C half of the upcall, and
 * the port mask/pending bits in shared_info (ABI.md §4, §7).
 *
 * The hypervisor sets pending and selector bits from any CPU, so bit
 * updates here are locked; upcall_pending and upcall_mask are this VCPU's
 * own and are written plainly (ABI.md §4).
 */
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>

#include "private.h"

struct port_handler {
    evtchn_handler_t fn;
    void *arg;
};

static struct port_handler handlers[NR_EVENT_CHANNELS];
volatile unsigned int event_upcall_count;
volatile unsigned int evtchn_fired[NR_EVENT_CHANNELS];
volatile struct failsafe_record last_failsafe;

_Static_assert(__builtin_offsetof(struct failsafe_record, ds) == 4, "entry.S uses @4");
_Static_assert(__builtin_offsetof(struct failsafe_record, eip) == 20, "entry.S uses @20");

static inline void set_bit_locked(unsigned int nr, volatile uint32_t *words)
{
    __asm__ __volatile__("lock btsl %1, %0" : "+m"(*words) : "Ir"(nr) : "memory");
}

static inline void clear_bit_locked(unsigned int nr, volatile uint32_t *words)
{
    __asm__ __volatile__("lock btrl %1, %0" : "+m"(*words) : "Ir"(nr) : "memory");
}

static inline bool test_bit(unsigned int nr, const volatile uint32_t *words)
{
    return (words[nr / 32] >> (nr % 32)) & 1;
}

static inline uint32_t xchg32(volatile uint32_t *p, uint32_t v)
{
    __asm__ __volatile__("xchgl %0, %1" : "+r"(v), "+m"(*p) : : "memory");
    return v;
}

static volatile vcpu_info_t *vcpu(void)
{
    return &shared_info->vcpu_data[0];
}

/* Any hypercall passes the exit path, which delivers what is pending. */
static void force_upcall(void)
{
    HYPERVISOR_xen_version(XENVER_version);
}

void events_init(void)
{
    long rc = HYPERVISOR_set_callbacks(FLAT_RING1_CS, (uintptr_t)event_callback_entry,
                                       FLAT_RING1_CS, (uintptr_t)failsafe_callback_entry);

    if (rc)
        xtf_error("Error: set_callbacks returned %ld\n", rc);
}

bool events_available(void)
{
    return shared_info != NULL;
}

void events_enable(void)
{
    if (!events_available())
        return;
    vcpu()->evtchn_upcall_mask = 0;
    barrier();
    if (vcpu()->evtchn_upcall_pending)
        force_upcall();
}

void events_disable(void)
{
    if (events_available())
        vcpu()->evtchn_upcall_mask = 1;
    barrier();
}

void evtchn_set_handler(unsigned int port, evtchn_handler_t handler, void *arg)
{
    if (port >= NR_EVENT_CHANNELS)
        return;
    handlers[port].arg = arg;
    barrier();
    handlers[port].fn = handler;
}

void evtchn_mask(unsigned int port)
{
    if (events_available() && port < NR_EVENT_CHANNELS)
        set_bit_locked(port % 32, &shared_info->evtchn_mask[port / 32]);
}

void evtchn_clear(unsigned int port)
{
    if (events_available() && port < NR_EVENT_CHANNELS)
        clear_bit_locked(port % 32, &shared_info->evtchn_pending[port / 32]);
}

bool evtchn_is_pending(unsigned int port)
{
    return events_available() && port < NR_EVENT_CHANNELS &&
           test_bit(port, shared_info->evtchn_pending);
}

/*
 * A port that became pending while masked lost its edge (ABI.md §7): raise
 * the selector bit and upcall_pending by hand, as the hypervisor would
 * have done.
 */
void evtchn_unmask(unsigned int port)
{
    if (!events_available() || port >= NR_EVENT_CHANNELS)
        return;
    clear_bit_locked(port % 32, &shared_info->evtchn_mask[port / 32]);
    if (!evtchn_is_pending(port))
        return;
    set_bit_locked(port / 32, &shared_info->evtchn_pending_sel);
    vcpu()->evtchn_upcall_pending = 1;
    barrier();
    if (!vcpu()->evtchn_upcall_mask)
        force_upcall();
}

static void deliver_port(unsigned int port, struct cpu_regs *regs)
{
    struct port_handler h = handlers[port];

    clear_bit_locked(port % 32, &shared_info->evtchn_pending[port / 32]);
    evtchn_fired[port]++;
    if (h.fn)
        h.fn(port, regs, h.arg);
}

void guest_event_upcall(struct cpu_regs *regs)
{
    uint32_t sel, pend;
    unsigned int w, b;

    event_upcall_count++;
    if (!events_available())
        return;
    /* Cleared before the scan, so an event raised during it is not lost. */
    vcpu()->evtchn_upcall_pending = 0;
    sel = xchg32(&shared_info->evtchn_pending_sel, 0);
    while (sel) {
        w = (unsigned int)__builtin_ctz(sel);
        sel &= sel - 1;
        pend = shared_info->evtchn_pending[w] & ~shared_info->evtchn_mask[w];
        while (pend) {
            b = (unsigned int)__builtin_ctz(pend);
            pend &= pend - 1;
            deliver_port(w * 32 + b, regs);
        }
    }
}
