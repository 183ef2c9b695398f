/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * guest/time.h: the guest's view of time (ABI.md §4, §8).
 *
 * The hypervisor refreshes the time fields of shared_info (system time at
 * a TSC stamp, the TSC frequency, the wall clock at that same instant,
 * domain_time) under a version protocol; time_read() takes a consistent
 * copy. Between refreshes the guest interpolates with rdtsc:
 *   now = system_time + (rdtsc - tsc_timestamp) * 1e9 / cpu_freq.
 * set_timer_op (one per domain, absolute ns, 0 cancels) expiry raises
 * VIRQ_TIMER; time_wait_event() blocks on it with a deadline.
 */
#ifndef GUEST_TIME_H
#define GUEST_TIME_H

#include <guest/lib.h>

#define NSEC_PER_USEC       1000ull
#define NSEC_PER_MSEC       1000000ull
#define NSEC_PER_SEC        1000000000ull
#define USEC_PER_SEC        1000000ull
/* HZ = 100: each tick adds exactly this to system time and the wall clock. */
#define TIME_TICK_NS        (10 * NSEC_PER_MSEC)

/* A consistent copy of shared_info's time fields. */
struct time_info {
    uint64_t cpu_freq;          /* Hz */
    uint64_t tsc_timestamp;     /* raw TSC at the refresh */
    uint64_t system_time;       /* ns since boot at tsc_timestamp */
    uint32_t wc_sec;            /* wall clock at that instant */
    uint32_t wc_usec;
    uint64_t domain_time;       /* [tessera] ns this domain has run */
    uint32_t version;           /* time_version1 == time_version2 for this copy */
};

static inline uint64_t rdtsc(void)
{
    uint32_t lo, hi;

    __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

/* shared_info is mapped, so there are time fields to read. */
bool time_available(void);

/* Copies the time fields: v = version2; rmb; copy; rmb; until v == version1. */
void time_read(struct time_info *t);

/* cycles * 1e9 / cpu_freq without overflowing 64 bits; 0 if cpu_freq is 0. */
uint64_t time_cycles_to_ns(uint64_t cycles, uint64_t cpu_freq);

/* System time (ns) at TSC value tsc, interpolated from the copy t. */
uint64_t time_ns_at(const struct time_info *t, uint64_t tsc);

/* System time now (ns since boot). */
uint64_t time_now(void);

/* Wall clock of the copy t, in microseconds since 1970. */
static inline uint64_t time_wc_usecs(const struct time_info *t)
{
    return (uint64_t)t->wc_sec * USEC_PER_SEC + t->wc_usec;
}

/* Wall clock now, in microseconds since 1970. */
uint64_t time_wallclock_usecs(void);

/*
 * Spins until the time stamp (system_time) differs from the one read on
 * entry, i.e. until the next refresh of a new tick, then copies it to *t.
 * Right after it returns a test has almost a whole tick before the next.
 * Gives up after max_cycles of TSC: false (nothing refreshed).
 */
bool time_wait_tick(struct time_info *t, uint64_t max_cycles);

/*
 * With upcalls masked, takes every pending event now as an upcall would
 * (handlers run, evtchn_fired[] counts, upcall_pending and the selector
 * are cleared). SCHEDOP_block returns at once while upcall_pending is
 * set, even if the port behind it was cleared by hand: after this it
 * sleeps until a new event.
 */
void time_drain_events(void);

/*
 * Blocks (SCHEDOP_block, which lets upcalls in) until port has been
 * delivered more than `seen` times (evtchn_fired[]) or system time reaches
 * deadline, using set_timer_op(deadline) as the second wake source; a
 * deadline of 0 waits for the port alone, a port >= NR_EVENT_CHANNELS for
 * the deadline alone. Early wake-ups block again. Cancels the timer and
 * masks upcalls before returning. VIRQ_TIMER's port (port 0 if unbound)
 * must be unmasked for the timer to wake the domain. True if port fired.
 */
bool time_wait_event(unsigned int port, unsigned int seen, uint64_t deadline);

/* time_wait_event() for the deadline alone. */
void time_sleep_until(uint64_t deadline);

/* TSC cycles time_wait_tick() callers usually allow: about half a second. */
#define TIME_WAIT_CYCLES    500000000ull

/*
 * For tests, first: cancels any timer with set_timer_op(0). SKIPs and
 * returns false while that answers -ENOSYS (no time support), ERRORs and
 * returns false when it fails otherwise or shared_info is not mapped.
 */
bool time_test_ready(void);

/*
 * time_test_ready(), then binds VIRQ_TIMER (its port into *port unless
 * port is NULL) so that set_timer_op can wake the domain, and masks
 * upcalls (time_wait_event() lets them in while it blocks). False with
 * the verdict recorded: as time_test_ready(), or ERROR if the bind fails.
 */
bool time_test_timer_ready(unsigned int *port);

/*
 * time_wait_tick(t, TIME_WAIT_CYCLES), recording FAILURE when no refresh
 * came ("system_time never changed while dom0 ran").
 */
bool time_expect_tick(struct time_info *t);

#endif /* GUEST_TIME_H */
