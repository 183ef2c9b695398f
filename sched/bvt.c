/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Borrowed Virtual Time scheduler (ABI.md §9, sched=bvt; Duda and
 * Cheriton, SOSP 1999).
 *
 * Each domain has an actual virtual time (avt) that advances by its
 * mcu_advance for every 100 us MCU it runs, so a domain's share of the
 * CPU is proportional to 1 / mcu_advance. The runnable domain with the
 * lowest effective virtual time (evt) runs; evt is avt minus warpvalue
 * while the domain is warped, which lets a latency-sensitive domain
 * jump ahead for a bounded time (warpl), after which it must run
 * unwarped for warpu before it may warp again.
 *
 * Each CPU keeps its runnable domains on one queue; the running domain
 * stays queued while it runs (as in Xen 2.0) and do_schedule drops it
 * when it has stopped being runnable. The idle domain is never queued:
 * its evt counts as the highest, so it runs only on an empty queue.
 *
 * Deliberate differences from Xen 2.0, none visible through the ABI
 * except as timing:
 * - Slice lengths and the wake-up deadline use (evt difference /
 *   mcu_advance) MCUs converted to ns; Xen adds the MCU count as ns
 *   (quirk), which makes slices about ctx_allow long whatever the gap.
 * - evt is clamped to [0, 2^32 - 1] instead of wrapping modulo 2^32, so
 *   a warpvalue larger than avt (the usual case right after boot) still
 *   moves the domain ahead instead of sending it to the back.
 * - A domain that sleeps through a virtual-time wrap has the wrap
 *   applied when it wakes (saturating at 0) rather than eagerly, so the
 *   policy needs no list of every domain; the wake rule then takes
 *   max(avt, SVT) exactly as before.
 * - avt saturates at 2^32 - 1 rather than wrapping when a large
 *   mcu_advance takes it past the top before the CPU's SVT reaches the
 *   wrap limit.
 * - A slice is never shorter than one MCU, so ctx_allow = 0 (accepted,
 *   as in Xen) cannot make a CPU reschedule without time passing.
 */
#include <tessera/console.h>
#include <tessera/errno.h>
#include <tessera/list.h>
#include <tessera/mm.h>
#include <tessera/sched-if.h>

#define BVT_MCU             ((s_time_t)MICROSECS(100))
#define BVT_MCU_ADV_DEFAULT 10u
#define BVT_CTX_ALLOW       ((uint32_t)MILLISECS(5))
#define BVT_WARPL_DEFAULT   ((s_time_t)MILLISECS(2000))
#define BVT_WARPU_DEFAULT   ((s_time_t)MILLISECS(1000))
/* When a CPU's SVT reaches WRAP_LIMIT, every virtual time drops by
 * WRAP_DELTA so the u32 times never overflow. */
#define BVT_WRAP_LIMIT      0xF0000000u
#define BVT_WRAP_DELTA      0xE0000000u

struct bvt_dom {
    struct domain *d;
    uint32_t avt;
    uint32_t evt;
    uint32_t mcu_advance;
    uint32_t warpback;          /* non-zero: warping allowed */
    bool warp;                  /* warped now */
    bool queued;                /* on its CPU's run queue */
    int32_t warpvalue;
    s_time_t warpl;             /* ns; 0: no limit */
    s_time_t warpu;             /* ns */
    /* When its current run started: the core may move d->lastschd on
     * as it accounts cpu_time, so the policy keeps its own. */
    s_time_t run_start;
    struct timer warp_timer;    /* ends a warped run after warpl */
    struct timer unwarp_timer;  /* allows warping again after warpu */
    /* The CPU and its wrap count when the domain left the queue. */
    unsigned int wrap_cpu;
    uint32_t wrap_gen;
};

struct bvt_cpu {
    struct list_head runq;
    uint32_t svt;               /* lowest avt on the queue at the last decision */
    uint32_t wraps;             /* virtual-time wraps done on this CPU */
    struct timer preempt_timer; /* a woken domain's turn, when not at once */
    unsigned int cpu;
};

static uint32_t bvt_ctx_allow = BVT_CTX_ALLOW;
static struct bvt_cpu bvt_cpus[NR_CPUS];

static struct bvt_dom *bvt_dom(const struct domain *d)
{
    return d->sched_priv;
}

static struct bvt_cpu *bvt_cpu(unsigned int cpu)
{
    return &bvt_cpus[cpu];
}

