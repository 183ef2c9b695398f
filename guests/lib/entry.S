/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry points the hypervisor bounces to (ABI.md §6): exception vectors
 * 0-19, the event callback and the failsafe callback.
 *
 * Exceptions and events share one frame, struct cpu_regs (guest/traps.h):
 * the stubs make the hypervisor's frames uniform by adding an error code
 * of 0 where there is none, the vector, and a CR2 slot (the hypervisor
 * pushes CR2 below the error code for #PF only).
 */
#include <public/xen.h>
#include <guest/traps.h>

        .macro  SAVE_REGS
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
        /* The interrupted code may have had any data segment or DF. */
        mov     $FLAT_RING1_DS, %eax
        mov     %eax, %ds
        mov     %eax, %es
        cld
        .endm

        .macro  RESTORE_REGS_AND_IRET
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
        add     $12, %esp       /* cr2, vector, error code */
        iret
        .endm

        .macro  TRAP_NOERR vec
trap_\vec:
        push    $0              /* error code */
        push    $\vec
        push    $0              /* cr2 */
        jmp     trap_common
        .endm

        .macro  TRAP_ERR vec
trap_\vec:
        push    $\vec
        push    $0              /* cr2 */
        jmp     trap_common
        .endm

        .text
        TRAP_NOERR 0
        TRAP_NOERR 1
        TRAP_NOERR 2
        TRAP_NOERR 3
        TRAP_NOERR 4
        TRAP_NOERR 5
        TRAP_NOERR 6
        TRAP_NOERR 7
        TRAP_ERR   8
        TRAP_NOERR 9
        TRAP_ERR   10
        TRAP_ERR   11
        TRAP_ERR   12
        TRAP_ERR   13
        TRAP_NOERR 15
        TRAP_NOERR 16
        TRAP_ERR   17
        TRAP_NOERR 18
        TRAP_NOERR 19

/* #PF arrives as [CR2][error code][EIP]...: put the vector between them. */
trap_14:
        push    %eax
        mov     4(%esp), %eax   /* CR2 */
        movl    $14, 4(%esp)
        xchg    %eax, (%esp)    /* CR2 below the vector; EAX restored */
        jmp     trap_common

trap_common:
        SAVE_REGS
        push    %esp
        call    guest_trap
        add     $4, %esp
        RESTORE_REGS_AND_IRET

/*
 * Event upcall: [EIP CS EFLAGS (ESP SS)], upcall_mask already set. After
 * the C handler, unmask and look at upcall_pending once more: an event
 * that arrived while masked raised only the flag, and would otherwise wait
 * for the next upcall.
 *
 * Accepted race: an event arriving between that last check and the iret
 * is delivered at once on top of this frame (events are unmasked), so the
 * handler nests. Each nesting needs a new event in a window of a few
 * instructions and costs one frame of stack; a test runtime can afford
 * that instead of XenLinux's critical-region fix-up.
 */
        .globl  event_callback_entry
event_callback_entry:
        push    $0
        push    $GUEST_EVENT_VECTOR
        push    $0
        SAVE_REGS
1:      push    %esp
        call    guest_event_upcall
        add     $4, %esp
        movb    $0, shared_info_page + XEN_SHINFO_UPCALL_MASK
        testb   $0xFF, shared_info_page + XEN_SHINFO_UPCALL_PENDING
        jz      2f
        movb    $1, shared_info_page + XEN_SHINFO_UPCALL_MASK
        jmp     1b
2:      RESTORE_REGS_AND_IRET

/*
 * Failsafe callback: [DS ES FS GS EIP CS EFLAGS (ESP SS)] with DS..GS
 * already zeroed, so everything here goes through SS. Reloading a
 * selector that still faults (as the one that sent us here usually will)
 * is fixed up through the exception table: DS/ES fall back to
 * FLAT_RING1_DS, FS/GS to the null selector.
 */
        .globl  failsafe_callback_entry
failsafe_callback_entry:
        incl    %ss:last_failsafe           /* .count */
        push    %eax
        mov     4(%esp), %eax
        mov     %eax, %ss:last_failsafe + 4 /* .ds */
        mov     8(%esp), %eax
        mov     %eax, %ss:last_failsafe + 8 /* .es */
        mov     12(%esp), %eax
        mov     %eax, %ss:last_failsafe + 12 /* .fs */
        mov     16(%esp), %eax
        mov     %eax, %ss:last_failsafe + 16 /* .gs */
        mov     20(%esp), %eax
        mov     %eax, %ss:last_failsafe + 20 /* .eip */
        pop     %eax
1:      pop     %ds
2:      pop     %es
3:      pop     %fs
4:      pop     %gs
        iret

5:      movl    $FLAT_RING1_DS, (%esp)
        jmp     1b
6:      movl    $FLAT_RING1_DS, (%esp)
        jmp     2b
7:      movl    $0, (%esp)
        jmp     3b
8:      movl    $0, (%esp)
        jmp     4b
        ASM_EXTABLE(1b, 5b)
        ASM_EXTABLE(2b, 6b)
        ASM_EXTABLE(3b, 7b)
        ASM_EXTABLE(4b, 8b)

        .section .rodata
        .balign 4
        .globl  trap_entry_table
trap_entry_table:
        .irp    v, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19
        .long   trap_\v
        .endr
