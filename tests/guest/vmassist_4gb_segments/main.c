/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmassist_4gb_segments: vm_assist type 0 and 1 (ABI.md §2 #21, §3
 * "4gb_segments"). Ring-3 code loads %fs with an LDT data segment (DPL 3,
 * base B, flat 4 GB limit, which update_descriptor truncates to end at
 * 0xFC3FFFFF) and reads %fs:-4, i.e. the word just below B, beyond the
 * truncated limit. Without vm_assist the guest gets #GP(0) at that
 * instruction. With 4gb_segments, Tessera flips the descriptor to
 * expand-down (its new limit is not checked: ABI.md does not give it) and
 * restarts: the read completes. With 4gb_segments_notify as well, vector
 * 15 is bounced first, at the instruction, with error code 7 (bytes
 * decoded: 64 8B 15 disp32).
 * A CPU that does not enforce segment limits (QEMU TCG) never raises the
 * #GP: detected in the first run, and the test is then skipped.
 */
#include "../desc_common/desc_helpers.h"

#define SEG_SEL     SEL(1, 1, 3)    /* 0x0F: LDT index 1, RPL 3 */
#define BELOW_B     0x4B3E1057U
#define INSN_LEN    7

static uint8_t data[2][PAGE_SIZE] __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static uint8_t user_stack[PAGE_SIZE] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

/* How the ring-3 run ended (the exception that took it back to ring 1), and vector 15. */
static volatile exinfo_t r3_exc;
static volatile uint32_t r3_eip, r3_edx;
volatile uint32_t v15_count, v15_err, v15_eip;
uint32_t ring1_saved_esp;

void ring3_code(void);
void ring3_access(void);
void ring1_resume(void);
void vec15_entry(void);
void run_ring3(uint32_t sel);

__asm__(".pushsection .text.ring3, \"ax\"\n"
        ".balign 4096\n"
        "ring3_code:\n"
        "    mov     %ebx, %fs\n"
        "    xor     %edx, %edx\n"
        "ring3_access:\n"
        "    .byte   0x64, 0x8b, 0x15\n"        /* mov %fs:0xfffffffc, %edx */
        "    .long   0xfffffffc\n"
        "    int3\n"
        "    jmp     .\n"
        ".balign 4096\n"
        ".popsection\n"
        ".text\n"
        "run_ring3:\n"                          /* (sel): iret to ring3_code, sel in EBX */
        "    push    %ebp\n"
        "    push    %ebx\n"
        "    push    %esi\n"
        "    push    %edi\n"
        "    mov     %esp, ring1_saved_esp\n"
        "    mov     20(%esp), %ebx\n"
        "    push    $" STRINGIFY(FLAT_RING3_DS) "\n"
        "    push    $user_stack + 4096\n"
        "    pushf\n"
        "    push    $" STRINGIFY(FLAT_RING3_CS) "\n"
        "    push    $ring3_code\n"
        "    iret\n"
        "ring1_resume:\n"                       /* from ring3_hook, on the ring-1 entry stack */
        "    mov     ring1_saved_esp, %esp\n"
        "    pop     %edi\n"
        "    pop     %esi\n"
        "    pop     %ebx\n"
        "    pop     %ebp\n"
        "    ret\n"
        "vec15_entry:\n"                        /* [err] EIP CS EFLAGS ESP SS from ring 3 */
        "    push    %eax\n"
        "    mov     4(%esp), %eax\n"
        "    mov     %eax, %ss:v15_err\n"
        "    mov     8(%esp), %eax\n"
        "    mov     %eax, %ss:v15_eip\n"
        "    incl    %ss:v15_count\n"
        "    pop     %eax\n"
        "    add     $4, %esp\n"
        "    iret\n");

/* Any exception from ring 3 ends the run: record it and resume run_ring3's caller. */
static bool ring3_hook(struct cpu_regs *regs)
{
    if ((regs->cs & 3) != 3)
        return false;
    r3_exc = EXINFO(regs->vector, regs->error_code);
    r3_eip = regs->eip;
    r3_edx = regs->edx;
    regs->eip = (uint32_t)(uintptr_t)ring1_resume;
    regs->cs = FLAT_RING1_CS;
    regs->ds = regs->es = regs->fs = regs->gs = FLAT_RING1_DS;
    return true;
}

static void run(void)
{
    r3_exc = 0;
    r3_edx = 0;
    v15_count = 0;
    run_ring3(SEG_SEL);
}

static long set_user(const void *va)
{
    const volatile uint32_t *pte = guest_pte((uintptr_t)va);

    return pte ? guest_set_pte((uintptr_t)va, *pte | _PAGE_USER) : -XEN_EINVAL;
}

/* The access completed: ring 3 reached its int3 with the word below B in EDX. */
static void check_completed(const char *phase)
{
    char what[128];

    snprintf(what, sizeof(what), "%s: how ring 3 ended", phase);
    check_exinfo(what, r3_exc, EXINFO_SYM(BP, 0));
    snprintf(what, sizeof(what), "%s: the word read at %%fs:-4", phase);
    check_u32(what, r3_edx, BELOW_B);
}

