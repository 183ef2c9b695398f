# SPDX-License-Identifier: GPL-2.0-only
#
# Physical devices (ABI.md §7 "PIRQs", §10 DOM0_IOPL, §12 physdev_op): binding
# interrupt lines, real interrupts from a second UART (COM2, IRQ 3), PCI
# configuration access and its rules, IOPL. Shared helpers: pirq_common/.
# Included by CMakeLists.txt; sorted.
guest_test(dom0op_iopl TITLE "DOM0_IOPL sets the caller's IOPL (iopl & 3), which governs in/out")
guest_test(pci_cfg_read
    TITLE "physdev_op PCI_CFGREG_READ: sizes, alignment, bad devices, INTERRUPT_LINE")
guest_test(pci_cfg_write TITLE "physdev_op PCI_CFGREG_WRITE and INITIALISE_DEVICE from dom0")
guest_test(pci_hide TITLE "physdev_dom0_hide= takes one PCI device away from dom0"
    APPEND "physdev_dom0_hide=(00:01.0)")
guest_test(pci_probe_root_buses TITLE "physdev_op PCI_PROBE_ROOT_BUSES: dom0 sees bus 0")
guest_test(physdev_domu TITLE "physdev_op from a domU: PCI access -EPERM, empty bus mask"
    DOMU "domU name=victim mem=4096")
guest_test(physdev_status_query
    TITLE "physdev_op IRQ_STATUS_QUERY: 8259 lines need the notify, bad irq -EINVAL [tessera]")
guest_test(physdev_unknown_cmd
    TITLE "physdev_op: unknown cmd -EINVAL, the struct always goes back (-EFAULT)")
guest_test(pirq_bind_errors
    TITLE "bind_pirq: range, hypervisor lines, re-bind, status, close; domU -EPERM"
    DOMU "domU name=victim mem=4096")
guest_test(pirq_close_in_flight TITLE "PIRQ: closing a port mid-interrupt leaves the line usable"
    QEMU_ARGS -serial null)
guest_test(pirq_serial_irq
    TITLE "PIRQ: a COM2 interrupt arrives; the line stays masked until the unmask notify"
    QEMU_ARGS -serial null)
