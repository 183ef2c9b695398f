/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The BVT policy (sched/bvt.c, ABI.md §9) driven through the fake core:
 * exact decisions (which domain, how long, when a wake-up preempts),
 * virtual-time wrap, long-run shares, warp latency and warp timers,
 * and the SCHEDCTL / ADJUSTDOM / boot parameter interfaces.
 *
 * The policy's per-domain state is private, so virtual times are read
 * back through decisions: a slice of two runnable domains is
 * (evt gap / mcu_adv) MCUs + ctx_allow, which pins the gap exactly.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <tessera/errno.h>
#include "sched_fake.h"

extern const struct scheduler sched_bvt_ops;

#define MCU         ((s_time_t)MICROSECS(100))
#define CTX         ((s_time_t)MILLISECS(5))
#define MS(x)       ((s_time_t)MILLISECS(x))
#define US(x)       ((s_time_t)MICROSECS(x))

static int setup(void **state)
{
    (void)state;
    sched_fake_init(&sched_bvt_ops);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sched_fake_free_tasks();
    return 0;
}

/* A domain on cpu, made runnable (domain index i, id i + 1). */
static struct domain *new_dom(unsigned int i, unsigned int cpu)
{
    struct domain *d = sched_fake_domain(i, (domid_t)(i + 1), cpu);

    sched_fake_wake(d);
    return d;
}

static int put(struct domain *d, uint32_t mcu_adv, uint32_t warpback, int32_t warpvalue,
               int64_t warpl_ms, int64_t warpu_ms)
{
    struct sched_adjdom_cmd cmd = {
        .sched_id = SCHED_BVT,
        .direction = SCHED_INFO_PUT,
        .domain = d->id,
    };

    cmd.u.bvt.mcu_adv = mcu_adv;
    cmd.u.bvt.warpback = warpback;
    cmd.u.bvt.warpvalue = warpvalue;
    cmd.u.bvt.warpl = warpl_ms;
    cmd.u.bvt.warpu = warpu_ms;
    return sched_bvt_ops.adjdom(d, &cmd);
}

static struct bvt_adjdom get(struct domain *d)
{
    struct sched_adjdom_cmd cmd = {
        .sched_id = SCHED_BVT,
        .direction = SCHED_INFO_GET,
        .domain = d->id,
    };

    assert_int_equal(sched_bvt_ops.adjdom(d, &cmd), 0);
    return cmd.u.bvt;
}

/* GET of d's parameters gives exactly these (warpl and warpu in ns). */
static void expect_params(struct domain *d, uint32_t mcu_adv, uint32_t warpback,
                          int32_t warpvalue, s_time_t warpl, s_time_t warpu)
{
    struct bvt_adjdom p = get(d);

    assert_int_equal(p.mcu_adv, mcu_adv);
    assert_int_equal(p.warpback, warpback);
    assert_int_equal(p.warpvalue, warpvalue);
    assert_int_equal(p.warpl, warpl);
    assert_int_equal(p.warpu, warpu);
}

static void set_mcu(struct domain *d, uint32_t mcu_adv)
{
    assert_int_equal(put(d, mcu_adv, 0, 0, 2000, 1000), 0);
}

/* Schedules cpu 0 at time t and checks the decision. */
static void expect(s_time_t t, struct domain *task, s_time_t slice)
{
    struct task_slice s;

    fake_now = t;
    s = sched_fake_schedule(0);
    assert_ptr_equal(s.task, task);
    assert_int_equal(s.time, slice);
}

/* Runs cpu until absolute time t (events at t included). */
static void run_until(unsigned int cpu, s_time_t t)
{
    assert_true(t >= fake_now);
    sched_fake_run(cpu, t - fake_now);
}

/* --- Exact decisions ------------------------------------------------------ */

