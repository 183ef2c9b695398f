# SPDX-License-Identifier: GPL-2.0-only
#
# Traps, callbacks and stack frames (ABI.md §1, §2, §6). Shared helpers:
# trap_common/trap_helpers.h. One sorted guest_test() line per test.

guest_test(callback_event_frame TITLE "Event frame, alone and on top of an exception frame")
guest_test(callback_failsafe TITLE "Failsafe callback frame: original DS ES FS GS EIP CS EFLAGS")
guest_test(callback_set TITLE "set_callbacks: a bad selector for either callback gives -EPERM")
guest_test(int_hypercall_ring3 TITLE "int $0x82 from ring 3: #GP 0x412 or the guest's DPL-3 trap")
guest_test(int_n_dpl TITLE "INT n from ring 1: DPL check, EIP+2, #GP (n<<3)|2")
guest_test(int_n_ring3 TITLE "INT n from ring 3: only DPL 3 passes, else #GP (n<<3)|2")
guest_test(stack_bounce_readonly TITLE "Bounce onto a read-only ring-1 stack crashes the domain"
    DOMU "domU name=victim mem=4096")
guest_test(stack_bounce_ring3_readonly TITLE "Ring-3 trap onto a read-only SS1:ESP1: domain crashed"
    DOMU "domU name=victim mem=4096")
guest_test(stack_switch_ring3 TITLE "stack_switch: RPL-0 ss refused, ring-3 traps land on SS1:ESP1")
guest_test(trap_bp_of TITLE "#BP and #OF: DPL not checked, EIP past the instruction")
guest_test(trap_fast_trap TITLE "set_fast_trap: -1 cases, direct INT 0x80 from ring 3, idx 0 off")
guest_test(trap_frame_gp TITLE "Bounce frame of #GP from ring 1 (error code)")
guest_test(trap_frame_noerr TITLE "Bounce frames of #DE, #BR and #UD from ring 1")
guest_test(trap_frame_pf TITLE "Bounce frame of #PF from ring 1 (CR2 and error code)")
guest_test(trap_if_mask TITLE "IF in a trap entry: handler runs with upcall_mask = 1")
guest_test(trap_table_bad_cs TITLE "set_trap_table: bad cs gives -EPERM, earlier entries stay")
guest_test(trap_table_copy TITLE "set_trap_table copies entries up to the one with address 0")
guest_test(trap_table_efault TITLE "set_trap_table: table at or across 0xFC000000, or unmapped")
