/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The scheduler core (ABI.md §9): per-CPU dispatch driven by each CPU's
 * slice timer, block/wake/yield, CPU-time accounting, the idle domain,
 * placement and pinning, and the control interface. Policies (BVT,
 * Atropos, round-robin) plug in through include/tessera/sched-if.h and
 * are found in the linker section REGISTER_SCHEDULER() fills: this file
 * has no per-policy code.
 */
#include <tessera/arch.h>
#include <tessera/bug.h>
#include <tessera/cmdline.h>
#include <tessera/console.h>
#include <tessera/domain.h>
#include <tessera/event.h>
#include <tessera/sched.h>
#include <tessera/sched-if.h>
#include <tessera/smp.h>
#include <tessera/softirq.h>
#include <tessera/time.h>

struct domain idle_domains[NR_CPUS];
struct schedule_data schedule_data[NR_CPUS];
unsigned int nr_cpus_online = 1;

extern const struct scheduler *const __schedulers_start[], *const __schedulers_end[];
static const struct scheduler *ops;

static char opt_sched[16] = CONFIG_SCHED_DEFAULT;
boot_param_string("sched", opt_sched);

void cpu_raise_softirq_schedule(unsigned int cpu)
{
    cpu_raise_softirq(cpu, SCHEDULE_SOFTIRQ);
}

bool domain_is_running(const struct domain *d)
{
    return schedule_data[d->processor].curr == d;
}

void domain_wait_descheduled(struct domain *d)
{
    unsigned int depth;

    if (!domain_is_running(d) || d == current)
        return;
    cpu_raise_softirq_schedule(d->processor);
    depth = hv_lock_release_all();
    while (domain_is_running(d)) {
        smp_tlb_flush_check();
        __asm__ __volatile__("pause" : : : "memory");
    }
    hv_lock_restore(depth);
}

/* --- Placement ----------------------------------------------------------- */

/* The CPU holding the fewest domains, ties to the highest number (ABI.md §9). */
static unsigned int least_loaded_cpu(void)
{
    unsigned int cpu, best = 0;

    for (cpu = 0; cpu < nr_cpus_online; cpu++)
        if (schedule_data[cpu].nr_domains <= schedule_data[best].nr_domains)
            best = cpu;
    return best;
}

int sched_alloc_domain(struct domain *d, int cpu)
{
    int rc;

    d->processor = cpu < 0 ? least_loaded_cpu() : (unsigned int)cpu % nr_cpus_online;
    rc = ops->alloc_task(d);
    if (rc == 0)
        schedule_data[d->processor].nr_domains++;
    return rc;
}

void sched_free_domain(struct domain *d)
{
    if (d->sched_awake) {
        d->sched_awake = false;
        ops->sleep(d, NOW());
    }
    schedule_data[d->processor].nr_domains--;
    if (ops->free_task)
        ops->free_task(d);
    d->sched_priv = NULL;
}

/* DOM0_PINCPUDOMAIN: d (not the caller) moves to cpu. */
void sched_move_domain(struct domain *d, unsigned int cpu)
{
    cpu %= nr_cpus_online;
    d->cpu_pinned = true;
    if (d->processor == cpu)
        return;
    domain_pause(d);                /* its state must be in d, not on a CPU */
    schedule_data[d->processor].nr_domains--;
    schedule_data[cpu].nr_domains++;
    d->processor = cpu;
    d->migrated = true;
    domain_unpause(d);
}

/* --- Block, wake, yield ------------------------------------------------------ */

void domain_wake(struct domain *d)
{
    if (!domain_runnable(d) || d->sched_awake || !ops)
        return;
    d->sched_awake = true;
    if (ops->wake(d, NOW()))
        cpu_raise_softirq_schedule(d->processor);
}

void domain_sleep(struct domain *d)
{
    if (d->sched_awake && !domain_runnable(d)) {
        d->sched_awake = false;
        ops->sleep(d, NOW());
    }
    if (d == schedule_data[d->processor].curr)
        cpu_raise_softirq_schedule(d->processor);
}

void sched_yield_current(void)
{
    raise_softirq(SCHEDULE_SOFTIRQ);
}

void sched_block_current(void)
{
    current->blocked = true;
    domain_sleep(current);
}

/* --- Dispatch ---------------------------------------------------------------- */

void schedule(void)
{
    unsigned int cpu = smp_processor_id();
    struct schedule_data *sd = &schedule_data[cpu];
    struct domain *prev = sd->curr, *next;
    s_time_t now = NOW();
    struct task_slice slice;

    stop_timer(&sd->s_timer);
    prev->cpu_time += now - prev->lastschd;
    slice = ops->do_schedule(cpu, now);
    next = slice.task ? slice.task : sd->idle;
    next->lastschd = now;
    sd->curr = next;
    set_timer(&sd->s_timer, now + slice.time);

    /* Scheduled in (or on): its time fields catch up (ABI.md §8). */
    if (!is_idle_domain(next) && update_dom_time(next))
        send_guest_virq(next, VIRQ_TIMER);
    if (next == prev)
        return;
    context_switch(prev, next);     /* does not return */
}

