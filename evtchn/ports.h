/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The port state machine of event channels (ABI.md §7), free of domains
 * and hypercalls so the host tests can drive it: a table of ports per
 * domain, the rules of each sub-operation, and the delivery bits in a
 * shared_info_t. evtchn.c resolves domain ids to tables and does the rest.
 */
#ifndef TESSERA_EVTCHN_PORTS_H
#define TESSERA_EVTCHN_PORTS_H

#include <tessera/lib.h>
#include <public/event_channel.h>
#include <public/xen.h>

/* Port states share the numbering of EVTCHNSTAT_*. */
#define ECS_FREE            EVTCHNSTAT_closed
#define ECS_UNBOUND         EVTCHNSTAT_unbound
#define ECS_INTERDOMAIN     EVTCHNSTAT_interdomain
#define ECS_PIRQ            EVTCHNSTAT_pirq
#define ECS_VIRQ            EVTCHNSTAT_virq

#define EVTCHN_INITIAL_PORTS    16

struct evtchn {
    uint8_t state;          /* ECS_* */
    uint8_t _pad;
    uint16_t remote_dom;    /* UNBOUND: who may bind; INTERDOMAIN: the peer */
    uint32_t value;         /* INTERDOMAIN: remote port; VIRQ: virq; PIRQ: pirq */
};

struct evtchn_table {
    struct evtchn *ports;
    uint32_t nr_ports;                  /* 16, doubling up to NR_EVENT_CHANNELS */
    uint32_t virq_to_port[NR_VIRQS];    /* 0: unbound (port 0 catches it) */
};

/* One end of a bind_interdomain: the table and its owner's resolved id. */
struct evtchn_end {
    struct evtchn_table *t;
    domid_t dom;
    uint32_t port;          /* IN: 0 = allocate; OUT: the port used */
};

/* 16 free ports but port 0, which is VIRQ_MISDIRECT. 0 or -ENOMEM. */
int evtchn_table_init(struct evtchn_table *t);
void evtchn_table_free(struct evtchn_table *t);

/*
 * The lowest free port, growing the table by doubling when it is full.
 * The port stays FREE until the caller binds it. -ENOSPC, -ENOMEM.
 */
int evtchn_find_free(struct evtchn_table *t);

/* The port bound to virq (< NR_VIRQS), binding a new one if none. */
int evtchn_bind_virq_port(struct evtchn_table *t, uint32_t virq);
/* A new port waiting for dom to bind to it. */
int evtchn_alloc_unbound_port(struct evtchn_table *t, domid_t dom);
/*
 * A new port bound to physical IRQ pirq. The caller keeps the pirq's
 * port and checks pirq itself; evtchn_close_port() undoes it.
 */
int evtchn_bind_pirq_port(struct evtchn_table *t, uint32_t pirq);

/*
 * bind_interdomain between two resolved ends (the same table when
 * dom1 == dom2). priv: the caller is privileged; an unprivileged one never
 * binds to a FREE remote port. Returns 0 with both ports filled in.
 */
int evtchn_connect(struct evtchn_end *e1, struct evtchn_end *e2, bool priv);

/*
 * Closing: port 0 and free ports give -EINVAL. An interdomain port
 * names its peer through evtchn_peer(); pass that peer's table (NULL if it
 * is gone) so its end becomes UNBOUND, waiting for self again.
 */
int evtchn_close_check(const struct evtchn_table *t, uint32_t port);
bool evtchn_peer(const struct evtchn_table *t, uint32_t port, domid_t *dom, uint32_t *rport);
void evtchn_close_port(struct evtchn_table *t, domid_t self, uint32_t port,
                       struct evtchn_table *peer);

/* EVTCHNOP_status's outputs for port (-EINVAL beyond the table). */
int evtchn_port_status(const struct evtchn_table *t, uint32_t port, evtchn_status_t *st);

/*
 * Delivery steps 1-3 on s; true when step 4 is due (upcall_pending has
 * been set: the caller unblocks the domain).
 */
bool evtchn_deliver(shared_info_t *s, uint32_t port);

#endif /* TESSERA_EVTCHN_PORTS_H */