static void test_slice_idle_and_single(void **state)
{
    struct domain *a;

    (void)state;
    /* Nothing runnable: idle for ctx_allow. */
    expect(0, &fake_idle[0], CTX);
    /* One runnable domain: 10 * ctx_allow. */
    a = new_dom(0, 0);
    expect(MS(1), a, 10 * CTX);
    expect(MS(2), a, 10 * CTX);
    /* It blocks: idle again. */
    sched_fake_block(a);
    expect(MS(3), &fake_idle[0], CTX);
}

static void test_lowest_evt_and_avt_advance(void **state)
{
    struct domain *a, *b;

    (void)state;
    a = new_dom(0, 0);
    b = new_dom(1, 0);
    /* Equal evts (0): the one queued last wins; gap 0 -> ctx_allow. */
    expect(0, b, CTX);
    /* b ran 250 us = 3 MCUs started: avt 30. a (0) runs until it passes
     * b by ctx_allow: 30 / 10 MCUs + ctx_allow. */
    expect(US(250), a, 3 * MCU + CTX);
    /* a ran 1 ns: a whole MCU, avt 10; still lowest, gap 20. */
    expect(US(250) + 1, a, 2 * MCU + CTX);
    /* Exactly one MCU: avt 20, gap 10. */
    expect(US(350) + 1, a, 1 * MCU + CTX);
    /* 200 us: avt 40 > 30: b runs, gap 10. */
    expect(US(550) + 1, b, 1 * MCU + CTX);
    /* b ran 0 ns: no advance; same decision. */
    expect(US(550) + 1, b, 1 * MCU + CTX);
}

static void test_slice_uses_mcu_adv_of_next(void **state)
{
    struct domain *a, *b;

    (void)state;
    a = new_dom(0, 0);
    b = new_dom(1, 0);
    set_mcu(a, 4);
    set_mcu(b, 7);
    expect(0, b, CTX);
    /* b: 2 MCUs * 7 = 14. a (mcu 4) needs 14 / 4 = 3 whole MCUs. */
    expect(US(200), a, 3 * MCU + CTX);
    /* a: 5 MCUs -> 20. b at 14: gap 6 / 7 = 0 MCUs. */
    expect(US(700), b, CTX);
}

static void test_ctx_allow_changes_slices(void **state)
{
    struct sched_ctl_cmd cmd = { .sched_id = SCHED_BVT, .direction = SCHED_INFO_PUT };
    struct domain *a, *b;

    (void)state;
    cmd.u.bvt.ctx_allow = (uint32_t)MS(2);
    assert_int_equal(sched_bvt_ops.control(&cmd), 0);
    expect(0, &fake_idle[0], MS(2));
    a = new_dom(0, 0);
    expect(0, a, MS(20));
    b = new_dom(1, 0);
    /* a ran 0: tie, b queued last. */
    expect(0, b, MS(2));
}

static void test_wake_preempts_when_lower_or_equal(void **state)
{
    struct domain *a, *b;

    (void)state;
    a = new_dom(0, 0);
    expect(0, a, 10 * CTX);
    /* b (new, avt = SVT = 0) wakes after a ran 1 ms (evt 100): preempts. */
    fake_now = MS(1);
    b = sched_fake_domain(1, 2, 0);
    assert_true(sched_fake_wake(b));
    expect(MS(1), b, 10 * MCU + CTX);
}

static void test_wake_equal_evt_preempts(void **state)
{
    struct domain *a, *b;

    (void)state;
    a = new_dom(0, 0);
    expect(0, a, 10 * CTX);
    /* a ran 0 ns: evt 0 = the woken domain's: preempts. */
    b = sched_fake_domain(1, 2, 0);
    assert_true(sched_fake_wake(b));
}

static void test_wake_idle_cpu_preempts(void **state)
{
    struct domain *a;

    (void)state;
    expect(0, &fake_idle[0], CTX);
    a = sched_fake_domain(0, 1, 0);
    fake_now = MS(1);
    assert_true(sched_fake_wake(a));
    expect(MS(1), a, 10 * CTX);
}

