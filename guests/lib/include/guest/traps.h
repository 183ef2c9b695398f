/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * guest/traps.h: exceptions in the guest runtime.
 *
 * Vectors 0-19 enter entry.S, which builds a struct cpu_regs and calls
 * guest_trap(). It records the exception in last_exception, then offers it
 * to the test's hook (if any), then to the exception table; anything left
 * is unexpected: a register dump, "Test result: ERROR" and shutdown.
 *
 * The exception table lets a test run an instruction that may fault and
 * learn what happened, without a hook:
 *
 *     exinfo_t fault = 0;
 *     asm volatile ("1: mov %[v], %%fs; 2:"
 *                   ASM_EXTABLE_HANDLER(1b, 2b, ex_record_fault_eax)
 *                   : "+a" (fault) : [v] "rm" (sel));
 *     if (fault != EXINFO_SYM(GP, sel & ~3)) xtf_failure(...);
 *
 * An entry names the faulting instruction's address (or, for traps such
 * as #BP, #OF and bounced INT n, the address after it, which is the EIP
 * the frame carries), where to resume, and optionally a handler that may
 * change the saved registers first.
 */
#ifndef GUEST_TRAPS_H
#define GUEST_TRAPS_H

#define X86_EXC_DE  0   /* divide error */
#define X86_EXC_DB  1   /* debug */
#define X86_EXC_NMI 2
#define X86_EXC_BP  3   /* int3 (EIP after the instruction) */
#define X86_EXC_OF  4   /* into (EIP after the instruction) */
#define X86_EXC_BR  5   /* bound */
#define X86_EXC_UD  6   /* invalid opcode */
#define X86_EXC_NM  7   /* device not available */
#define X86_EXC_DF  8
#define X86_EXC_CSO 9
#define X86_EXC_TS  10  /* invalid TSS (error code) */
#define X86_EXC_NP  11  /* segment not present (error code) */
#define X86_EXC_SS  12  /* stack fault (error code) */
#define X86_EXC_GP  13  /* general protection (error code) */
#define X86_EXC_PF  14  /* page fault (error code and CR2) */
#define X86_EXC_SPV 15  /* never delivered to guests */
#define X86_EXC_MF  16  /* x87 error */
#define X86_EXC_AC  17  /* alignment check (error code) */
#define X86_EXC_MC  18
#define X86_EXC_XM  19  /* SIMD error */
#define GUEST_NR_TRAPS 20
#define GUEST_EVENT_VECTOR 0x100    /* cpu_regs.vector of an event upcall's frame */

/* #PF error code bits. */
#define PFEC_PRESENT    (1U << 0)
#define PFEC_WRITE      (1U << 1)
#define PFEC_USER       (1U << 2)

#ifdef __ASSEMBLER__

#define ASM_EXTABLE_HANDLER(fault, fixup, handler) \
    .pushsection .extable, "a"; .balign 4; .long fault, fixup, handler; .popsection
#define ASM_EXTABLE(fault, fixup) ASM_EXTABLE_HANDLER(fault, fixup, 0)

#else

#include <guest/lib.h>

/*
 * What a trap handler sees, lowest address first: the registers entry.S
 * saved, then the hypervisor's frame with the vector and CR2 slots made
 * uniform (0 when the exception has none). esp and ss exist only when the
 * exception came from ring 2/3 (see regs_from_other_ring()).
 */
struct cpu_regs {
    uint32_t ebx, ecx, edx, esi, edi, ebp, eax;     /* @0 */
    uint32_t ds, es, fs, gs;                        /* @28 */
    uint32_t cr2;                                   /* @44 */
    uint32_t vector;                                /* @48 */
    uint32_t error_code;                            /* @52 */
    uint32_t eip, cs, eflags;                       /* @56 */
    uint32_t esp, ss;                               /* @68 */
};
/* entry.S pushes the fields up to eip in this order: keep them in step. */
_Static_assert(__builtin_offsetof(struct cpu_regs, eip) == 56, "cpu_regs layout");

static inline bool regs_from_other_ring(const struct cpu_regs *regs)
{
    return (regs->cs & 3) != 1;
}

