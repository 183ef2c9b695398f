# SPDX-License-Identifier: GPL-2.0-only
#
# Descriptor tables, FPU, multicall and vm_assist (ABI.md §1, §2, §3):
# set_gdt, update_descriptor, SET_LDT and the lazy LDT, the descriptor and
# selector checks, fpu_taskswitch, multicall and 4gb_segments. Shared
# helpers: desc_common/desc_helpers.h. One sorted guest_test() line each.

guest_test(desc_alignment TITLE "update_descriptor: misaligned and out-of-RAM machine addresses refused")
guest_test(desc_base_limit TITLE "update_descriptor: bases from 0xFC3FF000 refused, limits rewritten to end at 0xFC3FFFFF")
guest_test(desc_dpl0 TITLE "update_descriptor: present DPL-0 descriptors refused")
guest_test(desc_foreign_frame TITLE "update_descriptor: another domain's, Tessera's and invalid frames refused" DOMU "domU name=victim mem=4096")
guest_test(desc_page_table TITLE "update_descriptor: page-table frames refused (type confusion)")
guest_test(desc_reserved_slots TITLE "update_descriptor: slots 256-295 of the current GDT's frame 0 refused")
guest_test(desc_system_types TITLE "update_descriptor: only call gates to guest code selectors among system types")
guest_test(fpu_taskswitch TITLE "fpu_taskswitch: the next FPU use bounces #NM once, TS already clear, state kept")
guest_test(gdt_bad_descriptor TITLE "set_gdt: DPL-0, call-gate and TSS descriptors refused, reserved entries replaced")
guest_test(gdt_entries TITLE "set_gdt: entry counts 295/8193 and lists in Tessera's area refused")
guest_test(gdt_foreign_frame TITLE "set_gdt: another domain's, Tessera's and invalid frames refused" DOMU "domU name=victim mem=4096")
guest_test(gdt_install TITLE "set_gdt: frames typed GDT, selectors load, reserved entries hold Tessera's descriptors")
guest_test(gdt_writable_frame TITLE "set_gdt: frames the guest maps writable are refused, installed frames stay read-only")
guest_test(ldt_bad_descriptor TITLE "LDT: a page with a DPL-0 descriptor is not mapped, the guest gets #PF at its LDT VA")
guest_test(ldt_lazy_map TITLE "LDT: selectors load through lazily mapped, read-only, LDT-typed pages")
guest_test(ldt_set_checks TITLE "SET_LDT: misaligned, oversized and beyond-0xFC400000 LDTs refused")
guest_test(ldt_writable_page TITLE "LDT: a page the guest maps writable is not mapped, in-use LDT pages stay read-only")
guest_test(multicall_batch TITLE "multicall: results in args[5], failures and nesting do not stop the batch")
guest_test(multicall_errors TITLE "multicall: lists in Tessera's area and unmapped -EFAULT, nested entries -EINVAL")
guest_test(vmassist_4gb_segments TITLE "vm_assist 4gb_segments: ring-3 %fs:-4 through a truncated segment")
guest_test(vmassist_commands TITLE "vm_assist: commands 0/1, types 0-2, -ENOSYS and -EINVAL otherwise")
