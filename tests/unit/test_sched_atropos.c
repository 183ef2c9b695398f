/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Atropos policy (sched/atropos.c, ABI.md §9) driven through the fake
 * scheduler core: exact EDF decisions and slice lengths, the guarantee of
 * a feasible set in every period, slack time and xtratime, late unblock
 * with its doubling back, the fixed Xen 2.0 quirks (back to the run queue
 * after a new period, inserts into an empty queue), ADJUSTDOM and the
 * boot parameters.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <tessera/errno.h>
#include "sched_fake.h"

extern const struct scheduler sched_atropos_ops;

#define MS(n)   ((s_time_t)(n) * 1000000)
#define SEC(n)  ((s_time_t)(n) * 1000000000)

static int setup(void **state)
{
    (void)state;
    sched_fake_init(&sched_atropos_ops);
    return 0;
}

/* Frees what alloc_task allocated (the fake core does not). */
static int teardown(void **state)
{
    (void)state;
    sched_fake_free_tasks();
    return 0;
}

static int put(struct domain *d, uint64_t period, uint64_t slice, uint64_t latency,
               uint32_t xtratime)
{
    struct sched_adjdom_cmd cmd = {
        .sched_id = SCHED_ATROPOS,
        .direction = SCHED_INFO_PUT,
        .domain = d->id,
        .u.atropos = { period, slice, latency, xtratime },
    };

    return sched_atropos_ops.adjdom(d, &cmd);
}

static struct atropos_adjdom get(struct domain *d)
{
    struct sched_adjdom_cmd cmd = {
        .sched_id = SCHED_ATROPOS,
        .direction = SCHED_INFO_GET,
        .domain = d->id,
    };

    assert_int_equal(sched_atropos_ops.adjdom(d, &cmd), 0);
    return cmd.u.atropos;
}

static void assert_params(struct domain *d, s_time_t period, s_time_t slice,
                          s_time_t latency, uint32_t xtratime)
{
    struct atropos_adjdom p = get(d);

    assert_int_equal(p.nat_period, period);
    assert_int_equal(p.nat_slice, slice);
    assert_int_equal(p.latency, latency);
    assert_int_equal(p.xtratime, xtratime);
}

/* A domU with the given parameters (latency = period). */
static struct domain *dom(unsigned int i, s_time_t period, s_time_t slice, uint32_t xtra)
{
    struct domain *d = sched_fake_domain(i, (domid_t)i, 0);

    assert_int_equal(put(d, period, slice, period, xtra), 0);
    return d;
}

/* Schedules at time t and checks the decision. */
static void expect(s_time_t t, const struct domain *task, s_time_t time)
{
    struct task_slice s;

    fake_now = t;
    s = sched_fake_schedule(0);
    assert_ptr_equal(s.task, task);
    assert_int_equal(s.time, time);
}

static void run_to(s_time_t t)
{
    sched_fake_run(0, t - fake_now);
}

static struct domain *idle(void)
{
    return &fake_idle[0];
}

/* --- Identity and defaults ---------------------------------------------- */

static void test_identity(void **state)
{
    (void)state;
    assert_string_equal(sched_atropos_ops.opt_name, "atropos");
    assert_int_equal(sched_atropos_ops.sched_id, SCHED_ATROPOS);
    assert_int_equal(sched_atropos_ops.sched_id, 2);
    assert_null(sched_atropos_ops.control);
    assert_int_equal(sizeof(struct sched_adjdom_cmd), 44);
    assert_int_equal(offsetof(struct sched_adjdom_cmd, u.atropos.nat_period), 16);
    assert_int_equal(offsetof(struct sched_adjdom_cmd, u.atropos.nat_slice), 24);
    assert_int_equal(offsetof(struct sched_adjdom_cmd, u.atropos.latency), 32);
    assert_int_equal(offsetof(struct sched_adjdom_cmd, u.atropos.xtratime), 40);
}

static void test_defaults(void **state)
{
    struct domain *d0 = sched_fake_domain(0, 0, 0);
    struct domain *d1 = sched_fake_domain(1, 1, 0);

    (void)state;
    assert_params(d0, MS(20), MS(15), MS(5), 1);
    assert_params(d1, SEC(10), MS(10), SEC(10), 1);
}

