# SPDX-License-Identifier: GPL-2.0-only
#
# Time and timer tests (ABI.md §4, §8, §10): the version protocol, the
# 100 Hz tick, cpu_freq, the wall clock, DOM0_SETTIME, set_timer_op and
# VIRQ_TIMER, and Tessera's domain virtual time. Each SKIPs while
# set_timer_op answers -ENOSYS. Included by CMakeLists.txt; sorted.
guest_test(time_blocked_no_refresh TITLE "time: a blocked domain gets no tick refreshes, one on schedule-in" DOMU "domU name=victim mem=4096" ICOUNT)
guest_test(time_cpu_freq TITLE "time: cpu_freq matches the TSC against system time" ICOUNT)
guest_test(time_domain_virtual TITLE "time: [tessera] domain_time advances while running, not while blocked" ICOUNT)
guest_test(time_domain_virtual_two TITLE "time: [tessera] domain_time of two domains taking turns counts only their own" DOMU "domU name=victim mem=4096" ICOUNT VARIANTS server debug)
guest_test(time_first_refresh TITLE "time: dom0's time fields are valid from its first instruction" ICOUNT)
guest_test(time_monotonic TITLE "time: system time read with rdtsc never goes backwards" ICOUNT)
guest_test(time_settime TITLE "time: DOM0_SETTIME sets the wall clock at a system time and sends VIRQ_TIMER" ICOUNT)
guest_test(time_settime_domu TITLE "time: DOM0_SETTIME from a domU is -EPERM and changes nothing" DOMU "domU name=victim mem=4096" ICOUNT)
guest_test(time_tick_10ms TITLE "time: ticks add exactly 10 ms, cpu_freq/100 TSC cycles apart" ICOUNT)
guest_test(time_version_protocol TITLE "time: version1 == version2, both grow with each refresh" ICOUNT)
guest_test(time_wallclock TITLE "time: the wall clock starts at the RTC and follows system time" ICOUNT)
guest_test(timer_cancel TITLE "timer: set_timer_op(0) cancels; a blocked domU then stays blocked" DOMU "domU name=victim mem=4096" ICOUNT VARIANTS server debug)
guest_test(timer_future TITLE "timer: set_timer_op wakes a blocked domain within a tick of its deadline" ICOUNT)
guest_test(timer_past_fires TITLE "timer: set_timer_op with a past time fires at once" ICOUNT)
guest_test(timer_rearm TITLE "timer: a second set_timer_op replaces the first" ICOUNT)
guest_test(timer_virq_unbound TITLE "timer: unbound VIRQ_TIMER lands on port 0" ICOUNT)
