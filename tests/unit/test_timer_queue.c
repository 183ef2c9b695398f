/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The timer queue (kernel/timer_queue.c): expiry order, removal anywhere in
 * the heap, re-arming, timers that re-arm themselves, a full array, and a
 * long random run checked against a plain sorted list.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <tessera/errno.h>
#include <tessera/timer.h>

#define CAP 16

static struct timer *slots[CAP];
static struct timer_queue q;
static struct timer timers[CAP + 1];

/* Every fn run is logged as the index of its timer in timers[]. */
static unsigned int run_log[64];
static unsigned int nr_runs;
static uint64_t period;
static unsigned int periodic_runs;

static void log_run(void *data)
{
    assert_true(nr_runs < ARRAY_SIZE(run_log));
    run_log[nr_runs++] = (unsigned int)((struct timer *)data - timers);
}

static void check_heap(const struct timer_queue *tq)
{
    for (unsigned int i = 0; i < tq->count; i++) {
        assert_int_equal(tq->heap[i]->heap_index, i);
        assert_true(tq->heap[i]->active);
        if (i > 0)
            assert_true(tq->heap[(i - 1) / 2]->expires <= tq->heap[i]->expires);
    }
}

static int setup(void **state)
{
    (void)state;
    timer_queue_init(&q, slots, CAP);
    for (unsigned int i = 0; i < ARRAY_SIZE(timers); i++)
        timer_init(&timers[i], log_run, &timers[i]);
    nr_runs = 0;
    periodic_runs = 0;
    return 0;
}

static void add(unsigned int i, uint64_t expires)
{
    assert_int_equal(timer_add(&q, &timers[i], expires), 0);
    check_heap(&q);
}

static void test_empty(void **state)
{
    (void)state;
    assert_null(timer_queue_first(&q));
    assert_true(timer_queue_next_deadline(&q) == UINT64_MAX);
    assert_int_equal(timer_expire(&q, UINT64_MAX), 0);
    assert_false(timer_remove(&q, &timers[0]));
    assert_int_equal(nr_runs, 0);
}

static void test_order(void **state)
{
    static const uint64_t when[] = { 50, 10, 90, 30, 70, 20, 80, 60, 40 };

    (void)state;
    for (unsigned int i = 0; i < ARRAY_SIZE(when); i++)
        add(i, when[i]);
    assert_ptr_equal(timer_queue_first(&q), &timers[1]);
    assert_true(timer_queue_next_deadline(&q) == 10);

    assert_int_equal(timer_expire(&q, 9), 0);
    assert_int_equal(timer_expire(&q, 40), 4);  /* 40 itself is due */
    assert_int_equal(nr_runs, 4);
    assert_int_equal(run_log[0], 1);
    assert_int_equal(run_log[1], 5);
    assert_int_equal(run_log[2], 3);
    assert_int_equal(run_log[3], 8);
    assert_false(timers[8].active);
    assert_true(timer_queue_next_deadline(&q) == 50);
    check_heap(&q);

    assert_int_equal(timer_expire(&q, 1000), 5);
    static const unsigned int rest[] = { 0, 7, 4, 6, 2 };
    for (unsigned int i = 0; i < ARRAY_SIZE(rest); i++)
        assert_int_equal(run_log[4 + i], rest[i]);
    assert_int_equal(q.count, 0);
    assert_null(timer_queue_first(&q));
}

static void test_equal_expiries(void **state)
{
    (void)state;
    for (unsigned int i = 0; i < 6; i++)
        add(i, 100);
    add(6, 99);
    add(7, 101);
    assert_int_equal(timer_expire(&q, 100), 7);
    assert_int_equal(run_log[0], 6);
    unsigned int seen = 0;
    for (unsigned int i = 1; i < 7; i++) {
        assert_true(run_log[i] < 6);
        seen |= 1u << run_log[i];
    }
    assert_int_equal(seen, 0x3f);
    assert_ptr_equal(timer_queue_first(&q), &timers[7]);
}

/* Removes timers[victim] out of nine and checks the rest still run in order. */
static void remove_one(uint64_t victim_expires)
{
    unsigned int victim = 0;

    for (unsigned int i = 0; i < 9; i++) {
        add(i, (i * 7 % 9 + 1) * 10);       /* 10..90, scrambled */
        if (timers[i].expires == victim_expires)
            victim = i;
    }
    assert_true(timer_remove(&q, &timers[victim]));
    check_heap(&q);
    assert_false(timers[victim].active);
    assert_false(timer_remove(&q, &timers[victim]));
    assert_int_equal(q.count, 8);

    assert_int_equal(timer_expire(&q, 1000), 8);
    uint64_t prev = 0;
    for (unsigned int i = 0; i < 8; i++) {
        assert_int_not_equal(run_log[i], victim);
        assert_true(timers[run_log[i]].expires > prev);
        prev = timers[run_log[i]].expires;
    }
}

