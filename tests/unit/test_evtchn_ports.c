/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event channels: the port state machine and delivery bits (evtchn/ports.c),
 * then the hypercall and the domain hooks (evtchn/evtchn.c) on fake domains.
 * Built twice: without PHYSDEV_IRQS, and with it against a fake line side.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <tessera/errno.h>
#include <tessera/event.h>
#include <tessera/guest_access.h>
#include <tessera/mm.h>
#include <tessera/sched.h>
#include "../../evtchn/ports.h"

/* The allocator ports.c uses: the host heap, with failures on demand. */
static int allocs_before_failure = -1;

void *xzalloc_bytes(size_t size)
{
    if (allocs_before_failure == 0)
        return NULL;
    if (allocs_before_failure > 0)
        allocs_before_failure--;
    return calloc(1, size);
}

void *xmalloc_bytes(size_t size)
{
    return xzalloc_bytes(size);
}

void xfree(void *p)
{
    free(p);
}

/* Two fake domains, 1 and 2, each with a fresh table. */
struct fixture {
    struct evtchn_table t1, t2;
    shared_info_t s;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));

    allocs_before_failure = -1;
    assert_int_equal(evtchn_table_init(&f->t1), 0);
    assert_int_equal(evtchn_table_init(&f->t2), 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;

    evtchn_table_free(&f->t1);
    evtchn_table_free(&f->t2);
    free(f);
    return 0;
}

static evtchn_status_t status_of(const struct evtchn_table *t, uint32_t port)
{
    evtchn_status_t st;

    memset(&st, 0xAA, sizeof(st));
    assert_int_equal(evtchn_port_status(t, port, &st), 0);
    return st;
}

static int connect(struct evtchn_table *a, domid_t da, uint32_t *pa,
                   struct evtchn_table *b, domid_t db, uint32_t *pb, bool priv)
{
    struct evtchn_end e1 = {.t = a, .dom = da, .port = *pa};
    struct evtchn_end e2 = {.t = b, .dom = db, .port = *pb};
    int rc = evtchn_connect(&e1, &e2, priv);

    *pa = e1.port;
    *pb = e2.port;
    return rc;
}

static void test_init(void **state)
{
    struct fixture *f = *state;
    evtchn_status_t st = status_of(&f->t1, 0);

    assert_int_equal(f->t1.nr_ports, 16);
    assert_int_equal(st.status, EVTCHNSTAT_virq);
    assert_int_equal(st.u.virq, VIRQ_MISDIRECT);
    assert_int_equal(status_of(&f->t1, 1).status, EVTCHNSTAT_closed);
    assert_int_equal(status_of(&f->t1, 15).status, EVTCHNSTAT_closed);
    assert_int_equal(evtchn_port_status(&f->t1, 16, &st), -EINVAL);
}

static void test_init_nomem(void **state)
{
    struct evtchn_table t;

    (void)state;
    allocs_before_failure = 0;
    assert_int_equal(evtchn_table_init(&t), -ENOMEM);
    allocs_before_failure = -1;
}

static void test_bind_virq(void **state)
{
    struct fixture *f = *state;
    evtchn_status_t st;

    assert_int_equal(evtchn_bind_virq_port(&f->t1, VIRQ_MISDIRECT), 0);
    assert_int_equal(evtchn_bind_virq_port(&f->t1, VIRQ_TIMER), 1);
    assert_int_equal(evtchn_bind_virq_port(&f->t1, VIRQ_TIMER), 1);
    assert_int_equal(evtchn_bind_virq_port(&f->t1, VIRQ_IO_ERR), 2);
    assert_int_equal(evtchn_bind_virq_port(&f->t1, NR_VIRQS), -EINVAL);
    assert_int_equal(evtchn_bind_virq_port(&f->t1, 0xFFFFFFFFu), -EINVAL);
    assert_int_equal(f->t1.virq_to_port[VIRQ_TIMER], 1);
    assert_int_equal(f->t1.virq_to_port[VIRQ_IO_ERR], 2);
    assert_int_equal(f->t1.virq_to_port[VIRQ_DEBUG], 0);
    st = status_of(&f->t1, 2);
    assert_int_equal(st.status, EVTCHNSTAT_virq);
    assert_int_equal(st.u.virq, VIRQ_IO_ERR);
    /* Closing unbinds: the next bind takes a new (the lowest) port. */
    assert_int_equal(evtchn_close_check(&f->t1, 1), 0);
    evtchn_close_port(&f->t1, 1, 1, NULL);
    assert_int_equal(f->t1.virq_to_port[VIRQ_TIMER], 0);
    assert_int_equal(status_of(&f->t1, 1).status, EVTCHNSTAT_closed);
    assert_int_equal(evtchn_bind_virq_port(&f->t1, VIRQ_DEBUG), 1);
    assert_int_equal(evtchn_bind_virq_port(&f->t1, VIRQ_TIMER), 3);
}