static void test_wake_higher_evt_waits_for_pull_in(void **state)
{
    struct domain *a, *b;

    (void)state;
    a = new_dom(0, 0);
    b = new_dom(1, 0);
    expect(0, b, CTX);
    /* b runs 2 ms (avt 200) and blocks: a alone, SVT 0. */
    sched_fake_block(b);
    expect(MS(2), a, 10 * CTX);
    /* At 2.3 ms a's evt is 30; b wakes with avt max(200, 0) = 200. */
    fake_now = MS(2) + US(300);
    assert_false(sched_fake_wake(b));
    assert_int_equal(fake_resched_mask, 0);
    /* Reschedule at lastschd + (200 - 30) / 10 MCUs + ctx_allow. */
    fake_now = MS(2) + 17 * MCU + CTX - 1;
    sched_fake_fire_timers();
    assert_int_equal(fake_resched_mask, 0);
    fake_now++;
    sched_fake_fire_timers();
    assert_int_equal(fake_resched_mask, 1);
    /* a: 67 MCUs -> 670 > 200: b runs, gap 470 -> 47 MCUs. */
    expect(fake_now, b, 47 * MCU + CTX);
}

static void test_wake_pull_in_never_later_than_slice(void **state)
{
    struct domain *a, *b, *c;

    (void)state;
    a = new_dom(0, 0);
    b = new_dom(1, 0);
    expect(0, b, CTX);
    sched_fake_block(b);
    expect(MS(10), a, 10 * CTX);        /* b avt 1000 */
    /* a (evt 0 now) with a third domain c: slice ctx_allow. */
    c = new_dom(2, 0);
    expect(MS(10), c, CTX);
    /* b's deadline (10 ms + 100 MCUs + ctx) is after c's slice end:
     * the slice timer alone decides. */
    assert_false(sched_fake_wake(b));
    run_until(0, MS(15) - 1);
    assert_int_equal(fake_resched_mask, 0);
    assert_ptr_equal(sched_curr(0), c);
    run_until(0, MS(15));
    assert_ptr_equal(sched_curr(0), a);
}

static void test_svt_on_wake(void **state)
{
    struct domain *a, *c;

    (void)state;
    a = new_dom(0, 0);
    expect(0, a, 10 * CTX);
    /* a ran 10 ms: avt 100, SVT 100. */
    expect(MS(10), a, 10 * CTX);
    /* c (avt 0) wakes: avt = SVT = 100 = a's evt -> preempts, and the
     * gap is 0 (an avt of 0 would give 10 MCUs). */
    c = sched_fake_domain(2, 3, 0);
    assert_true(sched_fake_wake(c));
    expect(MS(10), c, CTX);
}

static void test_svt_after_migration(void **state)
{
    struct domain *a, *c;

    (void)state;
    /* c runs 20 ms on cpu 0 (avt 200) and blocks. */
    c = new_dom(2, 0);
    expect(0, c, 10 * CTX);
    sched_fake_block(c);
    expect(MS(20), &fake_idle[0], CTX);
    /* a runs on cpu 1: avt 50 at 5 ms, SVT 50. */
    a = new_dom(0, 1);
    fake_now = 0;
    sched_fake_schedule(1);
    fake_now = MS(5);
    assert_ptr_equal(sched_fake_schedule(1).task, a);
    /* The core moves c to cpu 1: its avt becomes SVT (50), not 200. */
    c->processor = 1;
    c->migrated = true;
    assert_true(sched_fake_wake(c));
    assert_false(c->migrated);
    fake_now = MS(5);
    assert_ptr_equal(sched_fake_schedule(1).task, c);
}

static void test_migrated_there_and_back(void **state)
{
    struct domain *a, *c;

    (void)state;
    c = new_dom(2, 0);
    expect(0, c, 10 * CTX);
    sched_fake_block(c);
    a = new_dom(0, 0);
    expect(MS(20), a, 10 * CTX);        /* c at 200, SVT 0 */
    /* c went to another CPU and came back while asleep: still SVT. */
    c->migrated = true;
    fake_now = MS(25);
    assert_true(sched_fake_wake(c));
    assert_false(c->migrated);
    /* c at 0 runs until 50 MCUs past a (50 at 25 ms). */
    expect(MS(25), c, 50 * MCU + CTX);
}