/* dom0 starts with its slice: it goes into an empty run queue and runs
 * (Xen 2.0 loses that insert), then lives on slack between slices. */
static void test_dom0_empty_runq(void **state)
{
    struct domain *d0 = sched_fake_domain(0, 0, 0);

    (void)state;
    expect(0, idle(), MS(5));
    fake_now = MS(1);
    assert_true(sched_fake_wake(d0));
    expect(MS(1), d0, MS(15));
    expect(MS(16), d0, MS(5));     /* slack until its deadline at 21 */
    expect(MS(21), d0, MS(15));
    run_to(MS(1001));
    assert_int_equal(d0->cpu_time, MS(1000));
}

/* A domU starts with remain 0: only slack time until its first deadline
 * (10 s). With xtratime 0 it gets nothing before then. */
static void test_domu_starts_waiting(void **state)
{
    struct domain *d1 = sched_fake_domain(1, 1, 0);
    struct atropos_adjdom p = get(d1);

    (void)state;
    p.xtratime = 0;
    assert_int_equal(put(d1, p.nat_period, p.nat_slice, p.latency, p.xtratime), 0);
    assert_true(sched_fake_wake(d1));
    expect(0, idle(), SEC(10));
    expect(SEC(10), d1, MS(10));
    expect(SEC(10) + MS(10), idle(), SEC(10) - MS(10));
}

/* --- EDF ------------------------------------------------------------------ */

static void test_edf_order(void **state)
{
    struct domain *a = dom(1, MS(30), MS(10), 0);
    struct domain *b = dom(2, MS(20), MS(10), 0);

    (void)state;
    sched_fake_wake(a);                 /* first deadline 30 */
    expect(0, idle(), MS(30));
    fake_now = MS(5);
    assert_true(sched_fake_wake(b));    /* deadline 25: cuts the idle slice */
    expect(MS(5), idle(), MS(20));
    /* b: new period to 45; cut at a's deadline 30. */
    expect(MS(25), b, MS(5));
    /* a: new period to 60; b's deadline 45 is earlier. */
    expect(MS(30), b, MS(5));
    expect(MS(35), a, MS(10));          /* cut at b's deadline 45 */
    expect(MS(45), b, MS(10));          /* b to 65 beats nothing else */
    expect(MS(55), idle(), MS(5));
    expect(MS(60), a, MS(5));           /* a to 90, cut at b's 65 */
    expect(MS(65), b, MS(10));          /* b to 85 is earlier than 90 */
    expect(MS(75), a, MS(5));
}

static void test_edf_ties_by_id(void **state)
{
    struct domain *a = dom(1, MS(10), MS(4), 0);
    struct domain *b = dom(2, MS(10), MS(4), 0);

    (void)state;
    sched_fake_wake(b);                 /* woken first, still second */
    sched_fake_wake(a);
    expect(MS(10), a, MS(4));
    expect(MS(14), b, MS(4));
    expect(MS(18), idle(), MS(2));
    expect(MS(20), a, MS(4));
    expect(MS(24), b, MS(4));
}

/* A domain that gets a new slice returns to the run queue and preempts
 * slack time at once (the Xen 2.0 quirk leaves it waiting for ever). */
static void test_back_to_run_queue(void **state)
{
    struct domain *a = dom(1, MS(10), MS(2), 0);
    struct domain *b = dom(2, SEC(10), MS(10), 1);
    s_time_t t, last = 0;

    (void)state;
    sched_fake_wake(a);
    sched_fake_wake(b);
    expect(0, b, MS(5));                /* slack */
    expect(MS(5), b, MS(5));            /* cut at a's deadline */
    expect(MS(10), a, MS(2));
    expect(MS(12), b, MS(5));
    for (t = MS(20); t <= MS(1000); t += MS(10)) {
        run_to(t);
        assert_int_equal(a->cpu_time - last, MS(2));
        last = a->cpu_time;
    }
    assert_int_equal(b->cpu_time, MS(1000) - a->cpu_time);
}