static void test_alloc_unbound(void **state)
{
    struct fixture *f = *state;
    evtchn_status_t st;

    assert_int_equal(evtchn_alloc_unbound_port(&f->t1, 2), 1);
    assert_int_equal(evtchn_alloc_unbound_port(&f->t1, DOMID_SELF), 2);
    st = status_of(&f->t1, 1);
    assert_int_equal(st.status, EVTCHNSTAT_unbound);
    assert_int_equal(st.u.unbound.dom, 2);
    assert_int_equal(status_of(&f->t1, 2).u.unbound.dom, DOMID_SELF);
}

static void test_bind_pirq_port(void **state)
{
    struct fixture *f = *state;
    evtchn_status_t st;

    assert_int_equal(evtchn_bind_pirq_port(&f->t1, 9), 1);
    assert_int_equal(evtchn_bind_pirq_port(&f->t1, 9), 2);     /* the caller dedups */
    st = status_of(&f->t1, 1);
    assert_int_equal(st.status, EVTCHNSTAT_pirq);
    assert_int_equal(st.u.pirq, 9);
    assert_int_equal(evtchn_close_check(&f->t1, 1), 0);
    evtchn_close_port(&f->t1, 1, 1, NULL);
    assert_int_equal(status_of(&f->t1, 1).status, EVTCHNSTAT_closed);
    assert_int_equal(evtchn_bind_pirq_port(&f->t1, 127), 1);
}

static void test_close_errors(void **state)
{
    struct fixture *f = *state;

    assert_int_equal(evtchn_close_check(&f->t1, 0), -EINVAL);
    assert_int_equal(evtchn_close_check(&f->t1, 1), -EINVAL);
    assert_int_equal(evtchn_close_check(&f->t1, 16), -EINVAL);
    assert_int_equal(evtchn_close_check(&f->t1, 5000), -EINVAL);
    assert_int_equal(evtchn_alloc_unbound_port(&f->t1, 2), 1);
    assert_int_equal(evtchn_close_check(&f->t1, 1), 0);
    evtchn_close_port(&f->t1, 1, 1, NULL);
    assert_int_equal(evtchn_close_check(&f->t1, 1), -EINVAL);
}

static void test_connect_to_unbound(void **state)
{
    struct fixture *f = *state;
    uint32_t p1 = 0, p2;
    evtchn_status_t st;

    /* Domain 2 offers port 1 to domain 1; domain 1 (unprivileged) binds. */
    p2 = (uint32_t)evtchn_alloc_unbound_port(&f->t2, 1);
    assert_int_equal(p2, 1);
    assert_int_equal(evtchn_bind_virq_port(&f->t1, VIRQ_TIMER), 1);
    assert_int_equal(connect(&f->t1, 1, &p1, &f->t2, 2, &p2, false), 0);
    assert_int_equal(p1, 2);
    assert_int_equal(p2, 1);
    st = status_of(&f->t1, 2);
    assert_int_equal(st.status, EVTCHNSTAT_interdomain);
    assert_int_equal(st.u.interdomain.dom, 2);
    assert_int_equal(st.u.interdomain.port, 1);
    st = status_of(&f->t2, 1);
    assert_int_equal(st.status, EVTCHNSTAT_interdomain);
    assert_int_equal(st.u.interdomain.dom, 1);
    assert_int_equal(st.u.interdomain.port, 2);

    /* The existing pair comes back, whichever way it is asked for. */
    p1 = 0;
    p2 = 1;
    assert_int_equal(connect(&f->t1, 1, &p1, &f->t2, 2, &p2, false), 0);
    assert_int_equal(p1, 2);        /* not the fresh port 3 picked first ... */
    assert_int_equal(status_of(&f->t1, 3).status, EVTCHNSTAT_closed);
    p1 = 2;
    p2 = 0;
    assert_int_equal(connect(&f->t1, 1, &p1, &f->t2, 2, &p2, false), 0);
    assert_int_equal(p1, 2);
    assert_int_equal(p2, 1);
    p1 = 2;
    p2 = 1;
    assert_int_equal(connect(&f->t1, 1, &p1, &f->t2, 2, &p2, false), 0);
    /* ... but a different named port on either side is -EINVAL. */
    p1 = 2;
    p2 = 3;
    assert_int_equal(connect(&f->t1, 1, &p1, &f->t2, 2, &p2, true), -EINVAL);
    /* port1 connected elsewhere than dom2. */
    p1 = 2;
    p2 = 0;
    assert_int_equal(connect(&f->t1, 1, &p1, &f->t1, 1, &p2, true), -EINVAL);
}

static void test_connect_given_port1_matches_remote(void **state)
{
    struct fixture *f = *state;
    uint32_t p1 = 0, p2 = 0;

    /* Privileged: both free, both allocated. */
    assert_int_equal(connect(&f->t1, 1, &p1, &f->t2, 2, &p2, true), 0);
    assert_int_equal(p1, 1);
    assert_int_equal(p2, 1);
    /* Asking from the other end with port2 free on our side. */
    p1 = 0;
    p2 = 1;
    assert_int_equal(connect(&f->t2, 2, &p1, &f->t1, 1, &p2, true), 0);
    assert_int_equal(p2, 1);
    assert_int_equal(f->t2.ports[2].state, ECS_FREE);   /* p1 picked, left free */
    /* Remote connected to us, but asked with a different port1. */
    p1 = 5;
    p2 = 1;
    assert_int_equal(connect(&f->t1, 1, &p1, &f->t2, 2, &p2, true), -EINVAL);
}

static void test_connect_errors(void **state)
{
    struct fixture *f = *state;
    uint32_t p1 = 0, p2 = 0;

    /* Quirk: unprivileged never binds to a free remote port. */
    assert_int_equal(connect(&f->t1, 1, &p1, &f->t2, 2, &p2, false), -EPERM);
    assert_int_equal(status_of(&f->t1, 1).status, EVTCHNSTAT_closed);
    assert_int_equal(status_of(&f->t2, 1).status, EVTCHNSTAT_closed);
    /* Even to itself. */
    p1 = p2 = 0;
    assert_int_equal(connect(&f->t1, 1, &p1, &f->t1, 1, &p2, false), -EPERM);
    /* Ports beyond the table. */
    p1 = 16;
    p2 = 0;
    assert_int_equal(connect(&f->t1, 1, &p1, &f->t2, 2, &p2, true), -EINVAL);
    p1 = 0;
    p2 = 1024;
    assert_int_equal(connect(&f->t1, 1, &p1, &f->t2, 2, &p2, true), -EINVAL);
    /* An UNBOUND port waiting for some other domain. */
    assert_int_equal(evtchn_alloc_unbound_port(&f->t2, 7), 1);
    p1 = 0;
    p2 = 1;
    assert_int_equal(connect(&f->t1, 1, &p1, &f->t2, 2, &p2, true), -EINVAL);
    assert_int_equal(evtchn_alloc_unbound_port(&f->t1, 7), 1);
    p1 = 1;
    p2 = 0;
    assert_int_equal(connect(&f->t1, 1, &p1, &f->t2, 2, &p2, true), -EINVAL);
    /* Binding onto a VIRQ port, either end. */
    assert_int_equal(evtchn_bind_virq_port(&f->t2, VIRQ_TIMER), 2);
    p1 = 0;
    p2 = 2;
    assert_int_equal(connect(&f->t1, 1, &p1, &f->t2, 2, &p2, true), -EINVAL);
    p1 = 2;
    p2 = 0;
    assert_int_equal(connect(&f->t2, 2, &p1, &f->t1, 1, &p2, true), -EINVAL);
    assert_int_equal(status_of(&f->t2, 2).status, EVTCHNSTAT_virq);
}

static void test_connect_self(void **state)
{
    struct fixture *f = *state;
    uint32_t p1 = 0, p2 = 0;
    evtchn_status_t st;

    /* dom0's control link: (SELF, SELF, 0, 0), two distinct ports. */
    assert_int_equal(connect(&f->t1, 0, &p1, &f->t1, 0, &p2, true), 0);
    assert_int_equal(p1, 1);
    assert_int_equal(p2, 2);
    st = status_of(&f->t1, 1);
    assert_int_equal(st.status, EVTCHNSTAT_interdomain);
    assert_int_equal(st.u.interdomain.dom, 0);
    assert_int_equal(st.u.interdomain.port, 2);
    assert_int_equal(status_of(&f->t1, 2).u.interdomain.port, 1);
    /* Closing one end leaves the other waiting for ourselves. */
    evtchn_close_port(&f->t1, 0, 1, &f->t1);
    st = status_of(&f->t1, 2);
    assert_int_equal(st.status, EVTCHNSTAT_unbound);
    assert_int_equal(st.u.unbound.dom, 0);
    assert_int_equal(status_of(&f->t1, 1).status, EVTCHNSTAT_closed);
}

static void test_close_remote_end(void **state)
{
    struct fixture *f = *state;
    uint32_t p1 = 0, p2 = 0, rport = 99;
    domid_t dom = 99;
    evtchn_status_t st;

    assert_int_equal(connect(&f->t1, 1, &p1, &f->t2, 2, &p2, true), 0);
    assert_true(evtchn_peer(&f->t1, p1, &dom, &rport));
    assert_int_equal(dom, 2);
    assert_int_equal(rport, p2);
    assert_false(evtchn_peer(&f->t1, 0, &dom, &rport));
    assert_false(evtchn_peer(&f->t1, 5, &dom, &rport));
    assert_false(evtchn_peer(&f->t1, 4096, &dom, &rport));
    evtchn_close_port(&f->t1, 1, p1, &f->t2);
    assert_int_equal(status_of(&f->t1, p1).status, EVTCHNSTAT_closed);
    st = status_of(&f->t2, p2);
    assert_int_equal(st.status, EVTCHNSTAT_unbound);
    assert_int_equal(st.u.unbound.dom, 1);
    /* Domain 1 (unprivileged) may now bind to it again. */
    p1 = 0;
    assert_int_equal(connect(&f->t1, 1, &p1, &f->t2, 2, &p2, false), 0);
    assert_int_equal(status_of(&f->t2, p2).status, EVTCHNSTAT_interdomain);
}