static void test_sleep_of_waiting_domain(void **state)
{
    struct domain *a, *b;

    (void)state;
    a = new_dom(0, 0);
    b = new_dom(1, 0);
    expect(0, b, CTX);
    /* a blocks while waiting: only b is left (one runnable domain). */
    sched_fake_block(a);
    expect(MS(1), b, 10 * CTX);
    /* a wakes at SVT, b's avt at the last decision (100), below b's
     * evt of 200 by now: it preempts, with a gap of 100. */
    fake_now = MS(2);
    assert_true(sched_fake_wake(a));
    expect(MS(2), a, 10 * MCU + CTX);
}

/* --- Virtual-time wrap ------------------------------------------------------- */

static void test_wrap_keeps_order_and_gaps(void **state)
{
    /* SVT first wraps at 1920 units (~385 ms here), then every 1792;
     * one 10 ms run (100 units) stays below the 2^28 headroom above the
     * wrap limit. */
    const uint32_t mcu = 1u << 21;
    struct domain *a, *b, *c, *w;
    s_time_t t;
    unsigned int i;

    (void)state;
    a = new_dom(0, 0);
    b = new_dom(1, 0);
    w = sched_fake_domain(3, 4, 0);
    set_mcu(a, mcu);
    set_mcu(b, mcu);
    set_mcu(w, mcu);
    /* w runs 1 MCU early on (avt 1 unit) and sleeps through the wrap. */
    sched_fake_wake(w);
    expect(0, w, CTX);
    sched_fake_block(w);
    expect(MCU, b, CTX);
    /*
     * From now a and b alternate: each run is the gap (50 MCUs) plus
     * ctx_allow (50 MCUs), so every slice is exactly 10 ms and the
     * decisions alternate, across the wrap too. Without the wrap the
     * u32 avts would overflow after ~100 ms and the order would break.
     */
    expect(MCU + CTX, a, MS(10));   /* a at 0, b at 50: gap 50 MCUs */
    t = MCU + CTX + MS(10);
    for (i = 0; i < 100; i++) {
        struct domain *next = (i % 2) ? a : b;

        expect(t, next, MS(10));
        t += MS(10);
    }
    /* SVT is ~1 s / 2 * 10 units per ms past several wraps; c (new) and
     * w (asleep through the wraps) both come in at SVT: they preempt and
     * their gap to the running domain is the same as right after boot. */
    c = sched_fake_domain(2, 3, 0);
    set_mcu(c, mcu);
    fake_now = t;
    assert_true(sched_fake_wake(c));
    assert_true(sched_fake_wake(w));
    /* w queued last: w, c at SVT; the running one (a, just picked at
     * t - 10 ms, ran 100 MCUs) is 100 above, b is 50 above. */
    expect(t, w, CTX);
    expect(t + MCU, c, 1 * MCU + CTX);
}

static void test_huge_mcu_adv_saturates(void **state)
{
    struct domain *a, *b;

    (void)state;
    b = new_dom(1, 0);
    a = new_dom(0, 0);
    set_mcu(a, 0x80000001u);
    expect(0, a, CTX);
    /* 2 MCUs would wrap a's avt to 2; it saturates at 2^32 - 1. */
    expect(US(150), b, (s_time_t)(0xFFFFFFFFu / 10) * MCU + CTX);
}

/* --- Shares ------------------------------------------------------------------- */