/* A late-unblocked domain goes into the empty run queue and runs. */
static void test_late_unblock_empty_runq(void **state)
{
    struct domain *a = dom(1, MS(10), MS(5), 0);

    (void)state;
    sched_fake_wake(a);
    expect(MS(10), a, MS(5));
    fake_now = MS(11);
    sched_fake_block(a);
    expect(MS(11), idle(), MS(5));
    fake_now = MS(50);
    assert_true(sched_fake_wake(a));
    expect(MS(50), a, MS(5));
}

/* --- Guarantees ----------------------------------------------------------- */

struct feasible {
    s_time_t period, slice;
};

static const struct feasible feasible_set[] = {
    { MS(10), MS(2) }, { MS(20), MS(3) }, { MS(50), MS(5) },
};

#define NFEAS (sizeof(feasible_set) / sizeof(feasible_set[0]))

/* Runs the feasible set in 10 ms steps and checks what each domain got
 * in each of its periods from its first deadline on. */
static void run_feasible(uint32_t xtra)
{
    struct domain *d[NFEAS];
    uint64_t last[NFEAS] = { 0 };
    unsigned int i, periods = 0;
    s_time_t t;

    for (i = 0; i < NFEAS; i++)
        d[i] = dom(i + 1, feasible_set[i].period, feasible_set[i].slice, xtra);
    for (i = 0; i < NFEAS; i++)
        sched_fake_wake(d[i]);
    for (t = MS(10); t <= MS(5000); t += MS(10)) {
        run_to(t);
        for (i = 0; i < NFEAS; i++) {
            uint64_t got = d[i]->cpu_time - last[i];

            if (t % feasible_set[i].period != 0)
                continue;
            last[i] = d[i]->cpu_time;
            if (t < 2 * feasible_set[i].period) {
                /* Before the first deadline: slack only. */
                if (!xtra)
                    assert_int_equal(got, 0);
                continue;
            }
            periods++;
            if (xtra)
                assert_true(got >= (uint64_t)feasible_set[i].slice);
            else
                assert_int_equal(got, feasible_set[i].slice);
        }
    }
    assert_int_equal(periods, 499 + 249 + 99);
    if (xtra)
        assert_int_equal(fake_idle[0].cpu_time, 0);
    else
        /* 2/10 + 3/20 + 5/50 = 45% of [period 1, 5000) per domain. */
        assert_int_equal(fake_idle[0].cpu_time,
                         MS(5000) - MS(2) * 499 - MS(3) * 249 - MS(5) * 99);
}

static void test_feasible_set_exact(void **state)
{
    (void)state;
    run_feasible(0);
}

static void test_feasible_set_with_slack(void **state)
{
    (void)state;
    run_feasible(1);
}

/* A set that needs the cut at a waiter's deadline: with Xen 2.0's 5 ms
 * minimum run, c (1 ms every 4 ms) would miss periods. */
static void test_short_periods_keep_guarantee(void **state)
{
    struct domain *a = dom(1, MS(12), MS(6), 1);
    struct domain *c = dom(2, MS(4), MS(1), 0);
    uint64_t last_c = 0;
    s_time_t t;

    (void)state;
    sched_fake_wake(a);
    sched_fake_wake(c);
    for (t = MS(4); t <= MS(1200); t += MS(4)) {
        run_to(t);
        if (t >= MS(8))
            assert_int_equal(c->cpu_time - last_c, MS(1));
        last_c = c->cpu_time;
    }
    assert_int_equal(a->cpu_time, MS(1200) - c->cpu_time);
}

/* A run far past remain (a late slice end) is debt: each later period
 * adds one slice to it, the missed periods included, and the domain runs
 * again only once it is repaid. */
static void test_debt_repaid(void **state)
{
    struct domain *a = dom(1, MS(10), MS(2), 0);

    (void)state;
    sched_fake_wake(a);
    expect(MS(10), a, MS(2));
    expect(MS(50), idle(), MS(10));     /* remain -38 + 4 periods: -30 */
    run_to(MS(210));
    assert_int_equal(a->cpu_time, MS(40));
    expect(MS(210), a, MS(2));          /* -30 + 15 * 2 = 0 at 200 */
}

/* --- Slack time ----------------------------------------------------------- */

