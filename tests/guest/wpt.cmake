# SPDX-License-Identifier: GPL-2.0-only
#
# Writable page tables (ABI.md §5.5), tests/guest/wpt_*. Included by
# CMakeLists.txt; sorted. A build without WRITABLE_PAGETABLES registers the
# same tests with "[tessera: option off]" in the title: there vm_assist 2
# must answer -EINVAL, and the tests make the same updates with mmu_update
# and expect the refusals of checked updates (wpt_common/wpt_helpers.h).
if(CONFIG_WRITABLE_PAGETABLES)
    set(WPT_OFF "")
else()
    set(WPT_OFF " [tessera: option off]")
endif()
guest_test(wpt_active
    TITLE "Writable page tables: ACTIVE L1 writes take effect at every flush${WPT_OFF}"
    DOMU "domU name=idler mem=4096")
guest_test(wpt_backptr
    TITLE "Writable page tables: unset or ambiguous back-pointer, self-mapping L1 crash the writer${WPT_OFF}"
    DOMU "domU name=victim_unset mem=4096" DOMU "domU name=victim_twice mem=4096"
    DOMU "domU name=victim_self mem=4096")
guest_test(wpt_inactive
    TITLE "Writable page tables: INACTIVE L1 writes (a second L2) take effect at every flush${WPT_OFF}")
guest_test(wpt_invalid
    TITLE "[tessera] Writable page tables: an invalid entry crashes the writer alone, counts stay exact${WPT_OFF}"
    DOMU "domU name=victim_global mem=4096" DOMU "domU name=victim_foreign mem=4096"
    DOMU "domU name=bystander mem=4096")
guest_test(wpt_overlap
    TITLE "[tessera] Writable page tables: a table holding an open table's mapping flushes it first${WPT_OFF}")