static void check_shares(unsigned int n, const unsigned int *weights, s_time_t window)
{
    struct domain *d[FAKE_MAX_DOMAINS];
    unsigned int i, total = 0;

    for (i = 0; i < n; i++) {
        d[i] = new_dom(i, 0);
        set_mcu(d[i], 840 / weights[i]);
        total += weights[i];
    }
    sched_fake_run(0, window);
    for (i = 0; i < n; i++) {
        double share = (double)d[i]->cpu_time / (double)window;
        double want = (double)weights[i] / total;

        print_message("dom %u weight %u: %.4f%% (want %.4f%%)\n", i + 1, weights[i],
                      share * 100, want * 100);
        assert_true(share > want * 0.99 && share < want * 1.01);
    }
}

static void test_shares_1_2_4(void **state)
{
    static const unsigned int w[] = { 1, 2, 4 };

    (void)state;
    check_shares(3, w, MS(10000));
}

static void test_shares_1_to_8(void **state)
{
    static const unsigned int w[] = { 1, 2, 3, 4, 5, 6, 7, 8 };

    (void)state;
    /* Within 1% of the smallest share (2.8%) needs a longer window:
     * any domain may be up to one ctx_allow ahead when it ends. */
    check_shares(8, w, MS(60000));
}

static void test_shares_ignore_blocked_time(void **state)
{
    struct domain *a, *b;

    (void)state;
    a = new_dom(0, 0);
    b = new_dom(1, 0);
    /* b sleeps for 1 s; on waking it must not claim that second back. */
    sched_fake_block(b);
    run_until(0, MS(1000));
    assert_true(sched_fake_wake(b));
    run_until(0, MS(2000));
    assert_true(llabs((long long)b->cpu_time - MS(500)) <= MS(10));
    assert_true(llabs((long long)a->cpu_time - MS(1500)) <= MS(10));
}

/* --- Latency of a warped domain ---------------------------------------------- */

/*
 * w wakes every 10 ms and wants 2 ms (20%, above its fair 1/9) beside 8
 * CPU-bound domains. Warped, it runs at once at every wake-up.
 * Returns the worst wake-to-dispatch delay.
 */
static s_time_t periodic_latency(bool warp)
{
    struct domain *w;
    s_time_t worst = 0;
    unsigned int i, k;

    for (i = 0; i < 8; i++)
        new_dom(i, 0);
    w = sched_fake_domain(8, 9, 0);
    if (warp)
        assert_int_equal(put(w, 10, 1, 1000000, 2000, 1000), 0);
    for (k = 0; k < 200; k++) {
        s_time_t wake_at = MS(10) * (k + 1), ran;
        uint64_t before;

        /* When w is still busy with an earlier period, it wakes as soon
         * as it blocks: the delay counts from the period's start. */
        if (wake_at > fake_now)
            run_until(0, wake_at);
        /* The core's reaction: reschedule if asked, else run on. */
        if (sched_fake_wake(w))
            sched_fake_schedule(0);
        while (sched_curr(0) != w)
            run_until(0, fake_now + US(100));
        if (fake_now - wake_at > worst)
            worst = fake_now - wake_at;
        /* w runs 2 ms of CPU, then blocks. */
        before = w->cpu_time + (fake_now - w->lastschd);
        do {
            run_until(0, fake_now + US(100));
            ran = (s_time_t)(w->cpu_time - before);
            if (sched_curr(0) == w)
                ran += fake_now - (s_time_t)w->lastschd;
        } while (ran < MS(2));
        sched_fake_block(w);
        sched_fake_schedule(0);
    }
    return worst;
}

static void test_warped_domain_latency(void **state)
{
    s_time_t worst;

    (void)state;
    worst = periodic_latency(true);
    print_message("warped: worst dispatch delay %lld ns\n", (long long)worst);
    assert_true(worst <= MS(1));
    assert_int_equal(worst, 0);
}

static void test_unwarped_domain_waits(void **state)
{
    s_time_t worst;

    (void)state;
    /* The same load without warp: the latency check above can fail. */
    worst = periodic_latency(false);
    print_message("unwarped: worst dispatch delay %lld ns\n", (long long)worst);
    assert_true(worst > MS(1));
}

/* --- Warp timers ---------------------------------------------------------- */

