/* SPDX-License-Identifier: GPL-2.0-only */
/* The fake scheduler core for policy host tests (sched_fake.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tessera/console.h>
#include <tessera/mm.h>
#include "sched_fake.h"

struct schedule_data schedule_data[NR_CPUS];
struct domain fake_domains[FAKE_MAX_DOMAINS];
struct domain fake_idle[NR_CPUS];
s_time_t fake_now;
unsigned int fake_resched_mask;

static const struct scheduler *fake_ops;
static struct timer *armed[64];
static unsigned int nr_armed;

/* --- What the policies call ---------------------------------------------- */

void cpu_raise_softirq_schedule(unsigned int cpu)
{
    fake_resched_mask |= 1u << cpu;
}

s_time_t NOW(void)
{
    return fake_now;
}

void set_timer(struct timer *t, s_time_t expires)
{
    unsigned int i;

    t->expires = expires;
    for (i = 0; i < nr_armed; i++)
        if (armed[i] == t)
            return;
    if (nr_armed == sizeof(armed) / sizeof(armed[0]))
        abort();
    armed[nr_armed++] = t;
    t->active = true;
}

void stop_timer(struct timer *t)
{
    unsigned int i;

    for (i = 0; i < nr_armed; i++) {
        if (armed[i] == t) {
            armed[i] = armed[--nr_armed];
            break;
        }
    }
    t->active = false;
}

void *xmalloc_bytes(size_t size)
{
    return malloc(size);
}

void *xzalloc_bytes(size_t size)
{
    return calloc(1, size);
}

void xfree(void *p)
{
    free(p);
}

void vprintk(const char *fmt, va_list ap)
{
    (void)fmt;
    (void)ap;
}

void printk(const char *fmt, ...)
{
    (void)fmt;
}

/* --- The core's part ---------------------------------------------------- */

static void timer_fired(void *data)
{
    (void)data;
}

void sched_fake_init(const struct scheduler *ops)
{
    unsigned int cpu;

    fake_ops = ops;
    fake_now = 0;
    fake_resched_mask = 0;
    nr_armed = 0;
    memset(fake_domains, 0, sizeof(fake_domains));
    memset(fake_idle, 0, sizeof(fake_idle));
    memset(schedule_data, 0, sizeof(schedule_data));
    if (ops->init_scheduler && ops->init_scheduler() != 0)
        abort();
    for (cpu = 0; cpu < NR_CPUS; cpu++) {
        struct domain *idle = &fake_idle[cpu];

        idle->id = DOMID_IDLE;
        idle->processor = cpu;
        idle->built = true;
        list_init(&idle->run_list);
        schedule_data[cpu].idle = idle;
        schedule_data[cpu].curr = idle;
        timer_init(&schedule_data[cpu].s_timer, timer_fired, NULL);
        if (ops->init_idle_task && ops->init_idle_task(idle, cpu) != 0)
            abort();
    }
}

struct domain *sched_fake_domain(unsigned int i, domid_t id, unsigned int cpu)
{
    struct domain *d = &fake_domains[i];

    memset(d, 0, sizeof(*d));
    d->id = id;
    d->processor = cpu;
    d->built = true;
    list_init(&d->run_list);
    if (fake_ops->alloc_task(d) != 0)
        abort();
    schedule_data[cpu].nr_domains++;
    return d;
}

void sched_fake_free_tasks(void)
{
    unsigned int i;

    for (i = 0; i < FAKE_MAX_DOMAINS; i++)
        if (fake_domains[i].sched_priv)
            fake_ops->free_task(&fake_domains[i]);
}

bool sched_fake_wake(struct domain *d)
{
    d->blocked = false;
    d->ctrl_paused = false;
    return fake_ops->wake(d, fake_now);
}

void sched_fake_block(struct domain *d)
{
    d->blocked = true;
    fake_ops->sleep(d, fake_now);
}

struct task_slice sched_fake_schedule(unsigned int cpu)
{
    struct schedule_data *sd = &schedule_data[cpu];
    struct domain *prev = sd->curr;
    struct task_slice s;

    stop_timer(&sd->s_timer);
    prev->cpu_time += fake_now - prev->lastschd;
    s = fake_ops->do_schedule(cpu, fake_now);
    if (!s.task)
        abort();
    s.task->lastschd = fake_now;
    sd->curr = s.task;
    set_timer(&sd->s_timer, fake_now + s.time);
    fake_resched_mask &= ~(1u << cpu);
    return s;
}

void sched_fake_fire_timers(void)
{
    bool again = true;

    while (again) {
        unsigned int i;

        again = false;
        for (i = 0; i < nr_armed; i++) {
            struct timer *t = armed[i];

            if ((s_time_t)t->expires <= fake_now) {
                stop_timer(t);
                t->fn(t->data);
                again = true;
                break;
            }
        }
    }
}

static s_time_t next_expiry(void)
{
    s_time_t next = INT64_MAX;
    unsigned int i;

    for (i = 0; i < nr_armed; i++)
        if ((s_time_t)armed[i]->expires < next)
            next = armed[i]->expires;
    return next;
}

unsigned int sched_fake_run(unsigned int cpu, s_time_t duration)
{
    s_time_t end = fake_now + duration;
    unsigned int calls = 0;

    sched_fake_schedule(cpu);
    calls++;
    while (fake_now < end) {
        s_time_t next = next_expiry();
        bool slice_over;

        if (next > end)
            next = end;
        if (next < fake_now)
            next = fake_now;
        fake_now = next;
        slice_over = schedule_data[cpu].s_timer.expires <= (uint64_t)fake_now;
        sched_fake_fire_timers();
        if (slice_over || (fake_resched_mask & (1u << cpu))) {
            sched_fake_schedule(cpu);
            calls++;
        }
    }
    /* Charge the run up to the end of the window. */
    schedule_data[cpu].curr->cpu_time += fake_now - schedule_data[cpu].curr->lastschd;
    schedule_data[cpu].curr->lastschd = fake_now;
    return calls;
}
