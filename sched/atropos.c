/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Atropos: earliest deadline first with slack time (ABI.md §9,
 * sched=atropos). All times are in ns.
 *
 * Each domain is promised `slice` of CPU time in every `period`. Its
 * current period ends at `deadline`; `remain` is what is left of this
 * period's slice. A domain is in one of these states:
 *   RUN        remain > 0: on the CPU's run queue, ordered by deadline;
 *   WAIT       remain <= 0: on the wait queue, ordered by deadline, until
 *              its deadline starts a new period;
 *   UNBLOCKED  woke before its deadline with remain > 0: on the wait
 *              queue, but the first choice for time nobody is owed;
 *   BLOCKED    not runnable (blocked, paused, dying): on no queue;
 *   NEW        never woken: its first wake starts its first period.
 *
 * The CPU runs the run queue's earliest deadline (ties: lower domain
 * id) and charges the time to its remain. With an empty run queue it
 * runs an UNBLOCKED waiter (charged too), else gives slack time: xtratime
 * waiters in turn, BESTEFFORT_QUANTUM each, not charged. At a waiter's
 * deadline it gets remain = slice (or += slice while in debt), deadline
 * += period, and returns to the run queue if remain > 0.
 *
 * A late wake (after its deadline) restarts the domain with deadline =
 * now + latency, period = latency and the slice scaled to the same share;
 * each new period doubles both until they reach the natural values.
 * DOM0_ADJUSTDOM PUT sets only the natural values: the current ones
 * follow through the same doubling.
 *
 * Differences from Xen 2.0, on purpose (a guest can rely on none of
 * these, and each one breaks the guarantee Atropos exists for):
 *  - A replenished waiter goes back to the run queue. Xen 2.0 never sets
 *    the runnable state again, so after its first slice a domain only
 *    ever runs as slack time.
 *  - Per-domain state is set in full when the domain is created, and a
 *    run-queue insert always lands (Xen 2.0 loses an insert into an empty
 *    queue; here the idle domain is never queued at all).
 *  - Xen 2.0 runs every pick for at least 5 ms, even past remain and past
 *    the next waiter's deadline: a 2 ms slice then runs 5 ms, goes 3 ms
 *    into debt and misses its next period, and a waiter due meanwhile is
 *    served late. Here a guaranteed run ends exactly when remain runs out
 *    or the next waiter's period starts; 5 ms is the slack quantum only.
 *  - The slice is scaled as nat_slice * latency / nat_period (Xen 2.0's
 *    nat_slice / (nat_period / latency) can give more than the share).
 *  - New natural values take effect also when only the slice changed,
 *    and the slack round robin wraps around instead of idling.
 *  - PUT also refuses periods above AT_PERIOD_MAX, which would overflow
 *    signed time (Xen 2.0 core ignores the error code anyway).
 */
#include <tessera/console.h>
#include <tessera/errno.h>
#include <tessera/list.h>
#include <tessera/mm.h>
#include <tessera/sched-if.h>

#define BESTEFFORT_QUANTUM  ((s_time_t)MILLISECS(5))
#define AT_PERIOD_MAX       ((s_time_t)1 << 62)     /* ~146 years */

/* Defaults: dom0 must get CPU time at once to boot the system. */
#define DOM0_PERIOD         ((s_time_t)MILLISECS(20))
#define DOM0_SLICE          ((s_time_t)MILLISECS(15))
#define DOM0_LATENCY        ((s_time_t)MILLISECS(5))
#define DOMU_PERIOD         ((s_time_t)MILLISECS(10000))
#define DOMU_SLICE          ((s_time_t)MILLISECS(10))
#define DOMU_LATENCY        ((s_time_t)MILLISECS(10000))

enum at_state { AT_NEW, AT_RUN, AT_WAIT, AT_UNBLOCKED, AT_BLOCKED };

struct at_dom {
    struct domain *dom;
    struct list_head waitq;     /* on the wait queue (WAIT, UNBLOCKED) */
    enum at_state state;

    s_time_t deadline;          /* end of the current period */
    s_time_t prevddln;          /* its start */
    s_time_t remain;            /* guaranteed time left in this period */
    s_time_t period;            /* current values (after a late wake) */
    s_time_t slice;
    s_time_t nat_period;        /* natural values (ADJUSTDOM) */
    s_time_t nat_slice;
    s_time_t latency;
    uint32_t xtratime;          /* 1: may run in slack time */