/* avt minus warpvalue while warped, clamped to the u32 range. */
static uint32_t bvt_calc_evt(const struct bvt_dom *inf, uint32_t avt)
{
    int64_t evt = avt;

    if (inf->warp)
        evt -= inf->warpvalue;
    if (evt < 0)
        return 0;
    if (evt > (int64_t)UINT32_MAX)
        return UINT32_MAX;
    return (uint32_t)evt;
}

/*
 * avt after running for ran ns: whole MCUs, a started one counting. It
 * saturates instead of wrapping: with a large mcu_advance one run can
 * take a domain past 2^32 before the CPU's SVT reaches the wrap limit,
 * and a wrapped avt would make it the lowest.
 */
static uint32_t bvt_advance(const struct bvt_dom *inf, s_time_t ran)
{
    uint64_t mcus, avt;

    if (ran <= 0)
        return inf->avt;
    mcus = ((uint64_t)ran + BVT_MCU - 1) / BVT_MCU;
    if (mcus > UINT32_MAX)
        return UINT32_MAX;
    avt = inf->avt + mcus * inf->mcu_advance;
    return avt > UINT32_MAX ? UINT32_MAX : (uint32_t)avt;
}

/* The time it takes a domain of mcu_adv to gain vt_gap of virtual time,
 * plus the context-switch allowance. */
static s_time_t bvt_gap_time(uint32_t vt_gap, uint32_t mcu_adv)
{
    return (s_time_t)(vt_gap / mcu_adv) * BVT_MCU + bvt_ctx_allow;
}

static s_time_t ms_to_ns(int64_t ms)
{
    if (ms > INT64_MAX / 1000000)
        return INT64_MAX;
    return (s_time_t)MILLISECS(ms);
}

static void bvt_enqueue(struct bvt_dom *inf)
{
    list_add(&inf->d->run_list, &bvt_cpu(inf->d->processor)->runq);
    inf->queued = true;
}

static void bvt_dequeue(struct bvt_dom *inf)
{
    unsigned int cpu = inf->d->processor;

    list_del(&inf->d->run_list);
    list_init(&inf->d->run_list);
    inf->queued = false;
    inf->wrap_cpu = cpu;
    inf->wrap_gen = bvt_cpu(cpu)->wraps;
}

/* --- Timers --------------------------------------------------------------- */

/* warpl of warped running is over: unwarp for warpu, or for good. */
static void bvt_warp_timer_fn(void *data)
{
    struct bvt_dom *inf = data;

    inf->warp = false;
    if (inf->warpu == 0)
        inf->warpback = 0;
    else
        set_timer(&inf->unwarp_timer, NOW() + inf->warpu);
    cpu_raise_softirq_schedule(inf->d->processor);
}

static void bvt_unwarp_timer_fn(void *data)
{
    struct bvt_dom *inf = data;

    if (!inf->warpback)
        return;
    inf->warp = true;
    if (!inf->queued)
        return;
    /* Decide again with the warped evt; a running domain's is recomputed
     * then, and its warpl starts when it is picked. */
    inf->evt = bvt_calc_evt(inf, inf->avt);
    cpu_raise_softirq_schedule(inf->d->processor);
}

static void bvt_preempt_timer_fn(void *data)
{
    struct bvt_cpu *pc = data;

    cpu_raise_softirq_schedule(pc->cpu);
}

/* --- Set-up ----------------------------------------------------------------- */

static int bvt_init_scheduler(void)
{
    unsigned int cpu;

    bvt_ctx_allow = BVT_CTX_ALLOW;
    for (cpu = 0; cpu < NR_CPUS; cpu++) {
        struct bvt_cpu *pc = bvt_cpu(cpu);

        list_init(&pc->runq);
        pc->svt = 0;
        pc->wraps = 0;
        pc->cpu = cpu;
        timer_init(&pc->preempt_timer, bvt_preempt_timer_fn, pc);
    }
    return 0;
}

static int bvt_init_idle_task(struct domain *idle, unsigned int cpu)
{
    list_init(&idle->run_list);
    schedule_data[cpu].sched_priv = bvt_cpu(cpu);
    return 0;
}

