/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event-channel port state machine (ABI.md §7). Callers serialise access
 * to the tables; only the delivery bits race with the guest, which may
 * clear pending and selector bits at any time, hence the atomics there.
 */
#include <tessera/errno.h>
#include <tessera/mm.h>
#include "ports.h"

int evtchn_table_init(struct evtchn_table *t)
{
    memset(t, 0, sizeof(*t));
    t->ports = xzalloc_bytes(EVTCHN_INITIAL_PORTS * sizeof(struct evtchn));
    if (!t->ports)
        return -ENOMEM;
    t->nr_ports = EVTCHN_INITIAL_PORTS;
    t->ports[0].state = ECS_VIRQ;
    t->ports[0].value = VIRQ_MISDIRECT;
    return 0;
}

void evtchn_table_free(struct evtchn_table *t)
{
    xfree(t->ports);
    t->ports = NULL;
    t->nr_ports = 0;
}

static int table_grow(struct evtchn_table *t)
{
    uint32_t nr = t->nr_ports * 2;
    struct evtchn *ports;

    if (t->nr_ports >= NR_EVENT_CHANNELS)
        return -ENOSPC;
    ports = xzalloc_bytes(nr * sizeof(struct evtchn));
    if (!ports)
        return -ENOMEM;
    memcpy(ports, t->ports, t->nr_ports * sizeof(struct evtchn));
    xfree(t->ports);
    t->ports = ports;
    t->nr_ports = nr;
    return 0;
}

int evtchn_find_free(struct evtchn_table *t)
{
    uint32_t port;
    int rc;

    for (port = 1; port < t->nr_ports; port++) {
        if (t->ports[port].state == ECS_FREE)
            return (int)port;
    }
    rc = table_grow(t);
    return rc < 0 ? rc : (int)port;
}

int evtchn_bind_virq_port(struct evtchn_table *t, uint32_t virq)
{
    int port;

    if (virq >= NR_VIRQS)
        return -EINVAL;
    if (virq == VIRQ_MISDIRECT || t->virq_to_port[virq] != 0)
        return (int)t->virq_to_port[virq];
    port = evtchn_find_free(t);
    if (port < 0)
        return port;
    t->ports[port] = (struct evtchn){.state = ECS_VIRQ, .value = virq};
    t->virq_to_port[virq] = (uint32_t)port;
    return port;
}

int evtchn_alloc_unbound_port(struct evtchn_table *t, domid_t dom)
{
    int port = evtchn_find_free(t);

    if (port < 0)
        return port;
    t->ports[port] = (struct evtchn){.state = ECS_UNBOUND, .remote_dom = dom};
    return port;
}

int evtchn_bind_pirq_port(struct evtchn_table *t, uint32_t pirq)
{
    int port = evtchn_find_free(t);

    if (port < 0)
        return port;
    t->ports[port] = (struct evtchn){.state = ECS_PIRQ, .value = pirq};
    return port;
}

/* Fills in a port given as 0; a given one must lie inside the table. */
static int end_pick_port(struct evtchn_end *e)
{
    int port;

    if (e->port != 0)
        return e->port < e->t->nr_ports ? 0 : -EINVAL;
    port = evtchn_find_free(e->t);
    if (port < 0)
        return port;
    e->port = (uint32_t)port;
    return 0;
}

/*
 * Does <e, its port> allow binding to <other>? 1: yes, connect;
 * 0: already connected (other->port updated); < 0: the error.
 * asked: the port the caller named for other (0: any).
 */
static int end_check(struct evtchn_end *e, struct evtchn_end *other, uint32_t asked,
                     bool free_ok)
{
    const struct evtchn *c = &e->t->ports[e->port];

    switch (c->state) {
    case ECS_FREE:
        return free_ok ? 1 : -EPERM;
    case ECS_UNBOUND:
        return c->remote_dom == other->dom ? 1 : -EINVAL;
    case ECS_INTERDOMAIN:
        if (c->remote_dom != other->dom || (asked != 0 && c->value != asked))
            return -EINVAL;
        other->port = c->value;
        return 0;
    default:
        return -EINVAL;
    }
}

