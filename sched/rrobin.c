/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Round-robin scheduler (ABI.md §9, sched=rrobin).
 *
 * Each CPU has a FIFO of its runnable domains. The head runs for one
 * global slice; when the CPU reschedules (slice over, yield, block), the
 * domain that ran goes to the tail if it can still run. A domain that
 * wakes goes to the head, so it runs next, but it preempts only an idle
 * CPU: a busy CPU picks it up at its next reschedule.
 *
 * The running domain stays queued while it runs (as in Xen 2.0). A
 * domain is queued exactly when its run_list is linked: it is kept
 * self-linked otherwise, the same convention as the rest of sched/.
 *
 * There are no per-domain parameters. DOM0_SCHEDCTL reads and sets the
 * slice. Unlike Xen 2.0, which takes any value, PUT refuses a slice
 * outside [RR_SLICE_MIN, RR_SLICE_MAX] with -EINVAL and keeps the old
 * one: a zero or tiny slice would keep the CPU rescheduling forever,
 * and a value of 2^63 or more would be a negative (past) time.
 */
#include <tessera/console.h>
#include <tessera/errno.h>
#include <tessera/list.h>
#include <tessera/sched-if.h>

#define RR_SLICE_DEFAULT    ((s_time_t)MILLISECS(10))
#define RR_SLICE_MIN        ((s_time_t)MICROSECS(100))
#define RR_SLICE_MAX        ((s_time_t)MILLISECS(10000))

static s_time_t rr_slice = RR_SLICE_DEFAULT;
static struct list_head rr_runq[NR_CPUS];

/* NULL too: a run_list that list_del() left behind is not queued either. */
static bool rr_queued(const struct domain *d)
{
    return d->run_list.next != NULL && d->run_list.next != &d->run_list;
}

static void rr_dequeue(struct domain *d)
{
    list_del(&d->run_list);
    list_init(&d->run_list);
}

static int rr_init_scheduler(void)
{
    unsigned int cpu;

    rr_slice = RR_SLICE_DEFAULT;
    for (cpu = 0; cpu < NR_CPUS; cpu++)
        list_init(&rr_runq[cpu]);
    return 0;
}

/* The idle domain is never queued: an empty queue means "run idle". */
static int rr_init_idle_task(struct domain *idle, unsigned int cpu)
{
    (void)cpu;
    list_init(&idle->run_list);
    return 0;
}

static int rr_alloc_task(struct domain *d)
{
    list_init(&d->run_list);
    return 0;
}

/* The core puts a domain to sleep before freeing it; this is a safety net
 * so a freed domain can never be left linked into a run queue. */
static void rr_free_task(struct domain *d)
{
    if (rr_queued(d))
        rr_dequeue(d);
}

static bool rr_wake(struct domain *d, s_time_t now)
{
    (void)now;
    if (rr_queued(d))
        return false;
    list_add(&d->run_list, &rr_runq[d->processor]);
    return sched_is_idle(sched_curr(d->processor));
}

/* Whether it is running or not, the domain leaves the rotation at once;
 * for a running one the core reschedules its CPU next. */
static void rr_sleep(struct domain *d, s_time_t now)
{
    (void)now;
    if (rr_queued(d))
        rr_dequeue(d);
}

static struct task_slice rr_do_schedule(unsigned int cpu, s_time_t now)
{
    struct list_head *q = &rr_runq[cpu];
    struct domain *prev = sched_curr(cpu);
    struct task_slice ret = { .task = schedule_data[cpu].idle, .time = rr_slice };

    (void)now;
    /* prev may sit anywhere (wakes go in front of it) or be gone (slept). */
    if (!sched_is_idle(prev) && rr_queued(prev)) {
        rr_dequeue(prev);
        if (domain_runnable(prev))
            list_add_tail(&prev->run_list, q);
    }
    /* Only runnable domains are queued; drop any the core failed to sleep
     * rather than run a paused or dying domain. */
    while (!list_empty(q)) {
        struct domain *d = list_first_entry(q, struct domain, run_list);

        if (domain_runnable(d)) {
            ret.task = d;
            break;
        }
        rr_dequeue(d);
    }
    return ret;
}

static int rr_control(struct sched_ctl_cmd *cmd)
{
    if (cmd->direction != SCHED_INFO_PUT) {
        cmd->u.rrobin.slice = (uint64_t)rr_slice;
        return 0;
    }
    if (cmd->u.rrobin.slice < (uint64_t)RR_SLICE_MIN ||
        cmd->u.rrobin.slice > (uint64_t)RR_SLICE_MAX)
        return -EINVAL;
    /* Takes effect from each CPU's next reschedule. */
    rr_slice = (s_time_t)cmd->u.rrobin.slice;
    return 0;
}

/* Xen 2.0 has no per-domain round-robin parameters: PUT and GET do nothing. */
static int rr_adjdom(struct domain *d, struct sched_adjdom_cmd *cmd)
{
    (void)d;
    (void)cmd;
    return 0;
}

static int rr_boot_param(struct domain *d, const char *param, const char *value)
{
    (void)d;
    (void)param;
    (void)value;
    return -EINVAL;
}

static void rr_dump_settings(void)
{
    printk("rr_slice = %llu ns\n", (unsigned long long)rr_slice);
}

static void rr_dump_cpu_state(unsigned int cpu)
{
    struct domain *d;
    unsigned int i = 0;

    printk("CPU%u run queue (head first):\n", cpu);
    list_for_each_entry(d, &rr_runq[cpu], run_list)
        printk("%3u: dom%u%s cpu_time=%llu ns\n", i++, d->id,
               d == sched_curr(cpu) ? " (running)" : "",
               (unsigned long long)d->cpu_time);
    if (i == 0)
        printk("  empty: idle\n");
}

const struct scheduler sched_rrobin_ops = {
    .name = "Round-Robin Scheduler",
    .opt_name = "rrobin",
    .sched_id = SCHED_RROBIN,
    .init_scheduler = rr_init_scheduler,
    .init_idle_task = rr_init_idle_task,
    .alloc_task = rr_alloc_task,
    .free_task = rr_free_task,
    .wake = rr_wake,
    .sleep = rr_sleep,
    .do_schedule = rr_do_schedule,
    .control = rr_control,
    .adjdom = rr_adjdom,
    .boot_param = rr_boot_param,
    .dump_settings = rr_dump_settings,
    .dump_cpu_state = rr_dump_cpu_state,
};
REGISTER_SCHEDULER(sched_rrobin_ops);
