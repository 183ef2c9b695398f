/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vm86_bad_stack: switch_vm86 with a frame Tessera cannot read crashes
 * the caller, and only the caller (ABI.md §6 "switch_vm86": a fault while
 * reading the stack crashes the domain). Two domU victims make hypercall
 * #23 with ESP pointing at
 *   "victim_unmapped"  0x80000000, in an L2 slot with no L1;
 *   "victim_straddle"  the last 8 bytes of a mapped page whose successor
 *                      is unmapped (EAX and EIP readable, CS onwards not).
 * Dom0 sees both CRASHED and goes on making hypercalls. A victim that
 * survives shuts down with a code dom0 reports (-ENOSYS: SKIP).
 * Bug class: hypervisor read through a guest-controlled pointer.
 */
#include "../vm86_common/vm86_helpers.h"

#define CODE_SETUP      0x61
#define CODE_SURVIVED   0x62
#define CODE_ENOSYS     0x63
#define UNMAPPED_VA     0x80000000UL

static uint8_t pages[2 * PAGE_SIZE] __aligned(PAGE_SIZE);

static void __noreturn victim(const char *cmd)
{
    uint32_t esp = 0;
    long rc;

    if (strstr(cmd, "name=victim_unmapped")) {
        if (!guest_pte(UNMAPPED_VA) || !(*guest_pte(UNMAPPED_VA) & _PAGE_PRESENT))
            esp = UNMAPPED_VA;
    } else if (strstr(cmd, "name=victim_straddle")) {
        memset(pages, 0, PAGE_SIZE);
        if (guest_set_pte((uintptr_t)pages + PAGE_SIZE, 0) == 0)
            esp = (uint32_t)(uintptr_t)pages + PAGE_SIZE - 8;
    }
    if (!esp)
        guest_shutdown(CODE_SETUP);
    rc = vm86_call_at(esp);
    guest_shutdown(rc == -XEN_ENOSYS ? CODE_ENOSYS : CODE_SURVIVED);
}

/* Yields until domain id stops; it must have crashed. */
static void expect_crashed(domid_t id, const char *name)
{
    dom0_op_t op;
    uint32_t flags = 0, code;
    unsigned int i;
    long rc;

    for (i = 0; i < 100000; i++) {
        memset(&op, 0, sizeof(op));
        op.cmd = DOM0_GETDOMAININFO;
        op.interface_version = DOM0_INTERFACE_VERSION;
        op.u.getdomaininfo.domain = id;
        rc = HYPERVISOR_dom0_op(&op);
        if (rc || op.u.getdomaininfo.domain != id) {
            xtf_error("Error: GETDOMAININFO(%u): rc %ld, domain %u\n", id, rc,
                      op.u.getdomaininfo.domain);
            return;
        }
        flags = op.u.getdomaininfo.flags;
        if (flags & (DOMFLAGS_CRASHED | DOMFLAGS_SHUTDOWN))
            break;
        HYPERVISOR_yield();
    }
    code = (flags >> DOMFLAGS_SHUTDOWNSHIFT) & DOMFLAGS_SHUTDOWNMASK;
    if (flags & DOMFLAGS_CRASHED)
        return;
    if (!(flags & DOMFLAGS_SHUTDOWN))
        xtf_failure("Fail: %s: expected CRASHED: timed out (flags %#x)\n", name, flags);
    else if (code == CODE_ENOSYS)
        xtf_skip("Skip: %s: switch_vm86 answers -ENOSYS\n", name);
    else if (code == CODE_SETUP)
        xtf_error("Error: %s could not stage the attack\n", name);
    else if (code == CODE_SURVIVED)
        xtf_failure("Fail: %s: expected CRASHED got a domain that survived switch_vm86\n", name);
    else
        xtf_failure("Fail: %s: expected CRASHED got shutdown code %#x\n", name, code);
}

void test_main(void)
{
    if (!guest_is_dom0())
        victim((const char *)start_info->cmd_line);

    expect_crashed(1, "victim_unmapped");
    expect_crashed(2, "victim_straddle");
    vm86_check_alive();
    if (HYPERVISOR_yield() != 0)
        xtf_failure("Fail: sched_op(yield) afterwards did not answer 0\n");
    xtf_success(NULL);
}
