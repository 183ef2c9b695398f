/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * guest/events.h: event channels and the two callbacks.
 *
 * Events need shared_info, which start of day maps with update_va_mapping.
 * Where that is refused, events_available() is false and a test of events
 * should SKIP. Upcalls start masked (upcall_mask = 1, as the builder left
 * it): events_enable() lets them in.
 *
 * On an upcall the runtime clears upcall_pending, then for every pending,
 * unmasked port clears its pending bit, counts it in evtchn_fired[] and
 * calls its handler, if one is set.
 */
#ifndef GUEST_EVENTS_H
#define GUEST_EVENTS_H

#include <guest/lib.h>
#include <guest/traps.h>
#include <public/event_channel.h>

typedef void (*evtchn_handler_t)(unsigned int port, struct cpu_regs *regs, void *arg);

bool events_available(void);

/* upcall_mask: 0 lets upcalls in (delivering any already pending), 1 holds them. */
void events_enable(void);
void events_disable(void);

void evtchn_set_handler(unsigned int port, evtchn_handler_t handler, void *arg);
void evtchn_mask(unsigned int port);
/* Unmasks; a port that became pending while masked is then delivered. */
void evtchn_unmask(unsigned int port);
void evtchn_clear(unsigned int port);
bool evtchn_is_pending(unsigned int port);

/* EVTCHNOP wrappers: 0 or -XEN_E*; ports come back through *port. */
long evtchn_bind_virq(unsigned int virq, unsigned int *port);
long evtchn_alloc_unbound(domid_t dom, unsigned int *port);
long evtchn_bind_interdomain(domid_t remote_dom, unsigned int remote_port,
                             unsigned int *local_port);
long evtchn_send(unsigned int port);
long evtchn_close(unsigned int port);

/*
 * Runs of the upcall handler (one more per re-check that found work), and
 * deliveries per port, since start of day.
 */
extern volatile unsigned int event_upcall_count;
extern volatile unsigned int evtchn_fired[NR_EVENT_CHANNELS];

/* The failsafe callback: how often it ran and its last frame. */
struct failsafe_record {
    unsigned int count;         /* @0 */
    uint32_t ds, es, fs, gs;    /* @4: selectors that failed to reload */
    uint32_t eip;               /* @20: where the guest was returning to */
};
extern volatile struct failsafe_record last_failsafe;

/* Called by entry.S. */
void guest_event_upcall(struct cpu_regs *regs);

#endif /* GUEST_EVENTS_H */
