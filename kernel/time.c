/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Time (ABI.md §8). System time counts PIT ticks: each adds exactly
 * 10 ms and records the TSC, and between ticks the TSC is scaled by the
 * rate measured per tick, so system time is continuous and never steps
 * back. The wall clock starts from the CMOS clock and moves with it.
 *
 * Each domain sees the last tick's stamp in its shared info, refreshed
 * while it runs (at each tick of its CPU), when it is scheduled
 * in and when its set_timer_op fires. domain_time, which Xen 2.0 leaves
 * at 0, holds the ns the domain has run (Tessera: domain virtual time).
 *
 * Timers live in a per-CPU queue checked from TIMER_SOFTIRQ, which each
 * tick raises; a deadline is therefore met within one tick.
 */
#include <tessera/arch.h>
#include <tessera/bug.h>
#include <tessera/console.h>
#include <tessera/domain.h>
#include <tessera/event.h>
#include <tessera/sched.h>
#include <tessera/smp.h>
#include <tessera/softirq.h>
#include <tessera/time.h>

#define TIMER_SLOTS     2048    /* per CPU: far above two timers per domain there */
#define USEC_PER_SEC    1000000u
#define USEC_PER_TICK   (USEC_PER_SEC / HZ)

static uint64_t tsc_per_tick;
static uint64_t cpu_freq;           /* Hz, as guests see it: tsc_per_tick * HZ */
static uint64_t ns_per_cycle;       /* 32.32 fixed point */
static bool time_started;

/* The last tick: its TSC, its system time and the wall clock then. */
static uint64_t tsc_irq;
static s_time_t stime_irq;
static uint32_t wc_sec, wc_usec;

static struct timer *timer_slots[NR_CPUS][TIMER_SLOTS];
static struct timer_queue cpu_timers[NR_CPUS];
static bool tick_seen[NR_CPUS];         /* a tick since the CPU's last TIMER_SOFTIRQ */

/* (delta * scale) >> 32 without a 128-bit type. */
static uint64_t scale_delta(uint64_t delta, uint64_t scale)
{
    uint64_t dlo = (uint32_t)delta, dhi = delta >> 32;
    uint64_t slo = (uint32_t)scale, shi = scale >> 32;

    return ((dlo * slo) >> 32) + dlo * shi + dhi * slo + ((dhi * shi) << 32);
}

s_time_t NOW(void)
{
    if (!time_started)
        return 0;
    return stime_irq + scale_delta(rdtsc() - tsc_irq, ns_per_cycle);
}

static void wallclock_add_usecs(uint64_t usecs)
{
    uint64_t total = wc_usec + usecs;

    wc_sec += (uint32_t)(total / USEC_PER_SEC);
    wc_usec = (uint32_t)(total % USEC_PER_SEC);
}

/*
 * Interrupt context. Ticks held up past the next one (interrupts off for
 * over 10 ms) are counted from the TSC, so system time does not lag. The
 * stamp is the TSC at which system time reaches the new tick's value: on
 * time, that is now; for a late tick, extrapolation already passed it,
 * so the stamp goes back to where it did rather than letting time step
 * back.
 */
void timer_tick(uint64_t tsc)
{
    uint64_t ticks = (tsc - tsc_irq) / tsc_per_tick;
    uint64_t due;

    if (ticks == 0)
        ticks = 1;
    due = tsc_irq + ticks * tsc_per_tick;
    tsc_irq = due < tsc ? due : tsc;
    stime_irq += ticks * NS_PER_TICK;
    wallclock_add_usecs(ticks * USEC_PER_TICK);
    timer_cpu_tick();
}

/* This CPU's periodic tick (the PIT's on the boot CPU, the APIC's elsewhere). */
void timer_cpu_tick(void)
{
    tick_seen[smp_processor_id()] = true;
    raise_softirq(TIMER_SOFTIRQ);
}

/* --- Timers ------------------------------------------------------------------ */

/*
 * A timer already due runs on the way out rather than at the next tick,
 * except when armed by a timer's own function: that one waits for the
 * next tick, or a timer re-arming itself on a stale clock (interrupts
 * are off, so system time moves only between ticks by the TSC) could
 * keep the softirq loop spinning.
 */
void set_timer(struct timer *t, s_time_t expires)
{
    unsigned int cpu = smp_processor_id();
    struct timer_queue *q = &cpu_timers[cpu];

    if (t->active && t->cpu != cpu)
        timer_remove(&cpu_timers[t->cpu], t);
    t->cpu = cpu;
    if (timer_add(q, t, (uint64_t)expires) != 0)
        panic("timer queue full (%u timers)", TIMER_SLOTS);
    if (expires <= NOW() && !q->expiring)
        raise_softirq(TIMER_SOFTIRQ);
}

