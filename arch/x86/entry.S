/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Every way into Tessera and the one way back out to a guest.
 *
 * Exceptions: one stub per vector pushes a dummy error code where the CPU
 * pushes none, then the vector. Hypercalls (int $0x82, a DPL-1 gate) push
 * the same two words. Both then save the registers as struct
 * cpu_user_regs; for a guest, that frame sits at the top of the CPU's
 * stack and is the guest's state while Tessera runs.
 *
 * ret_to_guest is the single exit: prepare_return_to_guest() (C) runs
 * softirqs, delivers pending events and bounces pending traps, then the
 * registers are restored. A fault while reloading the guest's data
 * selectors or in the final iret lands in a fixup that rebuilds the frame
 * and asks C for the guest's failsafe callback.
 */
#include <asm/desc.h>
#include <asm/regs.h>

/* Vectors for which the CPU pushes an error code. */
#define HAS_ERRCODE(v)  ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21)

/* An entry in the exception table: a faulting instruction and its fixup. */
#define EXTABLE(insn, fixup)                    \
        .pushsection __ex_table, "a";           \
        .balign 4;                              \
        .long insn, fixup;                      \
        .popsection

.macro SAVE_ALL
        push    %gs
        push    %fs
        push    %es
        push    %ds
        push    %eax
        push    %ebp
        push    %edi
        push    %esi
        push    %edx
        push    %ecx
        push    %ebx
        mov     $__HYPERVISOR_DS, %eax
        mov     %eax, %ds
        mov     %eax, %es
.endm

        .text
        .align  16
exception_common:
        SAVE_ALL
        mov     %esp, %eax
        push    %eax
        call    do_exception
        add     $4, %esp
        /* fall through */

/* Back from an exception or interrupt: to the guest, or on in Tessera. */
ret_from_trap:
        testl   $X86_EFLAGS_VM, UREGS_eflags(%esp)
        jnz     ret_to_guest
        testb   $3, UREGS_cs(%esp)
        jnz     ret_to_guest
        /*
         * An exception inside Tessera that was handled (a fixup). FS and GS
         * are not reloaded: Tessera never uses them, and when the fault was
         * the reload of a guest's bad FS/GS on the way out, reloading the
         * saved value would fault again with no fixup.
         */
        pop     %ebx
        pop     %ecx
        pop     %edx
        pop     %esi
        pop     %edi
        pop     %ebp
        pop     %eax
        pop     %ds
        pop     %es
        add     $16, %esp           /* fs, gs, vector, error code */
        iret

        .globl  exception_stubs
        .align  16
exception_stubs:
        vector = 0
        .rept   32
        .align  16
        .if     HAS_ERRCODE(vector)
        push    $vector
        .else
        push    $0
        push    $vector
        .endif
        jmp     exception_common
        vector = vector + 1
        .endr

/*
 * Interrupts from the 8259s, vectors 0x30-0x3F: the same frame, with the
 * vector where an exception's would be. Tessera itself is interrupted
 * only where it enabled interrupts (idle loop, preemption checks).
 */
        .globl  irq_common
        .align  16
irq_common:
        SAVE_ALL
        mov     %esp, %eax
        push    %eax
        call    do_IRQ
        add     $4, %esp
        jmp     ret_from_trap

        .globl  irq_stubs
        .align  16
irq_stubs:
        vector = FIRST_IRQ_VECTOR
        .rept   16
        .align  16
        push    $0
        push    $vector
        jmp     irq_common
        vector = vector + 1
        .endr

/* int $0x82: EAX = call number & 31, EBX..EDI = arguments 1-5. */
        .globl  hypercall_entry
        .align  16
hypercall_entry:
        push    $0
        push    $0x82
        SAVE_ALL
#ifdef CONFIG_SMP
        call    hv_lock             /* dropped on the way out */
#endif
        mov     UREGS_eax(%esp), %eax
        and     $31, %eax
        push    UREGS_edi(%esp)     /* the arguments, from the saved frame */
        push    UREGS_esi+4(%esp)
        push    UREGS_edx+8(%esp)
        push    UREGS_ecx+12(%esp)
        push    UREGS_ebx+16(%esp)
        call    *hypercall_table(, %eax, 4)
        add     $20, %esp
        mov     %eax, UREGS_eax(%esp)
        /* fall through */

/* The one way back to a guest; ESP points at its frame. */
        .globl  ret_to_guest
ret_to_guest:
        cli
        mov     %esp, %eax
        push    %eax
        call    prepare_return_to_guest
        add     $4, %esp
        .globl  restore_all_guest
restore_all_guest:
        testl   $X86_EFLAGS_VM, UREGS_eflags(%esp)
        jnz     restore_vm86
        pop     %ebx
        pop     %ecx
        pop     %edx
        pop     %esi
        pop     %edi
        pop     %ebp
        pop     %eax
1:      pop     %ds
2:      pop     %es
3:      pop     %fs
4:      pop     %gs
        add     $8, %esp
5:      iret
        EXTABLE(1b, fix_ds)
        EXTABLE(2b, fix_es)
        EXTABLE(3b, fix_fs)
        EXTABLE(4b, fix_gs)
        EXTABLE(5b, fix_iret)

/* VM86: the CPU restores the data selectors from the end of the frame. */
restore_vm86:
        pop     %ebx
        pop     %ecx
        pop     %edx
        pop     %esi
        pop     %edi
        pop     %ebp
        pop     %eax
        add     $24, %esp
6:      iret
        EXTABLE(6b, fix_iret_vm86)

/*
 * Fixups: rebuild the whole frame at its original place (the selectors
 * already loaded are pushed back from the registers holding them; the
 * general registers were restored, so they are pushed again), then let C
 * turn it into a failsafe callback.
 */
fix_iret_vm86:
        sub     $8, %esp            /* vector, error code */
        push    $0                  /* protected-mode selectors: unused in VM86 */
        push    $0
        push    $0
        push    $0
        jmp     fix_ds
fix_iret:
        sub     $8, %esp            /* vector, error code */
        push    %gs
fix_gs: push    %fs
fix_fs: push    %es
fix_es: push    %ds
fix_ds: push    %eax
        push    %ebp
        push    %edi
        push    %esi
        push    %edx
        push    %ecx
        push    %ebx
        mov     $__HYPERVISOR_DS, %eax
        mov     %eax, %ds
        mov     %eax, %es
        mov     %esp, %eax
        push    %eax
        call    do_failsafe_callback
        add     $4, %esp
        jmp     restore_all_guest

/*
 * void reset_stack_and_jump(void (*fn)(void)): drop everything Tessera has
 * on this CPU's stack except a guest frame at its top, and run fn there.
 */
        .globl  reset_stack_and_jump
reset_stack_and_jump:
        mov     4(%esp), %eax
        mov     %esp, %ecx
        and     $~(STACK_SIZE - 1), %ecx
        lea     STACK_SIZE - UREGS_VM86_SIZE(%ecx), %esp
        jmp     *%eax