static void test_no_xtratime_no_slack(void **state)
{
    struct domain *a = dom(1, MS(10), MS(2), 0);
    s_time_t t;
    uint64_t last = 0;

    (void)state;
    sched_fake_wake(a);
    expect(0, idle(), MS(10));
    for (t = MS(10); t <= MS(1000); t += MS(10)) {
        run_to(t);
        assert_int_equal(a->cpu_time - last, t == MS(10) ? 0 : MS(2));
        last = a->cpu_time;
    }
    assert_int_equal(fake_idle[0].cpu_time, MS(1000) - MS(2) * 99);
}

static void test_xtratime_gets_slack(void **state)
{
    struct domain *a = dom(1, MS(10), MS(2), 1);

    (void)state;
    sched_fake_wake(a);
    expect(0, a, MS(5));
    expect(MS(5), a, MS(5));
    expect(MS(10), a, MS(2));           /* guaranteed */
    expect(MS(12), a, MS(5));           /* slack */
    expect(MS(17), a, MS(3));           /* slack, cut at the deadline */
    run_to(MS(1000));
    assert_int_equal(a->cpu_time, MS(1000));
    assert_int_equal(fake_idle[0].cpu_time, 0);
}

/* Slack goes round the xtratime waiters; one without xtratime gets none. */
static void test_slack_round_robin(void **state)
{
    struct domain *a = dom(1, SEC(10), MS(10), 1);
    struct domain *b = dom(2, SEC(10), MS(10), 1);
    struct domain *c = dom(3, SEC(10), MS(10), 0);

    (void)state;
    sched_fake_wake(a);
    sched_fake_wake(b);
    sched_fake_wake(c);
    expect(0, a, MS(5));
    expect(MS(5), b, MS(5));
    expect(MS(10), a, MS(5));
    expect(MS(15), b, MS(5));
    /* sched_fake_run() reschedules at its start, which passes the turn. */
    run_to(MS(1000));
    assert_int_equal(a->cpu_time + b->cpu_time, MS(1000));
    assert_in_range(a->cpu_time, MS(495), MS(505));
    assert_int_equal(c->cpu_time, 0);
}

/* --- Blocking -------------------------------------------------------------- */

/* Woken before its deadline with time left: runs that time before slack,
 * but after domains owed time. */
static void test_short_block_unblocked(void **state)
{
    struct domain *a = dom(1, MS(100), MS(20), 0);
    struct domain *b = dom(2, SEC(10), MS(10), 1);

    (void)state;
    sched_fake_wake(a);
    sched_fake_wake(b);
    expect(MS(100), a, MS(20));
    fake_now = MS(105);
    sched_fake_block(a);                /* 15 ms left */
    expect(MS(105), b, MS(5));
    fake_now = MS(107);
    assert_true(sched_fake_wake(a));    /* its time beats b's slack */
    expect(MS(107), a, MS(15));
    expect(MS(122), b, MS(5));
    /* Blocked and woken again with nothing left: a plain waiter. */
    fake_now = MS(123);
    sched_fake_block(a);
    assert_false(sched_fake_wake(a));
    expect(MS(123), b, MS(5));
    expect(MS(200), a, MS(20));
}

static void test_late_unblock_doubling(void **state)
{
    struct domain *a = sched_fake_domain(1, 1, 0);

    (void)state;
    assert_int_equal(put(a, MS(80), MS(40), MS(10), 0), 0);
    sched_fake_wake(a);
    expect(MS(80), a, MS(40));
    fake_now = MS(85);
    sched_fake_block(a);
    expect(MS(85), idle(), MS(5));
    fake_now = MS(200);                 /* its deadline was 160 */
    assert_true(sched_fake_wake(a));
    expect(MS(200), a, MS(5));          /* period 10, slice 40*10/80 */
    expect(MS(205), idle(), MS(5));
    expect(MS(210), a, MS(10));         /* 20 / 10 */
    expect(MS(220), idle(), MS(10));
    expect(MS(230), a, MS(20));         /* 40 / 20 */
    expect(MS(250), idle(), MS(20));
    expect(MS(270), a, MS(40));         /* 80 / 40: natural again */
    expect(MS(310), idle(), MS(40));
    expect(MS(350), a, MS(40));
    expect(MS(390), idle(), MS(40));
    assert_params(a, MS(80), MS(40), MS(10), 0);
}

