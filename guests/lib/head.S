/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Start of day. The builder enters at _start with CS = FLAT_RING1_CS,
 * DS..SS = FLAT_RING1_DS, ESP = the top of its one-page boot stack and
 * ESI = the start_info page (ABI.md §13). We move to a larger stack of our
 * own, clear .bss and call guest_start(start_info).
 */
#include <public/xen.h>

#define BOOT_STACK_SIZE 16384

/*
 * The builder refuses an image without this string. LOADER=generic is
 * what admits a guest that is not Linux; VIRT_BASE matches guest.lds.
 */
        .section __xen_guest
        .ascii  "GUEST_OS=tessera-test,XEN_VER=2.0,LOADER=generic,VIRT_BASE=0xC0000000"
        .byte   0

        .section .text.head, "ax"
        .globl  _start
_start:
        cld
        /* The builder scrubs our memory; a future loader might not. */
        mov     $__bss_start, %edi
        mov     $__bss_end, %ecx
        sub     %edi, %ecx
        xor     %eax, %eax
        rep stosb

        lss     boot_stack_pointer, %esp
        push    %esi
        call    guest_start
1:      ud2
        jmp     1b

        .section .data
        .balign 4
boot_stack_pointer:
        .long   boot_stack + BOOT_STACK_SIZE
        .word   FLAT_RING1_DS

        .section .bss.page_aligned, "aw", @nobits
        .balign 4096
boot_stack:
        .skip   BOOT_STACK_SIZE
