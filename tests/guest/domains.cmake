# SPDX-License-Identifier: GPL-2.0-only
#
# Domain tests (ABI.md §1, §4, §9, §10, §12, §13): start_info and the
# builder's start-of-day state, sched_op, dom0_op, console_io and guest
# pointers into Tessera's area. Included by CMakeLists.txt; sorted.
guest_test(access_efault TITLE "Guest pointers: set_trap_table and multicall lists in Tessera's area give -EFAULT")
guest_test(console_domu_release TITLE "console_io: -EPERM for a domU on a release build" DOMU "domU name=victim mem=4096" VARIANTS server embedded)
guest_test(console_domu_verbose TITLE "console_io: a domU may write on a verbose build" DOMU "domU name=victim mem=4096" VARIANTS debug)
guest_test(console_io_write TITLE "console_io: write counts, clipping, NUL, bad commands and buffers")
guest_test(dom0op_createdomain TITLE "dom0_op CREATEDOMAIN: an unbuilt domain, paused, cannot be unpaused, is destroyed")
guest_test(dom0op_destroy TITLE "dom0_op DESTROYDOMAIN: a domU goes, its memory returns, its id is -ESRCH" DOMU "domU name=victim mem=4096" DOMU "domU name=bystander mem=4096")
guest_test(dom0op_domu_eperm TITLE "dom0_op: refused with -EPERM to an unprivileged domain" DOMU "domU name=victim mem=4096")
guest_test(dom0op_entry TITLE "dom0_op: interface version, unknown commands, op pointers in Tessera's area")
guest_test(dom0op_getdomaininfo TITLE "dom0_op GETDOMAININFO: dom0 describes itself, missing ids give -ESRCH")
guest_test(dom0op_getdomaininfo_ctxt TITLE "dom0_op GETDOMAININFO: dom0's context, a ctxt in Tessera's area is -EINVAL")
guest_test(dom0op_getdomaininfo_domu TITLE "dom0_op GETDOMAININFO: a domU, and enumeration by first id >= dom" DOMU "domU name=victim mem=4096")
guest_test(dom0op_getmemlist TITLE "dom0_op GETMEMLIST: all of dom0's frames, bounded by max_pfns" APPEND "dom0_mem=32768")
guest_test(dom0op_pageframeinfo TITLE "dom0_op GETPAGEFRAMEINFO(2): types of dom0's bootstrap frames")
guest_test(dom0op_pause TITLE "dom0_op PAUSEDOMAIN/UNPAUSEDOMAIN: a paused domU does not run, PAUSED flag" DOMU "domU name=victim mem=4096")
guest_test(dom0op_pause_errors TITLE "dom0_op PAUSE/UNPAUSE/DESTROYDOMAIN: -EINVAL on self, -ESRCH on missing ids")
guest_test(dom0op_physinfo TITLE "dom0_op PHYSINFO and SCHED_ID: sane machine description, a known scheduler")
guest_test(dom0op_readconsole TITLE "dom0_op READCONSOLE: the (XEN) buffer, counts, bad buffers [tessera]")
guest_test(sched_block_pending TITLE "sched_op block: clears upcall_mask, returns at once with an event pending")
guest_test(sched_op_basic TITLE "sched_op: yield, command = op & 0xFF, unknown commands -ENOSYS")
guest_test(sched_shutdown_domu TITLE "sched_op shutdown: a domU crashes, reboots, suspends, powers off, dom0 sees each" DOMU "domU name=crasher mem=4096" DOMU "domU name=rebooter mem=4096" DOMU "domU name=suspender mem=4096" DOMU "domU name=poweroff mem=4096")
guest_test(startinfo_domu TITLE "start_info: a domU's fields and command line, checked by itself" DOMU "domU name=victim mem=4096")
guest_test(startinfo_fields TITLE "start_info: dom0's fields, shared_info and the p2m at start of day" APPEND "dom0_mem=32768")
guest_test(startinfo_layout TITLE "start_info: the bootstrap layout, its mappings and page-table count")
guest_test(startinfo_pt_readonly TITLE "start_info: bootstrap page tables are read-only (#PF on write)")
