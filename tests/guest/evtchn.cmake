# SPDX-License-Identifier: GPL-2.0-only
#
# Event channel tests (ABI.md §4, §7, §9): VIRQ and unbound ports, loopback
# and interdomain channels, masking, SCHEDOP_block, VIRQ_DOM_EXC and the
# privilege checks. Each SKIPs while event_channel_op answers -ENOSYS.
# Included by CMakeLists.txt; sorted.
guest_test(evtchn_block_pending TITLE "event channels: SCHEDOP_block returns at once with a sent event pending")
guest_test(evtchn_domexc TITLE "event channels: VIRQ_DOM_EXC reaches dom0 when a domU shuts down" DOMU "domU name=victim mem=4096")
guest_test(evtchn_interdomain TITLE "event channels: dom0-domU ping-pong, close turns the peer unbound" DOMU "domU name=victim mem=4096")
guest_test(evtchn_loopback TITLE "event channels: loopback bind, send sets pending/selector/upcall, send errors")
guest_test(evtchn_masked_edge TITLE "event channels: a masked port keeps pending but loses its edge")
guest_test(evtchn_priv TITLE "event channels: a domU cannot touch dom0's ports, nor bind to a free one (-EPERM)" DOMU "domU name=victim mem=4096")
guest_test(evtchn_unbound_status TITLE "event channels: alloc_unbound, status, close, unknown cmd, bad op pointer")
guest_test(evtchn_virq_bind TITLE "event channels: bind_virq ports, re-binding, bad VIRQs, status")