static void test_destroy_closes_everything(void **state)
{
    struct fixture *f = *state;
    uint32_t p1 = 0, p2 = 0, port;
    domid_t dom;
    uint32_t rport;

    assert_int_equal(connect(&f->t1, 1, &p1, &f->t2, 2, &p2, true), 0);
    assert_int_equal(evtchn_bind_virq_port(&f->t1, VIRQ_TIMER), 2);
    assert_int_equal(evtchn_alloc_unbound_port(&f->t1, 2), 3);
    /* What evtchn_domain_destroy does for domain 1. */
    for (port = 1; port < f->t1.nr_ports; port++) {
        if (f->t1.ports[port].state == ECS_FREE)
            continue;
        evtchn_close_port(&f->t1, 1, port,
                          evtchn_peer(&f->t1, port, &dom, &rport) ? &f->t2 : NULL);
    }
    for (port = 1; port < f->t1.nr_ports; port++)
        assert_int_equal(status_of(&f->t1, port).status, EVTCHNSTAT_closed);
    assert_int_equal(status_of(&f->t1, 0).status, EVTCHNSTAT_virq);
    assert_int_equal(f->t1.virq_to_port[VIRQ_TIMER], 0);
    assert_int_equal(status_of(&f->t2, p2).status, EVTCHNSTAT_unbound);
    assert_int_equal(status_of(&f->t2, p2).u.unbound.dom, 1);
}

static void test_growth_and_enospc(void **state)
{
    struct fixture *f = *state;
    uint32_t i, p1, p2;

    for (i = 1; i < NR_EVENT_CHANNELS; i++) {
        assert_int_equal(evtchn_alloc_unbound_port(&f->t1, 2), (int)i);
        if (i == 15)
            assert_int_equal(f->t1.nr_ports, 16);
        if (i == 16)
            assert_int_equal(f->t1.nr_ports, 32);
    }
    assert_int_equal(f->t1.nr_ports, NR_EVENT_CHANNELS);
    assert_int_equal(status_of(&f->t1, 0).status, EVTCHNSTAT_virq);
    assert_int_equal(status_of(&f->t1, 15).u.unbound.dom, 2);   /* survived copies */
    assert_int_equal(evtchn_alloc_unbound_port(&f->t1, 2), -ENOSPC);
    assert_int_equal(evtchn_bind_virq_port(&f->t1, VIRQ_TIMER), -ENOSPC);
    p1 = 0;
    p2 = 0;
    assert_int_equal(connect(&f->t1, 1, &p1, &f->t2, 2, &p2, true), -ENOSPC);
    p1 = 0;
    p2 = 0;
    assert_int_equal(connect(&f->t2, 2, &p1, &f->t1, 1, &p2, true), -ENOSPC);
    /* A closed port is reused. */
    evtchn_close_port(&f->t1, 1, 700, NULL);
    assert_int_equal(evtchn_bind_virq_port(&f->t1, VIRQ_TIMER), 700);
}

static void test_growth_nomem(void **state)
{
    struct fixture *f = *state;
    uint32_t i;

    for (i = 1; i < 16; i++)
        assert_int_equal(evtchn_alloc_unbound_port(&f->t1, 2), (int)i);
    allocs_before_failure = 0;
    assert_int_equal(evtchn_alloc_unbound_port(&f->t1, 2), -ENOMEM);
    allocs_before_failure = -1;
    assert_int_equal(f->t1.nr_ports, 16);
    assert_int_equal(status_of(&f->t1, 15).status, EVTCHNSTAT_unbound);
}

static void test_deliver(void **state)
{
    struct fixture *f = *state;
    shared_info_t *s = &f->s;

    /* Step 4 reached: pending, selector and upcall all set. */
    assert_true(evtchn_deliver(s, 33));
    assert_int_equal(s->evtchn_pending[1], 1u << 1);
    assert_int_equal(s->evtchn_pending_sel, 1u << 1);
    assert_int_equal(s->vcpu_data[0].evtchn_upcall_pending, 1);
    /* Already pending: stop at step 1. */
    s->vcpu_data[0].evtchn_upcall_pending = 0;
    s->evtchn_pending_sel = 0;
    assert_false(evtchn_deliver(s, 33));
    assert_int_equal(s->evtchn_pending_sel, 0);
    assert_int_equal(s->vcpu_data[0].evtchn_upcall_pending, 0);
    /* Selector already set (the guest has not scanned word 1): stop at 3. */
    s->evtchn_pending_sel = 1u << 1;
    assert_false(evtchn_deliver(s, 40));
    assert_int_equal(s->evtchn_pending[1], (1u << 1) | (1u << 8));
    assert_int_equal(s->vcpu_data[0].evtchn_upcall_pending, 0);
    /* Another word: step 4 again. */
    assert_true(evtchn_deliver(s, 1023));
    assert_int_equal(s->evtchn_pending[31], 1u << 31);
    assert_int_equal(s->evtchn_pending_sel, (1u << 1) | (1u << 31));
    assert_int_equal(s->vcpu_data[0].evtchn_upcall_pending, 1);
    /* Out of range: nothing at all. */
    assert_false(evtchn_deliver(s, 1024));
}

