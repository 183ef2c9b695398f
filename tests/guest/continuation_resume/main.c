/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * continuation_resume: the preemptible calls (ABI.md §1 "Continuation")
 * finish their whole work when preempted and re-executed. Booted with
 * test_preempt=1, Tessera preempts every one of them after each step, so
 * each path below resumes through a continuation: mmu_update (with *done
 * accumulated across the pieces), multicall
 * (between entries, and an mmu_update entry preempted inside it, which is
 * rewritten in the list), set_trap_table, and dom_mem_op (resume index).
 * On a hypervisor that never preempts, the same results must come out.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/test.h>
#include <guest/traps.h>

#define NR 4

static void check_mmu_update(void)
{
    mmu_update_t req[NR];
    unsigned int done = 0, i;
    uint32_t mfn[NR];
    long rc;

    for (i = 0; i < NR; i++) {
        mfn[i] = virt_to_mfn(alloc_page());
        req[i].ptr = (mfn[i] << 12) | MMU_MACHPHYS_UPDATE;
        req[i].val = 0x1230 + i;
    }
    rc = HYPERVISOR_mmu_update(req, NR, &done);
    if (rc != 0 || done != NR)
        xtf_failure("mmu_update: rc %ld done %u, expected 0 and %u\n", rc, done, NR);
    for (i = 0; i < NR; i++) {
        uint32_t m2p = ((const volatile uint32_t *)MACH2PHYS_VIRT_START)[mfn[i]];

        if (m2p != 0x1230 + i)
            xtf_failure("mmu_update: M2P[%#x] = %#x, expected %#x\n", mfn[i], m2p, 0x1230 + i);
    }
}

static void check_multicall(void)
{
    multicall_entry_t mc[3];
    mmu_update_t req[2];
    unsigned int done = 0, i;
    uint32_t mfn = virt_to_mfn(alloc_page());

    for (i = 0; i < 2; i++) {
        req[i].ptr = (mfn << 12) | MMU_MACHPHYS_UPDATE;
        req[i].val = 0x4560 + i;
    }
    memset(mc, 0, sizeof(mc));
    mc[0].op = __HYPERVISOR_xen_version;
    mc[1].op = __HYPERVISOR_mmu_update;
    mc[1].args[0] = (uint32_t)(unsigned long)req;
    mc[1].args[1] = 2;
    mc[1].args[2] = (uint32_t)(unsigned long)&done;
    mc[2].op = __HYPERVISOR_xen_version;
    if (HYPERVISOR_multicall(mc, 3) != 0)
        xtf_failure("multicall did not return 0\n");
    if (mc[0].args[5] != XEN_VERSION_2_0 || mc[2].args[5] != XEN_VERSION_2_0)
        xtf_failure("multicall: results %#x %#x, expected %#x\n", mc[0].args[5],
                    mc[2].args[5], XEN_VERSION_2_0);
    if (mc[1].args[5] != 0 || done != 2)
        xtf_failure("multicall mmu_update: result %#x done %u, expected 0 and 2\n",
                    mc[1].args[5], done);
    if (((const volatile uint32_t *)MACH2PHYS_VIRT_START)[mfn] != 0x4561)
        xtf_failure("multicall mmu_update: last update missing\n");
}

static void check_set_trap_table(void)
{
    trap_info_t t[4] = {
        { 0x40, 3, FLAT_RING1_CS, 0x1000 },
        { 0x41, 3, FLAT_RING1_CS, 0x2000 },
        { 0x42, 3, FLAT_RING1_CS, 0x3000 },
        { 0, 0, 0, 0 },
    };
    full_execution_context_t *ctxt;
    dom0_op_t op;

    if (HYPERVISOR_set_trap_table(t) != 0)
        xtf_failure("set_trap_table did not return 0\n");
    /* Read the virtual IDT back through GETDOMAININFO (dom0 only). */
    memset(&op, 0, sizeof(op));
    op.cmd = DOM0_GETDOMAININFO;
    op.interface_version = DOM0_INTERFACE_VERSION;
    op.u.getdomaininfo.domain = 0;
    op.u.getdomaininfo.ctxt = (uint32_t)(unsigned long)alloc_page();
    if (HYPERVISOR_dom0_op(&op) != 0) {
        xtf_failure("GETDOMAININFO failed\n");
        return;
    }
    ctxt = (full_execution_context_t *)(unsigned long)op.u.getdomaininfo.ctxt;
    if (ctxt->trap_ctxt[0x42].address != 0x3000 || ctxt->trap_ctxt[0x40].address != 0x1000)
        xtf_failure("set_trap_table: entries missing after resume\n");
}

static void check_dom_mem_op(void)
{
    uint32_t list[3] = { 0, 0, 0 };
    long rc = HYPERVISOR_dom_mem_op(MEMOP_increase_reservation, list, 3, 0, DOMID_SELF);

    if (rc != 3 || !list[0] || !list[1] || !list[2]) {
        xtf_failure("increase_reservation: %ld extents (%#x %#x %#x), expected 3\n", rc,
                    list[0], list[1], list[2]);
        return;
    }
    rc = HYPERVISOR_dom_mem_op(MEMOP_decrease_reservation, list, 3, 0, DOMID_SELF);
    if (rc != 3)
        xtf_failure("decrease_reservation: %ld extents, expected 3\n", rc);
}

void test_main(void)
{
    check_mmu_update();
    check_multicall();
    check_set_trap_table();
    check_dom_mem_op();
    xtf_success(NULL);
}
