/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A domain's CPU state as x86 sees it (one virtual CPU per domain, as in
 * Xen 2.0). While the domain runs, its registers live in the frame at the
 * top of the CPU's stack; `regs` holds them while it does not.
 */
#ifndef ASM_DOMAIN_H
#define ASM_DOMAIN_H

#include <stdbool.h>
#include <stdint.h>

#include <asm/regs.h>
#include <public/arch-x86_32.h>

/* A trap or event to deliver on the way back to the guest. */
struct trap_bounce {
    uint32_t flags;
    uint32_t error_code;
    uint32_t cr2;
    uint16_t cs;
    uint32_t eip;
};

#define TBF_EXCEPTION           1u  /* pending */
#define TBF_EXCEPTION_ERRCODE   2u  /* push error_code */
#define TBF_EXCEPTION_CR2       4u  /* push cr2 (page fault) */
#define TBF_INTERRUPT           8u  /* mask events (trap marked IF, event callback) */
#define TBF_FAILSAFE            16u /* push DS ES FS GS first */

#define MAX_GDT_FRAMES          16
#define FIRST_LDT_PT_SLOT       16  /* per-domain L1 index of the LDT shadow */

struct arch_domain {
    struct cpu_user_regs regs;
    trap_info_t traps[256];     /* the virtual IDT */
    uint16_t event_cs, failsafe_cs;
    uint32_t event_eip, failsafe_eip;
    uint16_t guest_ss;          /* SS1:ESP1, for entry from rings 2 and 3 */
    uint32_t guest_esp;
    uint32_t fast_trap_idx;     /* 0: none */
    uint32_t ldt_base, ldt_ents;
    uint32_t gdt_frames[MAX_GDT_FRAMES];
    uint32_t gdt_ents;          /* 0: Tessera's default GDT */
    uint32_t ldt_mapped;        /* pages of the LDT shadow mapped lazily */
    uint32_t pt_base;           /* MFN of the L2 in CR3 (holds a type ref) */
    uint32_t debugreg[8];
    uint32_t vm_assist;         /* bit n: VMASST type n enabled */
    struct trap_bounce trap_bounce;
    bool fpu_initialised;       /* has used the FPU: fpu_state is valid */
    bool fpu_guest_ts;          /* fpu_taskswitch: bounce the next #NM */
    uint8_t fpu_state[512] __attribute__((aligned(16)));   /* FXSAVE image */
};

#endif /* ASM_DOMAIN_H */
