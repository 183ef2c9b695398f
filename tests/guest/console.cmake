# SPDX-License-Identifier: GPL-2.0-only
#
# Serial console input (ABI.md §7, §12, §15): dom0's receive ring and
# VIRQ_CONSOLE, CONSOLEIO_read, conswitch and the debug keys. The harness
# types INPUT once the guest printed "console-test: ready"; shared helpers
# are in console_common/. Included by CMakeLists.txt; sorted.
guest_test(console_conswitch TITLE "console input: CTRL-a three times switches to the hypervisor and back" INPUT "\\x01\\x01\\x01abc\\x01\\x01\\x01xyz" INPUT_AFTER "console-test: ready")
guest_test(console_conswitch_x TITLE "console input: conswitch=bx, input starts with the hypervisor, CTRL-b switches" APPEND "conswitch=bx" INPUT "abc\\x01\\x01\\x01\\x02\\x02\\x02xyz" INPUT_AFTER "console-test: ready")
guest_test(console_domu_read TITLE "console input: a domU's CONSOLEIO_read is -EPERM on a release build, dom0's input stays" DOMU "domU name=victim mem=4096" INPUT "secret" INPUT_AFTER "console-test: ready" VARIANTS server embedded)
guest_test(console_input_virq TITLE "console input: typed text raises VIRQ_CONSOLE, CONSOLEIO_read gives it exactly" INPUT "hello" INPUT_AFTER "console-test: ready")
guest_test(console_read_count TITLE "console input: CONSOLEIO_read counts, partial reads, bad buffers" INPUT "0123456789" INPUT_AFTER "console-test: ready")
guest_test(console_ring_overflow TITLE "console input: the 128-byte ring keeps the first 128 bytes, drops the rest" INPUT "0001 0002 0003 0004 0005 0006 0007 0008 0009 0010 0011 0012 0013 0014 0015 0016 0017 0018 0019 0020 0021 0022 0023 0024 0025 0026 0027 0028 0029 0030 0031 0032 0033 0034 0035 0036 0037 0038 0039 0040 " INPUT_AFTER "console-test: ready")
guest_test(debugkey_q TITLE "debug keys: CTRL-a x3 then h, q: VIRQ_DEBUG to dom0, the domain list [tessera]" INPUT "\\x01\\x01\\x01hq" INPUT_AFTER "console-test: ready" VARIANTS debug)
guest_test(debugkey_r TITLE "debug keys: CTRL-a x3 then r: the scheduler, its settings, NOW and the run queues [tessera]" INPUT "\\x01\\x01\\x01r" INPUT_AFTER "console-test: ready" VARIANTS debug)
