/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Debug keys (ABI.md §15): a table from key to handler, filled at boot by
 * keyhandler_init() and by any subsystem with state worth dumping (the
 * scheduler's 'r', the timers' 'a'). Handlers run from the serial
 * interrupt, which Tessera only takes at safe points, so they may print,
 * read any domain and send events.
 *
 * Xen 2.0's keys for features this build lacks (the latency histogram,
 * the audit) answer with a line saying so rather than staying silent, so
 * a user can tell an absent feature from a key that was not received.
 * The perf counter keys p/P arrive with CONFIG_PERF_COUNTERS.
 */
#include <tessera/arch.h>
#include <tessera/console.h>
#include <tessera/event.h>
#include <tessera/keyhandler.h>
#include <tessera/sched.h>
#include <tessera/time.h>

#define NR_KEYS 128     /* serial input is 7-bit on split ports; others are ignored */

struct keyhandler {
    key_handler_t handler;
    const char *desc;
};

static struct keyhandler keys[NR_KEYS];

void register_keyhandler(unsigned char key, key_handler_t handler, const char *desc)
{
    if (key >= NR_KEYS)
        return;
    keys[key].handler = handler;
    keys[key].desc = desc;
}

void handle_keypress(unsigned char key)
{
    if (key < NR_KEYS && keys[key].handler)
        keys[key].handler(key);
}

static void show_keys(unsigned char key)
{
    (void)key;
    printk("Debug keys:\n");
    for (unsigned int k = 0; k < NR_KEYS; k++) {
        if (keys[k].handler)
            printk(" '%c': %s\n", (char)k, keys[k].desc);
    }
}

static void dump_this_cpu(unsigned char key)
{
    printk("'%c': state of CPU %u (current: domain %u)\n", key, current->processor,
           current->id);
    arch_dump_stack();
}

/* The domain's state bits, as words ("-" for none). */
static void domain_flags(const struct domain *d, char *buf, size_t size)
{
    const struct {
        bool set;
        const char *name;
    } bits[] = {
        { d->privileged, "privileged" },
        { d->built, "built" },
        { d->ctrl_paused, "paused" },
        { d->blocked, "blocked" },
        { d->shutdown, "shutdown" },
        { d->crashed, "crashed" },
        { d->dying, "dying" },
    };
    size_t len = 0;

    snprintf(buf, size, "-");
    for (size_t i = 0; i < ARRAY_SIZE(bits); i++) {
        if (bits[i].set && len < size)
            len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? "," : "", bits[i].name);
    }
}

static void dump_domain(struct domain *d)
{
    const vcpu_info_t *v = &d->shared_info->vcpu_data[0];
    char flags[64];

    domain_flags(d, flags, sizeof(flags));
    printk("Domain %u: cpu %u, %s, flags %s, tot_pages %u, xenheap_pages %u, "
           "shared_info mfn %#lx, upcall pending %u mask %u\n",
           d->id, d->processor, d == current ? "running" : "not running", flags,
           d->tot_pages, d->xenheap_pages,
           (unsigned long)(__pa(d->shared_info) >> PAGE_SHIFT),
           v->evtchn_upcall_pending, v->evtchn_upcall_mask);
}

/* Every domain is listed, then told with VIRQ_DEBUG. */
static void dump_domains(unsigned char key)
{
    struct domain *d;

    printk("'%c': domains\n", key);
    for (d = domain_find_from(0); d; d = domain_find_from((domid_t)(d->id + 1))) {
        if (d->shared_info)
            dump_domain(d);
        send_guest_virq(d, VIRQ_DEBUG);
        if (d->id == DOMID_FIRST_RESERVED - 1)
            break;
    }
}

static void dump_scheduler(unsigned char key)
{
    printk("'%c': scheduler state\n", key);
    sched_dump();
}

static void no_latency_histogram(unsigned char key)
{
    printk("'%c': the latency histogram is not compiled in\n", key);
}

static void no_audit(unsigned char key)
{
    printk("'%c': no audit in this build\n", key);
}

static void reboot_machine(unsigned char key)
{
    printk("'%c': rebooting the machine\n", key);
    machine_exit(MACHINE_EXIT_REBOOT);
}

static void dump_timers(unsigned char key)
{
    printk("'%c': timer heap\n", key);
    timer_dump();
}

void keyhandler_init(void)
{
    register_keyhandler('h', show_keys, "list the debug keys");
    register_keyhandler('d', dump_this_cpu, "dump this CPU's call trace");
    register_keyhandler('q', dump_domains, "dump every domain, then send each VIRQ_DEBUG");
    register_keyhandler('r', dump_scheduler, "dump the scheduler: settings, NOW, run queues");
    register_keyhandler('a', dump_timers, "dump this CPU's timer heap");
    register_keyhandler('l', no_latency_histogram, "print the latency histogram (not compiled in)");
    register_keyhandler('L', no_latency_histogram, "reset the latency histogram (not compiled in)");
    register_keyhandler('o', no_audit, "audit (none in this build)");
    register_keyhandler('R', reboot_machine, "reboot the machine");
}