static void test_deliver_masked(void **state)
{
    struct fixture *f = *state;
    shared_info_t *s = &f->s;

    s->evtchn_mask[0] = 1u << 5;
    assert_false(evtchn_deliver(s, 5));
    assert_int_equal(s->evtchn_pending[0], 1u << 5);
    assert_int_equal(s->evtchn_pending_sel, 0);
    assert_int_equal(s->vcpu_data[0].evtchn_upcall_pending, 0);
    /* The edge is lost: unmasking and sending again does nothing. */
    s->evtchn_mask[0] = 0;
    assert_false(evtchn_deliver(s, 5));
    assert_int_equal(s->evtchn_pending_sel, 0);
    /* Port 0 in the same word is not masked. */
    assert_true(evtchn_deliver(s, 0));
    assert_int_equal(s->evtchn_pending[0], (1u << 5) | 1u);
    assert_int_equal(s->evtchn_pending_sel, 1u);
    /* The upcall mask is the caller's business: pending is set regardless. */
    s->vcpu_data[0].evtchn_upcall_mask = 1;
    s->vcpu_data[0].evtchn_upcall_pending = 0;
    s->evtchn_pending_sel = 0;
    assert_true(evtchn_deliver(s, 64));
    assert_int_equal(s->vcpu_data[0].evtchn_upcall_pending, 1);
}

/* --- The hypercall on fake domains 0 (privileged), 1 and 2 ---------------- */

#define NR_FAKE         3
#define GUEST_VA        0x10000u    /* where the guest's evtchn_op_t lives */
#define BAD_VA          0x20000u    /* faults on any access */

static struct domain doms[NR_FAKE];
static bool dom_exists[NR_FAKE];
static shared_info_t shinfo[NR_FAKE];
static evtchn_op_t guest_op;
static bool guest_op_readonly;
static unsigned int wakes[NR_FAKE];
struct domain *current_domain;

struct domain *domain_find(domid_t id)
{
    return id < NR_FAKE && dom_exists[id] ? &doms[id] : NULL;
}

bool domain_is_running(const struct domain *d)
{
    (void)d;
    return false;       /* one CPU: only the caller runs */
}

void domain_wake(struct domain *d)
{
    wakes[d->id]++;
}

/* The guest's memory: GUEST_VA holds guest_op, everything else faults. */
uint32_t raw_copy(void *dst, const void *src, uint32_t n)
{
    uintptr_t g = (uintptr_t)&guest_op;

    if ((uintptr_t)src == GUEST_VA && n <= sizeof(guest_op)) {
        memcpy(dst, (const void *)g, n);
        return 0;
    }
    if ((uintptr_t)dst == GUEST_VA && n <= sizeof(guest_op) && !guest_op_readonly) {
        memcpy((void *)g, src, n);
        return 0;
    }
    return n;
}

static int hc_setup(void **state)
{
    unsigned int i;

    (void)state;
    allocs_before_failure = -1;
    memset(doms, 0, sizeof(doms));
    memset(shinfo, 0, sizeof(shinfo));
    memset(wakes, 0, sizeof(wakes));
    guest_op_readonly = false;
    for (i = 0; i < NR_FAKE; i++) {
        doms[i].id = (domid_t)i;
        doms[i].shared_info = &shinfo[i];
        dom_exists[i] = true;
        assert_int_equal(evtchn_domain_init(&doms[i]), 0);
    }
    doms[0].privileged = true;
    current_domain = &doms[1];
    return 0;
}

static int hc_teardown(void **state)
{
    unsigned int i;

    (void)state;
    for (i = 0; i < NR_FAKE; i++)
        evtchn_domain_destroy(&doms[i]);
    return 0;
}

/* Runs cmd as domain `as`, with the union given as bytes. */
static long hc(unsigned int as, uint32_t cmd, const void *u, size_t len)
{
    current_domain = &doms[as];
    memset(&guest_op, 0, sizeof(guest_op));
    guest_op.cmd = cmd;
    guest_op._reserved = 0x5EEDu;
    if (len)
        memcpy(&guest_op.u, u, len);
    return do_event_channel_op(GUEST_VA);
}

static long hc_status(unsigned int as, domid_t dom, uint32_t port)
{
    evtchn_status_t st = {.dom = dom, .port = port};

    return hc(as, EVTCHNOP_status, &st, sizeof(st));
}

static long hc_bind(unsigned int as, domid_t d1, domid_t d2, uint32_t p1, uint32_t p2)
{
    evtchn_bind_interdomain_t b = {.dom1 = d1, .dom2 = d2, .port1 = p1, .port2 = p2};

    return hc(as, EVTCHNOP_bind_interdomain, &b, sizeof(b));
}

static long hc_alloc_unbound(unsigned int as, domid_t dom)
{
    evtchn_alloc_unbound_t a = {.dom = dom};

    return hc(as, EVTCHNOP_alloc_unbound, &a, sizeof(a));
}

