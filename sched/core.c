/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The scheduler core: which domain runs on this CPU, the idle domain, and
 * the switch between them. The policy here is a placeholder round-robin
 * (runnable domains in a FIFO, each runs until it yields or blocks) behind
 * the struct scheduler interface that BVT, Atropos and round-robin use.
 */
#include <tessera/arch.h>
#include <tessera/console.h>
#include <tessera/domain.h>
#include <tessera/sched.h>
#include <tessera/softirq.h>

struct domain idle_domain = {
    .id = DOMID_IDLE,
    .page_list = LIST_HEAD_INIT(idle_domain.page_list),
    .xenpage_list = LIST_HEAD_INIT(idle_domain.xenpage_list),
    .run_list = LIST_HEAD_INIT(idle_domain.run_list),
};

struct domain *current_domain = &idle_domain;

static struct list_head runq = LIST_HEAD_INIT(runq);

static void fifo_wake(struct domain *d)
{
    list_add_tail(&d->run_list, &runq);
}

static void fifo_sleep(struct domain *d)
{
    list_del(&d->run_list);
    list_init(&d->run_list);
}

static void fifo_yield(struct domain *d)
{
    list_del(&d->run_list);
    list_add_tail(&d->run_list, &runq);
}

static struct domain *fifo_pick_next(unsigned int cpu)
{
    return list_empty(&runq) ? NULL : list_first_entry(&runq, struct domain, run_list);
}

static const struct scheduler placeholder_scheduler = {
    .name = "Placeholder round-robin",
    .opt_name = "fifo",
    .sched_id = 3,
    .wake = fifo_wake,
    .sleep = fifo_sleep,
    .yield = fifo_yield,
    .pick_next = fifo_pick_next,
};

static const struct scheduler *ops = &placeholder_scheduler;

static bool on_runqueue(const struct domain *d)
{
    return d->run_list.next != &d->run_list;
}

void domain_wake(struct domain *d)
{
    if (!domain_runnable(d) || on_runqueue(d))
        return;
    ops->wake(d);
    /* A woken domain preempts only an idle CPU. */
    if (is_idle_domain(current))
        raise_softirq(SCHEDULE_SOFTIRQ);
}

void domain_sleep(struct domain *d)
{
    if (on_runqueue(d) && !domain_runnable(d))
        ops->sleep(d);
    if (d == current)
        raise_softirq(SCHEDULE_SOFTIRQ);
}

void schedule(void)
{
    struct domain *prev = current;
    struct domain *next = ops->pick_next(0);

    if (!next)
        next = &idle_domain;
    if (next == prev)
        return;
    context_switch(prev, next);     /* does not return */
}

void sched_yield_current(void)
{
    if (on_runqueue(current))
        ops->yield(current);
    raise_softirq(SCHEDULE_SOFTIRQ);
}

void sched_block_current(void)
{
    current->blocked = true;
    domain_sleep(current);
}

unsigned int sched_current_id(void)
{
    return ops->sched_id;
}

void scheduler_init(void)
{
    open_softirq(SCHEDULE_SOFTIRQ, schedule);
    printk("Scheduler: %s\n", ops->name);
}

void scheduler_start(void)
{
    schedule();
    /* Nothing runnable at all. */
    idle_loop();
}
