/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The round-robin policy (sched/rrobin.c, ABI.md §9) driven through the
 * fake scheduler core: FIFO order, exact slice lengths, wake to the head
 * (preempting only an idle CPU), block, yield, SCHEDCTL and the hooks
 * that do nothing. Built with CONFIG_NR_CPUS=2.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <tessera/errno.h>
#include "sched_fake.h"

extern const struct scheduler sched_rrobin_ops;

#define MS(n)   ((s_time_t)(n) * 1000000)
#define US(n)   ((s_time_t)(n) * 1000)

static const struct scheduler *ops = &sched_rrobin_ops;

static int setup(void **state)
{
    (void)state;
    sched_fake_init(ops);
    return 0;
}

/* Domains 1..n (fake_domains[0..n-1]) on cpu, woken in order. */
static void make_domains(struct domain **d, unsigned int n, unsigned int first, unsigned int cpu)
{
    unsigned int i;

    for (i = 0; i < n; i++) {
        d[i] = sched_fake_domain(first + i, (domid_t)(first + i + 1), cpu);
        sched_fake_wake(d[i]);
    }
}

/* The core reschedules cpu now: want must run, for exactly slice ns. */
static void expect_pick(unsigned int cpu, const struct domain *want, s_time_t slice)
{
    struct task_slice s = sched_fake_schedule(cpu);

    assert_ptr_equal(s.task, want);
    assert_int_equal(s.time, slice);
    assert_ptr_equal(schedule_data[cpu].curr, want);
    assert_int_equal(schedule_data[cpu].s_timer.expires, fake_now + slice);
}

/* As expect_pick, then let the slice run out. */
static void expect_full_slice(unsigned int cpu, const struct domain *want, s_time_t slice)
{
    expect_pick(cpu, want, slice);
    fake_now += slice;
}

static int schedctl(uint32_t direction, uint64_t *slice)
{
    struct sched_ctl_cmd cmd = {
        .sched_id = SCHED_RROBIN,
        .direction = direction,
        .u.rrobin.slice = *slice,
    };
    int rc = ops->control(&cmd);

    assert_int_equal(cmd.sched_id, SCHED_RROBIN);
    assert_int_equal(cmd.direction, direction);
    *slice = cmd.u.rrobin.slice;
    return rc;
}

static void put_slice(s_time_t ns)
{
    uint64_t v = (uint64_t)ns;

    assert_int_equal(schedctl(SCHED_INFO_PUT, &v), 0);
}

static uint64_t get_slice(void)
{
    uint64_t v = 0xdeadbeefull;

    assert_int_equal(schedctl(SCHED_INFO_GET, &v), 0);
    return v;
}

static void test_identity(void **state)
{
    (void)state;
    assert_string_equal(ops->opt_name, "rrobin");
    assert_int_equal(ops->sched_id, SCHED_RROBIN);
    assert_int_equal(SCHED_RROBIN, 3);
    assert_non_null(ops->wake);
    assert_non_null(ops->sleep);
    assert_non_null(ops->do_schedule);
    assert_non_null(ops->control);
}

static void test_idle_when_empty(void **state)
{
    struct domain *d[1];

    (void)state;
    expect_full_slice(0, &fake_idle[0], MS(10));
    expect_full_slice(0, &fake_idle[0], MS(10));
    /* A domain that exists but never woke is not run. */
    d[0] = sched_fake_domain(0, 1, 0);
    expect_full_slice(0, &fake_idle[0], MS(10));
    sched_fake_wake(d[0]);
    expect_full_slice(0, d[0], MS(10));
    /* The only domain keeps the CPU, slice after slice. */
    expect_full_slice(0, d[0], MS(10));
    sched_fake_block(d[0]);
    expect_full_slice(0, &fake_idle[0], MS(10));
}

/* Wakes go to the head, so 1, 2, 3 woken in turn queue as 3, 2, 1. */
static void test_fifo_three(void **state)
{
    struct domain *d[3];
    unsigned int round;

    (void)state;
    make_domains(d, 3, 0, 0);
    for (round = 0; round < 5; round++) {
        expect_full_slice(0, d[2], MS(10));
        expect_full_slice(0, d[1], MS(10));
        expect_full_slice(0, d[0], MS(10));
    }
}