/* a runs alone for 100 ms (avt 10000, SVT 10000); then w (warpvalue
 * 100000, warpl 20 ms, warpu 50 ms) wakes with avt 10000 and evt 0. */
static struct domain *warp_setup(struct domain **pa, int64_t warpu_ms)
{
    struct domain *a, *w;

    a = new_dom(0, 0);
    run_until(0, MS(100));
    w = sched_fake_domain(1, 2, 0);
    assert_int_equal(put(w, 10, 1, 100000, 20, warpu_ms), 0);
    assert_true(sched_fake_wake(w));
    sched_fake_schedule(0);
    assert_ptr_equal(sched_curr(0), w);
    *pa = a;
    return w;
}

static void test_warpl_bounds_continuous_run(void **state)
{
    struct domain *a, *w;
    uint64_t w_before;

    (void)state;
    w = warp_setup(&a, 50);
    /* Warped, w would win for 1 s; warpl ends its run at 120 ms, though
     * the test's windows make the policy decide again every 1 ms. */
    for (s_time_t t = MS(101); t < MS(120); t += MS(1)) {
        run_until(0, t);
        assert_ptr_equal(sched_curr(0), w);
    }
    run_until(0, MS(120) - 1);
    assert_ptr_equal(sched_curr(0), w);
    run_until(0, MS(120));
    assert_ptr_equal(sched_curr(0), a);
    assert_int_equal(w->cpu_time, MS(20));
    /* Unwarped (avt 12000) it waits until a catches up (20 ms) and
     * passes it by ctx_allow. */
    run_until(0, MS(139));
    assert_int_equal(w->cpu_time, MS(20));
    /* 50 ms after the warp ended it warps again and preempts at once,
     * for one more warpl. */
    run_until(0, MS(170));
    assert_ptr_equal(sched_curr(0), w);
    w_before = w->cpu_time;
    run_until(0, MS(190) - 1);
    assert_ptr_equal(sched_curr(0), w);
    run_until(0, MS(190));
    assert_ptr_equal(sched_curr(0), a);
    assert_int_equal(w->cpu_time - w_before, MS(20));
    assert_int_equal(get(w).warpback, 1);
}

static void test_warpl_restarts_after_deschedule(void **state)
{
    struct domain *a, *w;

    (void)state;
    w = warp_setup(&a, 50);
    /* w blocks after 15 ms, wakes 1 ms later: a new run, a new warpl. */
    run_until(0, MS(115));
    sched_fake_block(w);
    sched_fake_schedule(0);
    fake_now = MS(116);
    sched_fake_schedule(0);
    assert_true(sched_fake_wake(w));
    sched_fake_schedule(0);
    assert_ptr_equal(sched_curr(0), w);
    run_until(0, MS(136) - 1);
    assert_ptr_equal(sched_curr(0), w);
    run_until(0, MS(136));
    assert_ptr_equal(sched_curr(0), a);
}

static void test_warpu_zero_stops_warping(void **state)
{
    struct domain *a, *w;
    uint64_t a_before, w_before;

    (void)state;
    w = warp_setup(&a, 0);
    assert_int_equal(get(w).warpback, 1);
    run_until(0, MS(120));
    assert_ptr_equal(sched_curr(0), a);
    /* Warping is off for good; from now on a plain 1:1 share. */
    assert_int_equal(get(w).warpback, 0);
    run_until(0, MS(200));
    a_before = a->cpu_time;
    w_before = w->cpu_time;
    run_until(0, MS(2200));
    assert_true(llabs((long long)(a->cpu_time - a_before) - MS(1000)) <= MS(10));
    assert_true(llabs((long long)(w->cpu_time - w_before) - MS(1000)) <= MS(10));
}