static int connect_ports(struct evtchn_end *e1, struct evtchn_end *e2)
{
    uint8_t saved;
    int rc = end_pick_port(e1);

    if (rc < 0)
        return rc;
    if (e2->port != 0)
        return end_pick_port(e2);
    /* Keep port1 from being handed out again when dom1 == dom2. */
    saved = e1->t->ports[e1->port].state;
    e1->t->ports[e1->port].state = ECS_INTERDOMAIN;
    rc = end_pick_port(e2);
    e1->t->ports[e1->port].state = saved;
    return rc;
}

int evtchn_connect(struct evtchn_end *e1, struct evtchn_end *e2, bool priv)
{
    uint32_t asked1 = e1->port, asked2 = e2->port;
    int rc = connect_ports(e1, e2);

    if (rc < 0)
        return rc;
    rc = end_check(e1, e2, asked2, true);
    if (rc <= 0)
        return rc;
    rc = end_check(e2, e1, asked1, priv);
    if (rc <= 0)
        return rc;
    e1->t->ports[e1->port] = (struct evtchn){
        .state = ECS_INTERDOMAIN, .remote_dom = e2->dom, .value = e2->port};
    e2->t->ports[e2->port] = (struct evtchn){
        .state = ECS_INTERDOMAIN, .remote_dom = e1->dom, .value = e1->port};
    return 0;
}

int evtchn_close_check(const struct evtchn_table *t, uint32_t port)
{
    if (port == 0 || port >= t->nr_ports || t->ports[port].state == ECS_FREE)
        return -EINVAL;
    return 0;
}

bool evtchn_peer(const struct evtchn_table *t, uint32_t port, domid_t *dom, uint32_t *rport)
{
    const struct evtchn *c;

    if (port >= t->nr_ports || t->ports[port].state != ECS_INTERDOMAIN)
        return false;
    c = &t->ports[port];
    *dom = c->remote_dom;
    *rport = c->value;
    return true;
}

void evtchn_close_port(struct evtchn_table *t, domid_t self, uint32_t port,
                       struct evtchn_table *peer)
{
    struct evtchn *c = &t->ports[port];

    if (c->state == ECS_VIRQ && c->value < NR_VIRQS)
        t->virq_to_port[c->value] = 0;
    if (c->state == ECS_INTERDOMAIN && peer && c->value < peer->nr_ports) {
        struct evtchn *r = &peer->ports[c->value];

        /* The peer keeps its port and can be bound again from our side. */
        if (r->state == ECS_INTERDOMAIN && r->remote_dom == self && r->value == port)
            *r = (struct evtchn){.state = ECS_UNBOUND, .remote_dom = self};
    }
    *c = (struct evtchn){.state = ECS_FREE};
}

int evtchn_port_status(const struct evtchn_table *t, uint32_t port, evtchn_status_t *st)
{
    const struct evtchn *c;

    if (port >= t->nr_ports)
        return -EINVAL;
    c = &t->ports[port];
    st->status = c->state;
    switch (c->state) {
    case ECS_UNBOUND:
        st->u.unbound.dom = c->remote_dom;
        break;
    case ECS_INTERDOMAIN:
        st->u.interdomain.dom = c->remote_dom;
        st->u.interdomain.port = c->value;
        break;
    case ECS_PIRQ:
        st->u.pirq = c->value;
        break;
    case ECS_VIRQ:
        st->u.virq = c->value;
        break;
    default:
        break;
    }
    return 0;
}

/* Sets bit nr of *word; true if it was already set. */
static bool test_and_set(uint32_t *word, unsigned int nr)
{
    uint32_t bit = 1u << nr;

    return (__atomic_fetch_or(word, bit, __ATOMIC_SEQ_CST) & bit) != 0;
}

bool evtchn_deliver(shared_info_t *s, uint32_t port)
{
    unsigned int word = port / 32, bit = port % 32;

    if (port >= NR_EVENT_CHANNELS)
        return false;
    if (test_and_set(&s->evtchn_pending[word], bit))
        return false;
    /* Masked: the edge is lost; the guest checks pending on unmask. */
    if (__atomic_load_n(&s->evtchn_mask[word], __ATOMIC_SEQ_CST) & (1u << bit))
        return false;
    if (test_and_set(&s->evtchn_pending_sel, word))
        return false;
    __atomic_store_n(&s->vcpu_data[0].evtchn_upcall_pending, 1, __ATOMIC_SEQ_CST);
    return true;
}