/* The slice keeps the natural share: 40/80 over 30 ms is 15 ms (Xen 2.0's
 * 40 / (80 / 30) would give 20). */
static void test_late_unblock_scaled_share(void **state)
{
    struct domain *a = sched_fake_domain(1, 1, 0);

    (void)state;
    assert_int_equal(put(a, MS(80), MS(40), MS(30), 0), 0);
    sched_fake_wake(a);
    fake_now = MS(1);
    sched_fake_block(a);
    fake_now = MS(100);
    assert_true(sched_fake_wake(a));
    expect(MS(100), a, MS(15));
    expect(MS(115), idle(), MS(15));
    expect(MS(130), a, MS(30));         /* 60 / 30 */
    expect(MS(160), idle(), MS(30));
    expect(MS(190), a, MS(40));         /* 120 > 80: natural 80 / 40 */
    expect(MS(230), idle(), MS(40));
    expect(MS(270), a, MS(40));
}

/* A late wake with an earlier deadline preempts a running domain; one
 * with a later deadline does not. */
static void test_wake_preemption(void **state)
{
    struct domain *a = dom(1, MS(100), MS(50), 0);
    struct domain *b = sched_fake_domain(2, 2, 0);
    struct domain *c = sched_fake_domain(3, 3, 0);

    (void)state;
    assert_int_equal(put(b, MS(100), MS(50), MS(10), 0), 0);
    assert_int_equal(put(c, MS(100), MS(50), MS(100), 0), 0);
    sched_fake_wake(a);
    sched_fake_wake(b);
    sched_fake_wake(c);
    fake_now = MS(1);
    sched_fake_block(b);
    sched_fake_block(c);
    expect(MS(100), a, MS(50));        /* deadline 200 */
    fake_now = MS(110);
    assert_false(sched_fake_wake(c));   /* late: 110 + 100 is after 200 */
    assert_true(sched_fake_wake(b));    /* late: 110 + 10 */
    expect(MS(110), b, MS(5));          /* 50 * 10 / 100 */
    expect(MS(115), a, MS(5));          /* cut at b's deadline 120 */
}

/* --- ADJUSTDOM and boot parameters ---------------------------------------- */

static void test_adjdom_validation(void **state)
{
    struct domain *d = sched_fake_domain(1, 1, 0);
    struct sched_adjdom_cmd cmd = { .sched_id = SCHED_ATROPOS, .direction = 2 };

    (void)state;
    assert_int_equal(put(d, MS(10), MS(5), MS(11), 1), -EINVAL);   /* latency > period */
    assert_int_equal(put(d, MS(10), MS(5), 0, 1), -EINVAL);        /* latency 0 */
    assert_int_equal(put(d, MS(10), MS(11), MS(5), 1), -EINVAL);   /* slice > period */
    assert_int_equal(put(d, 0, 0, 0, 1), -EINVAL);
    assert_int_equal(put(d, UINT64_MAX, MS(1), MS(1), 1), -EINVAL);
    assert_int_equal(sched_atropos_ops.adjdom(d, &cmd), -EINVAL);
    assert_params(d, SEC(10), MS(10), SEC(10), 1);

    assert_int_equal(put(d, MS(10), MS(10), MS(10), 0), 0);        /* limits */
    assert_params(d, MS(10), MS(10), MS(10), 0);
    assert_int_equal(put(d, MS(10), 0, 1, 7), 0);
    assert_params(d, MS(10), 0, 1, 1);
    assert_int_equal(put(d, 123456789, 23456789, 3456789, 1), 0);
    assert_params(d, 123456789, 23456789, 3456789, 1);
}

/* PUT changes the natural values; the current ones follow by doubling. */
static void test_adjdom_put_doubles_in(void **state)
{
    struct domain *a = dom(1, MS(10), MS(5), 0);

    (void)state;
    sched_fake_wake(a);
    expect(MS(10), a, MS(5));
    assert_int_equal(put(a, MS(40), MS(20), MS(40), 0), 0);
    expect(MS(15), idle(), MS(5));
    expect(MS(20), a, MS(10));          /* 20 / 10 */
    expect(MS(30), idle(), MS(10));
    expect(MS(40), a, MS(20));          /* 40 / 20 */
    expect(MS(60), idle(), MS(20));
    /* Only the slice changes: the next period takes it. */
    assert_int_equal(put(a, MS(40), MS(8), MS(40), 0), 0);
    expect(MS(80), a, MS(8));
    expect(MS(88), idle(), MS(32));
    /* A shorter period applies at once. */
    assert_int_equal(put(a, MS(10), MS(1), MS(10), 0), 0);
    expect(MS(120), a, MS(1));
    expect(MS(121), idle(), MS(9));
    expect(MS(130), a, MS(1));
}