static void test_fifo_four_long_run(void **state)
{
    struct domain *d[4];
    unsigned int i;

    (void)state;
    make_domains(d, 4, 0, 0);
    for (i = 0; i < 4; i++)
        expect_full_slice(0, d[3 - i], MS(10));
    for (i = 0; i < 4; i++)
        expect_full_slice(0, d[3 - i], MS(10));
    /* 400 ms more is 40 slices: a schedule() at the start and one at
     * each slice's end (the last at the window's end). */
    assert_int_equal(sched_fake_run(0, MS(400)), 41);
    for (i = 0; i < 4; i++)
        assert_int_equal(d[i]->cpu_time, MS(120));
    assert_int_equal(fake_idle[0].cpu_time, 0);
}

static void test_slice_lengths(void **state)
{
    struct domain *d[3];
    unsigned int i;

    (void)state;
    make_domains(d, 3, 0, 0);
    assert_int_equal(get_slice(), MS(10));
    for (i = 0; i < 6; i++)
        expect_full_slice(0, d[2 - i % 3], MS(10));

    put_slice(MS(3));
    for (i = 0; i < 6; i++)
        expect_full_slice(0, d[2 - i % 3], MS(3));
    assert_int_equal(sched_fake_run(0, MS(90)), 31);
    for (i = 0; i < 3; i++)
        assert_int_equal(d[i]->cpu_time, MS(20) + MS(6) + MS(30));

    /* The run ended with a schedule() that picked 3 at the window's end. */
    assert_ptr_equal(schedule_data[0].curr, d[2]);

    put_slice(MS(25));
    expect_full_slice(0, d[1], MS(25));
    expect_full_slice(0, d[0], MS(25));
    expect_full_slice(0, d[2], MS(25));
    /* The idle domain gets the same slice. */
    for (i = 0; i < 3; i++)
        sched_fake_block(d[i]);
    expect_full_slice(0, &fake_idle[0], MS(25));
}

/* PUT changes the next slice, not the one already running. */
static void test_put_mid_slice(void **state)
{
    struct domain *d[2];

    (void)state;
    make_domains(d, 2, 0, 0);
    expect_pick(0, d[1], MS(10));
    fake_now += MS(2);
    put_slice(MS(7));
    assert_int_equal(schedule_data[0].s_timer.expires, MS(10));
    fake_now = MS(10);
    expect_full_slice(0, d[0], MS(7));
    expect_full_slice(0, d[1], MS(7));
}

static void test_wake_to_head(void **state)
{
    struct domain *d[4];

    (void)state;
    make_domains(d, 3, 0, 0);               /* queue 3 2 1 */
    expect_full_slice(0, d[2], MS(10));     /* queue 2 1 3 */
    expect_pick(0, d[1], MS(10));           /* 2 runs: queue 2 1 3 */
    d[3] = sched_fake_domain(3, 4, 0);
    assert_false(sched_fake_wake(d[3]));    /* queue 4 2 1 3 */
    fake_now += MS(10);
    expect_full_slice(0, d[3], MS(10));     /* 2 went to the tail */
    expect_full_slice(0, d[0], MS(10));
    expect_full_slice(0, d[2], MS(10));
    expect_full_slice(0, d[1], MS(10));
    expect_full_slice(0, d[3], MS(10));
}

/* A blocked domain that wakes jumps the queue, ahead of longer waiters. */
static void test_wake_after_block_jumps_queue(void **state)
{
    struct domain *d[3];

    (void)state;
    make_domains(d, 3, 0, 0);               /* queue 3 2 1 */
    expect_full_slice(0, d[2], MS(10));
    sched_fake_block(d[0]);                 /* waiting, not running */
    expect_full_slice(0, d[1], MS(10));
    expect_full_slice(0, d[2], MS(10));
    expect_pick(0, d[1], MS(10));
    assert_false(sched_fake_wake(d[0]));
    fake_now += MS(10);
    expect_full_slice(0, d[0], MS(10));
    expect_full_slice(0, d[2], MS(10));
    expect_full_slice(0, d[1], MS(10));
}

