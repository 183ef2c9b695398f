/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * event_channel_op (hypercall 16) and the per-domain port tables
 * (ABI.md §7). The rules live in ports.c; this file resolves domain ids,
 * checks privilege, talks to the guest and wakes domains.
 */
#include <tessera/errno.h>
#include <tessera/event.h>
#include <tessera/guest_access.h>
#include <tessera/irq.h>
#include <tessera/mm.h>
#include <tessera/sched.h>
#include "ports.h"

int evtchn_domain_init(struct domain *d)
{
    struct evtchn_table *t = xzalloc(struct evtchn_table);

    if (!t)
        return -ENOMEM;
    if (evtchn_table_init(t) != 0) {
        xfree(t);
        return -ENOMEM;
    }
    d->evtchn = t;
    return 0;
}

/* The table of the peer domain dom, seen from d (NULL if it is gone). */
static struct evtchn_table *peer_table(struct domain *d, domid_t dom)
{
    struct domain *p = dom == d->id ? d : domain_find(dom);

    return p ? p->evtchn : NULL;
}

static void close_port(struct domain *d, uint32_t port)
{
    struct evtchn_table *peer = NULL;
    const struct evtchn *c = &d->evtchn->ports[port];
    domid_t dom;
    uint32_t rport;

    /* The line must not stay bound (or masked in flight) for a dead port. */
    if (c->state == ECS_PIRQ && c->value < NR_PIRQS) {
        pirq_guest_unbind(d, c->value);
        d->pirq_to_evtchn[c->value] = 0;
    }
    if (evtchn_peer(d->evtchn, port, &dom, &rport))
        peer = peer_table(d, dom);
    evtchn_close_port(d->evtchn, d->id, port, peer);
}

void evtchn_domain_destroy(struct domain *d)
{
    struct evtchn_table *t = d->evtchn;
    uint32_t port;

    if (!t)
        return;
    for (port = 1; port < t->nr_ports; port++) {
        if (t->ports[port].state != ECS_FREE)
            close_port(d, port);
    }
    evtchn_table_free(t);
    xfree(t);
    d->evtchn = NULL;
}

void evtchn_set_pending(struct domain *d, unsigned int port)
{
    if (!d->shared_info || !evtchn_deliver(d->shared_info, port))
        return;
    if (d->blocked) {
        d->blocked = false;
        domain_wake(d);
    } else if (d != current && domain_is_running(d)) {
        /* Running on another CPU: it sees the upcall on its way back in. */
        smp_send_event_check(d->processor);
    }
}

void send_guest_virq(struct domain *d, unsigned int virq)
{
    if (!d || !d->evtchn || virq >= NR_VIRQS)
        return;
    evtchn_set_pending(d, d->evtchn->virq_to_port[virq]);
}

/* dom as the caller names it; only a privileged caller names another. */
static long find_target(domid_t dom, struct domain **out)
{
    if (dom != DOMID_SELF && !current->privileged)
        return -EPERM;
    *out = domain_find(dom == DOMID_SELF ? current->id : dom);
    if (!*out || !(*out)->evtchn)
        return -ESRCH;
    return 0;
}

static long op_bind_interdomain(evtchn_bind_interdomain_t *b)
{
    struct domain *d1, *d2;
    struct evtchn_end e1, e2;
    long rc;

    if (b->dom1 != DOMID_SELF && !current->privileged)
        return -EPERM;
    d1 = domain_find(b->dom1 == DOMID_SELF ? current->id : b->dom1);
    d2 = domain_find(b->dom2 == DOMID_SELF ? current->id : b->dom2);
    if (!d1 || !d2 || !d1->evtchn || !d2->evtchn)
        return -ESRCH;
    e1 = (struct evtchn_end){.t = d1->evtchn, .dom = d1->id, .port = b->port1};
    e2 = (struct evtchn_end){.t = d2->evtchn, .dom = d2->id, .port = b->port2};
    rc = evtchn_connect(&e1, &e2, current->privileged);
    if (rc == 0) {
        b->port1 = e1.port;
        b->port2 = e2.port;
    }
    return rc;
}

