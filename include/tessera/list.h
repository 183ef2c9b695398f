/* SPDX-License-Identifier: GPL-2.0-only */
/* Intrusive doubly linked lists (circular, with a head node). */
#ifndef TESSERA_LIST_H
#define TESSERA_LIST_H

#include <stddef.h>
#include <stdbool.h>

struct list_head {
    struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name) { &(name), &(name) }

static inline void list_init(struct list_head *h)
{
    h->next = h->prev = h;
}

static inline bool list_empty(const struct list_head *h)
{
    return h->next == h;
}

static inline void list_insert_(struct list_head *n, struct list_head *prev,
                                struct list_head *next)
{
    next->prev = n;
    n->next = next;
    n->prev = prev;
    prev->next = n;
}

static inline void list_add(struct list_head *n, struct list_head *h)
{
    list_insert_(n, h, h->next);
}

static inline void list_add_tail(struct list_head *n, struct list_head *h)
{
    list_insert_(n, h->prev, h);
}

static inline void list_del(struct list_head *n)
{
    n->next->prev = n->prev;
    n->prev->next = n->next;
    n->next = n->prev = NULL;
}

#define container_of(ptr, type, member) \
    ((type *)((char *)(ptr) - offsetof(type, member)))
#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(h, type, member) list_entry((h)->next, type, member)

/*
 * Is pos the list head in disguise (the loop's end)? Compared by address
 * arithmetic: pos then points at no real entry, so it must not be
 * dereferenced, not even to take a member's address.
 */
#define list_entry_is_head(pos, h, member)                                \
    ((const char *)(pos) + offsetof(__typeof__(*pos), member) == (const char *)(h))

#define list_for_each_entry(pos, h, member)                               \
    for (pos = list_entry((h)->next, __typeof__(*pos), member);           \
         !list_entry_is_head(pos, h, member);                             \
         pos = list_entry(pos->member.next, __typeof__(*pos), member))

#define list_for_each_entry_safe(pos, n, h, member)                       \
    for (pos = list_entry((h)->next, __typeof__(*pos), member),           \
         n = list_entry(pos->member.next, __typeof__(*pos), member);      \
         !list_entry_is_head(pos, h, member);                             \
         pos = n, n = list_entry(n->member.next, __typeof__(*n), member))

#endif /* TESSERA_LIST_H */
