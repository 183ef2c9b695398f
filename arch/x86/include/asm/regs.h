/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The frame entry.S builds on the stack for every exception: general
 * registers, data selectors, then what the stub and the CPU pushed.
 * esp/ss are only there when the CPU switched stacks (entry from ring > 0).
 */
#ifndef ASM_REGS_H
#define ASM_REGS_H

/* Offsets into struct cpu_user_regs, for entry.S (checked below). */
#define UREGS_ebx           0
#define UREGS_ecx           4
#define UREGS_edx           8
#define UREGS_esi           12
#define UREGS_edi           16
#define UREGS_eax           24
#define UREGS_ds            28
#define UREGS_vector        44
#define UREGS_error_code    48
#define UREGS_eip           52
#define UREGS_cs            56
#define UREGS_eflags        60
#define UREGS_esp           64
#define UREGS_ss            68
#define UREGS_SIZE          72      /* with esp/ss: a frame from ring 1-3 */
#define UREGS_VM86_SIZE     88      /* plus es, ds, fs, gs pushed by VM86 */

#define X86_EFLAGS_TF       0x00000100
#define X86_EFLAGS_IF       0x00000200
#define X86_EFLAGS_IOPL     0x00003000
#define X86_EFLAGS_NT       0x00004000
#define X86_EFLAGS_RF       0x00010000
#define X86_EFLAGS_VM       0x00020000

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

struct cpu_user_regs {
    uint32_t ebx, ecx, edx, esi, edi, ebp, eax;
    uint32_t ds, es, fs, gs;
    uint32_t vector;
    uint32_t error_code;
    uint32_t eip, cs, eflags;
    uint32_t esp, ss;
    /* Only in a frame from VM86 mode: the CPU saved these and loaded nulls. */
    uint32_t vm86_es, vm86_ds, vm86_fs, vm86_gs;
};

_Static_assert(offsetof(struct cpu_user_regs, eax) == UREGS_eax, "UREGS_eax");
_Static_assert(offsetof(struct cpu_user_regs, ds) == UREGS_ds, "UREGS_ds");
_Static_assert(offsetof(struct cpu_user_regs, vector) == UREGS_vector, "UREGS_vector");
_Static_assert(offsetof(struct cpu_user_regs, error_code) == UREGS_error_code, "UREGS_err");
_Static_assert(offsetof(struct cpu_user_regs, eip) == UREGS_eip, "UREGS_eip");
_Static_assert(offsetof(struct cpu_user_regs, cs) == UREGS_cs, "UREGS_cs");
_Static_assert(offsetof(struct cpu_user_regs, eflags) == UREGS_eflags, "UREGS_eflags");
_Static_assert(offsetof(struct cpu_user_regs, esp) == UREGS_esp, "UREGS_esp");
_Static_assert(offsetof(struct cpu_user_regs, ss) == UREGS_ss, "UREGS_ss");
_Static_assert(sizeof(struct cpu_user_regs) == UREGS_VM86_SIZE, "UREGS_VM86_SIZE");

/* The ESP at the time of the exception, for a frame taken in ring 0. */
static inline uint32_t regs_ring0_esp(const struct cpu_user_regs *r)
{
    return (uint32_t)(uintptr_t)&r->esp;
}

/* The privilege level the frame was taken in (VM86 counts as ring 3). */
static inline int regs_ring(const struct cpu_user_regs *r)
{
    return (r->eflags & X86_EFLAGS_VM) ? 3 : (int)(r->cs & 3);
}

static inline int regs_from_guest(const struct cpu_user_regs *r)
{
    return regs_ring(r) != 0;
}

#endif /* __ASSEMBLER__ */

#endif /* ASM_REGS_H */
