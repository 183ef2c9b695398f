/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest-bound physical lines (evtchn/pirq_core.c through evtchn/pirq.c)
 * on fake domains and a fake interrupt controller: sharing rules, the
 * sharer limit, in-flight counting and PHYSDEVOP_IRQ_UNMASK_NOTIFY,
 * unbinding mid-interrupt, and lines Tessera keeps for itself.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <tessera/errno.h>
#include <tessera/event.h>
#include <tessera/irq.h>

#define NR_FAKE     9

static struct domain doms[NR_FAKE];
static shared_info_t shinfo[NR_FAKE];

/* The controller: per line, claimed by guests and masked or not. */
static bool claimed[NR_PIRQS], masked[NR_PIRQS];
static unsigned int claims[NR_PIRQS], releases[NR_PIRQS], ends[NR_PIRQS];
static unsigned int pending_sent[NR_FAKE];

bool irq_used_by_tessera(unsigned int irq)
{
    return irq == 0 || irq == 2;
}

void irq_guest_claim(unsigned int irq)
{
    assert_false(claimed[irq]);
    claimed[irq] = true;
    masked[irq] = false;
    claims[irq]++;
}

void irq_guest_release(unsigned int irq)
{
    assert_true(claimed[irq]);
    claimed[irq] = false;
    masked[irq] = true;
    releases[irq]++;
}

void irq_guest_end(unsigned int irq)
{
    assert_true(claimed[irq]);
    masked[irq] = false;
    ends[irq]++;
}

void evtchn_set_pending(struct domain *d, unsigned int port)
{
    pending_sent[d->id]++;
    d->shared_info->evtchn_pending[port / 32] |= 1u << (port % 32);
}

/* What arch/x86/irq.c does on an interrupt of a guest line. */
static void interrupt(unsigned int irq)
{
    assert_true(claimed[irq]);
    assert_false(masked[irq]);
    masked[irq] = true;
    do_irq_guest(irq);
}

static int setup(void **state)
{
    unsigned int i;

    (void)state;
    memset(doms, 0, sizeof(doms));
    memset(shinfo, 0, sizeof(shinfo));
    memset(claimed, 0, sizeof(claimed));
    memset(masked, 1, sizeof(masked));
    memset(claims, 0, sizeof(claims));
    memset(releases, 0, sizeof(releases));
    memset(ends, 0, sizeof(ends));
    memset(pending_sent, 0, sizeof(pending_sent));
    for (i = 0; i < NR_FAKE; i++) {
        doms[i].id = (domid_t)i;
        doms[i].physdev = true;
        doms[i].shared_info = &shinfo[i];
    }
    return 0;
}

/* Each test leaves every line it used unbound: lines[] is static in pirq.c. */
static void unbind_all(unsigned int irq)
{
    unsigned int i;

    for (i = 0; i < NR_FAKE; i++)
        pirq_guest_unbind(&doms[i], irq);
    assert_false(claimed[irq]);
}

/* Binds d to irq on port (recorded as evtchn.c would). */
static int bind(unsigned int d, unsigned int irq, bool share, unsigned int port)
{
    int rc = pirq_guest_bind(&doms[d], irq, share);

    if (rc == 0)
        doms[d].pirq_to_evtchn[irq] = (uint16_t)port;
    return rc;
}

static bool in_flight(unsigned int d, unsigned int irq)
{
    return (doms[d].pirq_in_flight[irq / 32] >> (irq % 32)) & 1u;
}