static int bvt_alloc_task(struct domain *d)
{
    struct bvt_dom *inf = xzalloc(struct bvt_dom);

    if (!inf)
        return -ENOMEM;
    inf->d = d;
    inf->mcu_advance = BVT_MCU_ADV_DEFAULT;
    inf->warpl = BVT_WARPL_DEFAULT;
    inf->warpu = BVT_WARPU_DEFAULT;
    inf->wrap_cpu = d->processor;
    inf->wrap_gen = bvt_cpu(d->processor)->wraps;
    timer_init(&inf->warp_timer, bvt_warp_timer_fn, inf);
    timer_init(&inf->unwarp_timer, bvt_unwarp_timer_fn, inf);
    list_init(&d->run_list);
    d->sched_priv = inf;
    return 0;
}

static void bvt_free_task(struct domain *d)
{
    struct bvt_dom *inf = bvt_dom(d);

    if (!inf)
        return;
    stop_timer(&inf->warp_timer);
    stop_timer(&inf->unwarp_timer);
    if (inf->queued)
        bvt_dequeue(inf);
    xfree(inf);
    d->sched_priv = NULL;
}

/* --- Wake and sleep --------------------------------------------------------- */

/* avt on waking: wraps it slept through, then at least the CPU's SVT. */
static void bvt_wake_avt(struct bvt_dom *inf, struct bvt_cpu *pc)
{
    struct domain *d = inf->d;

    if (d->migrated || inf->wrap_cpu != d->processor) {
        /* Virtual times of different CPUs are not comparable. */
        d->migrated = false;
        inf->avt = pc->svt;
        return;
    }
    for (; inf->wrap_gen != pc->wraps && inf->avt > 0; inf->wrap_gen++)
        inf->avt = inf->avt > BVT_WRAP_DELTA ? inf->avt - BVT_WRAP_DELTA : 0;
    inf->wrap_gen = pc->wraps;
    if (inf->avt < pc->svt)
        inf->avt = pc->svt;
}

/*
 * A woken domain that does not preempt at once gets the CPU at
 * lastschd + (its evt - current evt now) / mcu_advance MCUs + ctx_allow
 * of the current domain (the ABI's formula, in ns as for slices). Xen
 * pulls the core's slice timer in; the policy does not own that timer,
 * so it arms its own per-CPU timer, which asks for a reschedule, when
 * that moment comes before the current slice ends.
 */
static void bvt_pull_in(struct bvt_cpu *pc, struct domain *curr, uint32_t gap)
{
    const struct bvt_dom *cinf = bvt_dom(curr);
    s_time_t at = cinf->run_start + bvt_gap_time(gap, cinf->mcu_advance);
    const struct timer *slice = &schedule_data[pc->cpu].s_timer;

    if (slice->active && (s_time_t)slice->expires <= at)
        return;
    if (pc->preempt_timer.active && (s_time_t)pc->preempt_timer.expires <= at)
        return;
    set_timer(&pc->preempt_timer, at);
}

static bool bvt_wake(struct domain *d, s_time_t now)
{
    struct bvt_dom *inf = bvt_dom(d);
    struct bvt_cpu *pc = bvt_cpu(d->processor);
    struct domain *curr = sched_curr(d->processor);
    struct bvt_dom *cinf;
    uint32_t curr_evt;

    if (inf->queued)
        return false;
    bvt_wake_avt(inf, pc);
    inf->evt = bvt_calc_evt(inf, inf->avt);
    bvt_enqueue(inf);

    if (sched_is_idle(curr) || curr == d)
        return true;
    cinf = bvt_dom(curr);
    curr_evt = bvt_calc_evt(cinf, bvt_advance(cinf, now - cinf->run_start));
    if (inf->evt <= curr_evt)
        return true;
    bvt_pull_in(pc, curr, inf->evt - curr_evt);
    return false;
}

/* A running domain stays queued: do_schedule takes it off. */
static void bvt_sleep(struct domain *d, s_time_t now)
{
    struct bvt_dom *inf = bvt_dom(d);

    (void)now;
    if (inf->queued && sched_curr(d->processor) != d)
        bvt_dequeue(inf);
}

/* --- Decisions ---------------------------------------------------------- */

/* Charges prev's run and drops it from the queue if it cannot run. */
static void bvt_deschedule(struct domain *prev, s_time_t now)
{
    struct bvt_dom *inf = bvt_dom(prev);

    inf->avt = bvt_advance(inf, now - inf->run_start);
    inf->evt = bvt_calc_evt(inf, inf->avt);
    if (inf->queued && !domain_runnable(prev))
        bvt_dequeue(inf);
}