static long hc_close(unsigned int as, domid_t dom, uint32_t port)
{
    evtchn_close_t c = {.dom = dom, .port = port};

    return hc(as, EVTCHNOP_close, &c, sizeof(c));
}

static long hc_send(unsigned int as, uint32_t port)
{
    evtchn_send_t s = {.local_port = port};

    return hc(as, EVTCHNOP_send, &s, sizeof(s));
}

static void test_hc_faults_and_unknown(void **state)
{
    evtchn_bind_virq_t v = {.virq = VIRQ_TIMER};

    (void)state;
    current_domain = &doms[1];
    assert_int_equal(do_event_channel_op(BAD_VA), -EFAULT);
    assert_int_equal(do_event_channel_op(0xFFFFFFF0u), -EFAULT);
    assert_int_equal(hc(1, 7, NULL, 0), -ENOSYS);
    assert_int_equal(hc(1, 0xFFFFFFFFu, NULL, 0), -ENOSYS);
    /* Output cannot be written back: -EFAULT, though the bind happened. */
    guest_op_readonly = true;
    assert_int_equal(hc(1, EVTCHNOP_bind_virq, &v, sizeof(v)), -EFAULT);
    guest_op_readonly = false;
    assert_int_equal(doms[1].evtchn->virq_to_port[VIRQ_TIMER], 1);
    /* The whole 32 bytes go back: the reserved word survives. */
    assert_int_equal(hc(1, EVTCHNOP_bind_virq, &v, sizeof(v)), 0);
    assert_int_equal(guest_op._reserved, 0x5EEDu);
    assert_int_equal(guest_op.u.bind_virq.port, 1);
}

static void test_hc_bind_virq(void **state)
{
    evtchn_bind_virq_t v = {.virq = VIRQ_MISDIRECT};

    (void)state;
    assert_int_equal(hc(2, EVTCHNOP_bind_virq, &v, sizeof(v)), 0);
    assert_int_equal(guest_op.u.bind_virq.port, 0);
    v.virq = VIRQ_DEBUG;
    assert_int_equal(hc(2, EVTCHNOP_bind_virq, &v, sizeof(v)), 0);
    assert_int_equal(guest_op.u.bind_virq.port, 1);
    assert_int_equal(hc(2, EVTCHNOP_bind_virq, &v, sizeof(v)), 0);
    assert_int_equal(guest_op.u.bind_virq.port, 1);
    v.virq = NR_VIRQS;
    assert_int_equal(hc(2, EVTCHNOP_bind_virq, &v, sizeof(v)), -EINVAL);
}

#ifdef CONFIG_PHYSDEV_IRQS
/* The line side (evtchn/pirq.c) as a fake: which domains hold which pirq. */
static bool pirq_bound[NR_FAKE][NR_PIRQS];
static int pirq_bind_rc;

int pirq_guest_bind(struct domain *d, unsigned int irq, bool will_share)
{
    (void)will_share;
    if (!d->physdev)
        return -EPERM;
    if (pirq_bind_rc != 0)
        return pirq_bind_rc;
    assert_false(pirq_bound[d->id][irq]);
    pirq_bound[d->id][irq] = true;
    return 0;
}

void pirq_guest_unbind(struct domain *d, unsigned int irq)
{
    assert_true(pirq_bound[d->id][irq]);
    pirq_bound[d->id][irq] = false;
}

static long hc_bind_pirq(unsigned int as, uint32_t pirq, uint32_t flags)
{
    evtchn_bind_pirq_t p = {.pirq = pirq, .flags = flags};

    return hc(as, EVTCHNOP_bind_pirq, &p, sizeof(p));
}

