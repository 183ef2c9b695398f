/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multiboot v1 entry. The loader jumps here in 32-bit protected mode with
 * paging off, EAX = multiboot magic, EBX = machine address of its info.
 * We map the first 12 MB both 1:1 and at PAGE_OFFSET with 4 MB pages, turn
 * paging on, move to Tessera's GDT and stack, and call C. The 1:1 map is
 * dropped in C once the loader's data has been read.
 */
#include <asm/desc.h>
#include <asm/page.h>

#define PA(sym)             ((sym) - PAGE_OFFSET)

#define MULTIBOOT_MAGIC     0x1BADB002
#define MULTIBOOT_FLAGS     0x00000003  /* page-aligned modules, memory info */

#define PDE_4M              0x083       /* present, writable, 4 MB page */
#define CR0_PG_WP           0x80010000
#define CR4_PSE             0x00000010

        .section .text.multiboot, "ax"
        .align 4
multiboot_header:
        .long   MULTIBOOT_MAGIC
        .long   MULTIBOOT_FLAGS
        .long   -(MULTIBOOT_MAGIC + MULTIBOOT_FLAGS)

        .section .text.boot, "ax"
        .globl  start
start:
        cli
        cld
        mov     %eax, %esi
        mov     %ebx, %edi

        mov     %cr4, %eax
        or      $CR4_PSE, %eax
        mov     %eax, %cr4
        mov     $PA(idle_pg_table), %eax
        mov     %eax, %cr3
        mov     %cr0, %eax
        or      $CR0_PG_WP, %eax
        mov     %eax, %cr0
        mov     $1f, %eax
        jmp     *%eax                       /* now at the linked address */
1:
        lgdt    gdt_descr
        ljmp    $__HYPERVISOR_CS, $2f
2:
        mov     $__HYPERVISOR_DS, %eax
        mov     %eax, %ds
        mov     %eax, %es
        mov     %eax, %ss
        xor     %eax, %eax
        mov     %eax, %fs
        mov     %eax, %gs
        lea     cpu0_stack + STACK_SIZE, %esp
        xor     %ebp, %ebp                  /* ends stack traces */
        push    $0                          /* EFLAGS: IF, DF, AC clear */
        popf

        push    %edi
        push    %esi
        call    arch_start                  /* (magic, mbi machine address) */
3:      hlt
        jmp     3b

        .data
        .align  8
        .word   0
gdt_descr:
        .word   DEFAULT_GDT_ENTRIES * 8 - 1
        .long   gdt_table

        .section .data.page_aligned, "aw"
        .align  PAGE_SIZE
        .globl  idle_pg_table
idle_pg_table:
        /* Slots 0-2: the first 12 MB 1:1, for the jump to the linked address. */
        .long   0x00000000 + PDE_4M, 0x00400000 + PDE_4M, 0x00800000 + PDE_4M
        .fill   (PAGE_OFFSET >> 22) - 3, 4, 0
        /* Slots 1009-1011: the same 12 MB at PAGE_OFFSET. */
        .long   0x00000000 + PDE_4M, 0x00400000 + PDE_4M, 0x00800000 + PDE_4M
        .fill   1024 - (PAGE_OFFSET >> 22) - 3, 4, 0

        /* Aligned to STACK_SIZE by the linker script: a larger .align here
         * would push the multiboot header beyond the file's first 8 KB. */
        .section .bss.stack_aligned, "aw", @nobits
        .align  PAGE_SIZE
        .globl  cpu0_stack
cpu0_stack:
        .skip   STACK_SIZE