static void test_put_warpback_zero_unwarps_at_once(void **state)
{
    struct domain *a, *w;

    (void)state;
    w = warp_setup(&a, 50);
    fake_now = MS(105);
    /* Unwarped, w's evt is its avt (10000 + 500) > a's 10000. */
    assert_int_equal(put(w, 10, 0, 100000, 20, 50), 0);
    assert_int_equal(fake_resched_mask, 1);
    expect(MS(105), a, 50 * MCU + CTX);
}

/* --- SCHEDCTL, ADJUSTDOM, boot parameters ---------------------------------- */

static void test_schedctl_round_trip(void **state)
{
    struct sched_ctl_cmd cmd = { .sched_id = SCHED_BVT, .direction = SCHED_INFO_GET };

    (void)state;
    assert_int_equal(sched_bvt_ops.control(&cmd), 0);
    assert_int_equal(cmd.u.bvt.ctx_allow, MS(5));
    cmd.direction = SCHED_INFO_PUT;
    cmd.u.bvt.ctx_allow = 1234567;
    assert_int_equal(sched_bvt_ops.control(&cmd), 0);
    /* Any direction other than PUT reads. */
    cmd.direction = 7;
    cmd.u.bvt.ctx_allow = 0;
    assert_int_equal(sched_bvt_ops.control(&cmd), 0);
    assert_int_equal(cmd.u.bvt.ctx_allow, 1234567);
}

static void test_adjdom_defaults_and_round_trip(void **state)
{
    struct domain *d;
    struct bvt_adjdom p;

    (void)state;
    d = sched_fake_domain(0, 1, 0);
    expect_params(d, 10, 0, 0, MS(2000), MS(1000));

    /* (quirk) PUT in ms, GET in ns. */
    assert_int_equal(put(d, 20, 1, -5, 30, 40), 0);
    p = get(d);
    assert_int_equal(p.mcu_adv, 20);
    assert_int_equal(p.warpback, 1);
    assert_int_equal(p.warpvalue, -5);
    assert_int_equal(p.warpl, 30000000);
    assert_int_equal(p.warpu, 40000000);
    /* Writing GET's ns values back multiplies them again. */
    assert_int_equal(put(d, p.mcu_adv, p.warpback, p.warpvalue, p.warpl, p.warpu), 0);
    assert_int_equal(get(d).warpl, 30000000LL * 1000000);
    /* Zero warpl and warpu are allowed. */
    assert_int_equal(put(d, 1, 0, 0, 0, 0), 0);
    p = get(d);
    assert_int_equal(p.warpl, 0);
    assert_int_equal(p.warpu, 0);
}

static void test_adjdom_rejections_change_nothing(void **state)
{
    struct domain *d;

    (void)state;
    d = sched_fake_domain(0, 1, 0);
    assert_int_equal(put(d, 20, 1, 7, 30, 40), 0);
    assert_int_equal(put(d, 0, 0, 1, 1, 1), -EINVAL);
    assert_int_equal(put(d, 5, 0, 1, -1, 1), -EINVAL);
    assert_int_equal(put(d, 5, 0, 1, 1, -1), -EINVAL);
    assert_int_equal(put(d, 5, 0, 1, INT64_MIN, INT64_MIN), -EINVAL);
    expect_params(d, 20, 1, 7, MS(30), MS(40));
}

static void test_adjdom_mcu_adv_changes_decisions(void **state)
{
    struct domain *a, *b;

    (void)state;
    a = new_dom(0, 0);
    b = new_dom(1, 0);
    expect(0, b, CTX);
    assert_int_equal(put(b, 1, 0, 0, 2000, 1000), 0);
    /* b ran 10 MCUs at 1 per MCU: avt 10; a (0) runs 10 / 10 MCU. */
    expect(MS(1), a, 1 * MCU + CTX);
}