/* Keeps the u32 virtual times of the CPU's queue far from overflowing. */
static void bvt_wrap(struct bvt_cpu *pc)
{
    struct domain *d;

    if (pc->svt < BVT_WRAP_LIMIT)
        return;
    list_for_each_entry(d, &pc->runq, run_list) {
        struct bvt_dom *inf = bvt_dom(d);

        inf->avt -= BVT_WRAP_DELTA;
        inf->evt = bvt_calc_evt(inf, inf->avt);
    }
    pc->svt -= BVT_WRAP_DELTA;
    pc->wraps++;
}

/*
 * warpl bounds one continuous run: the timer starts when a warped domain
 * is scheduled in and stops when it is scheduled out. A domain picked
 * again keeps running, so its timer keeps counting (Xen 2.0 restarts it
 * at every decision, which lets a domain that keeps winning stay warped
 * for ever).
 */
static void bvt_warp_limit(struct domain *prev, struct domain *next, s_time_t now)
{
    struct bvt_dom *inf;

    if (!sched_is_idle(prev) && prev != next)
        stop_timer(&bvt_dom(prev)->warp_timer);
    if (sched_is_idle(next))
        return;
    inf = bvt_dom(next);
    if (inf->warp && inf->warpl > 0 && !inf->warp_timer.active)
        set_timer(&inf->warp_timer, now + inf->warpl);
}

static struct task_slice bvt_do_schedule(unsigned int cpu, s_time_t now)
{
    struct bvt_cpu *pc = bvt_cpu(cpu);
    struct domain *prev = sched_curr(cpu);
    struct bvt_dom *next = NULL, *second = NULL;
    struct task_slice ret;
    uint32_t min_avt = UINT32_MAX;
    struct domain *d;

    stop_timer(&pc->preempt_timer);
    if (!sched_is_idle(prev))
        bvt_deschedule(prev, now);

    list_for_each_entry(d, &pc->runq, run_list) {
        struct bvt_dom *inf = bvt_dom(d);

        if (!next || inf->evt < next->evt) {
            second = next;
            next = inf;
        } else if (!second || inf->evt < second->evt) {
            second = inf;
        }
        if (inf->avt < min_avt)
            min_avt = inf->avt;
    }
    if (next)
        pc->svt = min_avt;
    bvt_wrap(pc);

    if (!next) {
        ret.task = schedule_data[cpu].idle;
        ret.time = bvt_ctx_allow;
    } else if (!second) {
        ret.task = next->d;
        ret.time = 10 * (s_time_t)bvt_ctx_allow;
    } else {
        ret.task = next->d;
        ret.time = bvt_gap_time(second->evt - next->evt, next->mcu_advance);
    }
    if (ret.time < BVT_MCU)
        ret.time = BVT_MCU;
    bvt_warp_limit(prev, ret.task, now);
    if (next)
        next->run_start = now;
    return ret;
}

/* --- Control -------------------------------------------------------------- */

static int bvt_control(struct sched_ctl_cmd *cmd)
{
    if (cmd->direction == SCHED_INFO_PUT)
        bvt_ctx_allow = cmd->u.bvt.ctx_allow;
    else
        cmd->u.bvt.ctx_allow = bvt_ctx_allow;
    return 0;
}

/* Sets every parameter (warpl/warpu already in ns); warp restarts from
 * warpback at once. */
static void bvt_set_params(struct bvt_dom *inf, uint32_t mcu_adv, uint32_t warpback,
                           int32_t warpvalue, s_time_t warpl, s_time_t warpu)
{
    struct domain *d = inf->d;

    inf->mcu_advance = mcu_adv;
    inf->warpback = warpback;
    inf->warp = warpback != 0;
    inf->warpvalue = warpvalue;
    inf->warpl = warpl;
    inf->warpu = warpu;
    stop_timer(&inf->unwarp_timer);
    if (!warpback)
        stop_timer(&inf->warp_timer);
    inf->evt = bvt_calc_evt(inf, inf->avt);
    /* Decide again with the new values (and arm warpl for a warped run). */
    if (inf->queued)
        cpu_raise_softirq_schedule(d->processor);
}

