# SPDX-License-Identifier: GPL-2.0-only
#
# switch_vm86 (ABI.md §2 #23, §6): entering VM86 mode and the bounce frames
# of traps taken there, tests/guest/vm86_*. Shared helpers:
# vm86_common/vm86_helpers.h. Included by CMakeLists.txt; sorted.
guest_test(vm86_bad_stack TITLE "switch_vm86 with an unreadable frame crashes the caller alone"
    DOMU "domU name=victim_unmapped mem=4096" DOMU "domU name=victim_straddle mem=4096")
guest_test(vm86_enter_trap TITLE "switch_vm86 enters VM86, and #GP there bounces a VM86 frame")
guest_test(vm86_int_n TITLE "VM86 at IOPL 0: INT n and int 0x82 #GP(0), int3/into bounced")
guest_test(vm86_int_n_iopl3 TITLE "VM86 at IOPL 3 (DOM0_IOPL): INT n by the DPL-3 rule")
guest_test(vm86_iopl_escape TITLE "switch_vm86: the frame cannot raise IOPL (cli, pushf, out #GP)")
guest_test(vm86_trap_yield TITLE "After a VM86 trap, yields and calls still save the right frame"
    DOMU "domU name=idler mem=4096")
