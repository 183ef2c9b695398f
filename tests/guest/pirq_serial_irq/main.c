/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pirq_serial_irq: a real device interrupt through a PIRQ (ABI.md §7
 * "PIRQs", §12 IRQ_UNMASK_NOTIFY). The machine has a second UART (COM2,
 * IRQ 3). Dom0 takes IOPL 1 (DOM0_IOPL), binds pirq 3, unmasks the port
 * (upcalls stay masked: the test polls the pending bit) and makes COM2
 * raise its line:
 *  1. the port becomes pending, and IIR names the THRE interrupt;
 *  2. with the port cleared, a second interrupt raised before any
 *     IRQ_UNMASK_NOTIFY is not delivered: the line stays masked;
 *  3. a notify while the port is masked does not unmask the line either;
 *  4. after unmasking the port, a notify unmasks the line and the waiting
 *     interrupt arrives.
 * Bug class: a line unmasked before its guest has serviced it (interrupt
 * storms), or never again. SKIPs while DOM0_IOPL or bind_pirq answer
 * -ENOSYS, and ERRORs if no UART answers at 0x2F8.
 */
#include "../pirq_common/uart.h"

static bool setup(unsigned int *port)
{
    long rc = dom0_iopl(DOMID_SELF, 1);

    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: DOM0_IOPL answers -ENOSYS\n");
        return false;
    }
    check("DOM0_IOPL(1)", rc, 0);
    if (!events_available() || !uart_present()) {
        xtf_error("Error: no shared_info or no UART at %#x\n", COM2_BASE);
        return false;
    }
    uart_quiet();
    rc = bind_pirq(COM2_IRQ, 0, port);
    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: bind_pirq answers -ENOSYS\n");
        return false;
    }
    check("bind_pirq(3)", rc, 0);
    if (rc != 0)
        return false;
    events_disable();
    evtchn_unmask(*port);
    /* Anything latched before the bind: serviced, so the line starts clean. */
    wait_pending(*port);
    evtchn_clear(*port);
    check("IRQ_UNMASK_NOTIFY at the start", unmask_notify(), 0);
    return true;
}

void test_main(void)
{
    unsigned int port;
    uint8_t iir;

    if (!setup(&port))
        return;
    check("port pending before any interrupt", evtchn_is_pending(port), 0);

    uart_raise();
    if (!wait_pending(port)) {
        xtf_failure("Fail: COM2's interrupt did not reach the port\n");
        return;
    }
    iir = uart_in(UART_IIR);
    check("IIR cause of the first interrupt", iir & UART_IIR_MASK, UART_IIR_THRI);
    evtchn_clear(port);

    uart_raise();
    check("second interrupt before the notify (line must stay masked)",
          wait_pending(port), 0);

    evtchn_mask(port);
    check("IRQ_UNMASK_NOTIFY with the port masked", unmask_notify(), 0);
    check("interrupt after a notify with the port masked (line must stay masked)",
          wait_pending(port), 0);

    evtchn_unmask(port);
    check("IRQ_UNMASK_NOTIFY with the port unmasked", unmask_notify(), 0);
    check("the waiting interrupt after the notify", wait_pending(port), 1);
    check("IIR cause of the second interrupt", uart_in(UART_IIR) & UART_IIR_MASK,
          UART_IIR_THRI);

    uart_quiet();
    uart_out(UART_MCR, 0);
    evtchn_clear(port);
    check("final IRQ_UNMASK_NOTIFY", unmask_notify(), 0);
    check("close(pirq 3)", evtchn_close(port), 0);
    dom0_iopl(DOMID_SELF, 0);
    xtf_success(NULL);
}
