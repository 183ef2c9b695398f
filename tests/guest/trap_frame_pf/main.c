/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * trap_frame_pf: the exact bounce frame of #PF raised in ring 1 (ABI.md
 * §6): [CR2] [errcode] EIP CS EFLAGS on the current stack, with CR2 the
 * faulting address and the CPU's error code (ring 1 is a supervisor
 * access: no U bit). Cases: a write to an unmapped page (error 2), a read
 * of it (error 0) and a write to a page mapped read-only (error 3).
 */
#include "../trap_common/trap_helpers.h"

void code_write(void);
void code_write_insn(void);
void code_read(void);
void code_read_insn(void);

uint32_t pf_target;

__asm__(".text\n"
        "code_write:\n"
        "    mov     pf_target, %ecx\n"
        "    pushf\n"
        "    popl    cap_eflags\n"
        "code_write_insn:\n"
        "    movl    $0x5a5a5a5a, (%ecx)\n"
        "    ret\n"
        "code_read:\n"
        "    mov     pf_target, %ecx\n"
        "    pushf\n"
        "    popl    cap_eflags\n"
        "code_read_insn:\n"
        "    mov     (%ecx), %eax\n"
        "    ret\n");

static void check_one(const char *name, void (*code)(void), void (*insn)(void), uint32_t va,
                      uint32_t ec)
{
    bool ran;

    pf_target = va;
    if (install_capture(X86_EXC_PF, 0))
        return;
    reset_capture();
    ran = capture_run(code);
    restore_runtime_trap(X86_EXC_PF);
    if (!ran) {
        xtf_failure("Fail: %s: expected #PF got no exception\n", name);
        return;
    }

    const struct frame_word f[] = {
        FW("CR2", va),
        FW("error code", ec),
        FW("EIP", (uintptr_t)insn),
        FW_SEL("CS", FLAT_RING1_CS),
        FW_FLAGS(cap_eflags),
    };

    check_u32("handler runs", cap.count, 1);
    check_u32("frame address (CR2 + error code + 3 words)", cap.esp, ring1_frame_base(5));
    check_frame(name, f, ARRAY_SIZE(f));
}

void test_main(void)
{
    /* Past the bootstrap region: the first page beyond it is not mapped. */
    uint32_t unmapped = GUEST_VIRT_BASE + nr_bootstrap_pages * PAGE_SIZE + 0x123;
    const volatile uint32_t *pte = guest_pte(unmapped);
    uint8_t *ro = alloc_page();

    if (pte && (*pte & _PAGE_PRESENT)) {
        xtf_error("Error: %#x is mapped\n", unmapped);
        xtf_exit();
    }
    if (!ro || guest_set_pte((uintptr_t)ro, (virt_to_mfn(ro) << PAGE_SHIFT) | _PAGE_PRESENT |
                                                _PAGE_ACCESSED) != 0) {
        xtf_error("Error: cannot map a read-only page\n");
        xtf_exit();
    }

    check_one("write, not present", code_write, code_write_insn, unmapped, PFEC_WRITE);
    check_one("read, not present", code_read, code_read_insn, unmapped, 0);
    check_one("write, read-only", code_write, code_write_insn, (uintptr_t)ro + 0x7FC,
              PFEC_WRITE | PFEC_PRESENT);
    check_long("xen_version(0) afterwards", HYPERVISOR_xen_version(0), XEN_VERSION_2_0);
    xtf_success(NULL);
}