    bool on_cpu;                /* picked by do_schedule, not yet replaced */
    bool charged;               /* this run counts against remain */
    s_time_t run_start;         /* charged up to here */
};

struct at_cpu {
    struct list_head runq;      /* RUN domains, earliest deadline first */
    struct list_head waitq;     /* WAIT/UNBLOCKED, earliest deadline first */
    unsigned int slack_next;    /* wait-queue position for the next slack */
    s_time_t slice_end;         /* when the current pick's slice ends */
};

static struct at_cpu at_cpus[NR_CPUS];

static struct at_dom *at_dom(const struct domain *d)
{
    return d->sched_priv;
}

static struct at_cpu *at_cpu_of(const struct at_dom *inf)
{
    return &at_cpus[inf->dom->processor];
}

static struct at_dom *waitq_entry(struct list_head *l)
{
    return list_entry(l, struct at_dom, waitq);
}

/* EDF order; ties go to the lower domain id so decisions are repeatable. */
static bool at_before(const struct at_dom *a, const struct at_dom *b)
{
    if (a->deadline != b->deadline)
        return a->deadline < b->deadline;
    return a->dom->id < b->dom->id;
}

static void at_dequeue(struct at_dom *inf)
{
    if (inf->state == AT_RUN) {
        list_del(&inf->dom->run_list);
        list_init(&inf->dom->run_list);
    } else if (inf->state == AT_WAIT || inf->state == AT_UNBLOCKED) {
        list_del(&inf->waitq);
        list_init(&inf->waitq);
    }
}

static void runq_insert(struct at_dom *inf)
{
    struct list_head *q = &at_cpu_of(inf)->runq;
    struct domain *d;

    list_for_each_entry(d, q, run_list) {
        if (at_before(inf, at_dom(d))) {
            list_add_tail(&inf->dom->run_list, &d->run_list);
            return;
        }
    }
    list_add_tail(&inf->dom->run_list, q);
}

static void waitq_insert(struct at_dom *inf)
{
    struct list_head *q = &at_cpu_of(inf)->waitq;
    struct at_dom *w;

    list_for_each_entry(w, q, waitq) {
        if (at_before(inf, w)) {
            list_add_tail(&inf->waitq, &w->waitq);
            return;
        }
    }
    list_add_tail(&inf->waitq, q);
}

/* Moves inf to the queue its new state calls for. */
static void at_set_state(struct at_dom *inf, enum at_state state)
{
    at_dequeue(inf);
    inf->state = state;
    if (state == AT_RUN)
        runq_insert(inf);
    else if (state == AT_WAIT || state == AT_UNBLOCKED)
        waitq_insert(inf);
}

/* Charges a running domain's guaranteed run up to now. */
static void at_charge(struct at_dom *inf, s_time_t now)
{
    if (!inf->on_cpu)
        return;
    if (inf->charged)
        inf->remain -= now - inf->run_start;
    inf->run_start = now;
}

/* The share nat_slice/nat_period over a period of latency. */
static s_time_t at_scaled_slice(const struct at_dom *inf)
{
    uint64_t slice = (uint64_t)inf->nat_slice;
    uint64_t lat = (uint64_t)inf->latency;
    uint64_t period = (uint64_t)inf->nat_period;

    if (slice == 0 || lat <= UINT64_MAX / slice)
        return (s_time_t)(slice * lat / period);
    /* Only for periods of years: the coarser form cannot overflow. */
    return (s_time_t)(slice / (period / lat));
}

/* A new period: current period and slice double back toward natural. */
static void at_grow_period(struct at_dom *inf)
{
    if (inf->period == inf->nat_period && inf->slice == inf->nat_slice)
        return;
    if (inf->period >= inf->nat_period - inf->period) {
        inf->period = inf->nat_period;
        inf->slice = inf->nat_slice;
    } else {
        inf->period *= 2;
        inf->slice *= 2;
    }
}

/* The waiter inf reached its deadline: start its next period. */
static void at_new_period(struct at_dom *inf, s_time_t now)
{
    at_grow_period(inf);
    /* Unused time of a blocked-and-woken domain is not carried over. */
    if (inf->remain > 0)
        inf->remain = inf->slice;
    else
        inf->remain += inf->slice;
    inf->prevddln = inf->deadline;
    inf->deadline += inf->period;

    if (inf->deadline <= now) {
        /* Periods missed outright (a debt larger than a slice): skip them
         * in one step rather than one loop round each. */
        s_time_t missed = (now - inf->deadline) / inf->period + 1;

        inf->remain += missed * inf->slice;
        if (inf->remain > inf->slice)
            inf->remain = inf->slice;
        inf->deadline += missed * inf->period;
        inf->prevddln = inf->deadline - inf->period;
    }
    at_set_state(inf, inf->remain > 0 ? AT_RUN : AT_WAIT);
}