static long op_bind_virq(evtchn_bind_virq_t *b)
{
    int port = evtchn_bind_virq_port(current->evtchn, b->virq);

    if (port < 0)
        return port;
    b->port = (uint32_t)port;
    return 0;
}

/*
 * Xen 2.0's order: the range, an existing binding, a port, then the
 * line's own checks (physdev -EPERM, -EBUSY; -ENOSYS without
 * PHYSDEV_IRQS) with the port given back on failure.
 */
static long op_bind_pirq(evtchn_bind_pirq_t *b)
{
    struct domain *d = current;
    int port;
    long rc;

    if (b->pirq >= NR_PIRQS)
        return -EINVAL;
    if (d->pirq_to_evtchn[b->pirq] != 0) {
        b->port = d->pirq_to_evtchn[b->pirq];
        return 0;
    }
    port = evtchn_bind_pirq_port(d->evtchn, b->pirq);
    if (port < 0)
        return port;
    rc = pirq_guest_bind(d, b->pirq, (b->flags & BIND_PIRQ__WILL_SHARE) != 0);
    if (rc != 0) {
        evtchn_close_port(d->evtchn, d->id, (uint32_t)port, NULL);
        return rc;
    }
    d->pirq_to_evtchn[b->pirq] = (uint16_t)port;
    b->port = (uint32_t)port;
    return 0;
}

static long op_close(const evtchn_close_t *c)
{
    struct domain *d;
    long rc = find_target(c->dom, &d);

    if (rc == 0)
        rc = evtchn_close_check(d->evtchn, c->port);
    if (rc == 0)
        close_port(d, c->port);
    return rc;
}

static long op_send(const evtchn_send_t *s)
{
    struct domain *rd;
    domid_t dom;
    uint32_t rport;

    if (!evtchn_peer(current->evtchn, s->local_port, &dom, &rport))
        return -EINVAL;
    rd = domain_find(dom);
    if (rd)
        evtchn_set_pending(rd, rport);
    return 0;
}

static long op_status(evtchn_status_t *st)
{
    struct domain *d;
    long rc = find_target(st->dom, &d);

    return rc ? rc : evtchn_port_status(d->evtchn, st->port, st);
}

static long op_alloc_unbound(evtchn_alloc_unbound_t *a)
{
    int port = evtchn_alloc_unbound_port(current->evtchn, a->dom);

    if (port < 0)
        return port;
    a->port = (uint32_t)port;
    return 0;
}

/* Runs one command; *out says whether op must go back to the guest. */
static long evtchn_op(evtchn_op_t *op, bool *out)
{
    *out = true;
    switch (op->cmd) {
    case EVTCHNOP_bind_interdomain:
        return op_bind_interdomain(&op->u.bind_interdomain);
    case EVTCHNOP_bind_virq:
        return op_bind_virq(&op->u.bind_virq);
    case EVTCHNOP_bind_pirq:
        return op_bind_pirq(&op->u.bind_pirq);
    case EVTCHNOP_status:
        return op_status(&op->u.status);
    case EVTCHNOP_alloc_unbound:
        return op_alloc_unbound(&op->u.alloc_unbound);
    }
    *out = false;
    switch (op->cmd) {
    case EVTCHNOP_close:
        return op_close(&op->u.close);
    case EVTCHNOP_send:
        return op_send(&op->u.send);
    default:
        return -ENOSYS;
    }
}

long do_event_channel_op(uint32_t op_va)
{
    evtchn_op_t op;
    bool out;
    long rc;

    if (copy_from_guest(&op, op_va, sizeof(op)) != 0)
        return -EFAULT;
    if (!current->evtchn)
        return -ENOSYS;
    rc = evtchn_op(&op, &out);
    if (rc == 0 && out && copy_to_guest(op_va, &op, sizeof(op)) != 0)
        rc = -EFAULT;
    return rc;
}
