/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vm86_helpers.h: what the switch_vm86 tests (tests/guest/vm86_*, ABI.md
 * §2 #23 and §6) share. Not a test itself: it defines symbols, so exactly
 * one file of each test includes it.
 *
 * vm86_run(args) builds [EAX][EIP CS EFLAGS ESP SS ES DS FS GS] from args
 * on the ring-1 stack and makes hypercall #23 with ESP pointing at it. The
 * call does not return when it works: the VM86 code must trap. A trap from
 * VM86 is bounced on SS1:ESP1 (vm86_prepare() points it at vm86_stack),
 * where one of the stubs installed by vm86_catch() copies the frame into
 * vcap and returns from vm86_run() (a longjmp). vm86_enter() wraps that:
 * true if a trap came back, else SKIP (-ENOSYS) or FAILURE (the call
 * returned something else).
 *
 * vm86_call_at(esp) makes the call with ESP = esp and nothing written
 * there, for attacks; it returns the call's result if the call returns.
 *
 * VM86 code lives at linear 0x10000 (segment VM86_SEG): vm86_prepare()
 * installs an L1 in L2 slot 0 and maps a fresh frame there with _PAGE_USER
 * (VM86 runs at CPL 3), and returns a writable view of that frame.
 */
#ifndef VM86_HELPERS_H
#define VM86_HELPERS_H

#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/traps.h>

/* Not every test uses every helper. */
#define HELPER static __attribute__((unused))

#define EF_CF       0x00000001U
#define EF_FIXED    0x00000002U     /* bit 1 always reads 1 */
#define EF_ZF       0x00000040U
#define EF_IF       0x00000200U
#define EF_OF       0x00000800U
#define EF_IOPL     0x00003000U
#define EF_RF       0x00010000U
#define EF_VM       0x00020000U

#define VM86_SEG        0x1000      /* CS = SS: linear 0x10000-0x1FFFF */
#define VM86_LINEAR     0x10000UL
#define VM86_SP         0x0F00      /* inside the mapped page; never used by the snippets */
#define VM86_PTE        (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | _PAGE_DIRTY)
#define VM86_PDE        (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)

/* The words switch_vm86 reads at the caller's ESP, in order. */
struct vm86_args {
    uint32_t eax, eip, cs, eflags, esp, ss, es, ds, fs, gs;
};
_Static_assert(sizeof(struct vm86_args) == 40, "vm86_args layout");

struct vm86_capture {
    uint32_t count;             /* @0: runs of a stub */
    uint32_t vector;            /* @4: the stub's vector */
    uint32_t esp;               /* @8: ESP at entry: the frame's lowest word */
    uint32_t ss;                /* @12 */
    uint32_t eax;               /* @16: EAX at entry (VM86's, untouched by the bounce) */
    uint32_t ds, es, fs, gs;    /* @20: the handler's own data selectors at entry */
    uint32_t w[12];             /* @36: the words from ESP upward */
};

volatile struct vm86_capture vcap;
uint32_t vm86_resume_esp;       /* vm86_run()'s ESP, restored by the stubs */

/* SS1:ESP1, with slack above the top for the stubs' 12-word copy. */
static uint8_t vm86_stack[8192] __aligned(16);

long vm86_run(const struct vm86_args *args);
long vm86_call_at(uint32_t esp);

#define VM86_STUB(v) \
    "vm86_stub_" #v ":\n" \
    "    movl    $" #v ", %ss:vcap + 4\n" \
    "    jmp     vm86_stub_common\n"

__asm__(
    "    .text\n"
    VM86_STUB(0) VM86_STUB(1) VM86_STUB(3) VM86_STUB(4) VM86_STUB(5) VM86_STUB(6)
    VM86_STUB(7) VM86_STUB(10) VM86_STUB(11) VM86_STUB(12) VM86_STUB(13) VM86_STUB(14)
    VM86_STUB(16) VM86_STUB(17) VM86_STUB(19) VM86_STUB(64) VM86_STUB(65)
    "vm86_stub_common:\n"
    /* DS-GS are 0 after VM86: every access goes through SS. */
    "    mov     %eax, %ss:vcap + 16\n"
    "    mov     %ds, %eax\n"
    "    mov     %eax, %ss:vcap + 20\n"
    "    mov     %es, %eax\n"
    "    mov     %eax, %ss:vcap + 24\n"
    "    mov     %fs, %eax\n"
    "    mov     %eax, %ss:vcap + 28\n"
    "    mov     %gs, %eax\n"
    "    mov     %eax, %ss:vcap + 32\n"
    "    mov     %esp, %ss:vcap + 8\n"
    "    mov     %ss, %eax\n"
    "    mov     %eax, %ss:vcap + 12\n"
    "    .irp    i, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11\n"
    "    mov     4*\\i(%esp), %eax\n"
    "    mov     %eax, %ss:vcap + 36 + 4*\\i\n"
    "    .endr\n"
    "    incl    %ss:vcap\n"
    "    mov     $" STRINGIFY(FLAT_RING1_DS) ", %eax\n"
    "    mov     %eax, %ds\n"
    "    mov     %eax, %es\n"
    "    mov     %eax, %ss\n"
    "    mov     vm86_resume_esp, %esp\n"
    "    mov     $1, %eax\n"
    "    jmp     vm86_return\n"
    "\n"
    "    .globl  vm86_run\n"
    "vm86_run:\n"
    "    push    %ebp\n"
    "    push    %ebx\n"
    "    push    %esi\n"
    "    push    %edi\n"
    "    push    %fs\n"
    "    push    %gs\n"
    "    mov     %esp, vm86_resume_esp\n"
    "    mov     28(%esp), %esi\n"
    "    sub     $40, %esp\n"
    "    mov     %esp, %edi\n"
    "    mov     $10, %ecx\n"
    "    cld\n"
    "    rep movsl\n"
    "    mov     $" STRINGIFY(__HYPERVISOR_switch_vm86) ", %eax\n"
    "    int     $0x82\n"
    "    mov     vm86_resume_esp, %esp\n"    /* only if the call returned */
    "vm86_return:\n"
    "    pop     %gs\n"
    "    pop     %fs\n"
    "    pop     %edi\n"
    "    pop     %esi\n"
    "    pop     %ebx\n"
    "    pop     %ebp\n"
    "    ret\n"
    "\n"
    /* switch_vm86 with ESP = the argument: nothing may touch the stack meanwhile. */
    "    .globl  vm86_call_at\n"
    "vm86_call_at:\n"
    "    push    %ebp\n"
    "    push    %ebx\n"
    "    push    %esi\n"
    "    push    %edi\n"
    "    push    %fs\n"
    "    push    %gs\n"
    "    mov     %esp, vm86_resume_esp\n"
    "    mov     28(%esp), %esp\n"
    "    mov     $" STRINGIFY(__HYPERVISOR_switch_vm86) ", %eax\n"
    "    int     $0x82\n"
    "    mov     %ss:vm86_resume_esp, %esp\n"
    "    jmp     vm86_return\n");

/* The vectors with a stub; each gets DPL 0 unless vm86_catch() says otherwise. */
static const uint8_t vm86_vectors[] = {0, 1, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 16, 17, 19};
void vm86_stub_0(void), vm86_stub_1(void), vm86_stub_3(void), vm86_stub_4(void);
void vm86_stub_5(void), vm86_stub_6(void), vm86_stub_7(void), vm86_stub_10(void);
void vm86_stub_11(void), vm86_stub_12(void), vm86_stub_13(void), vm86_stub_14(void);
void vm86_stub_16(void), vm86_stub_17(void), vm86_stub_19(void);
void vm86_stub_64(void), vm86_stub_65(void);
static void (*const vm86_stubs[])(void) = {
    vm86_stub_0, vm86_stub_1, vm86_stub_3, vm86_stub_4, vm86_stub_5, vm86_stub_6,
    vm86_stub_7, vm86_stub_10, vm86_stub_11, vm86_stub_12, vm86_stub_13, vm86_stub_14,
    vm86_stub_16, vm86_stub_17, vm86_stub_19,
};

static inline uint32_t vm86_stack_top(void)
{
    return (uint32_t)(uintptr_t)(vm86_stack + sizeof(vm86_stack) - 64);
}

static inline uint32_t caller_iopl(void)
{
    uint32_t f;

    __asm__ __volatile__("pushf; pop %0" : "=r"(f));
    return f & EF_IOPL;
}

/* The caller's IOPL when vm86_enter() made the call. */
static uint32_t vm86_iopl_before;

/* The EFLAGS VM86 runs with, given the frame's (ABI.md §6). */
static inline uint32_t vm86_eflags(uint32_t passed)
{
    uint32_t iopl = vm86_iopl_before;

    return (passed & ~EF_IOPL) | iopl | EF_VM | (iopl == 0 ? EF_IF : 0);
}

HELPER void vm86_check(const char *what, const char *field, uint32_t got, uint32_t want)
{
    if (got != want)
        xtf_failure("Fail: %s: %s: expected %#x got %#x\n", what, field, want, got);
}

/* Routes vectors 0-19 (except 2, 8, 9, 15, 18) and 0x40/0x41 to the stubs. */
HELPER bool vm86_catch(unsigned int dpl40, unsigned int dpl41)
{
    trap_info_t t[ARRAY_SIZE(vm86_vectors) + 3];
    unsigned int i;
    long rc;

    for (i = 0; i < ARRAY_SIZE(vm86_vectors); i++)
        t[i] = (trap_info_t){ .vector = vm86_vectors[i], .flags = 0, .cs = FLAT_RING1_CS,
                              .address = (uint32_t)(uintptr_t)vm86_stubs[i] };
    t[i++] = (trap_info_t){ 0x40, (uint8_t)dpl40, FLAT_RING1_CS, (uintptr_t)vm86_stub_64 };
    t[i++] = (trap_info_t){ 0x41, (uint8_t)dpl41, FLAT_RING1_CS, (uintptr_t)vm86_stub_65 };
    t[i] = (trap_info_t){ 0 };
    rc = HYPERVISOR_set_trap_table(t);
    if (rc)
        xtf_error("Error: set_trap_table(VM86 stubs): %ld\n", rc);
    return rc == 0;
}

/* Gives vectors 0-19 back to the runtime. */
HELPER void vm86_release(void)
{
    trap_info_t t[GUEST_NR_TRAPS + 1];
    unsigned int v;
    long rc;

    for (v = 0; v < GUEST_NR_TRAPS; v++)
        t[v] = (trap_info_t){ (uint8_t)v, (v == X86_EXC_BP || v == X86_EXC_OF) ? 3 : 0,
                              FLAT_RING1_CS, trap_entry_table[v] };
    t[v] = (trap_info_t){ 0 };
    rc = HYPERVISOR_set_trap_table(t);
    if (rc)
        xtf_error("Error: restoring the runtime's trap table: %ld\n", rc);
}

/*
 * Maps linear VM86_LINEAR for ring 3 (an L1 in slot 0 if there is none),
 * points SS1:ESP1 at vm86_stack; returns a writable view of the page.
 */
HELPER uint8_t *vm86_prepare(void)
{
    uint32_t l2_ma = virt_to_mfn((const void *)start_info->pt_base) << PAGE_SHIFT;
    const volatile uint32_t *pte = guest_pte(VM86_LINEAR);
    uint8_t *page;
    uint32_t *l1;
    long rc;

    if (!pte) {
        l1 = alloc_page();
        if (!l1) {
            xtf_error("Error: no page for the L1 of slot 0\n");
            return NULL;
        }
        rc = guest_set_pte((uintptr_t)l1, (virt_to_mfn(l1) << PAGE_SHIFT) | _PAGE_PRESENT);
        if (!rc)
            rc = mmu_update_one(l2_ma, (virt_to_mfn(l1) << PAGE_SHIFT) | VM86_PDE);
        if (rc) {
            xtf_error("Error: installing an L1 in slot 0: %ld\n", rc);
            return NULL;
        }
    }
    page = alloc_page();
    if (!page) {
        xtf_error("Error: no page for the VM86 code\n");
        return NULL;
    }
    rc = HYPERVISOR_update_va_mapping(VM86_LINEAR >> PAGE_SHIFT,
                                      (virt_to_mfn(page) << PAGE_SHIFT) | VM86_PTE, UVMF_INVLPG);
    if (!rc)
        rc = HYPERVISOR_stack_switch(FLAT_RING1_DS, vm86_stack_top());
    if (rc) {
        xtf_error("Error: mapping %#lx or stack_switch: %ld\n", VM86_LINEAR, rc);
        return NULL;
    }
    return page;
}

/* A frame for code at VM86_SEG:ip, with eax and eflags; ES DS FS GS distinct. */
static inline struct vm86_args vm86_frame(uint32_t eax, uint32_t ip, uint32_t eflags)
{
    return (struct vm86_args){ eax, ip, VM86_SEG, eflags, VM86_SP, VM86_SEG,
                               0x1111, 0x2222, 0x3333, 0x4444 };
}

/* Runs a; true if a trap came back into vcap (see the top). */
HELPER bool vm86_enter(const struct vm86_args *a)
{
    long rc;

    memset((void *)&vcap, 0, sizeof(vcap));
    vm86_iopl_before = caller_iopl();
    rc = vm86_run(a);
    if (vcap.count)
        return true;
    if (rc == -XEN_ENOSYS)
        xtf_skip("Skip: switch_vm86 answers -ENOSYS\n");
    else
        xtf_failure("Fail: switch_vm86 returned %ld: expected execution in VM86 mode\n", rc);
    return false;
}

/*
 * Checks vcap against a trap from VM86 code entered with a (ABI.md §6): the
 * frame on SS1:ESP1 is [errcode] EIP CS EFLAGS ESP SS ES DS FS GS, and the
 * handler runs with DS-GS = 0.
 */
HELPER void vm86_check_trap(const char *what, unsigned int vector, bool has_err, uint32_t err,
                            uint32_t eip, const struct vm86_args *a)
{
    unsigned int n = has_err ? 10 : 9, i = 0;

    if (vcap.count != 1 || vcap.vector != vector) {
        xtf_failure("Fail: %s: expected one trap %u got %u traps, the last %u (w0 %#x w1 %#x)\n",
                    what, vector, vcap.count, vcap.vector, vcap.w[0], vcap.w[1]);
        return;
    }
    vm86_check(what, "frame address (handler ESP)", vcap.esp, vm86_stack_top() - 4 * n);
    vm86_check(what, "handler SS", vcap.ss & 0xFFFF, FLAT_RING1_DS);
    if (has_err)
        vm86_check(what, "error code", vcap.w[i++], err);
    vm86_check(what, "frame EIP", vcap.w[i++], eip);
    vm86_check(what, "frame CS", vcap.w[i++] & 0xFFFF, a->cs);
    vm86_check(what, "frame EFLAGS (RF ignored)", vcap.w[i++] & ~EF_RF, vm86_eflags(a->eflags));
    vm86_check(what, "frame ESP", vcap.w[i++], a->esp);
    vm86_check(what, "frame SS", vcap.w[i++] & 0xFFFF, a->ss);
    vm86_check(what, "frame ES", vcap.w[i++] & 0xFFFF, a->es);
    vm86_check(what, "frame DS", vcap.w[i++] & 0xFFFF, a->ds);
    vm86_check(what, "frame FS", vcap.w[i++] & 0xFFFF, a->fs);
    vm86_check(what, "frame GS", vcap.w[i++] & 0xFFFF, a->gs);
    vm86_check(what, "handler DS", vcap.ds & 0xFFFF, 0);
    vm86_check(what, "handler ES", vcap.es & 0xFFFF, 0);
    vm86_check(what, "handler FS", vcap.fs & 0xFFFF, 0);
    vm86_check(what, "handler GS", vcap.gs & 0xFFFF, 0);
    vm86_check(what, "ring 1's IOPL afterwards", caller_iopl(), vm86_iopl_before);
}

HELPER void vm86_check_alive(void)
{
    long rc = HYPERVISOR_xen_version(XENVER_version);

    if (rc != XEN_VERSION_2_0)
        xtf_failure("Fail: xen_version afterwards: expected %#x got %#lx\n", XEN_VERSION_2_0, rc);
}

#endif /* VM86_HELPERS_H */
