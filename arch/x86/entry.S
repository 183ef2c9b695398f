/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exception entry: one stub per vector pushes a dummy error code where the
 * CPU does not, then the vector; common code saves the registers as
 * struct cpu_user_regs and calls do_exception(regs).
 */
#include <asm/desc.h>

/* Vectors for which the CPU pushes an error code. */
#define HAS_ERRCODE(v)  ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21)

        .text
        .align  16
exception_common:
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
        mov     %esp, %eax
        push    %eax
        call    do_exception
        add     $4, %esp
        pop     %ebx
        pop     %ecx
        pop     %edx
        pop     %esi
        pop     %edi
        pop     %ebp
        pop     %eax
        pop     %ds
        pop     %es
        pop     %fs
        pop     %gs
        add     $8, %esp                    /* vector, error code */
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