static void test_boot_params(void **state)
{
    struct domain *d;

    (void)state;
    d = sched_fake_domain(0, 1, 0);
    assert_int_equal(sched_bvt_ops.boot_param(d, "mcu_adv", "20"), 0);
    assert_int_equal(sched_bvt_ops.boot_param(d, "warp", "-7"), 0);
    assert_int_equal(sched_bvt_ops.boot_param(d, "warpback", "1"), 0);
    assert_int_equal(sched_bvt_ops.boot_param(d, "warpl", "30"), 0);
    assert_int_equal(sched_bvt_ops.boot_param(d, "warpu", "0x10"), 0);
    expect_params(d, 20, 1, -7, MS(30), MS(16));

    /* The ADJUSTDOM PUT rules, and malformed numbers; nothing changes. */
    assert_int_equal(sched_bvt_ops.boot_param(d, "mcu_adv", "0"), -EINVAL);
    assert_int_equal(sched_bvt_ops.boot_param(d, "mcu_adv", "4294967296"), -EINVAL);
    assert_int_equal(sched_bvt_ops.boot_param(d, "mcu_adv", ""), -EINVAL);
    assert_int_equal(sched_bvt_ops.boot_param(d, "mcu_adv", "12x"), -EINVAL);
    assert_int_equal(sched_bvt_ops.boot_param(d, "warp", "2147483648"), -EINVAL);
    assert_int_equal(sched_bvt_ops.boot_param(d, "warpl", "-1"), -EINVAL);
    assert_int_equal(sched_bvt_ops.boot_param(d, "warpu", "-1"), -EINVAL);
    assert_int_equal(sched_bvt_ops.boot_param(d, "warpback", "-1"), -EINVAL);
    assert_int_equal(sched_bvt_ops.boot_param(d, "slice", "1"), -EINVAL);
    expect_params(d, 20, 1, -7, MS(30), MS(16));
}

static void test_boot_param_mcu_adv_sets_share(void **state)
{
    struct domain *a, *b;

    (void)state;
    a = new_dom(0, 0);
    b = new_dom(1, 0);
    assert_int_equal(sched_bvt_ops.boot_param(a, "mcu_adv", "5"), 0);
    sched_fake_run(0, MS(3000));
    assert_true(llabs((long long)a->cpu_time - MS(2000)) <= MS(20));
    assert_true(llabs((long long)b->cpu_time - MS(1000)) <= MS(20));
}

static void test_dump_hooks_run(void **state)
{
    (void)state;
    new_dom(0, 0);
    sched_fake_schedule(0);
    sched_bvt_ops.dump_settings();
    sched_bvt_ops.dump_cpu_state(0);
    assert_string_equal(sched_bvt_ops.opt_name, "bvt");
    assert_int_equal(sched_bvt_ops.sched_id, SCHED_BVT);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_slice_idle_and_single),
        T(test_lowest_evt_and_avt_advance),
        T(test_slice_uses_mcu_adv_of_next),
        T(test_ctx_allow_changes_slices),
        T(test_wake_preempts_when_lower_or_equal),
        T(test_wake_equal_evt_preempts),
        T(test_wake_idle_cpu_preempts),
        T(test_wake_higher_evt_waits_for_pull_in),
        T(test_wake_pull_in_never_later_than_slice),
        T(test_svt_on_wake),
        T(test_svt_after_migration),
        T(test_migrated_there_and_back),
        T(test_sleep_of_waiting_domain),
        T(test_wrap_keeps_order_and_gaps),
        T(test_huge_mcu_adv_saturates),
        T(test_shares_1_2_4),
        T(test_shares_1_to_8),
        T(test_shares_ignore_blocked_time),
        T(test_warped_domain_latency),
        T(test_unwarped_domain_waits),
        T(test_warpl_bounds_continuous_run),
        T(test_warpl_restarts_after_deschedule),
        T(test_warpu_zero_stops_warping),
        T(test_put_warpback_zero_unwarps_at_once),
        T(test_schedctl_round_trip),
        T(test_adjdom_defaults_and_round_trip),
        T(test_adjdom_rejections_change_nothing),
        T(test_adjdom_mcu_adv_changes_decisions),
        T(test_boot_params),
        T(test_boot_param_mcu_adv_sets_share),
        T(test_dump_hooks_run),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