static void test_remove_head(void **state)
{
    (void)state;
    remove_one(10);
}

static void test_remove_middle(void **state)
{
    (void)state;
    remove_one(50);
}

static void test_remove_tail(void **state)
{
    (void)state;
    remove_one(90);
}

/* Removal from a slot whose replacement must move up, not down. */
static void test_remove_sifts_up(void **state)
{
    (void)state;
    /* heap: 0:10, 1:100, 2:20, 3:110, 4:120, 5:30, 6:40 */
    static const uint64_t when[] = { 10, 100, 20, 110, 120, 30, 40 };
    for (unsigned int i = 0; i < ARRAY_SIZE(when); i++)
        add(i, when[i]);
    assert_int_equal(timers[4].heap_index, 4);
    /* timers[6] (40) fills slot 4, below 100 at slot 1. */
    assert_true(timer_remove(&q, &timers[4]));
    check_heap(&q);
    assert_int_equal(timer_expire(&q, 1000), 6);
    static const unsigned int order[] = { 0, 2, 5, 6, 1, 3 };
    for (unsigned int i = 0; i < ARRAY_SIZE(order); i++)
        assert_int_equal(run_log[i], order[i]);
}

static void test_readd_moves(void **state)
{
    (void)state;
    add(0, 100);
    add(1, 200);
    add(2, 300);
    add(0, 250);                            /* later */
    assert_int_equal(q.count, 3);
    assert_ptr_equal(timer_queue_first(&q), &timers[1]);
    add(2, 50);                             /* earlier */
    assert_int_equal(q.count, 3);
    assert_ptr_equal(timer_queue_first(&q), &timers[2]);
    assert_int_equal(timer_expire(&q, 100), 1);
    assert_int_equal(run_log[0], 2);
    assert_int_equal(timer_expire(&q, 1000), 2);
    assert_int_equal(run_log[1], 1);
    assert_int_equal(run_log[2], 0);
}

static void periodic(void *data)
{
    struct timer *t = data;

    periodic_runs++;
    assert_false(t->active);
    assert_int_equal(timer_add(&q, t, t->expires + period), 0);
}

static void test_periodic(void **state)
{
    (void)state;
    timer_init(&timers[0], periodic, &timers[0]);
    period = 10;
    add(0, 100);
    add(1, 105);
    add(2, 500);
    /* Re-armed at 110, 120, ... all <= now: still once per call. */
    assert_int_equal(timer_expire(&q, 300), 2);
    assert_int_equal(periodic_runs, 1);
    assert_int_equal(nr_runs, 1);
    assert_true(timers[0].active);
    assert_true(timers[0].expires == 110);
    assert_ptr_equal(timer_queue_first(&q), &timers[0]);
    assert_true(timer_queue_next_deadline(&q) == 110);
    check_heap(&q);

    assert_int_equal(timer_expire(&q, 300), 1);
    assert_int_equal(periodic_runs, 2);
    assert_true(timers[0].expires == 120);

    /* Re-armed at the same, past, time: once per call as well. */
    period = 0;
    assert_int_equal(timer_expire(&q, 300), 1);
    assert_int_equal(timer_expire(&q, 300), 1);
    assert_int_equal(periodic_runs, 4);
    assert_true(timers[0].expires == 120);
    assert_int_equal(q.count, 2);
    assert_int_equal(q.parked, 0);
    assert_true(timers[2].active);
}

static void test_periodic_future(void **state)
{
    (void)state;
    timer_init(&timers[0], periodic, &timers[0]);
    period = 1000;
    add(0, 100);
    assert_int_equal(timer_expire(&q, 150), 1);
    assert_true(timers[0].expires == 1100);
    assert_int_equal(timer_expire(&q, 1099), 0);
    assert_int_equal(timer_expire(&q, 1100), 1);
    assert_int_equal(periodic_runs, 2);
}

