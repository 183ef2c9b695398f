/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hello: the demo guest. It prints what the builder handed it, which kind
 * of domain it is and the interface version, then ticks a few times,
 * yielding between ticks so other domains run. dom0 waits for the other
 * domains to stop before it powers the machine off; any other domain just
 * powers itself off.
 *
 * Boot it as dom0, plus a domain of its own kind:
 *   -initrd "build/guests/hello,build/guests/hello domU name=pong mem=4096"
 * (a domU's console output appears only on a CONFIG_VERBOSE build).
 */
#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>

#define TICKS           5
#define WAIT_YIELDS     2000    /* how long dom0 waits for the others */

static void print_start_info(const start_info_t *si)
{
    printf("start_info at %p:\n", (const void *)si);
    printf("  nr_pages      %u (%u KB; %lu mapped at boot)\n", si->nr_pages,
           si->nr_pages * 4, nr_bootstrap_pages);
    if (shared_info)
        printf("  shared_info   MA %08x, mapped at %p\n", si->shared_info, (void *)shared_info);
    else
        printf("  shared_info   MA %08x, not mapped (update_va_mapping: %ld)\n",
               si->shared_info, shared_info_map_rc);
    printf("  flags         %08x%s%s\n", si->flags,
           (si->flags & SIF_PRIVILEGED) ? " privileged" : "",
           (si->flags & SIF_INITDOMAIN) ? " initdomain" : "");
    printf("  pt_base       %08x, %u page-table frames\n", si->pt_base, si->nr_pt_frames);
    printf("  mfn_list      %08x (PFN 0 -> MFN %08x)\n", si->mfn_list, pfn_to_mfn(0));
    printf("  mod_start     %08x, mod_len %u\n", si->mod_start, si->mod_len);
    printf("  cmd_line      '%s'\n", (const char *)si->cmd_line);
}

static void print_version(void)
{
    long v = HYPERVISOR_xen_version(XENVER_version);

    if (v < 0)
        printf("xen_version: error %ld\n", v);
    else
        printf("xen_version: %ld.%ld\n", v >> 16, v & 0xFFFF);
}

/* Other domains still running; negative: GETDOMAININFO's error. */
static long other_domains_running(void)
{
    dom0_op_t op;
    domid_t next = 1;
    long running = 0, rc;

    for (;;) {
        memset(&op, 0, sizeof(op));
        op.cmd = DOM0_GETDOMAININFO;
        op.interface_version = DOM0_INTERFACE_VERSION;
        op.u.getdomaininfo.domain = next;
        rc = HYPERVISOR_dom0_op(&op);
        if (rc == -XEN_ESRCH)
            return running;
        if (rc < 0)
            return rc;
        if (!(op.u.getdomaininfo.flags & (DOMFLAGS_SHUTDOWN | DOMFLAGS_CRASHED | DOMFLAGS_DYING)))
            running++;
        next = op.u.getdomaininfo.domain + 1;
    }
}

static void wait_for_other_domains(void)
{
    long running = other_domains_running();
    unsigned int i;

    for (i = 0; i < WAIT_YIELDS && running > 0; i++) {
        HYPERVISOR_yield();
        running = other_domains_running();
    }
    if (running < 0)
        printf("dom0: cannot list the domains (GETDOMAININFO: %ld)\n", running);
    else if (running > 0)
        printf("dom0: %ld domain(s) still running; powering off anyway\n", running);
    else
        printf("dom0: no other domain running\n");
}

void guest_main(void)
{
    unsigned int i;

    printf("Hello from %s, the Tessera demo guest\n", guest_is_dom0() ? "dom0" : "a domU");
    print_start_info(start_info);
    print_version();
    for (i = 1; i <= TICKS; i++) {
        printf("tick %u\n", i);
        HYPERVISOR_yield();
    }
    if (guest_is_dom0()) {
        wait_for_other_domains();
        printf("dom0: powering off\n");
    } else {
        printf("domU: shutting down\n");
    }
    guest_shutdown(SHUTDOWN_poweroff);
}
