# SPDX-License-Identifier: GPL-2.0-only
#
# Memory tests (ABI.md §5): frames and types, valid entries, mmu_update,
# update_va_mapping and dom_mem_op. Included by CMakeLists.txt; sorted.
guest_test(mmu_normal_map TITLE "mmu_update: checked L1 updates map, remap and unmap a fresh frame")
