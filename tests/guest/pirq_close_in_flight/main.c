/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pirq_close_in_flight: closing a PIRQ port while its interrupt is in
 * flight (ABI.md §7 "PIRQs"; bug class: a guest leaving mid-interrupt
 * keeps the line masked for good). Dom0 binds pirq 3 (COM2, IRQ 3, with
 * IOPL 1 from DOM0_IOPL), takes one interrupt and, without
 * IRQ_UNMASK_NOTIFY, closes the port with the UART's line still raised.
 * Binding pirq 3 again must give a working line: the raised interrupt
 * (or a fresh one) reaches the new port. SKIPs while DOM0_IOPL or
 * bind_pirq answer -ENOSYS.
 */
#include "../pirq_common/uart.h"

void test_main(void)
{
    unsigned int port, port2 = 0;
    long rc = dom0_iopl(DOMID_SELF, 1);

    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: DOM0_IOPL answers -ENOSYS\n");
        return;
    }
    if (rc != 0 || !events_available() || !uart_present()) {
        xtf_error("Error: DOM0_IOPL %ld, or no shared_info, or no UART at %#x\n", rc,
                  COM2_BASE);
        return;
    }
    uart_quiet();
    rc = bind_pirq(COM2_IRQ, 0, &port);
    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: bind_pirq answers -ENOSYS\n");
        return;
    }
    check("bind_pirq(3)", rc, 0);
    if (rc != 0)
        return;
    events_disable();
    evtchn_unmask(port);
    wait_pending(port);
    evtchn_clear(port);
    unmask_notify();

    uart_raise();
    check("first interrupt", wait_pending(port), 1);
    uart_in(UART_IIR);
    uart_raise();                   /* a second one waits behind the mask */
    check("close(pirq 3) in flight", evtchn_close(port), 0);

    rc = bind_pirq(COM2_IRQ, 0, &port2);
    check("bind_pirq(3) again", rc, 0);
    if (rc != 0)
        return;
    evtchn_unmask(port2);
    if (!wait_pending(port2)) {
        uart_raise();
        check("interrupt on the re-bound line", wait_pending(port2), 1);
    }
    uart_quiet();
    uart_out(UART_MCR, 0);
    evtchn_clear(port2);
    unmask_notify();
    check("close(pirq 3) at the end", evtchn_close(port2), 0);
    dom0_iopl(DOMID_SELF, 0);
    xtf_success(NULL);
}
