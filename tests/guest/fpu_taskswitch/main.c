/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fpu_taskswitch (#5): after the call, the guest's next FPU instruction
 * raises #NM in the guest exactly once, at that instruction, with CR0.TS
 * already clear: an FPU instruction inside the #NM handler does not fault,
 * and the instruction, restarted, completes without a second #NM (ABI.md
 * §2, §6). The FPU state survives: 1.0 loaded before the call is stored
 * intact after it, across a yield too. A later FPU instruction with no new
 * fpu_taskswitch raises nothing.
 */
#include "../desc_common/desc_helpers.h"

#define ONE_AS_DOUBLE   0x3FF0000000000000ULL

static volatile unsigned int nm_count;
static volatile uint32_t nm_eip;
static volatile exinfo_t inner_fault;
static bool in_handler;

/* The guest's #NM handler: counts, and uses the FPU itself. */
static bool nm_hook(struct cpu_regs *regs)
{
    exinfo_t fault = 0;

    /* A nested #NM, or a #NM that keeps coming, falls through to the exception table. */
    if (regs->vector != X86_EXC_NM || in_handler || nm_count >= 3)
        return false;
    in_handler = true;
    nm_count++;
    nm_eip = regs->eip;
    __asm__ __volatile__("1: fnop\n\t2:\n\t"
                         ASM_EXTABLE_HANDLER(1b, 2b, ex_record_fault_eax)
                         : "+a"(fault));
    inner_fault = fault;
    in_handler = false;
    return true;                /* restart the FPU instruction */
}

/* Stores st(0) (popping it); returns the address of the fstpl. */
static uint32_t store_st0(uint64_t *out)
{
    exinfo_t fault = 0;
    uint32_t insn;

    __asm__ __volatile__("movl $1f, %[insn]\n\t"
                         "1: fstpl %[out]\n\t2:\n\t"
                         ASM_EXTABLE_HANDLER(1b, 2b, ex_record_fault_eax)
                         : [insn] "=&r"(insn), [out] "=m"(*out), "+a"(fault));
    check_exinfo("the fstpl, in the end", fault, 0);
    return insn;
}

static void round_trip(const char *name, bool yield)
{
    uint64_t value = 0;
    uint32_t insn;
    char what[128];

    nm_count = 0;
    inner_fault = 0;
    __asm__ __volatile__("fld1");
    snprintf(what, sizeof(what), "fpu_taskswitch (%s)", name);
    check_long(what, HYPERVISOR_fpu_taskswitch(), 0);
    check_long("xen_version between fpu_taskswitch and the FPU use",
               HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    if (yield)
        check_long("yield before the FPU use", HYPERVISOR_yield(), 0);
    insn = store_st0(&value);

    snprintf(what, sizeof(what), "#NM count (%s)", name);
    check_u32(what, nm_count, 1);
    if (nm_count)
        check_u32("#NM EIP (the fstpl)", nm_eip, insn);
    check_exinfo("fnop inside the #NM handler", inner_fault, 0);
    snprintf(what, sizeof(what), "1.0 stored after the #NM (%s), high word", name);
    check_u32(what, (uint32_t)(value >> 32), (uint32_t)(ONE_AS_DOUBLE >> 32));
    check_u32("... low word", (uint32_t)value, 0);
}

void test_main(void)
{
    uint64_t value = 0;

    set_trap_hook(nm_hook);
    if (HYPERVISOR_fpu_taskswitch() == -XEN_ENOSYS) {
        xtf_skip("Skip: fpu_taskswitch answers -ENOSYS\n");
        set_trap_hook(NULL);
        return;
    }
    __asm__ __volatile__("fninit");     /* the first FPU use: one #NM */
    check_u32("#NM count of the first FPU use (fninit)", nm_count, 1);
    round_trip("first", false);
    round_trip("second, with a yield", true);

    nm_count = 0;
    __asm__ __volatile__("fld1");
    store_st0(&value);
    check_u32("#NM count without fpu_taskswitch", nm_count, 0);
    check_u32("1.0 stored, high word", (uint32_t)(value >> 32), (uint32_t)(ONE_AS_DOUBLE >> 32));
    set_trap_hook(NULL);
    xtf_success(NULL);
}
