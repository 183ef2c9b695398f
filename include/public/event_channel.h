/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * event_channel.h: event_channel_op (hypercall 16).
 *
 * A port (0 .. NR_EVENT_CHANNELS-1) is one end of a channel. Its pending
 * and mask bits live in shared_info_t (xen.h). Port 0 is permanently bound
 * to VIRQ_MISDIRECT and cannot be closed, so allocated ports start at 1;
 * the per-domain table grows by doubling from 16 entries, and allocation
 * beyond 1024 fails with -ENOSPC.
 *
 * The argument is an evtchn_op_t; cmd selects the union member. Commands
 * with outputs copy the whole 32 bytes back (-EFAULT if that fails).
 * Unknown cmd: -ENOSYS. Destroying a domain closes all its ports, so the
 * peers of its interdomain channels become unbound.
 */
#ifndef XEN_PUBLIC_EVENT_CHANNEL_H
#define XEN_PUBLIC_EVENT_CHANNEL_H

#include "xen.h"

/*
 * EVTCHNOP_bind_interdomain: connect <dom1, port1> to <dom2, port2>.
 * A port of 0 means "allocate one"; the ports used come back in port1/2.
 * An unprivileged caller must give dom1 = DOMID_SELF, and can bind only to
 * a remote port that is UNBOUND waiting for it (made by alloc_unbound):
 * never to a free one. Already connected to each other: the existing pair
 * is returned. dom1 == dom2 is allowed (dom0 uses SELF, SELF, 0, 0).
 * Errors: -EPERM, -ESRCH, -EINVAL, -ENOSPC, -ENOMEM.
 */
#define EVTCHNOP_bind_interdomain   0
/*
 * EVTCHNOP_bind_virq: bind a VIRQ_* (< NR_VIRQS, else -EINVAL) to a new
 * port, or return the port it is already bound to. VIRQ_MISDIRECT gives 0.
 */
#define EVTCHNOP_bind_virq          1
/*
 * EVTCHNOP_bind_pirq: bind physical IRQ pirq (< 128) to a new port; physdev
 * only (-EPERM). Up to 7 domains may share a line if all of them pass
 * BIND_PIRQ__WILL_SHARE (else -EBUSY; also -EBUSY if the hypervisor uses
 * the line). Already bound in this domain: returns that port.
 */
#define EVTCHNOP_bind_pirq          2
/*
 * EVTCHNOP_close: close <dom, port>. dom != DOMID_SELF needs priv. Port 0
 * or a free port: -EINVAL. The remote end of an interdomain channel
 * becomes UNBOUND, waiting for this domain again.
 */
#define EVTCHNOP_close              3
/*
 * EVTCHNOP_send: mark the remote end of local_port pending. Only for an
 * interdomain port (-EINVAL otherwise).
 */
#define EVTCHNOP_send               4
/* EVTCHNOP_status: describe <dom, port>. dom != DOMID_SELF needs priv. */
#define EVTCHNOP_status             5
/*
 * EVTCHNOP_alloc_unbound: allocate a local port that waits for domain dom
 * to bind to it (dom is not checked).
 */
#define EVTCHNOP_alloc_unbound      6

#ifndef __ASSEMBLER__

typedef struct evtchn_bind_interdomain {
    domid_t  dom1;      /* @0: IN: local end (DOMID_SELF unless priv) */
    domid_t  dom2;      /* @2: IN: remote end */
    uint32_t port1;     /* @4: IN/OUT: port in dom1, 0 = allocate */
    uint32_t port2;     /* @8: IN/OUT: port in dom2, 0 = allocate */
} evtchn_bind_interdomain_t;    /* 12 bytes */

typedef struct evtchn_bind_virq {
    uint32_t virq;      /* @0: IN: VIRQ_* */
    uint32_t port;      /* @4: OUT */
} evtchn_bind_virq_t;   /* 8 bytes */

#define BIND_PIRQ__WILL_SHARE   1
typedef struct evtchn_bind_pirq {
    uint32_t pirq;      /* @0: IN: physical IRQ, < 128 */
    uint32_t flags;     /* @4: IN: BIND_PIRQ__* */
    uint32_t port;      /* @8: OUT */
} evtchn_bind_pirq_t;   /* 12 bytes */

typedef struct evtchn_close {
    domid_t  dom;       /* @0: IN: owner of the port, usually DOMID_SELF */
    uint16_t _pad;
    uint32_t port;      /* @4: IN */
} evtchn_close_t;       /* 8 bytes */

typedef struct evtchn_send {
    uint32_t local_port;    /* @0: IN: an interdomain port of the caller */
} evtchn_send_t;            /* 4 bytes */

#define EVTCHNSTAT_closed       0   /* not in use */
#define EVTCHNSTAT_unbound      1   /* waiting for u.unbound.dom to bind */
#define EVTCHNSTAT_interdomain  2   /* connected to <u.interdomain.dom, .port> */
#define EVTCHNSTAT_pirq         3   /* bound to physical IRQ u.pirq */
#define EVTCHNSTAT_virq         4   /* bound to virtual IRQ u.virq */
typedef struct evtchn_status {
    domid_t  dom;           /* @0: IN */
    uint16_t _pad;
    uint32_t port;          /* @4: IN */
    uint32_t status;        /* @8: OUT: EVTCHNSTAT_* */
    union {                 /* @12: OUT, by status */
        struct {
            domid_t  dom;   /* @12 */
            uint16_t _pad;
        } unbound;
        struct {
            domid_t  dom;   /* @12 */
            uint16_t _pad;
            uint32_t port;  /* @16 */
        } interdomain;
        uint32_t pirq;      /* @12 */
        uint32_t virq;      /* @12 */
    } u;
} evtchn_status_t;          /* 20 bytes */

typedef struct evtchn_alloc_unbound {
    domid_t  dom;       /* @0: IN: the domain allowed to bind */
    uint16_t _pad;
    uint32_t port;      /* @4: OUT: the new local port */
} evtchn_alloc_unbound_t;   /* 8 bytes */

typedef struct evtchn_op {
    uint32_t cmd;           /* @0: EVTCHNOP_* */
    uint32_t _reserved;     /* @4 */
    union {                 /* @8 */
        evtchn_bind_interdomain_t bind_interdomain;
        evtchn_bind_virq_t        bind_virq;
        evtchn_bind_pirq_t        bind_pirq;
        evtchn_close_t            close;
        evtchn_send_t             send;
        evtchn_status_t           status;
        evtchn_alloc_unbound_t    alloc_unbound;
        uint8_t                   _dummy[24];
    } u;
} evtchn_op_t;              /* 32 bytes */

#endif /* !__ASSEMBLER__ */

#endif /* XEN_PUBLIC_EVENT_CHANNEL_H */