static int bvt_adjdom(struct domain *d, struct sched_adjdom_cmd *cmd)
{
    struct bvt_dom *inf = bvt_dom(d);
    struct bvt_adjdom *p = &cmd->u.bvt;

    if (cmd->direction == SCHED_INFO_PUT) {
        if (p->mcu_adv == 0 || p->warpl < 0 || p->warpu < 0)
            return -EINVAL;
        /* (quirk) warpl and warpu are given in ms but read back in ns. */
        bvt_set_params(inf, p->mcu_adv, p->warpback, p->warpvalue,
                       ms_to_ns(p->warpl), ms_to_ns(p->warpu));
    } else {
        p->mcu_adv = inf->mcu_advance;
        p->warpback = inf->warpback;
        p->warpvalue = inf->warpvalue;
        p->warpl = inf->warpl;
        p->warpu = inf->warpu;
    }
    return 0;
}

/* A whole decimal (or 0x hex) number in [min, max], or -EINVAL. */
static int bvt_parse(const char *value, int64_t min, int64_t max, int64_t *out)
{
    const char *end;
    long long v = parse_ll(value, &end, 0);

    if (end == value || *end != '\0' || v < min || v > max)
        return -EINVAL;
    *out = v;
    return 0;
}

/* Same names and rules as ADJUSTDOM PUT: warpl/warpu in ms. */
static int bvt_boot_param(struct domain *d, const char *param, const char *value)
{
    struct bvt_dom *inf = bvt_dom(d);
    uint32_t mcu_adv = inf->mcu_advance, warpback = inf->warpback;
    int32_t warpvalue = inf->warpvalue;
    s_time_t warpl = inf->warpl, warpu = inf->warpu;
    int64_t v;
    int rc;

    if (strcmp(param, "mcu_adv") == 0) {
        rc = bvt_parse(value, 1, UINT32_MAX, &v);
        mcu_adv = (uint32_t)v;
    } else if (strcmp(param, "warp") == 0) {
        rc = bvt_parse(value, INT32_MIN, INT32_MAX, &v);
        warpvalue = (int32_t)v;
    } else if (strcmp(param, "warpback") == 0) {
        rc = bvt_parse(value, 0, UINT32_MAX, &v);
        warpback = (uint32_t)v;
    } else if (strcmp(param, "warpl") == 0) {
        rc = bvt_parse(value, 0, INT64_MAX, &v);
        warpl = ms_to_ns(v);
    } else if (strcmp(param, "warpu") == 0) {
        rc = bvt_parse(value, 0, INT64_MAX, &v);
        warpu = ms_to_ns(v);
    } else {
        return -EINVAL;
    }
    if (rc)
        return rc;
    bvt_set_params(inf, mcu_adv, warpback, warpvalue, warpl, warpu);
    return 0;
}

/* --- Debug key 'r' ------------------------------------------------------- */

static void bvt_dump_settings(void)
{
    printk("BVT: mcu=%lluus ctx_allow=%uns\n",
           (unsigned long long)(BVT_MCU / 1000), bvt_ctx_allow);
}

static void bvt_dump_cpu_state(unsigned int cpu)
{
    struct bvt_cpu *pc = bvt_cpu(cpu);
    struct domain *d;

    printk("CPU%u: svt=0x%08x wraps=%u\n", cpu, pc->svt, pc->wraps);
    list_for_each_entry(d, &pc->runq, run_list) {
        const struct bvt_dom *inf = bvt_dom(d);

        printk("  dom %u%s: mcu_advance=%u evt=0x%08x avt=0x%08x cpu_time=%llu\n",
               d->id, sched_curr(cpu) == d ? " (running)" : "", inf->mcu_advance,
               inf->evt, inf->avt, (unsigned long long)d->cpu_time);
    }
}

const struct scheduler sched_bvt_ops = {
    .name = "Borrowed Virtual Time",
    .opt_name = "bvt",
    .sched_id = SCHED_BVT,
    .init_scheduler = bvt_init_scheduler,
    .init_idle_task = bvt_init_idle_task,
    .alloc_task = bvt_alloc_task,
    .free_task = bvt_free_task,
    .wake = bvt_wake,
    .sleep = bvt_sleep,
    .do_schedule = bvt_do_schedule,
    .control = bvt_control,
    .adjdom = bvt_adjdom,
    .boot_param = bvt_boot_param,
    .dump_settings = bvt_dump_settings,
    .dump_cpu_state = bvt_dump_cpu_state,
};

REGISTER_SCHEDULER(sched_bvt_ops);
