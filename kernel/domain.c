/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domains: creation, the controller's pause, crash and shutdown, and
 * destruction returning every frame (ABI.md §9, §10). Also the two
 * pseudo-domains owning frames no guest owns: DOMID_IO (device memory, the
 * first MB, holes in RAM) and DOMID_XEN (Tessera's frames a privileged
 * domain may map read-only, like the M2P).
 */
#include <tessera/arch.h>
#include <tessera/bug.h>
#include <tessera/console.h>
#include <tessera/domain.h>
#include <tessera/errno.h>
#include <tessera/event.h>
#include <tessera/mm.h>
#include <tessera/ptwr.h>
#include <tessera/sched.h>
#include <tessera/time.h>

static struct domain dom_io_struct = {
    .id = DOMID_IO,
    .page_list = LIST_HEAD_INIT(dom_io_struct.page_list),
    .xenpage_list = LIST_HEAD_INIT(dom_io_struct.xenpage_list),
};

static struct domain dom_xen_struct = {
    .id = DOMID_XEN,
    .page_list = LIST_HEAD_INIT(dom_xen_struct.page_list),
    .xenpage_list = LIST_HEAD_INIT(dom_xen_struct.xenpage_list),
};

struct domain *dom_io = &dom_io_struct;
struct domain *dom_xen = &dom_xen_struct;

static struct domain *domain_list;      /* sorted by id */

bool domain_io_allowed(const struct domain *d, uint32_t mfn)
{
    /* Physdev domains' device ranges arrive with DOM0_PCIDEV_ACCESS. */
    return d->privileged;
}

struct domain *domain_find(domid_t id)
{
    struct domain *d;

    for (d = domain_list; d; d = d->next_in_list) {
        if (d->id == id)
            return d;
    }
    return NULL;
}

struct domain *domain_find_from(domid_t id)
{
    struct domain *d;

    for (d = domain_list; d; d = d->next_in_list) {
        if (d->id >= id)
            return d;
    }
    return NULL;
}

static void domain_list_insert(struct domain *d)
{
    struct domain **pp = &domain_list;

    while (*pp && (*pp)->id < d->id)
        pp = &(*pp)->next_in_list;
    d->next_in_list = *pp;
    *pp = d;
}

static void domain_list_remove(struct domain *d)
{
    struct domain **pp = &domain_list;

    while (*pp && *pp != d)
        pp = &(*pp)->next_in_list;
    if (*pp)
        *pp = d->next_in_list;
}

/* The shared-info page: zeroed, writable forever (never a page table). */
static int shared_info_alloc(struct domain *d)
{
    struct page_info *pg;

    d->shared_info = alloc_xenheap_pages(0);
    if (!d->shared_info)
        return -ENOMEM;
    memset(d->shared_info, 0, PAGE_SIZE);
    share_xen_frame_with_domain(d->shared_info, d);
    pg = mfn_to_page((uint32_t)(__pa(d->shared_info) >> PAGE_SHIFT));
    pg->type_info = PGT_writable_page | PGT_validated | 1;
    d->shared_info->vcpu_data[0].evtchn_upcall_mask = 1;
    return 0;
}

static void shared_info_free(struct domain *d)
{
    struct page_info *pg;

    if (!d->shared_info)
        return;
    pg = mfn_to_page((uint32_t)(__pa(d->shared_info) >> PAGE_SHIFT));
    put_page_type(pg);
    free_shared_xen_frame(d->shared_info, d);
    d->shared_info = NULL;
}

struct domain *domain_create(domid_t id, int cpu)
{
    struct domain *d;