/* A fn that disarms other due timers, arms a new due one and removes it. */
static void meddler(void *data)
{
    (void)data;
    log_run(&timers[0]);
    assert_true(timer_remove(&q, &timers[2]));
    assert_int_equal(timer_add(&q, &timers[3], 5), 0);     /* due: waits */
    assert_int_equal(timer_add(&q, &timers[4], 6), 0);
    assert_int_equal(q.parked, 2);
    assert_ptr_equal(timer_queue_first(&q), &timers[3]);
    assert_true(timer_remove(&q, &timers[3]));
    assert_ptr_equal(timer_queue_first(&q), &timers[4]);
    assert_int_equal(timer_add(&q, &timers[5], 200), 0);   /* not due */
    assert_int_equal(q.parked, 1);
    assert_int_equal(timer_expire(&q, 1000), 0);            /* nested */
}

static void test_fn_changes_queue(void **state)
{
    (void)state;
    timer_init(&timers[0], meddler, NULL);
    add(0, 10);
    add(1, 20);
    add(2, 30);
    assert_int_equal(timer_expire(&q, 100), 2);
    assert_int_equal(nr_runs, 2);
    assert_int_equal(run_log[0], 0);
    assert_int_equal(run_log[1], 1);
    assert_false(timers[2].active);
    assert_false(timers[3].active);
    assert_true(timers[4].active);
    assert_true(timers[5].active);
    assert_int_equal(q.parked, 0);
    assert_int_equal(q.count, 2);
    check_heap(&q);
    assert_true(timer_queue_next_deadline(&q) == 6);
    assert_int_equal(timer_expire(&q, 100), 1);
    assert_int_equal(run_log[2], 4);
}

static void test_capacity(void **state)
{
    (void)state;
    for (unsigned int i = 0; i < CAP; i++)
        add(i, 1000 - i);
    assert_int_equal(timer_add(&q, &timers[CAP], 1), -ENOSPC);
    assert_false(timers[CAP].active);
    assert_int_equal(q.count, CAP);
    add(3, 1);                              /* moving never fails */
    assert_ptr_equal(timer_queue_first(&q), &timers[3]);
    assert_true(timer_remove(&q, &timers[7]));
    add(CAP, 2);
    assert_int_equal(timer_add(&q, &timers[7], 3), -ENOSPC);
    assert_int_equal(timer_expire(&q, 2), 2);
    assert_int_equal(run_log[0], 3);
    assert_int_equal(run_log[1], CAP);
}

/* Timers waiting to join the heap still count against the capacity. */
static void rearm_then_overflow(void *data)
{
    struct timer *t = data;

    log_run(t);
    assert_int_equal(timer_add(&q, t, t->expires), 0);
    assert_int_equal(timer_add(&q, &timers[CAP], 1), -ENOSPC);
    assert_false(timers[CAP].active);
}

static void test_capacity_while_expiring(void **state)
{
    (void)state;
    timer_init(&timers[0], rearm_then_overflow, &timers[0]);
    for (unsigned int i = 0; i < CAP; i++)
        add(i, 10 + i);
    assert_int_equal(timer_expire(&q, 10), 1);
    assert_int_equal(q.count, CAP);
    check_heap(&q);
    for (unsigned int i = 0; i < CAP; i++)
        assert_true(timers[i].active);
    assert_int_equal(timer_add(&q, &timers[CAP], 1), -ENOSPC);
    assert_int_equal(timer_expire(&q, 100), CAP);
    assert_int_equal(run_log[1], 0);
    for (unsigned int i = 1; i < CAP; i++)
        assert_int_equal(run_log[1 + i], i);
}

static void test_zero_capacity(void **state)
{
    (void)state;
    timer_queue_init(&q, slots, 0);
    assert_int_equal(timer_add(&q, &timers[0], 1), -ENOSPC);
    assert_false(timers[0].active);
    assert_null(timer_queue_first(&q));
}

/* --- random run against a sorted reference ----------------------------- */

#define RCAP 64
#define ROPS 10000

static struct timer rtimers[RCAP + 8];
static struct timer *rslots[RCAP];
static struct timer *ref[RCAP];             /* armed timers, by expiry */
static unsigned int ref_len;
static struct timer *rran[RCAP];
static unsigned int nr_rran;
static uint64_t rng = 0x2545f4914f6cdd1dULL;

static uint32_t rnd(uint32_t bound)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(rng >> 33) % bound;
}

static void rlog(void *data)
{
    rran[nr_rran++] = data;
}

