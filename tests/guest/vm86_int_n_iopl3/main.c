/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vm86_int_n_iopl3: INT n in VM86 mode with IOPL 3 (ABI.md §6 trap table
 * "Other INT n ... (3 in VM86)", "switch_vm86"; §10 DOM0_IOPL). Dom0
 * raises its own IOPL to 3 with DOM0_IOPL, so switch_vm86 runs the code
 * with IOPL 3 (IF as the frame gives it, here set). INT n then goes
 * through the IDT and arrives as #GP((n<<3)|2):
 *   int $0x40  traps[0x40] has DPL 3: bounced there with EIP past the
 *              INT and the 9-word VM86 frame, no error code;
 *   int $0x41  traps[0x41] has DPL 1 < 3: the guest gets that #GP, with
 *              EIP at the INT.
 * The caller's IOPL is put back afterwards. Without DOM0_IOPL (-ENOSYS)
 * VM86 cannot run at IOPL 3: SKIP.
 */
#include "../vm86_common/vm86_helpers.h"
#include <guest/domctl.h>

static void run(const char *what, uint16_t ip, unsigned int vector, bool has_err,
                uint32_t err, uint16_t trap_ip)
{
    struct vm86_args a = vm86_frame(0x1234 + ip, ip, EF_FIXED | EF_IF);

    if (!vm86_enter(&a))
        return;
    vm86_check_trap(what, vector, has_err, err, trap_ip, &a);
    vm86_check(what, "EAX", vcap.eax, a.eax);
}

void test_main(void)
{
    uint32_t old_iopl = caller_iopl() >> 12;
    uint8_t *code = vm86_prepare();
    long rc;

    if (!code)
        return;
    code[0x20] = 0xCD;              /* int $0x40 */
    code[0x21] = 0x40;
    code[0x22] = 0xF4;              /* hlt */
    code[0x30] = 0xCD;              /* int $0x41 */
    code[0x31] = 0x41;
    code[0x32] = 0xF4;

    rc = dom0_iopl(DOMID_SELF, 3);
    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: DOM0_IOPL answers -ENOSYS: no way to run VM86 at IOPL 3\n");
        return;
    }
    if (rc != 0 || caller_iopl() != EF_IOPL) {
        xtf_failure("Fail: DOM0_IOPL(3): expected 0 and IOPL 3 got %ld and IOPL %u\n", rc,
                    caller_iopl() >> 12);
        dom0_iopl(DOMID_SELF, old_iopl);
        return;
    }
    if (vm86_catch(3, 1)) {
        run("int $0x40 (DPL 3)", 0x20, 0x40, false, 0, 0x22);
        if (vcap.count)
            run("int $0x41 (DPL 1)", 0x30, X86_EXC_GP, true, (0x41 << 3) | 2, 0x30);
        vm86_release();
    }
    rc = dom0_iopl(DOMID_SELF, old_iopl);
    if (rc != 0 || caller_iopl() != old_iopl << 12)
        xtf_failure("Fail: DOM0_IOPL(%u) afterwards: expected 0 got %ld (IOPL %u)\n", old_iopl,
                    rc, caller_iopl() >> 12);

    vm86_check_alive();
    xtf_success(NULL);
}
