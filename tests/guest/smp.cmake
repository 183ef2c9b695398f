# SPDX-License-Identifier: GPL-2.0-only
#
# SMP tests (ABI.md §7, §9, §10): two domains on two CPUs run at the same
# time, PHYSINFO counts the CPUs online, PINCPUDOMAIN moves a running
# domain, an event wakes a domain blocked on the other CPU, PAUSEDOMAIN of
# a domain on another CPU is synchronous. Under SMP 2 without ICOUNT
# (QEMU's -icount does not schedule the second CPU reliably), so they
# check behaviour and loose time bounds only. Not on embedded (no SMP).
# Included by CMakeLists.txt; sorted.
guest_test(smp_concurrent TITLE "SMP: a CPU-bound domU on CPU 1 runs while dom0 holds CPU 0" DOMU "domU name=victim mem=4096" SMP 2 VARIANTS server debug)
guest_test(smp_pause_sync TITLE "SMP: PAUSEDOMAIN of a domain running on CPU 1 is synchronous, UNPAUSEDOMAIN resumes it" DOMU "domU name=victim mem=4096" SMP 2 VARIANTS server debug)
guest_test(smp_physinfo TITLE "SMP: PHYSINFO cores is 2, the boot-time domU is placed on CPU 1" DOMU "domU name=victim mem=4096" SMP 2 VARIANTS server debug)
guest_test(smp_physinfo_maxcpus TITLE "SMP: maxcpus=1 leaves 1 CPU online, the domU shares CPU 0" APPEND "maxcpus=1" DOMU "domU name=victim mem=4096" SMP 2 VARIANTS server debug)
guest_test(smp_physinfo_nosmp TITLE "SMP: nosmp leaves 1 CPU online, the domU shares CPU 0" APPEND "nosmp" DOMU "domU name=victim mem=4096" SMP 2 VARIANTS server debug)
guest_test(smp_pin TITLE "SMP: PINCPUDOMAIN moves a running domU between CPUs 1 and 0 and back, not self, cpu 7 is 1" DOMU "domU name=victim mem=4096" SMP 2 VARIANTS server debug)
guest_test(smp_remote_wake TITLE "SMP: events sent from one CPU wake a domain blocked on the other, 20 rounds" DOMU "domU name=victim mem=4096" SMP 2 VARIANTS server debug)
