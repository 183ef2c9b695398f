/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry points of the local APIC's vectors: the frame of an 8259
 * interrupt (no error code, then the vector), handled by irq_common,
 * whose do_IRQ() hands vectors from APIC_TIMER_VECTOR up to the APIC code.
 */
#include <asm/apic.h>

        .text

        .globl  apic_timer_entry
        .align  16
apic_timer_entry:
        push    $0
        push    $APIC_TIMER_VECTOR
        jmp     irq_common

        .globl  event_check_entry
        .align  16
event_check_entry:
        push    $0
        push    $EVENT_CHECK_VECTOR
        jmp     irq_common

        .globl  invalidate_tlb_entry
        .align  16
invalidate_tlb_entry:
        push    $0
        push    $INVALIDATE_TLB_VECTOR
        jmp     irq_common

        .globl  apic_spurious_entry
        .align  16
apic_spurious_entry:
        push    $0
        push    $APIC_SPURIOUS_VECTOR
        jmp     irq_common
