/* SPDX-License-Identifier: GPL-2.0-only */
/* The guest's clock: shared_info's time fields, rdtsc and set_timer_op (guest/time.h). */
#include <guest/events.h>
#include <guest/hypercall.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

/* x86 keeps loads in order; this keeps the compiler from moving them. */
#define rmb()   barrier()

bool time_available(void)
{
    return shared_info != NULL;
}

void time_read(struct time_info *t)
{
    volatile shared_info_t *s = shared_info;
    uint32_t v;

    if (!s) {
        memset(t, 0, sizeof(*t));
        return;
    }
    do {
        v = s->time_version2;
        rmb();
        t->cpu_freq = s->cpu_freq;
        t->tsc_timestamp = s->tsc_timestamp;
        t->system_time = s->system_time;
        t->wc_sec = s->wc_sec;
        t->wc_usec = s->wc_usec;
        t->domain_time = s->domain_time;
        rmb();
    } while (v != s->time_version1);
    t->version = v;
}

/* Split so that neither product exceeds 64 bits: the remainder is < cpu_freq. */
uint64_t time_cycles_to_ns(uint64_t cycles, uint64_t cpu_freq)
{
    if (!cpu_freq)
        return 0;
    return cycles / cpu_freq * NSEC_PER_SEC + cycles % cpu_freq * NSEC_PER_SEC / cpu_freq;
}

/* A TSC read before the stamp (it cannot be, on one CPU) counts as the stamp. */
uint64_t time_ns_at(const struct time_info *t, uint64_t tsc)
{
    if (tsc <= t->tsc_timestamp)
        return t->system_time;
    return t->system_time + time_cycles_to_ns(tsc - t->tsc_timestamp, t->cpu_freq);
}

uint64_t time_now(void)
{
    struct time_info t;

    time_read(&t);
    return time_ns_at(&t, rdtsc());
}

uint64_t time_wallclock_usecs(void)
{
    struct time_info t;

    time_read(&t);
    return time_wc_usecs(&t) + (time_ns_at(&t, rdtsc()) - t.system_time) / NSEC_PER_USEC;
}

bool time_wait_tick(struct time_info *t, uint64_t max_cycles)
{
    uint64_t start = rdtsc();
    struct time_info first;

    time_read(&first);
    do {
        time_read(t);
        if (t->system_time != first.system_time)
            return true;
    } while (rdtsc() - start < max_cycles);
    return false;
}

void time_drain_events(void)
{
    events_disable();
    guest_event_upcall(NULL);
}

bool time_wait_event(unsigned int port, unsigned int seen, uint64_t deadline)
{
    bool fired;

    for (;;) {
        time_drain_events();
        fired = port < NR_EVENT_CHANNELS && evtchn_fired[port] > seen;
        if (fired || (deadline && time_now() >= deadline))
            break;
        if (deadline)
            HYPERVISOR_set_timer_op(deadline);
        /* Returns at once if an event is already pending; the upcall follows. */
        HYPERVISOR_block();
    }
    if (deadline)
        HYPERVISOR_set_timer_op(0);
    return fired;
}

void time_sleep_until(uint64_t deadline)
{
    time_wait_event(NR_EVENT_CHANNELS, 0, deadline);
}

bool time_test_ready(void)
{
    long rc = HYPERVISOR_set_timer_op(0);

    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: set_timer_op answers -ENOSYS: no time support\n");
        return false;
    }
    if (rc != 0) {
        xtf_error("Error: set_timer_op(0): expected 0 got %ld\n", rc);
        return false;
    }
    if (!time_available()) {
        xtf_error("Error: shared_info is not mapped (rc %ld)\n", shared_info_map_rc);
        return false;
    }
    return true;
}

bool time_test_timer_ready(unsigned int *port)
{
    unsigned int timer_port;
    long rc;

    if (!time_test_ready())
        return false;
    rc = evtchn_bind_virq(VIRQ_TIMER, &timer_port);
    if (rc != 0) {
        xtf_error("Error: bind_virq(TIMER): expected 0 got %ld\n", rc);
        return false;
    }
    events_disable();
    if (port)
        *port = timer_port;
    return true;
}

bool time_expect_tick(struct time_info *t)
{
    if (time_wait_tick(t, TIME_WAIT_CYCLES))
        return true;
    xtf_failure("Fail: system_time never changed while dom0 ran\n");
    return false;
}