static void test_boot_params(void **state)
{
    struct domain *d0 = sched_fake_domain(0, 0, 0);
    struct domain *d1 = sched_fake_domain(1, 1, 0);
    int (*bp)(struct domain *, const char *, const char *) = sched_atropos_ops.boot_param;

    (void)state;
    assert_int_equal(bp(d0, "period", "10ms"), -EINVAL);   /* below the 15 ms slice */
    assert_int_equal(bp(d0, "slice", "5000us"), 0);
    assert_int_equal(bp(d0, "period", "10ms"), 0);
    assert_int_equal(bp(d0, "latency", "2000000"), 0);
    assert_int_equal(bp(d0, "xtratime", "0"), 0);
    assert_params(d0, MS(10), MS(5), MS(2), 0);
    assert_int_equal(bp(d0, "latency", "0"), -EINVAL);
    assert_int_equal(bp(d0, "latency", "11ms"), -EINVAL);
    assert_int_equal(bp(d0, "slice", "11ms"), -EINVAL);
    assert_int_equal(bp(d0, "slice", ""), -EINVAL);
    assert_int_equal(bp(d0, "slice", "3x"), -EINVAL);
    assert_int_equal(bp(d0, "slice", "ms"), -EINVAL);
    assert_int_equal(bp(d0, "xtratime", "yes"), -EINVAL);
    assert_int_equal(bp(d0, "weight", "1"), -EINVAL);
    assert_int_equal(bp(d0, "period", "99999999999999999999"), -EINVAL);
    assert_params(d0, MS(10), MS(5), MS(2), 0);

    assert_int_equal(bp(d1, "period", "2s"), -EINVAL);     /* below the 10 s latency */
    assert_int_equal(bp(d1, "latency", "1s"), 0);
    assert_int_equal(bp(d1, "period", "2s"), 0);
    assert_int_equal(bp(d1, "xtratime", "1"), 0);
    assert_int_equal(bp(d1, "slice", "0x100"), 0);
    assert_params(d1, SEC(2), 256, SEC(1), 1);

    /* dom0 boots with its configured slice. */
    sched_fake_wake(d0);
    expect(0, d0, MS(5));
    expect(MS(5), idle(), MS(5));
    expect(MS(10), d0, MS(5));
}

static void test_free_task(void **state)
{
    struct domain *a = dom(1, MS(10), MS(5), 0);
    struct domain *b = dom(2, MS(10), MS(5), 0);

    (void)state;
    sched_fake_wake(a);
    sched_fake_wake(b);
    expect(MS(10), a, MS(5));
    fake_now = MS(11);
    sched_fake_block(b);
    sched_atropos_ops.free_task(b);
    assert_null(b->sched_priv);
    expect(MS(11), a, MS(4));
    expect(MS(15), idle(), MS(5));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_identity),
        T(test_defaults),
        T(test_dom0_empty_runq),
        T(test_domu_starts_waiting),
        T(test_edf_order),
        T(test_edf_ties_by_id),
        T(test_back_to_run_queue),
        T(test_late_unblock_empty_runq),
        T(test_feasible_set_exact),
        T(test_feasible_set_with_slack),
        T(test_short_periods_keep_guarantee),
        T(test_debt_repaid),
        T(test_no_xtratime_no_slack),
        T(test_xtratime_gets_slack),
        T(test_slack_round_robin),
        T(test_short_block_unblocked),
        T(test_late_unblock_doubling),
        T(test_late_unblock_scaled_share),
        T(test_wake_preemption),
        T(test_adjdom_validation),
        T(test_adjdom_put_doubles_in),
        T(test_boot_params),
        T(test_free_task),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