static void test_wake_preempts_only_idle(void **state)
{
    struct domain *d[4];

    (void)state;
    d[0] = sched_fake_domain(0, 1, 0);
    d[1] = sched_fake_domain(1, 2, 0);
    d[2] = sched_fake_domain(2, 3, 1);
    d[3] = sched_fake_domain(3, 4, 1);
    fake_resched_mask = 0;

    /* CPU 0 is idle: the first wake preempts, and so does a second one
     * before the CPU got round to rescheduling. */
    assert_true(sched_fake_wake(d[0]));
    assert_true(sched_fake_wake(d[1]));
    expect_pick(0, d[1], MS(10));
    /* CPU 0 busy, CPU 1 idle: only the wake on CPU 1 preempts. */
    assert_true(sched_fake_wake(d[2]));
    expect_pick(1, d[2], MS(10));
    assert_false(sched_fake_wake(d[3]));
    /* The core raises the softirq, not the policy. */
    assert_int_equal(fake_resched_mask, 0);
    /* Each CPU rotates only its own domains. */
    fake_now += MS(10);
    expect_pick(0, d[0], MS(10));
    expect_pick(1, d[3], MS(10));
    fake_now += MS(10);
    expect_pick(0, d[1], MS(10));
    expect_pick(1, d[2], MS(10));
}

static void test_wake_queued_is_ignored(void **state)
{
    struct domain *d[3];

    (void)state;
    make_domains(d, 3, 0, 0);               /* queue 3 2 1, CPU idle */
    /* A wake for a domain already queued neither reorders nor preempts. */
    assert_false(ops->wake(d[0], fake_now));
    expect_full_slice(0, d[2], MS(10));
    assert_false(ops->wake(d[2], fake_now));
    expect_full_slice(0, d[1], MS(10));
    expect_full_slice(0, d[0], MS(10));
    expect_full_slice(0, d[2], MS(10));
}

static void test_block_running(void **state)
{
    struct domain *d[3];

    (void)state;
    make_domains(d, 3, 0, 0);               /* queue 3 2 1 */
    expect_pick(0, d[2], MS(10));
    fake_now += MS(4);
    sched_fake_block(d[2]);
    expect_full_slice(0, d[1], MS(10));
    assert_int_equal(d[2]->cpu_time, MS(4));
    expect_full_slice(0, d[0], MS(10));
    expect_full_slice(0, d[1], MS(10));
    expect_full_slice(0, d[0], MS(10));
    assert_int_equal(d[2]->cpu_time, MS(4));
    sched_fake_block(d[0]);
    sched_fake_block(d[1]);
    expect_full_slice(0, &fake_idle[0], MS(10));
    assert_true(sched_fake_wake(d[2]));
    expect_full_slice(0, d[2], MS(10));
}

/* Blocks and is woken again before its CPU reschedules: as in Xen 2.0 it
 * still goes to the tail, behind the domains that waited. */
static void test_block_wake_before_schedule(void **state)
{
    struct domain *d[3];

    (void)state;
    make_domains(d, 3, 0, 0);
    expect_pick(0, d[2], MS(10));
    fake_now += MS(1);
    sched_fake_block(d[2]);
    assert_false(sched_fake_wake(d[2]));
    expect_full_slice(0, d[1], MS(10));
    expect_full_slice(0, d[0], MS(10));
    expect_full_slice(0, d[2], MS(10));
}

/* A waiting domain that blocks and wakes again moves to the head. */
static void test_block_wake_waiting(void **state)
{
    struct domain *d[3];

    (void)state;
    make_domains(d, 3, 0, 0);               /* queue 3 2 1 */
    expect_pick(0, d[2], MS(10));
    sched_fake_block(d[0]);
    assert_false(sched_fake_wake(d[0]));    /* queue 1 3 2 */
    fake_now += MS(10);
    expect_full_slice(0, d[0], MS(10));
    expect_full_slice(0, d[1], MS(10));
    expect_full_slice(0, d[2], MS(10));
    expect_full_slice(0, d[0], MS(10));
}