static void slice_timer_fn(void *data)
{
    cpu_raise_softirq_schedule((unsigned int)(uintptr_t)data);
}

/* --- Control ----------------------------------------------------------------- */

unsigned int sched_current_id(void)
{
    return ops->sched_id;
}

long sched_ctl(struct sched_ctl_cmd *cmd)
{
    if (cmd->sched_id != ops->sched_id)
        return -EINVAL;
    return ops->control ? ops->control(cmd) : 0;
}

long sched_adjdom(struct sched_adjdom_cmd *cmd)
{
    struct domain *d;

    if (cmd->sched_id != ops->sched_id)
        return -EINVAL;
    if (cmd->direction != SCHED_INFO_PUT && cmd->direction != SCHED_INFO_GET)
        return -EINVAL;
    d = domain_find(cmd->domain);
    if (!d)
        return -ESRCH;
    /* (quirk, ABI.md §9) the policy's own verdict is not passed on. */
    if (ops->adjdom)
        (void)ops->adjdom(d, cmd);
    return 0;
}

/*
 * A boot-time domain's scheduling parameters: every word of its module
 * command line of the form <policy>.<param>=<value>. Those for another
 * policy are ignored; a bad one for the running policy is reported.
 */
void sched_boot_params(struct domain *d, const char *cmdline)
{
    const char *p = cmdline;
    size_t plen = strlen(ops->opt_name);

    while (*p) {
        char word[64], *eq;
        size_t n = 0;

        while (*p == ' ')
            p++;
        while (p[n] && p[n] != ' ')
            n++;
        if (n > 0 && n < sizeof(word)) {
            memcpy(word, p, n);
            word[n] = '\0';
            eq = strchr(word, '=');
            if (eq && strncmp(word, ops->opt_name, plen) == 0 && word[plen] == '.') {
                *eq = '\0';
                if (!ops->boot_param || ops->boot_param(d, word + plen + 1, eq + 1) != 0)
                    printk(LOG_WARNING "Domain %u: scheduler parameter %s=%s ignored "
                           "(unknown or out of range)\n", d->id, word, eq + 1);
            }
        }
        p += n;
    }
}

void sched_dump(void)
{
    unsigned int cpu;

    printk("Scheduler: %s (sched=%s), NOW=%lld ns\n", ops->name, ops->opt_name,
           (long long)NOW());
    if (ops->dump_settings)
        ops->dump_settings();
    for (cpu = 0; cpu < nr_cpus_online; cpu++) {
        printk("CPU%u: running domain %u, %u domains placed\n", cpu,
               schedule_data[cpu].curr->id, schedule_data[cpu].nr_domains);
        if (ops->dump_cpu_state)
            ops->dump_cpu_state(cpu);
    }
}

/* --- Start of day -------------------------------------------------------------- */

static const struct scheduler *find_scheduler(const char *name)
{
    const struct scheduler *const *s;

    for (s = __schedulers_start; s < __schedulers_end; s++)
        if (strcmp((*s)->opt_name, name) == 0)
            return *s;
    return NULL;
}

void scheduler_init(void)
{
    unsigned int cpu;

    ops = find_scheduler(opt_sched);
    if (!ops) {
        ops = find_scheduler(CONFIG_SCHED_DEFAULT);
        if (!ops && &__schedulers_start[0] == &__schedulers_end[0])
            panic("no scheduler built in");
        if (!ops)       /* Kconfig builds the default: should not happen */
            ops = *__schedulers_start;
        printk(LOG_WARNING "sched=%s: no such scheduler in this build, using %s\n",
               opt_sched, ops->opt_name);
    }
    if (ops->init_scheduler)
        BUG_ON(ops->init_scheduler() != 0);
    for (cpu = 0; cpu < nr_cpus_online; cpu++) {
        struct schedule_data *sd = &schedule_data[cpu];
        struct domain *idle = &idle_domains[cpu];

        idle->id = DOMID_IDLE;
        idle->built = true;
        idle->processor = cpu;
        list_init(&idle->page_list);
        list_init(&idle->xenpage_list);
        list_init(&idle->run_list);
        sd->idle = idle;
        sd->curr = idle;
        timer_init(&sd->s_timer, slice_timer_fn, (void *)(uintptr_t)cpu);
        if (ops->init_idle_task)
            BUG_ON(ops->init_idle_task(sd->idle, cpu) != 0);
    }
    open_softirq(SCHEDULE_SOFTIRQ, schedule);
    printk("Scheduler: %s (sched=%s)\n", ops->name, ops->opt_name);
}

void scheduler_start(void)
{
    schedule();
    /* Nothing runnable at all. */
    idle_loop();
}