static void ref_remove(struct timer *t)
{
    for (unsigned int i = 0; i < ref_len; i++) {
        if (ref[i] == t) {
            memmove(&ref[i], &ref[i + 1], (ref_len - i - 1) * sizeof(ref[0]));
            ref_len--;
            return;
        }
    }
}

static void ref_insert(struct timer *t)
{
    unsigned int i = ref_len;

    while (i > 0 && ref[i - 1]->expires > t->expires) {
        ref[i] = ref[i - 1];
        i--;
    }
    ref[i] = t;
    ref_len++;
}

static bool ref_has(const struct timer *t)
{
    for (unsigned int i = 0; i < ref_len; i++)
        if (ref[i] == t)
            return true;
    return false;
}

static void random_expire(struct timer_queue *rq, uint64_t now)
{
    unsigned int due = 0;

    while (due < ref_len && ref[due]->expires <= now)
        due++;
    nr_rran = 0;
    assert_int_equal(timer_expire(rq, now), due);
    assert_int_equal(nr_rran, due);
    for (unsigned int i = 0; i < due; i++) {
        assert_false(rran[i]->active);
        assert_true(ref_has(rran[i]));
        assert_true(rran[i]->expires <= now);
        if (i > 0)
            assert_true(rran[i - 1]->expires <= rran[i]->expires);
    }
    memmove(ref, &ref[due], (ref_len - due) * sizeof(ref[0]));
    ref_len -= due;
}

static void test_random(void **state)
{
    struct timer_queue rq;
    uint64_t now = 0;
    unsigned int nr_full = 0, nr_expired = 0;

    (void)state;
    timer_queue_init(&rq, rslots, RCAP);
    for (unsigned int i = 0; i < ARRAY_SIZE(rtimers); i++)
        timer_init(&rtimers[i], rlog, &rtimers[i]);

    for (unsigned int op = 0; op < ROPS; op++) {
        struct timer *t = &rtimers[rnd(ARRAY_SIZE(rtimers))];
        uint32_t kind = rnd(10);
        /* Alternate filling and draining phases to reach both ends. */
        uint32_t adds = (op / 500) % 2 ? 9 : 4;

        if (kind < adds) {
            /* Small spread so equal expiries are common. */
            uint64_t when = now + rnd(200);
            bool fits = t->active || ref_len < RCAP;

            assert_int_equal(timer_add(&rq, t, when), fits ? 0 : -ENOSPC);
            if (fits) {
                ref_remove(t);
                ref_insert(t);
            } else {
                nr_full++;
            }
        } else if (kind < adds + (10 - adds) / 2) {
            bool armed = ref_has(t);

            assert_int_equal(timer_remove(&rq, t), armed);
            ref_remove(t);
        } else {
            now += rnd(adds > 4 ? 8 : 60);
            nr_expired += ref_len;
            random_expire(&rq, now);
            nr_expired -= ref_len;
        }

        assert_int_equal(rq.count, ref_len);
        assert_int_equal(rq.parked, 0);
        check_heap(&rq);
        for (unsigned int i = 0; i < ARRAY_SIZE(rtimers); i++)
            assert_int_equal(rtimers[i].active, ref_has(&rtimers[i]));
        if (ref_len) {
            assert_true(timer_queue_first(&rq)->expires == ref[0]->expires);
            assert_true(timer_queue_next_deadline(&rq) == ref[0]->expires);
        } else {
            assert_null(timer_queue_first(&rq));
            assert_true(timer_queue_next_deadline(&rq) == UINT64_MAX);
        }
    }
    /* The run really exercised a full queue and expiry. */
    assert_true(nr_full > 10);
    assert_true(nr_expired > 500);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_empty, setup),
        cmocka_unit_test_setup(test_order, setup),
        cmocka_unit_test_setup(test_equal_expiries, setup),
        cmocka_unit_test_setup(test_remove_head, setup),
        cmocka_unit_test_setup(test_remove_middle, setup),
        cmocka_unit_test_setup(test_remove_tail, setup),
        cmocka_unit_test_setup(test_remove_sifts_up, setup),
        cmocka_unit_test_setup(test_readd_moves, setup),
        cmocka_unit_test_setup(test_periodic, setup),
        cmocka_unit_test_setup(test_periodic_future, setup),
        cmocka_unit_test_setup(test_fn_changes_queue, setup),
        cmocka_unit_test_setup(test_capacity, setup),
        cmocka_unit_test_setup(test_capacity_while_expiring, setup),
        cmocka_unit_test_setup(test_zero_capacity, setup),
        cmocka_unit_test(test_random),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