    if (id >= DOMID_FIRST_RESERVED || domain_find(id))
        return NULL;
    d = xzalloc(struct domain);
    if (!d)
        return NULL;
    d->id = id;
    d->ctrl_paused = true;
    d->mmu_preempted_fd = DOMID_SELF;
    list_init(&d->page_list);
    list_init(&d->xenpage_list);
    list_init(&d->run_list);
    if (perdomain_pt_alloc(d) != 0 || shared_info_alloc(d) != 0 ||
        evtchn_domain_init(d) != 0 || sched_alloc_domain(d, cpu) != 0) {
        evtchn_domain_destroy(d);
        shared_info_free(d);
        perdomain_pt_free(d);
        xfree(d);
        return NULL;
    }
    arch_domain_init(d);
    time_domain_init(d);
    domain_list_insert(d);
    return d;
}

/* Synchronous (ABI.md §10): when it returns, d is off every CPU. */
void domain_pause_by_controller(struct domain *d)
{
    d->ctrl_paused = true;
    domain_sleep(d);
    domain_wait_descheduled(d);
}

void domain_unpause_by_controller(struct domain *d)
{
    d->ctrl_paused = false;
    domain_wake(d);
}

void domain_pause(struct domain *d)
{
    d->pause_count++;
    domain_sleep(d);
    domain_wait_descheduled(d);
}

void domain_unpause(struct domain *d)
{
    d->pause_count--;
    domain_wake(d);
}

/* A domain that stopped for good: dom0 hears of it (VIRQ_DOM_EXC). */
static void domain_stopped(struct domain *d)
{
    send_guest_virq(domain_find(0), VIRQ_DOM_EXC);
    domain_sleep(d);
    if (d == current)
        schedule();         /* d cannot run: this does not return */
}

void domain_crash(struct domain *d, const char *fmt, ...)
{
    char reason[128];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(reason, sizeof(reason), fmt, ap);
    va_end(ap);
    printk(LOG_ERR "Domain %u crashed: %s\n", d->id, reason);
    if (d->id == 0) {
        printk(LOG_ERR "Domain 0 crashed: the machine stops with it\n");
        machine_exit(1);
    }
    d->crashed = d->shutdown = true;
    d->shutdown_code = SHUTDOWN_CRASH;
    domain_stopped(d);
}

void domain_shutdown(struct domain *d, uint8_t reason)
{
    static const char *const names[] = { "poweroff", "reboot", "suspend", "crash" };
    const char *name = reason < ARRAY_SIZE(names) ? names[reason] : "unknown";

    printk("Domain %u shut down: %s\n", d->id, name);
    if (d->id == 0)
        machine_exit(reason == SHUTDOWN_POWEROFF ? 0 : MACHINE_EXIT_REBOOT);
    d->shutdown = true;
    d->shutdown_code = reason;
    d->crashed = reason == SHUTDOWN_CRASH;
    domain_stopped(d);
}

/* Drops the owner's reference of every frame; frames others map linger. */
static void relinquish_pages(struct domain *d)
{
    struct page_info *pg, *next;

    list_for_each_entry_safe(pg, next, &d->page_list, list) {
        if (pg->type_info & PGT_pinned) {
            pg->type_info &= ~PGT_pinned;
            put_page_and_type(pg);
        }
    }
    list_for_each_entry_safe(pg, next, &d->page_list, list) {
        if (pg->count_info & PGC_allocated) {
            pg->count_info &= ~PGC_allocated;
            put_page(pg);
        }
    }
}

void domain_destroy(struct domain *d)
{
    BUG_ON(d == current);
    d->dying = true;
    domain_sleep(d);
    domain_wait_descheduled(d);
    sched_free_domain(d);
    time_domain_destroy(d);
    evtchn_domain_destroy(d);
    ptwr_flush_all(d);
    arch_domain_destroy(d);
    relinquish_pages(d);
    shared_info_free(d);
    perdomain_pt_free(d);
    domain_list_remove(d);
    if (d->tot_pages || d->xenheap_pages) {
        /* Another domain still maps some of its frames: they keep the
         * owner alive until the last mapping goes. */
        printk(LOG_WARNING "Domain %u destroyed with %u frames still mapped elsewhere\n",
               d->id, d->tot_pages + d->xenheap_pages);
        return;
    }
    xfree(d);
}
