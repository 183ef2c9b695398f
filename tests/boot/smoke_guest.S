/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The smallest Xen 2.0 guest: says hello through console_io, checks
 * xen_version, reports, and shuts down (which powers off when it is dom0).
 * Boot and configuration tests use it as their dom0; it needs nothing of
 * guests/lib, so every configuration can boot it.
 */
#define HC_sched_op     6
#define HC_xen_version  17
#define HC_console_io   18

        .section __xen_guest, "a"
        .asciz "GUEST_OS=smoke,XEN_VER=2.0,LOADER=generic,VIRT_BASE=0xC0000000"

        .text
        .globl  _start
_start:
        mov     $hello, %edx
        mov     $hello_len, %ecx
        call    write
        mov     $HC_xen_version, %eax
        xor     %ebx, %ebx
        int     $0x82
        mov     $success, %edx
        mov     $success_len, %ecx
        cmp     $0x00020000, %eax
        je      1f
        mov     $failure, %edx
        mov     $failure_len, %ecx
1:      call    write
2:      mov     $HC_sched_op, %eax
        mov     $2, %ebx                /* SCHEDOP_shutdown, poweroff */
        int     $0x82
        jmp     2b

/* console_io(CONSOLEIO_write, ECX bytes, EDX) */
write:  mov     $HC_console_io, %eax
        xor     %ebx, %ebx
        int     $0x82
        ret

        .data
hello:  .ascii  "smoke guest: running in ring 1\n"
hello_len = . - hello
success: .ascii "Test result: SUCCESS\n"
success_len = . - success
failure: .ascii "Test result: FAILURE\n"
failure_len = . - failure