void stop_timer(struct timer *t)
{
    if (t->active)
        timer_remove(&cpu_timers[t->cpu], t);
}


/* --- Domains' view -------------------------------------------------------- */

uint64_t domain_run_time(const struct domain *d)
{
    if (domain_is_running(d) && !is_idle_domain(d))
        return d->cpu_time + (NOW() - d->lastschd);
    return d->cpu_time;
}

bool update_dom_time(struct domain *d)
{
    shared_info_t *s = d->shared_info;
    bool changed;

    if (!s || !time_started)
        return false;
    changed = d->last_time_stamp != tsc_irq;
    d->last_time_stamp = tsc_irq;

    s->time_version1++;
    barrier();         /* x86 keeps stores in order: only the compiler may not */
    s->cpu_freq = cpu_freq;
    s->tsc_timestamp = tsc_irq;
    s->system_time = stime_irq;
    s->wc_sec = wc_sec;
    s->wc_usec = wc_usec;
    s->domain_time = domain_run_time(d);
    barrier();
    s->time_version2++;
    return changed;
}

/* Each tick refreshes the running domain's view (its CPU's 10 ms timer). */
/* Debug key 'a': this CPU's armed timers, in heap order. */
void timer_dump(void)
{
    unsigned int cpu = smp_processor_id(), i;
    const struct timer_queue *q = &cpu_timers[cpu];

    printk("CPU%u timers at NOW=%lld ns: %u armed\n", cpu, (long long)NOW(), q->count);
    for (i = 0; i < q->count; i++)
        printk("  [%u] expires %llu fn %p data %p\n", i,
               (unsigned long long)q->heap[i]->expires, (void *)q->heap[i]->fn,
               q->heap[i]->data);
}

static void timer_softirq(void)
{
    unsigned int cpu = smp_processor_id();
    struct domain *d = current;

    if (tick_seen[cpu]) {
        tick_seen[cpu] = false;
        if (!is_idle_domain(d) && update_dom_time(d))
            send_guest_virq(d, VIRQ_TIMER);
    }
    timer_expire(&cpu_timers[cpu], (uint64_t)NOW());
}

/* set_timer_op's expiry: always an event, which wakes a blocked domain. */
static void dom_timer_fn(void *data)
{
    struct domain *d = data;

    update_dom_time(d);
    send_guest_virq(d, VIRQ_TIMER);
}

void time_domain_init(struct domain *d)
{
    timer_init(&d->timer, dom_timer_fn, d);
}

void time_domain_destroy(struct domain *d)
{
    stop_timer(&d->timer);
}

long do_set_timer_op(uint32_t timeout_hi, uint32_t timeout_lo)
{
    struct domain *d = current;
    s_time_t timeout = ((uint64_t)timeout_hi << 32) | timeout_lo;

    if (timeout == 0)
        stop_timer(&d->timer);
    else
        set_timer(&d->timer, timeout);
    return 0;
}

/* DOM0_SETTIME. Negative carries are handled too (Xen 2.0 let usecs go negative). */
void do_settime(uint32_t secs, uint32_t usecs, s_time_t stime)
{
    int64_t usec = (int64_t)usecs + ((int64_t)(stime_irq - stime)) / 1000;
    int64_t sec = (int64_t)secs + usec / USEC_PER_SEC;

    usec %= USEC_PER_SEC;
    if (usec < 0) {
        usec += USEC_PER_SEC;
        sec--;
    }
    wc_sec = (uint32_t)sec;
    wc_usec = (uint32_t)usec;
    update_dom_time(current);
    send_guest_virq(current, VIRQ_TIMER);
}

void time_init(void)
{
    unsigned int cpu;

    tsc_per_tick = arch_tsc_per_tick();
    cpu_freq = tsc_per_tick * HZ;
    ns_per_cycle = (NS_PER_TICK << 32) / tsc_per_tick;
    wc_sec = arch_rtc_seconds();
    wc_usec = 0;

    for (cpu = 0; cpu < NR_CPUS; cpu++)
        timer_queue_init(&cpu_timers[cpu], timer_slots[cpu], TIMER_SLOTS);
    open_softirq(TIMER_SOFTIRQ, timer_softirq);

    tsc_irq = rdtsc();
    stime_irq = 0;
    time_started = true;
    arch_tick_init();
    printk("Time: TSC %llu cycles per %u ms tick, wall clock %u s\n",
           (unsigned long long)tsc_per_tick, 1000 / HZ, wc_sec);
}
