/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0op_getdomaininfo_ctxt: GETDOMAININFO's context of dom0 (ABI.md §10,
 * full_execution_context_t). pt_base is the MA of the current L2, which
 * is start_info.pt_base's frame through mfn_list; the event and failsafe
 * callbacks are the ones just set with set_callbacks; trap_ctxt holds a
 * vector just set with set_trap_table, and the runtime's #PF entry;
 * guestos_ss is the runtime's stack_switch; default GDT (gdt_ents 0), no
 * LDT, DR7 0. A ctxt pointer not wholly below 0xFC000000, or into the
 * read-only L2, gives -EINVAL. Bug class: memory corruption (2.5 KB
 * written into the M2P, Tessera's heap or a live page table, bypassing
 * validation); afterwards the M2P and the L2 must be intact and the call
 * must work.
 */
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/traps.h>

#define TEST_VECTOR 0x40

/* Never entered: nothing raises vector 0x40, events stay masked here. */
void ctxt_dummy_entry(void);
__asm__(".text\nctxt_dummy_entry:\n\tiret\n");

static full_execution_context_t ctxt;
static uint8_t l2_copy[sizeof(full_execution_context_t)];

static void check(const char *what, unsigned long got, unsigned long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %#lx got %#lx\n", what, want, got);
}

static long domain_ctxt(uint32_t ctxt_va)
{
    dom0_op_t op = { .cmd = DOM0_GETDOMAININFO, .interface_version = DOM0_INTERFACE_VERSION };

    op.u.getdomaininfo.domain = 0;
    op.u.getdomaininfo.ctxt = ctxt_va;
    return HYPERVISOR_dom0_op(&op);
}

static void check_bad_pointers(void)
{
    static const uint32_t bad[] = { 0xFBFFFC00, 0xFC000000, 0xFC3FF000, 0xFC400000, 0xFFFFF800 };
    uint32_t si_m2p = mfn_to_pfn(start_info->shared_info >> PAGE_SHIFT);
    uint32_t first_m2p[8];
    unsigned int i;
    long rc;

    memcpy(first_m2p, (const void *)MACH2PHYS_VIRT_START, sizeof(first_m2p));
    for (i = 0; i < ARRAY_SIZE(bad); i++) {
        rc = domain_ctxt(bad[i]);
        if (rc != -XEN_EINVAL)
            xtf_failure("Fail: GETDOMAININFO ctxt %#x: expected %d got %ld\n", bad[i],
                        -XEN_EINVAL, rc);
    }
    if (memcmp(first_m2p, (const void *)MACH2PHYS_VIRT_START, sizeof(first_m2p)) ||
        mfn_to_pfn(start_info->shared_info >> PAGE_SHIFT) != si_m2p)
        xtf_failure("Fail: the M2P changed\n");

    /* The bootstrap L2 is mapped read-only: Tessera must not write through it. */
    memcpy(l2_copy, (const void *)start_info->pt_base, sizeof(l2_copy));
    rc = domain_ctxt(start_info->pt_base);
    if (rc != -XEN_EINVAL)
        xtf_failure("Fail: GETDOMAININFO ctxt = the read-only L2: expected %d got %ld\n",
                    -XEN_EINVAL, rc);
    if (memcmp(l2_copy, (const void *)start_info->pt_base, sizeof(l2_copy)))
        xtf_failure("Fail: GETDOMAININFO wrote into the L2\n");
    if (domain_ctxt(0) != 0)
        xtf_failure("Fail: GETDOMAININFO without ctxt after the bad pointers failed\n");
}

void test_main(void)
{
    uint32_t l2_ma = pfn_to_mfn((start_info->pt_base - GUEST_VIRT_BASE) >> PAGE_SHIFT) << 12;
    const trap_info_t *t;
    uint32_t ev_eip, fs_eip;
    long rc;

    if ((rc = domain_ctxt((uintptr_t)&ctxt)) != 0) {
        xtf_failure("Fail: GETDOMAININFO(0) with ctxt: expected 0 got %ld\n", rc);
        return;
    }
    ev_eip = ctxt.event_callback_eip;
    fs_eip = ctxt.failsafe_callback_eip;
    rc = HYPERVISOR_set_callbacks(FLAT_RING1_CS, (uintptr_t)ctxt_dummy_entry,
                                  FLAT_RING1_CS, (uintptr_t)ctxt_dummy_entry + 1);
    if (rc == 0)
        rc = guest_set_trap(TEST_VECTOR, 1 | 4, ctxt_dummy_entry);
    if (rc == 0) {
        memset(&ctxt, 0xAA, sizeof(ctxt));
        rc = domain_ctxt((uintptr_t)&ctxt);
    }
    HYPERVISOR_set_callbacks(FLAT_RING1_CS, ev_eip, FLAT_RING1_CS, fs_eip);
    if (rc != 0) {
        xtf_error("Error: set_callbacks, set_trap_table or GETDOMAININFO failed: %ld\n", rc);
        return;
    }

    check("pt_base (MA of the L2)", ctxt.pt_base, l2_ma);
    check("event_callback_cs", ctxt.event_callback_cs, FLAT_RING1_CS);
    check("event_callback_eip", ctxt.event_callback_eip, (uintptr_t)ctxt_dummy_entry);
    check("failsafe_callback_cs", ctxt.failsafe_callback_cs, FLAT_RING1_CS);
    check("failsafe_callback_eip", ctxt.failsafe_callback_eip, (uintptr_t)ctxt_dummy_entry + 1);
    t = &ctxt.trap_ctxt[TEST_VECTOR];
    check("trap_ctxt[0x40].vector", t->vector, TEST_VECTOR);
    check("trap_ctxt[0x40].flags", t->flags, 1 | 4);
    check("trap_ctxt[0x40].cs", t->cs, FLAT_RING1_CS);
    check("trap_ctxt[0x40].address", t->address, (uintptr_t)ctxt_dummy_entry);
    t = &ctxt.trap_ctxt[X86_EXC_PF];
    check("trap_ctxt[14].address", t->address, trap_entry_table[X86_EXC_PF]);
    check("trap_ctxt[14].cs", t->cs, FLAT_RING1_CS);
    check("cpu_ctxt.cs", ctxt.cpu_ctxt.cs & 0xFFFF, FLAT_RING1_CS);
    check("cpu_ctxt.ss", ctxt.cpu_ctxt.ss & 0xFFFF, FLAT_RING1_DS);
    check("guestos_ss", ctxt.guestos_ss & 0xFFFF, FLAT_RING1_DS);
    check("gdt_ents", ctxt.gdt_ents, 0);
    check("ldt_ents", ctxt.ldt_ents, 0);
    check("debugreg[7]", ctxt.debugreg[7], 0);

    check_bad_pointers();
    xtf_success(NULL);
}