/* The interrupted stack pointer. */
static inline uint32_t regs_sp(const struct cpu_regs *regs)
{
    return regs_from_other_ring(regs) ? regs->esp : (uint32_t)(uintptr_t)&regs->esp;
}

/*
 * exinfo_t: one exception as a number, 0 meaning "none".
 * bit 31 valid, bits 16-23 vector, bits 0-15 error code.
 */
typedef uint32_t exinfo_t;
#define EXINFO_VALID        (1U << 31)
#define EXINFO(vec, ec)     (EXINFO_VALID | ((uint32_t)(vec) << 16) | ((uint32_t)(ec) & 0xFFFF))
#define EXINFO_SYM(sym, ec) EXINFO(X86_EXC_##sym, ec)

static inline unsigned int exinfo_vec(exinfo_t e)
{
    return (e >> 16) & 0xFF;
}

static inline unsigned int exinfo_ec(exinfo_t e)
{
    return e & 0xFFFF;
}

/* Formats e as "#GP[0008]" (or "none") into buf; returns buf. */
const char *exinfo_str(exinfo_t e, char *buf, size_t size);

struct extable_entry {
    uint32_t fault;
    uint32_t fixup;
    /* NULL: just resume at fixup with every register as it was. */
    bool (*handler)(struct cpu_regs *regs, const struct extable_entry *ex);
};

#define ASM_EXTABLE_HANDLER(fault, fixup, handler) \
    ".pushsection .extable, \"a\"\n\t.balign 4\n\t.long " #fault ", " #fixup ", " #handler \
    "\n\t.popsection\n\t"
#define ASM_EXTABLE(fault, fixup) ASM_EXTABLE_HANDLER(fault, fixup, 0)

/* Handler: EAX = the exinfo_t of the exception, then resume at fixup. */
bool ex_record_fault_eax(struct cpu_regs *regs, const struct extable_entry *ex);

/* The entry for eip, or NULL. */
const struct extable_entry *extable_search(uint32_t eip);

/* The last exception the runtime saw (handled or not). */
struct exception_record {
    unsigned int count;         /* exceptions seen since start of day */
    uint32_t vector;
    uint32_t error_code;
    uint32_t eip;
    uint32_t cr2;               /* #PF only, else 0 */
};
extern volatile struct exception_record last_exception;

/*
 * A test's own handling: return true when the exception is dealt with
 * (after changing regs as needed, e.g. eip), false to fall through to the
 * exception table. NULL removes the hook.
 */
typedef bool (*trap_hook_t)(struct cpu_regs *regs);
void set_trap_hook(trap_hook_t hook);

/* Installs one virtual IDT entry: flags = DPL | (IF ? 4 : 0). */
long guest_set_trap(unsigned int vector, unsigned int flags, void (*entry)(void));

/* Called by entry.S with the frame it built. */
void guest_trap(struct cpu_regs *regs);

/* Entry stubs of vectors 0-19 (entry.S). */
extern const uint32_t trap_entry_table[GUEST_NR_TRAPS];

/* Memory probes: 0, or the exception the access raised. */
static inline exinfo_t probe_read(const volatile void *p)
{
    exinfo_t fault = 0;
    uint8_t tmp;

    __asm__ __volatile__("1: movb %[mem], %[tmp]\n\t2:\n\t"
                         ASM_EXTABLE_HANDLER(1b, 2b, ex_record_fault_eax)
                         : "+a"(fault), [tmp] "=q"(tmp)
                         : [mem] "m"(*(const volatile uint8_t *)p));
    return fault;
}

static inline exinfo_t probe_write(volatile void *p, uint8_t val)
{
    exinfo_t fault = 0;

    __asm__ __volatile__("1: movb %[val], %[mem]\n\t2:\n\t"
                         ASM_EXTABLE_HANDLER(1b, 2b, ex_record_fault_eax)
                         : "+a"(fault), [mem] "=m"(*(volatile uint8_t *)p)
                         : [val] "q"(val));
    return fault;
}

#endif /* !__ASSEMBLER__ */

#endif /* GUEST_TRAPS_H */
