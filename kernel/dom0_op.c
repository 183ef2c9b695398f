/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0_op (ABI.md §10): the control interface of privileged domains.
 * Commands not written yet answer -ENOSYS until the control-domain work
 * adds them.
 */
#include <tessera/arch.h>
#include <tessera/console.h>
#include <tessera/domain.h>
#include <tessera/guest_access.h>
#include <tessera/hypercall.h>
#include <tessera/mm.h>
#include <tessera/sched.h>
#include <tessera/time.h>
#include <public/dom0_ops.h>
#include <public/sched_ctl.h>

static uint32_t domain_flags(const struct domain *d)
{
    uint32_t f = (d->processor & DOMFLAGS_CPUMASK) << DOMFLAGS_CPUSHIFT;

    f |= (uint32_t)d->shutdown_code << DOMFLAGS_SHUTDOWNSHIFT;
    if (d->dying)
        f |= DOMFLAGS_DYING;
    if (d->crashed)
        f |= DOMFLAGS_CRASHED;
    if (d->shutdown && !d->crashed)
        f |= DOMFLAGS_SHUTDOWN;
    if (d->ctrl_paused)
        f |= DOMFLAGS_PAUSED;
    if (d->blocked)
        f |= DOMFLAGS_BLOCKED;
    if (domain_is_running(d))
        f |= DOMFLAGS_RUNNING;
    return f;
}

static long getdomaininfo(dom0_getdomaininfo_t *info)
{
    static full_execution_context_t ctxt;   /* 2.5 KB: not on the stack */
    struct domain *d = domain_find_from(info->domain);

    if (!d)
        return -ESRCH;
    info->domain = d->id;
    info->flags = domain_flags(d);
    info->tot_pages = d->tot_pages;
    info->max_pages = d->max_pages;
    info->shared_info_frame = (uint32_t)(__pa(d->shared_info) >> PAGE_SHIFT);
    info->cpu_time = domain_run_time(d);
    if (!info->ctxt)
        return 0;
    if (d != current && domain_is_running(d)) {
        /* On another CPU: paused for as long as it takes to read its state. */
        domain_pause(d);
        arch_get_domain_context(d, &ctxt);
        domain_unpause(d);
    } else {
        arch_get_domain_context(d, &ctxt);
    }
    if (copy_to_guest(info->ctxt, &ctxt, sizeof(ctxt)) != 0)
        return -EINVAL;
    return 0;
}

/* The target of PAUSE/UNPAUSE/DESTROY: an existing domain, not the caller. */
static long other_domain(domid_t id, struct domain **out)
{
    struct domain *d = domain_find(id);

    if (!d)
        return -ESRCH;
    if (d == current)
        return -EINVAL;
    *out = d;
    return 0;
}

static long readconsole(dom0_readconsole_t *rc)
{
    static char buf[CONSOLE_RING_SIZE];
    size_t n = console_ring_read(buf, rc->count, false);

    if (copy_to_guest(rc->str, buf, (uint32_t)n) != 0)
        return -EFAULT;
    if (rc->cmd & 1)
        console_ring_read(buf, 0, true);
    return (long)n;
}

/* -1 unpins (the domain stays where it is); otherwise it moves to cpu % CPUs. */
static long pincpudomain(const dom0_pincpudomain_t *p)
{
    struct domain *d;
    long rc = other_domain(p->domain, &d);

    if (rc != 0)
        return rc;
    if (p->cpu == -1)
        d->cpu_pinned = false;
    else
        sched_move_domain(d, (unsigned int)p->cpu);
    return 0;
}

static long physinfo(dom0_physinfo_t *pi)
{
    memset(pi, 0, sizeof(*pi));
    pi->ht_per_core = 1;
    pi->cores = nr_cpus_online;
    pi->cpu_khz = arch_cpu_khz();
    pi->total_pages = max_page;
    pi->free_pages = avail_domheap_pages();
    return 0;
}

/*
 * DOM0_IOPL: (quirk) the domain field is ignored; the caller's own IOPL
 * changes, in the frame it returns to (its port access rides on it).
 */
static void set_caller_iopl(uint32_t iopl)
{
    struct cpu_user_regs *regs = guest_cpu_user_regs();

    regs->eflags = (regs->eflags & ~X86_EFLAGS_IOPL) | (iopl & 3) << 12;
}

/* Runs one command on op (copied in); *copy_back says whether op goes out. */
static long dom0_command(dom0_op_t *op, bool *copy_back)
{
    struct domain *d;
    long rc;

    *copy_back = false;
    switch (op->cmd) {
    case DOM0_GETDOMAININFO:
        rc = getdomaininfo(&op->u.getdomaininfo);
        *copy_back = rc == 0;
        return rc;
    case DOM0_PAUSEDOMAIN:
        if ((rc = other_domain(op->u.pausedomain.domain, &d)) == 0)
            domain_pause_by_controller(d);
        return rc;
    case DOM0_UNPAUSEDOMAIN:
        if ((rc = other_domain(op->u.unpausedomain.domain, &d)) != 0)
            return rc;
        if (!d->built)
            return -EINVAL;
        domain_unpause_by_controller(d);
        return 0;
    case DOM0_DESTROYDOMAIN:
        if ((rc = other_domain(op->u.destroydomain.domain, &d)) == 0)
            domain_destroy(d);
        return rc;
    case DOM0_PHYSINFO:
        *copy_back = true;
        return physinfo(&op->u.physinfo);
    case DOM0_READCONSOLE:
        return readconsole(&op->u.readconsole);
    case DOM0_SCHEDCTL:
        *copy_back = true;
        return sched_ctl(&op->u.schedctl);
    case DOM0_ADJUSTDOM:
        *copy_back = true;
        return sched_adjdom(&op->u.adjustdom);
    case DOM0_PINCPUDOMAIN:
        return pincpudomain(&op->u.pincpudomain);
    case DOM0_SETTIME:
        do_settime(op->u.settime.secs, op->u.settime.usecs, op->u.settime.system_time);
        return 0;
    case DOM0_SCHED_ID:
        op->u.sched_id.sched_id = sched_current_id();
        *copy_back = true;
        return 0;
    case DOM0_IOPL:
        set_caller_iopl(op->u.iopl.iopl);
        return 0;
    default:
        return -ENOSYS;
    }
}

long do_dom0_op(uint32_t op_va)
{
    dom0_op_t op;
    bool copy_back;
    long rc;

    if (!current->privileged)
        return -EPERM;
    if (copy_from_guest(&op, op_va, sizeof(op)) != 0)
        return -EFAULT;
    if (op.interface_version != DOM0_INTERFACE_VERSION)
        return -EACCES;
    rc = dom0_command(&op, &copy_back);
    if (copy_back && copy_to_guest(op_va, &op, sizeof(op)) != 0)
        return -EFAULT;
    return rc;
}