static void test_yield(void **state)
{
    struct domain *d[3];

    (void)state;
    make_domains(d, 3, 0, 0);
    expect_pick(0, d[2], MS(10));
    fake_now += MS(4);
    /* A schedule() before the slice ends (sched_op yield): to the tail,
     * and the next domain gets a whole slice. */
    expect_pick(0, d[1], MS(10));
    assert_int_equal(schedule_data[0].s_timer.expires, MS(14));
    assert_int_equal(d[2]->cpu_time, MS(4));
    fake_now += MS(1);
    expect_pick(0, d[0], MS(10));
    fake_now += MS(10);
    expect_full_slice(0, d[2], MS(10));
    expect_full_slice(0, d[1], MS(10));
    /* A lone domain that yields gets the CPU straight back. */
    sched_fake_block(d[0]);
    sched_fake_block(d[2]);
    expect_pick(0, d[1], MS(10));
    fake_now += US(300);
    expect_pick(0, d[1], MS(10));
}

/* The core should sleep a domain that stops running; if it does not, the
 * policy still never picks it. */
static void test_unrunnable_without_sleep(void **state)
{
    struct domain *d[3];

    (void)state;
    make_domains(d, 3, 0, 0);
    expect_pick(0, d[2], MS(10));
    d[2]->ctrl_paused = true;               /* running */
    d[1]->shutdown = true;                  /* waiting */
    fake_now += MS(10);
    expect_full_slice(0, d[0], MS(10));
    expect_full_slice(0, d[0], MS(10));
    d[0]->dying = true;
    expect_full_slice(0, &fake_idle[0], MS(10));
    /* Dropped ones come back through wake like any other. */
    assert_true(sched_fake_wake(d[2]));
    expect_full_slice(0, d[2], MS(10));
}

/* The running domain was paused without a sleep: once it can run again,
 * its wake puts it at the head like any other. */
static void test_paused_running_then_woken(void **state)
{
    struct domain *d[3];

    (void)state;
    make_domains(d, 3, 0, 0);               /* queue 3 2 1 */
    expect_pick(0, d[2], MS(10));
    d[2]->ctrl_paused = true;
    fake_now += MS(10);
    expect_pick(0, d[1], MS(10));
    assert_false(sched_fake_wake(d[2]));
    fake_now += MS(10);
    expect_full_slice(0, d[2], MS(10));
    expect_full_slice(0, d[0], MS(10));
    expect_full_slice(0, d[1], MS(10));
}

static void test_free_task_unlinks(void **state)
{
    struct domain *d[3];

    (void)state;
    make_domains(d, 3, 0, 0);
    expect_pick(0, d[2], MS(10));
    ops->free_task(d[1]);
    fake_now += MS(10);
    expect_full_slice(0, d[0], MS(10));
    expect_full_slice(0, d[2], MS(10));
    expect_full_slice(0, d[0], MS(10));
}

static void test_schedctl(void **state)
{
    uint64_t v;

    (void)state;
    assert_int_equal(get_slice(), 10000000);
    put_slice(MS(3));
    assert_int_equal(get_slice(), MS(3));
    /* Any direction other than PUT reads. */
    v = 1;
    assert_int_equal(schedctl(7, &v), 0);
    assert_int_equal(v, MS(3));
    v = 1;
    assert_int_equal(schedctl(0xFFFFFFFF, &v), 0);
    assert_int_equal(v, MS(3));
    put_slice(MS(25));
    assert_int_equal(get_slice(), MS(25));

    /* Tessera refuses slices that would livelock or wrap; old one kept. */
    v = 0;
    assert_int_equal(schedctl(SCHED_INFO_PUT, &v), -EINVAL);
    v = US(100) - 1;
    assert_int_equal(schedctl(SCHED_INFO_PUT, &v), -EINVAL);
    v = MS(10000) + 1;
    assert_int_equal(schedctl(SCHED_INFO_PUT, &v), -EINVAL);
    v = 1ull << 63;
    assert_int_equal(schedctl(SCHED_INFO_PUT, &v), -EINVAL);
    v = UINT64_MAX;
    assert_int_equal(schedctl(SCHED_INFO_PUT, &v), -EINVAL);
    assert_int_equal(get_slice(), MS(25));
    /* The bounds themselves are accepted. */
    put_slice(US(100));
    assert_int_equal(get_slice(), US(100));
    put_slice(MS(10000));
    assert_int_equal(get_slice(), MS(10000));
}

