/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Where an application processor starts. The STARTUP IPI drops it in real
 * mode at the start of a page below 1 MB, to which smp_boot_cpus() copied
 * trampoline_start..trampoline_end; that page is also mapped 1:1 while the
 * APs come up. The copy finds its own address (CS), enters protected mode
 * on a flat GDT of its own, turns paging on exactly as the BSP has it
 * (CR0, CR4 and idle_pg_table) and jumps to the linked image, where the AP
 * moves to Tessera's GDT and its own stack, and goes to C. An AP beyond
 * max_cpus halts in the copy, before it turns paging on.
 */
#include <asm/desc.h>
#include <asm/page.h>

#define PA(sym)             ((sym) - PAGE_OFFSET)

#define CR0_PE              0x00000001
#define CR0_PG_WP           0x80010000
#define FLAT_CS             0x08
#define FLAT_DS             0x10
/* Offsets inside the copy, which real mode reaches through DS = CS. */
#define OFF(sym)            ((sym) - trampoline_start)

        .section .rodata, "a"
        .align  16
        .globl  trampoline_start
        .code16
trampoline_start:
        cli
        cld
        mov     %cs, %ax
        mov     %ax, %ds
        xor     %ebx, %ebx
        mov     %ax, %bx
        shl     $4, %ebx                    /* EBX: machine address of the copy */
        lea     OFF(tramp_gdt)(%ebx), %eax
        mov     %eax, OFF(tramp_gdtr) + 2
        lea     OFF(tramp_pm)(%ebx), %eax
        mov     %eax, OFF(tramp_far)
        lgdtl   OFF(tramp_gdtr)
        mov     %cr0, %eax
        or      $CR0_PE, %eax
        mov     %eax, %cr0
        ljmpl   *OFF(tramp_far)

        .code32
tramp_pm:
        mov     $FLAT_DS, %eax
        mov     %eax, %ds
        mov     %eax, %es
        mov     %eax, %ss

        /*
         * The next CPU number, unless max_cpus are taken or the BSP stopped
         * waiting: with paging still off, so that an AP without a number
         * never needs the 1:1 map, which goes once the numbered ones arrived.
         */
1:
        mov     PA(ap_next_cpu), %eax
        cmp     PA(ap_max_cpus), %eax
        jae     2f
        lea     1(%eax), %edx
        lock cmpxchg %edx, PA(ap_next_cpu)
        jne     1b
        mov     %eax, %esi                  /* ESI: this CPU's number */

        mov     PA(ap_boot_cr4), %eax       /* PSE first: the direct map is 4 MB pages */
        mov     %eax, %cr4
        mov     $PA(idle_pg_table), %eax
        mov     %eax, %cr3
        mov     PA(ap_boot_cr0), %eax
        or      $(CR0_PG_WP | CR0_PE), %eax
        mov     %eax, %cr0
        mov     $ap_start_linked, %eax
        jmp     *%eax
2:
        cli
        hlt
        jmp     2b

        .align  8
tramp_gdt:
        .quad   0
        .quad   0x00CF9A000000FFFF          /* FLAT_CS: 4 GB, 32-bit code */
        .quad   0x00CF92000000FFFF          /* FLAT_DS: 4 GB, data */
tramp_gdtr:
        .word   3 * 8 - 1
        .long   0                           /* the copy's tramp_gdt */
tramp_far:
        .long   0                           /* the copy's tramp_pm */
        .word   FLAT_CS
        .globl  trampoline_end
trampoline_end:

        .text
ap_start_linked:
        lgdt    ap_gdt_descr
        ljmp    $__HYPERVISOR_CS, $1f
1:
        mov     $__HYPERVISOR_DS, %eax
        mov     %eax, %ds
        mov     %eax, %es
        mov     %eax, %ss
        xor     %eax, %eax
        mov     %eax, %fs
        mov     %eax, %gs

        mov     ap_stack_top(, %esi, 4), %esp
        xor     %ebp, %ebp                  /* ends stack traces */
        push    $0                          /* EFLAGS: IF, DF, AC clear */
        popf
        push    %esi
        call    smp_ap_enter                /* (cpu), never returns */
3:
        cli
        hlt
        jmp     3b

        .data
        .align  8
        .word   0
ap_gdt_descr:
        .word   DEFAULT_GDT_ENTRIES * 8 - 1
        .long   gdt_table