static void at_init_params(struct at_dom *inf, bool dom0)
{
    inf->nat_period = dom0 ? DOM0_PERIOD : DOMU_PERIOD;
    inf->nat_slice = dom0 ? DOM0_SLICE : DOMU_SLICE;
    inf->latency = dom0 ? DOM0_LATENCY : DOMU_LATENCY;
    inf->xtratime = 1;
    inf->period = inf->nat_period;
    inf->slice = inf->nat_slice;
    inf->remain = 0;
    inf->deadline = 0;
    inf->prevddln = 0;
}

/* ADJUSTDOM PUT's and the boot parameters' rule. */
static bool at_params_ok(uint64_t period, uint64_t slice, uint64_t latency)
{
    return latency != 0 && latency <= period && slice <= period &&
           period <= (uint64_t)AT_PERIOD_MAX;
}

/* --- Hooks ---------------------------------------------------------------- */

static int at_init_scheduler(void)
{
    unsigned int cpu;

    for (cpu = 0; cpu < NR_CPUS; cpu++) {
        list_init(&at_cpus[cpu].runq);
        list_init(&at_cpus[cpu].waitq);
        at_cpus[cpu].slack_next = 0;
        at_cpus[cpu].slice_end = 0;
    }
    return 0;
}

/* The idle domain is never queued: an empty run queue means "no one is
 * owed time". */
static int at_init_idle_task(struct domain *idle, unsigned int cpu)
{
    list_init(&idle->run_list);
    schedule_data[cpu].sched_priv = &at_cpus[cpu];
    return 0;
}

static int at_alloc_task(struct domain *d)
{
    struct at_dom *inf = xzalloc(struct at_dom);

    if (!inf)
        return -ENOMEM;
    inf->dom = d;
    list_init(&inf->waitq);
    list_init(&d->run_list);
    inf->state = AT_NEW;
    at_init_params(inf, d->id == 0);
    d->sched_priv = inf;
    return 0;
}

/* The core sleeps a domain before freeing it; dequeuing again is a safety
 * net so a freed domain is never left linked. */
static void at_free_task(struct domain *d)
{
    struct at_dom *inf = at_dom(d);

    if (!inf)
        return;
    at_dequeue(inf);
    xfree(inf);
    d->sched_priv = NULL;
}

/* The first wake starts the first period: dom0 with its slice, so it can
 * boot the system, others with remain 0 (slack time only until then). */
static void at_first_wake(struct at_dom *inf, s_time_t now)
{
    inf->period = inf->nat_period;
    inf->slice = inf->nat_slice;
    inf->prevddln = now;
    inf->deadline = now + inf->period;
    inf->remain = inf->dom->id == 0 ? inf->slice : 0;
    at_set_state(inf, inf->remain > 0 ? AT_RUN : AT_WAIT);
}

static void at_unblock(struct at_dom *inf, s_time_t now)
{
    if (inf->deadline < now) {
        /* Late: a short period now, growing back to the natural one. */
        inf->prevddln = now;
        inf->period = inf->latency;
        inf->slice = at_scaled_slice(inf);
        inf->deadline = now + inf->latency;
        inf->remain = inf->slice;
        at_set_state(inf, inf->remain > 0 ? AT_RUN : AT_WAIT);
    } else {
        /* In time: what is left of this period's slice stays, but only as
         * the first choice when nobody is owed time. */
        at_set_state(inf, inf->remain > 0 ? AT_UNBLOCKED : AT_WAIT);
    }
}

static bool at_wake(struct domain *d, s_time_t now)
{
    struct at_dom *inf = at_dom(d);
    struct at_cpu *pc = at_cpu_of(inf);
    struct domain *cur = sched_curr(d->processor);
    struct at_dom *cinf;

    if (inf->state == AT_RUN || inf->state == AT_WAIT || inf->state == AT_UNBLOCKED)
        return false;
    if (inf->state == AT_NEW)
        at_first_wake(inf, now);
    else
        at_unblock(inf, now);

    if (sched_is_idle(cur))
        return true;
    cinf = at_dom(cur);
    if (inf->state == AT_RUN)
        /* Preempt slack time, an UNBLOCKED run, or a later deadline. */
        return !cinf->charged || cinf->state != AT_RUN || at_before(inf, cinf);
    /* Its own time left comes before slack time. */
    if (inf->state == AT_UNBLOCKED && !cinf->charged)
        return true;
    /* A waiter due before the current slice ends: recompute the slice. */
    return inf->deadline < pc->slice_end;
}