static void test_hc_bind_pirq(void **state)
{
    (void)state;
    memset(pirq_bound, 0, sizeof(pirq_bound));
    pirq_bind_rc = 0;
    /* Range first, then the line's -EPERM for a non-physdev caller. */
    assert_int_equal(hc_bind_pirq(1, 128, 0), -EINVAL);
    assert_int_equal(hc_bind_pirq(1, 3, 0), -EPERM);
    assert_int_equal(hc_status(1, DOMID_SELF, 1), 0);
    assert_int_equal(guest_op.u.status.status, EVTCHNSTAT_closed);
    doms[1].physdev = true;
    assert_int_equal(hc_bind_pirq(1, 3, BIND_PIRQ__WILL_SHARE), 0);
    assert_int_equal(guest_op.u.bind_pirq.port, 1);
    assert_int_equal(doms[1].pirq_to_evtchn[3], 1);
    assert_true(pirq_bound[1][3]);
    /* Bound already: the same port, the line not bound twice. */
    assert_int_equal(hc_bind_pirq(1, 3, 0), 0);
    assert_int_equal(guest_op.u.bind_pirq.port, 1);
    assert_int_equal(hc_status(1, DOMID_SELF, 1), 0);
    assert_int_equal(guest_op.u.status.status, EVTCHNSTAT_pirq);
    assert_int_equal(guest_op.u.status.u.pirq, 3);
    /* A refused line gives its port back. */
    pirq_bind_rc = -EBUSY;
    assert_int_equal(hc_bind_pirq(1, 4, 0), -EBUSY);
    assert_int_equal(doms[1].pirq_to_evtchn[4], 0);
    assert_int_equal(hc_status(1, DOMID_SELF, 2), 0);
    assert_int_equal(guest_op.u.status.status, EVTCHNSTAT_closed);
    pirq_bind_rc = 0;
    /* Close unbinds the line; the pirq can be bound again. */
    assert_int_equal(hc_close(1, DOMID_SELF, 1), 0);
    assert_false(pirq_bound[1][3]);
    assert_int_equal(doms[1].pirq_to_evtchn[3], 0);
    assert_int_equal(hc_bind_pirq(1, 3, 0), 0);
    assert_int_equal(guest_op.u.bind_pirq.port, 1);
    assert_int_equal(hc_bind_pirq(1, 127, 0), 0);
    assert_int_equal(guest_op.u.bind_pirq.port, 2);
    /* Destroying the domain unbinds every line it held. */
    evtchn_domain_destroy(&doms[1]);
    dom_exists[1] = false;
    assert_false(pirq_bound[1][3]);
    assert_false(pirq_bound[1][127]);
}
#else
static void test_hc_bind_pirq(void **state)
{
    evtchn_bind_pirq_t p = {.pirq = 128};

    (void)state;
    assert_int_equal(hc(1, EVTCHNOP_bind_pirq, &p, sizeof(p)), -EINVAL);
    /* Without PHYSDEV_IRQS every binder hears -ENOSYS, and no port stays. */
    p.pirq = 3;
    assert_int_equal(hc(1, EVTCHNOP_bind_pirq, &p, sizeof(p)), -ENOSYS);
    doms[1].physdev = true;
    assert_int_equal(hc(1, EVTCHNOP_bind_pirq, &p, sizeof(p)), -ENOSYS);
    assert_int_equal(hc_status(1, DOMID_SELF, 1), 0);
    assert_int_equal(guest_op.u.status.status, EVTCHNSTAT_closed);
    assert_int_equal(doms[1].pirq_to_evtchn[3], 0);
}
#endif

static void test_hc_interdomain(void **state)
{
    (void)state;
    /* Unprivileged: dom1 must be SELF; unknown domains; free remote. */
    assert_int_equal(hc_bind(1, 1, 2, 0, 0), -EPERM);
    assert_int_equal(hc_bind(1, DOMID_SELF, 9, 0, 0), -ESRCH);
    assert_int_equal(hc_bind(1, DOMID_SELF, 2, 0, 0), -EPERM);
    /* Domain 2 offers a port; domain 1 binds to it. */
    assert_int_equal(hc_alloc_unbound(2, 1), 0);
    assert_int_equal(guest_op.u.alloc_unbound.port, 1);
    assert_int_equal(hc_bind(1, DOMID_SELF, 2, 0, 1), 0);
    assert_int_equal(guest_op.u.bind_interdomain.port1, 1);
    assert_int_equal(guest_op.u.bind_interdomain.port2, 1);
    assert_int_equal(guest_op.u.bind_interdomain.dom1, DOMID_SELF);
    /* Status from both sides; another's port needs privilege. */
    assert_int_equal(hc_status(1, DOMID_SELF, 1), 0);
    assert_int_equal(guest_op.u.status.status, EVTCHNSTAT_interdomain);
    assert_int_equal(guest_op.u.status.u.interdomain.dom, 2);
    assert_int_equal(guest_op.u.status.u.interdomain.port, 1);
    assert_int_equal(hc_status(1, 2, 1), -EPERM);
    assert_int_equal(hc_status(0, 2, 1), 0);
    assert_int_equal(guest_op.u.status.u.interdomain.dom, 1);
    assert_int_equal(hc_status(0, 9, 1), -ESRCH);
    assert_int_equal(hc_status(0, 2, 16), -EINVAL);
    /* Privileged: any pair, free ports allowed; dom0's own loop. */
    assert_int_equal(hc_bind(0, 1, 2, 0, 0), 0);
    assert_int_equal(guest_op.u.bind_interdomain.port1, 2);
    assert_int_equal(guest_op.u.bind_interdomain.port2, 2);
    assert_int_equal(hc_bind(0, DOMID_SELF, DOMID_SELF, 0, 0), 0);
    assert_int_equal(guest_op.u.bind_interdomain.port1, 1);
    assert_int_equal(guest_op.u.bind_interdomain.port2, 2);
    assert_int_equal(hc_bind(0, 9, 1, 0, 0), -ESRCH);
}