void test_main(void)
{
    uint8_t *ldt = new_page();
    uint32_t b = (uint32_t)(uintptr_t)data[1], access = (uint32_t)(uintptr_t)ring3_access;
    const uint64_t flat = seg_desc(b, 0xFFFFF, ACC_DATA_R3, SEG_4K_32);
    const uint64_t up = seg_desc(b, ((0xFC400000U - b) >> PAGE_SHIFT) - 1, ACC_DATA_R3, SEG_4K_32);
    /* The flipped descriptor: expand-down, all else but the limit as before. */
    const uint64_t limit_bits = 0x000F00000000FFFFULL;
    const uint64_t down = (up | (4ULL << 40)) & ~limit_bits;
    long rc;

    if (hypercall_absent(__HYPERVISOR_mmu_update) ||
        hypercall_absent(__HYPERVISOR_update_descriptor))
        return;
    rc = HYPERVISOR_vm_assist(VMASST_CMD_disable, VMASST_TYPE_4gb_segments);
    if (rc == -XEN_ENOSYS || rc == -XEN_EINVAL) {
        xtf_skip("Skip: vm_assist(disable, 4gb_segments) answers %ld\n", rc);
        return;
    }
    if (!ldt)
        return;
    check_long("vm_assist(disable, 4gb_segments_notify)",
               HYPERVISOR_vm_assist(VMASST_CMD_disable, VMASST_TYPE_4gb_segments_notify), 0);
    *(volatile uint32_t *)(data[0] + PAGE_SIZE - 4) = BELOW_B;
    if (set_user(ring3_code) || set_user(data[0]) || set_user(data[1]) || set_user(user_stack) ||
        map_ro(ldt) || guest_set_trap(X86_EXC_SPV, 0, vec15_entry)) {
        xtf_error("Error: cannot set up the ring-3 pages, the LDT page or vector 15\n");
        return;
    }
    check_long("update_descriptor(flat DPL-3 data at B)", update_desc(desc_ma(ldt, 1), flat), 0);
    check_desc("the stored descriptor (ends at 0xFC3FFFFF)", read_desc(ldt, 1), up);
    check_long("SET_LDT(page, 2 entries)", set_ldt((uint32_t)(uintptr_t)ldt, 2, NULL), 0);
    set_trap_hook(ring3_hook);

    run();
    if (r3_exc == EXINFO_SYM(BP, 0) && r3_edx == BELOW_B) {
        /* No #GP reached Tessera, or it fixed the segment unasked: the descriptor tells. */
        check_desc("without vm_assist: the descriptor (not flipped)",
                   read_desc(ldt, 1) & ~DESC_ACCESSED, up);
        xtf_skip("Skip: %%fs:-4 beyond the truncated limit did not #GP without vm_assist: "
                 "this CPU (QEMU TCG) does not enforce segment limits\n");
    } else {
        check_exinfo("without vm_assist: how ring 3 ended", r3_exc, EXINFO_SYM(GP, 0));
        check_u32("without vm_assist: #GP EIP", r3_eip, access);
        check_desc("without vm_assist: the descriptor", read_desc(ldt, 1) & ~DESC_ACCESSED, up);

        check_long("vm_assist(enable, 4gb_segments)",
                   HYPERVISOR_vm_assist(VMASST_CMD_enable, VMASST_TYPE_4gb_segments), 0);
        run();
        check_completed("with 4gb_segments");
        check_u32("with 4gb_segments: vector 15 count", v15_count, 0);
        check_desc("with 4gb_segments: the flipped descriptor, limit aside",
                   read_desc(ldt, 1) & ~(DESC_ACCESSED | limit_bits), down);

        check_long("update_descriptor(flat again)", update_desc(desc_ma(ldt, 1), flat), 0);
        check_long("vm_assist(enable, 4gb_segments_notify)",
                   HYPERVISOR_vm_assist(VMASST_CMD_enable, VMASST_TYPE_4gb_segments_notify), 0);
        run();
        check_completed("with notify");
        check_u32("with notify: vector 15 count", v15_count, 1);
        check_u32("with notify: vector 15 error code", v15_err, INSN_LEN);
        check_u32("with notify: vector 15 EIP", v15_eip, access);
    }

    set_trap_hook(NULL);
    guest_set_trap(X86_EXC_SPV, 0, (void (*)(void))trap_entry_table[X86_EXC_SPV]);
    HYPERVISOR_vm_assist(VMASST_CMD_disable, VMASST_TYPE_4gb_segments_notify);
    HYPERVISOR_vm_assist(VMASST_CMD_disable, VMASST_TYPE_4gb_segments);
    check_long("SET_LDT(0, 0)", set_ldt(0, 0, NULL), 0);
    check_alive("4gb_segments emulation");
    xtf_success(NULL);
}