static void at_sleep(struct domain *d, s_time_t now)
{
    struct at_dom *inf = at_dom(d);

    at_charge(inf, now);
    if (inf->state != AT_NEW)
        at_set_state(inf, AT_BLOCKED);
}

/* Takes the CPU's current domain off it, charging its run. */
static void at_deschedule(struct domain *prev, s_time_t now)
{
    struct at_dom *inf = at_dom(prev);

    at_charge(inf, now);
    inf->on_cpu = false;
    if ((inf->state == AT_RUN || inf->state == AT_UNBLOCKED) && inf->remain <= 0)
        at_set_state(inf, AT_WAIT);
}

/* The first domain on the run queue that can run; drops any that cannot
 * (the core should have slept them) rather than run them. */
static struct at_dom *at_pick_runq(struct at_cpu *pc)
{
    while (!list_empty(&pc->runq)) {
        struct domain *d = list_first_entry(&pc->runq, struct domain, run_list);

        if (domain_runnable(d))
            return at_dom(d);
        at_set_state(at_dom(d), AT_BLOCKED);
    }
    return NULL;
}

static struct at_dom *at_pick_unblocked(struct at_cpu *pc)
{
    struct at_dom *w;

    list_for_each_entry(w, &pc->waitq, waitq)
        if (w->state == AT_UNBLOCKED && domain_runnable(w->dom))
            return w;
    return NULL;
}

/* Slack time: the xtratime waiters in turn, by wait-queue position. */
static struct at_dom *at_pick_slack(struct at_cpu *pc)
{
    struct at_dom *w, *first = NULL;
    unsigned int i = 0, first_i = 0;

    list_for_each_entry(w, &pc->waitq, waitq) {
        if (w->xtratime && domain_runnable(w->dom)) {
            if (i >= pc->slack_next) {
                pc->slack_next = i + 1;
                return w;
            }
            if (!first) {
                first = w;
                first_i = i;
            }
        }
        i++;
    }
    if (first)
        pc->slack_next = first_i + 1;
    return first;
}

static struct task_slice at_do_schedule(unsigned int cpu, s_time_t now)
{
    struct at_cpu *pc = &at_cpus[cpu];
    struct domain *prev = sched_curr(cpu);
    struct task_slice ret = { .task = schedule_data[cpu].idle, .time = BESTEFFORT_QUANTUM };
    struct at_dom *inf;
    bool charged = true;

    if (!sched_is_idle(prev))
        at_deschedule(prev, now);

    /* Waiters whose deadline has come start a new period. */
    while (!list_empty(&pc->waitq) && waitq_entry(pc->waitq.next)->deadline <= now)
        at_new_period(waitq_entry(pc->waitq.next), now);

    inf = at_pick_runq(pc);
    if (!inf)
        inf = at_pick_unblocked(pc);
    if (!inf) {
        inf = at_pick_slack(pc);
        charged = false;
    }
    if (inf) {
        ret.task = inf->dom;
        ret.time = charged ? inf->remain : BESTEFFORT_QUANTUM;
        inf->on_cpu = true;
        inf->charged = charged;
        inf->run_start = now;
    }

    /* The next waiter's new period may need the CPU: decide again then. */
    if (!list_empty(&pc->waitq)) {
        s_time_t until = waitq_entry(pc->waitq.next)->deadline - now;

        if (!inf || until < ret.time)
            ret.time = until;
    }
    pc->slice_end = now + ret.time;
    return ret;
}

static int at_adjdom(struct domain *d, struct sched_adjdom_cmd *cmd)
{
    struct atropos_adjdom *p = &cmd->u.atropos;
    struct at_dom *inf = at_dom(d);

    if (cmd->direction == SCHED_INFO_GET) {
        p->nat_period = (uint64_t)inf->nat_period;
        p->nat_slice = (uint64_t)inf->nat_slice;
        p->latency = (uint64_t)inf->latency;
        p->xtratime = inf->xtratime;
        return 0;
    }
    if (cmd->direction != SCHED_INFO_PUT)
        return -EINVAL;
    if (!at_params_ok(p->nat_period, p->nat_slice, p->latency))
        return -EINVAL;
    inf->nat_period = (s_time_t)p->nat_period;
    inf->nat_slice = (s_time_t)p->nat_slice;
    inf->latency = (s_time_t)p->latency;
    inf->xtratime = !!p->xtratime;
    return 0;
}

