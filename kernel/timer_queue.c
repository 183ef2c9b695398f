/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The per-CPU timer queue: a binary min-heap keyed on expiry, where every
 * timer remembers its slot so removal and re-arming are O(log n) too.
 */
#include <tessera/errno.h>
#include <tessera/timer.h>

static void place(struct timer_queue *q, unsigned int i, struct timer *t)
{
    q->heap[i] = t;
    t->heap_index = i;
}

static void sift_up(struct timer_queue *q, unsigned int i)
{
    struct timer *t = q->heap[i];

    while (i > 0) {
        unsigned int parent = (i - 1) / 2;

        if (q->heap[parent]->expires <= t->expires)
            break;
        place(q, i, q->heap[parent]);
        i = parent;
    }
    place(q, i, t);
}

static void sift_down(struct timer_queue *q, unsigned int i)
{
    struct timer *t = q->heap[i];

    for (;;) {
        unsigned int child = 2 * i + 1;

        if (child >= q->count)
            break;
        if (child + 1 < q->count && q->heap[child + 1]->expires < q->heap[child]->expires)
            child++;
        if (t->expires <= q->heap[child]->expires)
            break;
        place(q, i, q->heap[child]);
        i = child;
    }
    place(q, i, t);
}

static void heap_insert(struct timer_queue *q, struct timer *t)
{
    place(q, q->count++, t);
    sift_up(q, t->heap_index);
}

/* The last element fills the hole, then moves whichever way its key says. */
static void heap_delete(struct timer_queue *q, unsigned int i)
{
    struct timer *last = q->heap[--q->count];

    if (i == q->count)
        return;
    place(q, i, last);
    if (i > 0 && q->heap[(i - 1) / 2]->expires > last->expires)
        sift_up(q, i);
    else
        sift_down(q, i);
}

static unsigned int first_parked(const struct timer_queue *q)
{
    return q->capacity - q->parked;
}

static void park(struct timer_queue *q, struct timer *t)
{
    q->parked++;
    place(q, first_parked(q), t);
}

static void unpark(struct timer_queue *q, unsigned int i)
{
    unsigned int low = first_parked(q);

    if (i != low)
        place(q, i, q->heap[low]);
    q->parked--;
}

void timer_queue_init(struct timer_queue *q, struct timer **array, unsigned int capacity)
{
    q->heap = array;
    q->count = 0;
    q->parked = 0;
    q->capacity = capacity;
    q->expiring = false;
    q->expiring_now = 0;
}

bool timer_remove(struct timer_queue *q, struct timer *t)
{
    if (!t->active)
        return false;
    if (t->heap_index >= q->count)
        unpark(q, t->heap_index);
    else
        heap_delete(q, t->heap_index);
    t->active = false;
    return true;
}

int timer_add(struct timer_queue *q, struct timer *t, uint64_t expires)
{
    timer_remove(q, t);
    if (q->count + q->parked >= q->capacity)
        return -ENOSPC;
    t->expires = expires;
    t->active = true;
    if (q->expiring && expires <= q->expiring_now)
        park(q, t);
    else
        heap_insert(q, t);
    return 0;
}

struct timer *timer_queue_first(const struct timer_queue *q)
{
    struct timer *best = q->count ? q->heap[0] : NULL;

    for (unsigned int i = first_parked(q); i < q->capacity; i++) {
        if (!best || q->heap[i]->expires < best->expires)
            best = q->heap[i];
    }
    return best;
}

uint64_t timer_queue_next_deadline(const struct timer_queue *q)
{
    const struct timer *t = timer_queue_first(q);

    return t ? t->expires : UINT64_MAX;
}

static void unpark_all(struct timer_queue *q)
{
    while (q->parked) {
        struct timer *t = q->heap[first_parked(q)];

        q->parked--;
        heap_insert(q, t);
    }
}

unsigned int timer_expire(struct timer_queue *q, uint64_t now)
{
    unsigned int ran = 0;

    if (q->expiring)
        return 0;   /* called from a timer's fn: the outer call goes on */
    q->expiring = true;
    q->expiring_now = now;
    while (q->count && q->heap[0]->expires <= now) {
        struct timer *t = q->heap[0];

        heap_delete(q, 0);
        t->active = false;
        t->fn(t->data);
        ran++;
    }
    q->expiring = false;
    unpark_all(q);
    return ran;
}
