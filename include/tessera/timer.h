/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One-shot timers ordered by expiry (ABI.md §8): Tessera's own ticks and
 * each domain's set_timer_op deadline. A timer_queue is per CPU and holds
 * no lock: its callers serialise (interrupts off or the owning CPU only).
 *
 * The queue is a binary min-heap of timer pointers in an array the caller
 * provides, so adding never allocates and the worst case is O(log n).
 * A timer belongs to at most one queue at a time; t->heap_index and
 * t->active are the queue's bookkeeping and must only be read.
 */
#ifndef TESSERA_TIMER_H
#define TESSERA_TIMER_H

#include <tessera/lib.h>

struct timer {
    uint64_t expires;           /* absolute, in system-time ns */
    void (*fn)(void *data);
    void *data;
    unsigned int heap_index;    /* slot in the queue's array while active */
    bool active;
    unsigned int cpu;           /* whose queue holds it (kernel/time.c) */
};

/*
 * heap[0, count) is the min-heap. While timer_expire() runs, timers added
 * already due are parked at heap[capacity - parked, capacity) so that a
 * timer re-arming itself in the past runs once per call instead of forever;
 * they join the heap when the call ends.
 */
struct timer_queue {
    struct timer **heap;
    unsigned int count;
    unsigned int parked;
    unsigned int capacity;
    bool expiring;
    uint64_t expiring_now;
};

static inline void timer_init(struct timer *t, void (*fn)(void *data), void *data)
{
    t->expires = 0;
    t->fn = fn;
    t->data = data;
    t->heap_index = 0;
    t->active = false;
    t->cpu = 0;
}

void timer_queue_init(struct timer_queue *q, struct timer **array, unsigned int capacity);

/* Arms t for the absolute time expires. An active t is moved, which
 * never fails; otherwise -ENOSPC when the array is full. */
int timer_add(struct timer_queue *q, struct timer *t, uint64_t expires);

/* Disarms t; false if it was not armed. */
bool timer_remove(struct timer_queue *q, struct timer *t);

/* The timer that expires first, NULL if none is armed. */
struct timer *timer_queue_first(const struct timer_queue *q);

/*
 * Runs every timer with expires <= now, earliest first (equal expiries in
 * no set order). Each is disarmed before its fn runs, so fn may re-arm it
 * or add and remove others; a timer armed during the call with
 * expires <= now waits for the next call. Returns how many fns ran.
 */
unsigned int timer_expire(struct timer_queue *q, uint64_t now);

/* The earliest expiry armed, UINT64_MAX if none. */
uint64_t timer_queue_next_deadline(const struct timer_queue *q);

#endif /* TESSERA_TIMER_H */