/* A time: an integer with an optional unit ns, us, ms or s (default ns). */
static int at_parse_time(const char *s, uint64_t *out)
{
    static const struct { const char *unit; uint64_t ns; } units[] = {
        { "", 1 }, { "ns", 1 }, { "us", 1000 }, { "ms", 1000000 }, { "s", 1000000000 },
    };
    const char *end;
    uint64_t v = parse_ull(s, &end, 0);
    unsigned int i;

    if (end == s)
        return -EINVAL;
    for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        if (strcmp(end, units[i].unit) == 0) {
            if (__builtin_mul_overflow(v, units[i].ns, out))
                return -EINVAL;
            return 0;
        }
    }
    return -EINVAL;
}

/* "atropos.period|slice|latency=<time>", "atropos.xtratime=<0|1>". Each is
 * checked against the domain's other current values, like a PUT: to set a
 * period below the current slice, set the slice first. */
static int at_boot_param(struct domain *d, const char *param, const char *value)
{
    struct at_dom *inf = at_dom(d);
    uint64_t period = (uint64_t)inf->nat_period;
    uint64_t slice = (uint64_t)inf->nat_slice;
    uint64_t latency = (uint64_t)inf->latency;
    uint64_t v;
    const char *end;

    if (strcmp(param, "xtratime") == 0) {
        v = parse_ull(value, &end, 0);
        if (end == value || *end != '\0')
            return -EINVAL;
        inf->xtratime = v != 0;
        return 0;
    }
    if (at_parse_time(value, &v) != 0)
        return -EINVAL;
    if (strcmp(param, "period") == 0)
        period = v;
    else if (strcmp(param, "slice") == 0)
        slice = v;
    else if (strcmp(param, "latency") == 0)
        latency = v;
    else
        return -EINVAL;
    if (!at_params_ok(period, slice, latency))
        return -EINVAL;
    inf->nat_period = (s_time_t)period;
    inf->nat_slice = (s_time_t)slice;
    inf->latency = (s_time_t)latency;
    return 0;
}

static void at_dump_settings(void)
{
    printk("Atropos: EDF with slack time; slack quantum %lld ns\n",
           (long long)BESTEFFORT_QUANTUM);
}

static const char *const at_state_names[] = {
    [AT_NEW] = "new", [AT_RUN] = "run", [AT_WAIT] = "wait",
    [AT_UNBLOCKED] = "unblocked", [AT_BLOCKED] = "blocked",
};

static void at_dump_dom(const struct at_dom *inf, unsigned int cpu)
{
    printk("  dom%u %s%s deadline=%lld remain=%lld period=%lld/%lld slice=%lld/%lld"
           " latency=%lld xtratime=%u\n",
           inf->dom->id, at_state_names[inf->state],
           inf->dom == sched_curr(cpu) ? " (running)" : "",
           (long long)inf->deadline, (long long)inf->remain,
           (long long)inf->period, (long long)inf->nat_period,
           (long long)inf->slice, (long long)inf->nat_slice,
           (long long)inf->latency, inf->xtratime);
}

static void at_dump_cpu_state(unsigned int cpu)
{
    struct at_cpu *pc = &at_cpus[cpu];
    struct domain *d;
    struct at_dom *w;

    printk("CPU%u run queue (earliest deadline first):\n", cpu);
    list_for_each_entry(d, &pc->runq, run_list)
        at_dump_dom(at_dom(d), cpu);
    printk("CPU%u wait queue:\n", cpu);
    list_for_each_entry(w, &pc->waitq, waitq)
        at_dump_dom(w, cpu);
}

const struct scheduler sched_atropos_ops = {
    .name = "Atropos Soft Real Time Scheduler",
    .opt_name = "atropos",
    .sched_id = SCHED_ATROPOS,
    .init_scheduler = at_init_scheduler,
    .init_idle_task = at_init_idle_task,
    .alloc_task = at_alloc_task,
    .free_task = at_free_task,
    .wake = at_wake,
    .sleep = at_sleep,
    .do_schedule = at_do_schedule,
    .control = NULL,            /* no SCHEDCTL: the core returns 0 */
    .adjdom = at_adjdom,
    .boot_param = at_boot_param,
    .dump_settings = at_dump_settings,
    .dump_cpu_state = at_dump_cpu_state,
};
REGISTER_SCHEDULER(sched_atropos_ops);
