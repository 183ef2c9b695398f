/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event channels (ABI.md §7): what other subsystems use to notify a
 * domain, and the per-domain set-up and tear-down of its ports.
 */
#ifndef TESSERA_EVENT_H
#define TESSERA_EVENT_H

#include <tessera/domain.h>

/* A port table with port 0 bound to VIRQ_MISDIRECT. 0 or -ENOMEM. */
int evtchn_domain_init(struct domain *d);
/* Closes every port (interdomain peers become UNBOUND) and frees the table. */
void evtchn_domain_destroy(struct domain *d);
/* Delivers virq on the port bound to it, or on port 0 when none is. */
void send_guest_virq(struct domain *d, unsigned int virq);
/* Marks port pending in d (ABI.md §7 "Delivery"), waking d if it blocked. */
void evtchn_set_pending(struct domain *d, unsigned int port);

/* Hypercall 16: op_va is the guest address of an evtchn_op_t. */
long do_event_channel_op(uint32_t op_va);

#endif /* TESSERA_EVENT_H */
