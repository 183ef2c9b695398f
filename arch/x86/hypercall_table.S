/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypercall table, indexed by EAX & 31 (ABI.md §2). A call whose
 * subsystem is not built (or not written yet) resolves to a weak alias of
 * do_ni_hypercall (kernel/hypercall_defaults.c) and answers -ENOSYS;
 * building the subsystem supplies the real handler, with no table edits
 * and no #ifdef.
 */
        .macro HYPERCALL name
        .long   do_\name
        .endm

        .section .rodata
        .balign 4
        .globl  hypercall_table
hypercall_table:
        HYPERCALL set_trap_table                    /*  0 */
        HYPERCALL mmu_update                        /*  1 */
        HYPERCALL set_gdt                           /*  2 */
        HYPERCALL stack_switch                      /*  3 */
        HYPERCALL set_callbacks                     /*  4 */
        HYPERCALL fpu_taskswitch                    /*  5 */
        HYPERCALL sched_op                          /*  6 */
        HYPERCALL dom0_op                           /*  7 */
        HYPERCALL set_debugreg                      /*  8 */
        HYPERCALL get_debugreg                      /*  9 */
        HYPERCALL update_descriptor                 /* 10 */
        HYPERCALL set_fast_trap                     /* 11 */
        HYPERCALL dom_mem_op                        /* 12 */
        HYPERCALL multicall                         /* 13 */
        HYPERCALL update_va_mapping                 /* 14 */
        HYPERCALL set_timer_op                      /* 15 */
        HYPERCALL event_channel_op                  /* 16 */
        HYPERCALL xen_version                       /* 17 */
        HYPERCALL console_io                        /* 18 */
        HYPERCALL physdev_op                        /* 19 */
        HYPERCALL grant_table_op                    /* 20 */
        HYPERCALL vm_assist                         /* 21 */
        HYPERCALL update_va_mapping_otherdomain     /* 22 */
        HYPERCALL switch_vm86                       /* 23 */
        .rept   8                                   /* 24-31 */
        .long   do_ni_hypercall
        .endr
        .globl  hypercall_table_end
hypercall_table_end:
