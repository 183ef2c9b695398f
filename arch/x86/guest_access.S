/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Touching guest memory from Tessera without trusting it: every access
 * that may fault has an exception-table fixup, so a bad guest address
 * becomes an error code, never a Tessera fault.
 */
#define EXTABLE(insn, fixup)                    \
        .pushsection __ex_table, "a";           \
        .balign 4;                              \
        .long insn, fixup;                      \
        .popsection

        .text

/* uint32_t raw_copy(void *dst, const void *src, uint32_t n): bytes NOT copied. */
        .globl  raw_copy
raw_copy:
        push    %esi
        push    %edi
        mov     12(%esp), %edi
        mov     16(%esp), %esi
        mov     20(%esp), %ecx
1:      rep movsb
2:      mov     %ecx, %eax
        pop     %edi
        pop     %esi
        ret
        EXTABLE(1b, 2b)

/*
 * int guest_stack_push(uint32_t ss, uint32_t *esp, const uint32_t *words,
 *                      uint32_t n): stores words[0..n) at ss:(*esp - 4n)
 * upwards, through the guest's own stack segment (its base, limit and
 * page permissions all apply), and lowers *esp. Returns 0, or -1 when the
 * selector or any store faults (then *esp is unchanged).
 */
        .globl  guest_stack_push
guest_stack_push:
        push    %ebx
        push    %esi
        push    %edi
        mov     16(%esp), %eax
1:      mov     %eax, %gs
        mov     20(%esp), %edx
        mov     (%edx), %edi
        mov     24(%esp), %esi
        mov     28(%esp), %ecx
        lea     (, %ecx, 4), %eax
        sub     %eax, %edi
        xor     %ebx, %ebx
3:      cmp     %ecx, %ebx
        je      4f
        mov     (%esi, %ebx, 4), %eax
5:      mov     %eax, %gs:(%edi, %ebx, 4)
        inc     %ebx
        jmp     3b
4:      mov     %edi, (%edx)
        xor     %eax, %eax
        jmp     6f
9:      mov     $-1, %eax
6:      xor     %ebx, %ebx
        mov     %ebx, %gs
        pop     %edi
        pop     %esi
        pop     %ebx
        ret
        EXTABLE(1b, 9b)
        EXTABLE(5b, 9b)

/*
 * int guest_read_seg(uint32_t sel, uint32_t off, uint32_t *val): reads the
 * 32-bit word at sel:off as the guest would. Returns 0 or -1.
 */
        .globl  guest_read_seg
guest_read_seg:
        mov     4(%esp), %eax
1:      mov     %eax, %gs
        mov     8(%esp), %ecx
2:      mov     %gs:(%ecx), %eax
        mov     12(%esp), %ecx
        mov     %eax, (%ecx)
        xor     %eax, %eax
        jmp     3f
9:      mov     $-1, %eax
3:      xor     %ecx, %ecx
        mov     %ecx, %gs
        ret
        EXTABLE(1b, 9b)
        EXTABLE(2b, 9b)