static void test_bind_checks(void **state)
{
    (void)state;
    doms[1].physdev = false;
    assert_int_equal(bind(1, 5, true, 1), -EPERM);
    assert_false(claimed[5]);
    assert_int_equal(bind(0, 0, true, 1), -EBUSY);     /* Tessera's timer */
    assert_int_equal(bind(0, 2, true, 1), -EBUSY);     /* the cascade */
    assert_int_equal(claims[0] + claims[2], 0);
    assert_int_equal(bind(0, NR_PIRQS, true, 1), -EINVAL);
    /* The first binder claims the line; an unbind gives it back. */
    assert_int_equal(bind(0, 5, false, 1), 0);
    assert_true(claimed[5]);
    assert_int_equal(claims[5], 1);
    pirq_guest_unbind(&doms[0], 5);
    assert_false(claimed[5]);
    assert_int_equal(releases[5], 1);
    /* Unbinding a domain that is not bound changes nothing. */
    pirq_guest_unbind(&doms[0], 5);
    assert_int_equal(releases[5], 1);
}

static void test_sharing_rules(void **state)
{
    (void)state;
    /* First binder unwilling: nobody may join, even willing ones. */
    assert_int_equal(bind(0, 5, false, 1), 0);
    assert_int_equal(bind(1, 5, true, 1), -EBUSY);
    assert_int_equal(bind(1, 5, false, 1), -EBUSY);
    unbind_all(5);
    /* First binder willing: an unwilling second one is refused. */
    assert_int_equal(bind(0, 5, true, 1), 0);
    assert_int_equal(bind(1, 5, false, 1), -EBUSY);
    assert_int_equal(bind(1, 5, true, 1), 0);
    assert_int_equal(claims[5], 2);     /* once per first binder */
    /* The line's shareability is its first binder's: after that one goes,
     * what was set stays until the line is free again. */
    pirq_guest_unbind(&doms[0], 5);
    assert_true(claimed[5]);
    assert_int_equal(bind(2, 5, true, 1), 0);
    unbind_all(5);
    assert_int_equal(bind(3, 5, false, 1), 0);          /* free: a new first */
    unbind_all(5);
}

static void test_max_sharers(void **state)
{
    unsigned int i;

    (void)state;
    for (i = 0; i < IRQ_MAX_GUESTS; i++)
        assert_int_equal(bind(i, 9, true, i + 1), 0);
    assert_int_equal(bind(IRQ_MAX_GUESTS, 9, true, 1), -EBUSY);
    /* One leaves: there is room again. */
    pirq_guest_unbind(&doms[3], 9);
    assert_int_equal(bind(IRQ_MAX_GUESTS, 9, true, 1), 0);
    assert_int_equal(bind(IRQ_MAX_GUESTS + 1, 9, true, 1), -EBUSY);
    /* Every remaining sharer gets the interrupt. */
    interrupt(9);
    for (i = 0; i < NR_FAKE; i++) {
        bool bound = i != 3 && i <= IRQ_MAX_GUESTS;

        assert_int_equal(pending_sent[i], bound ? 1 : 0);
        assert_int_equal(in_flight(i, 9), bound);
    }
    unbind_all(9);
    assert_int_equal(releases[9], 1);
}

static void test_in_flight_and_unmask(void **state)
{
    (void)state;
    assert_int_equal(bind(0, 5, true, 3), 0);
    assert_int_equal(bind(1, 5, true, 40), 0);
    interrupt(5);
    assert_true(masked[5]);
    assert_int_equal(shinfo[0].evtchn_pending[0], 1u << 3);
    assert_int_equal(shinfo[1].evtchn_pending[1], 1u << 8);
    assert_true(in_flight(0, 5) && in_flight(1, 5));
    /* A notify with nothing in flight, or from a domain not bound: no effect. */
    pirq_guest_unmask(&doms[2]);
    assert_int_equal(ends[5], 0);
    /* Domain 1 has its port masked: its notify does not count. */
    shinfo[1].evtchn_mask[1] = 1u << 8;
    pirq_guest_unmask(&doms[1]);
    assert_true(in_flight(1, 5));
    /* Domain 0 services it; the line waits for domain 1 still. */
    pirq_guest_unmask(&doms[0]);
    assert_false(in_flight(0, 5));
    assert_true(masked[5]);
    assert_int_equal(ends[5], 0);
    /* A second notify from domain 0 must not count twice. */
    pirq_guest_unmask(&doms[0]);
    assert_true(masked[5]);
    /* Domain 1 unmasks its port and notifies: the line ends. */
    shinfo[1].evtchn_mask[1] = 0;
    pirq_guest_unmask(&doms[1]);
    assert_false(in_flight(1, 5));
    assert_false(masked[5]);
    assert_int_equal(ends[5], 1);
    /* The next interrupt counts both again. */
    interrupt(5);
    assert_int_equal(pending_sent[0], 2);
    pirq_guest_unmask(&doms[1]);
    pirq_guest_unmask(&doms[0]);
    assert_int_equal(ends[5], 2);
    unbind_all(5);
}