/* A rejected PUT leaves scheduling as it was. */
static void test_schedctl_reject_keeps_slice(void **state)
{
    struct domain *d[2];
    uint64_t v = 0;

    (void)state;
    make_domains(d, 2, 0, 0);
    put_slice(MS(4));
    assert_int_equal(schedctl(SCHED_INFO_PUT, &v), -EINVAL);
    expect_full_slice(0, d[1], MS(4));
    expect_full_slice(0, d[0], MS(4));
}

static void test_init_restores_default(void **state)
{
    (void)state;
    put_slice(MS(3));
    sched_fake_init(ops);
    assert_int_equal(get_slice(), MS(10));
}

static void test_no_domain_parameters(void **state)
{
    struct domain *d = sched_fake_domain(0, 1, 0);
    struct sched_adjdom_cmd cmd = {
        .sched_id = SCHED_RROBIN,
        .direction = SCHED_INFO_GET,
        .domain = 1,
        .u.atropos = { 1, 2, 3, 4 },
    };

    (void)state;
    if (ops->adjdom) {
        assert_int_equal(ops->adjdom(d, &cmd), 0);
        cmd.direction = SCHED_INFO_PUT;
        assert_int_equal(ops->adjdom(d, &cmd), 0);
        assert_int_equal(cmd.u.atropos.nat_period, 1);
        assert_int_equal(cmd.u.atropos.xtratime, 4);
    }
    assert_int_equal(ops->boot_param(d, "slice", "10"), -EINVAL);
    assert_int_equal(ops->boot_param(d, "", ""), -EINVAL);
    assert_int_equal(ops->boot_param(d, "x", "0"), -EINVAL);
}

/* The debug-key dumps walk live state without changing it. */
static void test_dumps(void **state)
{
    struct domain *d[3];

    (void)state;
    make_domains(d, 3, 0, 0);
    expect_pick(0, d[2], MS(10));
    if (ops->dump_settings)
        ops->dump_settings();
    if (ops->dump_cpu_state) {
        ops->dump_cpu_state(0);
        ops->dump_cpu_state(1);
    }
    fake_now += MS(10);
    expect_full_slice(0, d[1], MS(10));
    expect_full_slice(0, d[0], MS(10));
    expect_full_slice(0, d[2], MS(10));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_identity, setup),
        cmocka_unit_test_setup(test_idle_when_empty, setup),
        cmocka_unit_test_setup(test_fifo_three, setup),
        cmocka_unit_test_setup(test_fifo_four_long_run, setup),
        cmocka_unit_test_setup(test_slice_lengths, setup),
        cmocka_unit_test_setup(test_put_mid_slice, setup),
        cmocka_unit_test_setup(test_wake_to_head, setup),
        cmocka_unit_test_setup(test_wake_after_block_jumps_queue, setup),
        cmocka_unit_test_setup(test_wake_preempts_only_idle, setup),
        cmocka_unit_test_setup(test_wake_queued_is_ignored, setup),
        cmocka_unit_test_setup(test_block_running, setup),
        cmocka_unit_test_setup(test_block_wake_before_schedule, setup),
        cmocka_unit_test_setup(test_block_wake_waiting, setup),
        cmocka_unit_test_setup(test_yield, setup),
        cmocka_unit_test_setup(test_unrunnable_without_sleep, setup),
        cmocka_unit_test_setup(test_paused_running_then_woken, setup),
        cmocka_unit_test_setup(test_free_task_unlinks, setup),
        cmocka_unit_test_setup(test_schedctl, setup),
        cmocka_unit_test_setup(test_schedctl_reject_keeps_slice, setup),
        cmocka_unit_test_setup(test_init_restores_default, setup),
        cmocka_unit_test_setup(test_no_domain_parameters, setup),
        cmocka_unit_test_setup(test_dumps, setup),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
