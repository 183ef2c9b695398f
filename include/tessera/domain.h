/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domains. This is the part of struct domain the memory subsystem needs
 * (ownership, page accounting, privilege); the domain work extends it.
 */
#ifndef TESSERA_DOMAIN_H
#define TESSERA_DOMAIN_H

#include <tessera/irq.h>
#include <tessera/lib.h>
#include <tessera/list.h>
#include <tessera/timer.h>
#include <asm/domain.h>
#include <public/xen.h>

typedef uint16_t domid_t;

struct evtchn_table;

/* Reserved domain ids (ABI.md §5.3). */
#define DOMID_FIRST_RESERVED    0x7FF0
#define DOMID_SELF              0x7FF0
#define DOMID_IO                0x7FF1
#define DOMID_XEN               0x7FF2
#define DOMID_IDLE              0x7FFF

/* Shutdown reasons (sched_op shutdown, ABI.md §9). */
#define SHUTDOWN_POWEROFF       0
#define SHUTDOWN_REBOOT         1
#define SHUTDOWN_SUSPEND        2
#define SHUTDOWN_CRASH          3

struct domain {
    domid_t id;
    bool privileged;            /* dom0, or granted DOM0_PCIDEV_ACCESS */
    bool physdev;               /* holds the physical-device capability */
    char name[16];              /* boot-time domains: name= */
    struct domain *next_in_list;    /* all domains, by id */

    /* Life cycle: created paused and unbuilt (ABI.md §10). */
    bool built;
    bool ctrl_paused;           /* DOM0_PAUSEDOMAIN (and until unpaused) */
    bool blocked;               /* SCHEDOP_block, until an event */
    bool shutdown;              /* SCHEDOP_shutdown, or crashed */
    bool crashed;
    bool dying;                 /* DOM0_DESTROYDOMAIN under way */
    uint8_t pause_count;        /* Tessera's own short pauses (pinning, context reads) */
    uint8_t shutdown_code;

    /* Scheduling. */
    unsigned int processor;
    struct list_head run_list;  /* on the CPU's run queue while runnable */
    uint64_t cpu_time;          /* ns run so far, up to lastschd while it runs */
    uint64_t lastschd;          /* system time it was last scheduled in */
    void *sched_priv;           /* the scheduling policy's (sched-if.h) */
    bool cpu_pinned;            /* DOM0_PINCPUDOMAIN placed it */
    bool migrated;              /* moved to another CPU since it last woke */
    bool sched_awake;           /* the policy holds it as runnable (core's flag) */

    /* Time (kernel/time.c): set_timer_op's one-shot timer, and the
     * time stamp of the last refresh of its shared-info time fields. */
    struct timer timer;
    uint64_t last_time_stamp;

    shared_info_t *shared_info; /* a Tessera-heap frame shared with the domain */
    struct evtchn_table *evtchn;    /* its event-channel ports (evtchn/ports.h) */
    /* Physical IRQs bound to its ports (evtchn/pirq.c): the port per
     * PIRQ (0: unbound), and the lines acked for it awaiting its
     * PHYSDEVOP_IRQ_UNMASK_NOTIFY. */
    uint16_t pirq_to_evtchn[NR_PIRQS];
    uint32_t pirq_in_flight[NR_PIRQS / 32];

    /* Frames this domain owns, in allocation order (GETMEMLIST's order). */
    struct list_head page_list;
    uint32_t tot_pages;         /* frames on page_list */
    uint32_t max_pages;         /* limit on tot_pages */
    /* Tessera-heap frames it owns (shared info, per-domain tables). */
    struct list_head xenpage_list;
    uint32_t xenheap_pages;

    /* The L1 behind L2 slot 1021 (0xFF400000) in every L2 of this domain:
     * its GDT frames, then the LDT shadow. NULL until the domain has one. */
    uint32_t *perdomain_pt;

    /* mmu_update's foreign domain across a continuation (DOMID_SELF: none). */
    domid_t mmu_preempted_fd;

    struct arch_domain arch;
};

/* Runs when nothing stops it: built, not paused, blocked or finished. */
static inline bool domain_runnable(const struct domain *d)
{
    return d->built && !d->ctrl_paused && !d->pause_count && !d->blocked && !d->shutdown &&
           !d->dying;
}

/* Creates a domain, paused and unbuilt, on cpu (-1: the least-loaded CPU);
 * NULL when id is taken or no memory. */
struct domain *domain_create(domid_t id, int cpu);
struct domain *domain_find(domid_t id);
/* The first domain with id >= id (GETDOMAININFO enumerates this way). */
struct domain *domain_find_from(domid_t id);
void domain_pause_by_controller(struct domain *d);
/* Tessera's own short pause (pinning, reading the state of a running
 * domain): when it returns, d is off every CPU. Nests; undone by
 * domain_unpause(). */
void domain_pause(struct domain *d);
void domain_unpause(struct domain *d);
void domain_unpause_by_controller(struct domain *d);
/* Ends d for good because it cannot continue: logged with the reason. */
void domain_crash(struct domain *d, const char *fmt, ...) __printf(2, 3);
/* SCHEDOP_shutdown: dom0 ends the machine; others stop with the code. */
void domain_shutdown(struct domain *d, uint8_t reason);
/* vm_assist for d (the hypercall, SETDOMAINVMASSIST, PT_MODE_WRITABLE). */
long domain_vm_assist(struct domain *d, uint32_t cmd, uint32_t type);
/* Frees every frame and binding of d (DOM0_DESTROYDOMAIN). */
void domain_destroy(struct domain *d);

/* Architecture: switch this CPU from prev to next (does not return),
 * and run the idle loop (does not return). */
void context_switch(struct domain *prev, struct domain *next) __noreturn;
void idle_loop(void) __noreturn;
/* Architecture: the register state a new domain starts from. */
void arch_domain_init(struct domain *d);
/* Architecture: d's VCPU state in GETDOMAININFO's format. */
void arch_get_domain_context(const struct domain *d, full_execution_context_t *c);
void arch_domain_destroy(struct domain *d);

/* The owners of I/O frames and of Tessera's own shareable frames. */
extern struct domain *dom_io;
extern struct domain *dom_xen;

/*
 * May d map the machine frame mfn, which is an I/O frame (owned by
 * DOMID_IO or above RAM)? Privileged domains may; physdev domains only
 * inside their devices' memory ranges.
 */
bool domain_io_allowed(const struct domain *d, uint32_t mfn);

#endif /* TESSERA_DOMAIN_H */