static void test_unmask_several_lines(void **state)
{
    (void)state;
    assert_int_equal(bind(0, 5, false, 1), 0);
    assert_int_equal(bind(0, 11, false, 2), 0);
    assert_int_equal(bind(0, 100, false, 3), 0);    /* no hardware: never fires */
    assert_false(claimed[100] && masked[100]);
    interrupt(5);
    interrupt(11);
    shinfo[0].evtchn_mask[0] = 1u << 2;             /* line 11's port */
    pirq_guest_unmask(&doms[0]);
    assert_false(masked[5]);
    assert_true(masked[11]);
    shinfo[0].evtchn_mask[0] = 0;
    pirq_guest_unmask(&doms[0]);
    assert_false(masked[11]);
    unbind_all(5);
    unbind_all(11);
    unbind_all(100);
}

/* Bug class: a guest leaving (close, destroy) mid-interrupt must not keep
 * the line masked for the others forever. */
static void test_unbind_in_flight(void **state)
{
    (void)state;
    assert_int_equal(bind(0, 5, true, 1), 0);
    assert_int_equal(bind(1, 5, true, 1), 0);
    interrupt(5);
    pirq_guest_unmask(&doms[0]);
    assert_true(masked[5]);
    pirq_guest_unbind(&doms[1], 5);                 /* it never notified */
    assert_false(in_flight(1, 5));
    assert_false(masked[5]);
    assert_int_equal(ends[5], 1);
    /* The line still works for domain 0. */
    interrupt(5);
    assert_int_equal(pending_sent[0], 2);
    assert_int_equal(pending_sent[1], 1);
    /* The last guest leaving in flight: ended, then released. */
    pirq_guest_unbind(&doms[0], 5);
    assert_int_equal(ends[5], 2);
    assert_int_equal(releases[5], 1);
    assert_false(claimed[5]);
    assert_false(in_flight(0, 5));
    /* A new binder starts from a clean count. */
    assert_int_equal(bind(2, 5, false, 1), 0);
    interrupt(5);
    pirq_guest_unmask(&doms[2]);
    assert_false(masked[5]);
    unbind_all(5);
}

/* A domain whose in-flight count was dropped by the unbind must not
 * decrement the line again by notifying later (no underflow). */
static void test_notify_after_unbind(void **state)
{
    (void)state;
    assert_int_equal(bind(0, 6, true, 1), 0);
    assert_int_equal(bind(1, 6, true, 1), 0);
    interrupt(6);
    pirq_guest_unbind(&doms[0], 6);
    pirq_guest_unmask(&doms[0]);
    assert_true(masked[6]);                         /* still waiting for domain 1 */
    assert_int_equal(ends[6], 0);
    pirq_guest_unmask(&doms[1]);
    assert_false(masked[6]);
    assert_int_equal(ends[6], 1);
    unbind_all(6);
}

#define T(fn) cmocka_unit_test_setup(fn, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_bind_checks),
        T(test_sharing_rules),
        T(test_max_sharers),
        T(test_in_flight_and_unmask),
        T(test_unmask_several_lines),
        T(test_unbind_in_flight),
        T(test_notify_after_unbind),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