static void test_hc_send_and_wake(void **state)
{
    shared_info_t *s2 = &shinfo[2];

    (void)state;
    assert_int_equal(hc_alloc_unbound(2, 1), 0);
    assert_int_equal(hc_bind(1, DOMID_SELF, 2, 0, 1), 0);
    assert_int_equal(hc_send(1, 0), -EINVAL);       /* VIRQ port */
    assert_int_equal(hc_send(1, 5), -EINVAL);       /* free */
    assert_int_equal(hc_send(1, 4096), -EINVAL);
    doms[2].blocked = true;
    assert_int_equal(hc_send(1, 1), 0);
    assert_int_equal(s2->evtchn_pending[0], 1u << 1);
    assert_int_equal(s2->vcpu_data[0].evtchn_upcall_pending, 1);
    assert_false(doms[2].blocked);
    assert_int_equal(wakes[2], 1);
    /* Already pending: nothing more, no wake. */
    doms[2].blocked = true;
    assert_int_equal(hc_send(1, 1), 0);
    assert_true(doms[2].blocked);
    assert_int_equal(wakes[2], 1);
    /* The other direction. */
    assert_int_equal(hc_send(2, 1), 0);
    assert_int_equal(shinfo[1].evtchn_pending[0], 1u << 1);
    assert_int_equal(wakes[1], 0);                  /* it was not blocked */
}

static void test_hc_close(void **state)
{
    (void)state;
    assert_int_equal(hc_alloc_unbound(2, 1), 0);
    assert_int_equal(hc_bind(1, DOMID_SELF, 2, 0, 1), 0);
    assert_int_equal(hc_close(1, DOMID_SELF, 0), -EINVAL);
    assert_int_equal(hc_close(1, DOMID_SELF, 2), -EINVAL);
    assert_int_equal(hc_close(1, 2, 1), -EPERM);
    assert_int_equal(hc_close(0, 9, 1), -ESRCH);
    assert_int_equal(hc_close(1, DOMID_SELF, 1), 0);
    assert_int_equal(hc_status(2, DOMID_SELF, 1), 0);
    assert_int_equal(guest_op.u.status.status, EVTCHNSTAT_unbound);
    assert_int_equal(guest_op.u.status.u.unbound.dom, 1);
    assert_int_equal(hc_status(1, DOMID_SELF, 1), 0);
    assert_int_equal(guest_op.u.status.status, EVTCHNSTAT_closed);
    /* Privileged close of another domain's port. */
    assert_int_equal(hc_close(0, 2, 1), 0);
    assert_int_equal(hc_status(2, DOMID_SELF, 1), 0);
    assert_int_equal(guest_op.u.status.status, EVTCHNSTAT_closed);
}

static void test_hc_destroy_and_virq(void **state)
{
    evtchn_bind_virq_t v = {.virq = VIRQ_DOM_EXC};

    (void)state;
    assert_int_equal(hc_alloc_unbound(2, 1), 0);
    assert_int_equal(hc_bind(1, DOMID_SELF, 2, 0, 1), 0);
    evtchn_domain_destroy(&doms[1]);
    dom_exists[1] = false;
    assert_null(doms[1].evtchn);
    assert_int_equal(hc_status(2, DOMID_SELF, 1), 0);
    assert_int_equal(guest_op.u.status.status, EVTCHNSTAT_unbound);
    assert_int_equal(guest_op.u.status.u.unbound.dom, 1);
    /* Unbound VIRQs arrive on port 0; bound ones on their port. */
    send_guest_virq(&doms[0], VIRQ_DOM_EXC);
    assert_int_equal(shinfo[0].evtchn_pending[0], 1u);
    assert_int_equal(hc(0, EVTCHNOP_bind_virq, &v, sizeof(v)), 0);
    assert_int_equal(guest_op.u.bind_virq.port, 1);
    send_guest_virq(&doms[0], VIRQ_DOM_EXC);
    assert_int_equal(shinfo[0].evtchn_pending[0], 3u);
    send_guest_virq(&doms[0], NR_VIRQS);            /* ignored */
    send_guest_virq(NULL, VIRQ_DOM_EXC);            /* no dom0: ignored */
    evtchn_set_pending(&doms[0], 40);
    assert_int_equal(shinfo[0].evtchn_pending[1], 1u << 8);
}

static void test_hc_init_nomem(void **state)
{
    struct domain d = {.id = 5};

    (void)state;
    allocs_before_failure = 0;
    assert_int_equal(evtchn_domain_init(&d), -ENOMEM);
    allocs_before_failure = 1;
    assert_int_equal(evtchn_domain_init(&d), -ENOMEM);
    allocs_before_failure = -1;
    assert_null(d.evtchn);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
#define H(fn) cmocka_unit_test_setup_teardown(fn, hc_setup, hc_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_init),
        cmocka_unit_test(test_init_nomem),
        T(test_bind_virq),
        T(test_alloc_unbound),
        T(test_bind_pirq_port),
        T(test_close_errors),
        T(test_connect_to_unbound),
        T(test_connect_given_port1_matches_remote),
        T(test_connect_errors),
        T(test_connect_self),
        T(test_close_remote_end),
        T(test_destroy_closes_everything),
        T(test_growth_and_enospc),
        T(test_growth_nomem),
        T(test_deliver),
        T(test_deliver_masked),
        H(test_hc_faults_and_unknown),
        H(test_hc_bind_virq),
        H(test_hc_bind_pirq),
        H(test_hc_interdomain),
        H(test_hc_send_and_wake),
        H(test_hc_close),
        H(test_hc_destroy_and_virq),
        cmocka_unit_test(test_hc_init_nomem),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
