/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * trap_helpers.h: what the trap tests (tests/guest/trap_*, int_*, stack_*,
 * callback_*) share. Not a test itself: it defines symbols, so exactly one
 * file of each test includes it.
 *
 * Raw capture (ABI.md §6). capture_entry is a handler that copies the
 * hypervisor's frame, as it lies on the stack, into `cap`, then abandons
 * it and returns from the capture_run*() call that started the code (a
 * longjmp). Installed as an exception handler, an INT n target, the
 * failsafe or the event callback, it shows the exact words the hypervisor
 * pushed, whatever the frame's shape.
 *
 *   capture_run(code)         calls code (assembly, ring 1); code runs with
 *                             ESP = cap_resume_esp - 4, so a same-ring frame
 *                             of n words starts at ring1_frame_base(n).
 *   ring3_run(code)           irets to code in ring 3 (FLAT_RING3_CS/DS) on
 *                             user_stack_top(), after ring3_prepare(code):
 *                             code's page and the user stack get _PAGE_USER
 *                             and SS1:ESP1 is pointed at r1_stack_top() (once,
 *                             with stack_switch).
 *
 * Both return true if capture_entry ran, false if code returned (ring-1
 * code only: ring-3 code must trap, and may touch only the user stack).
 * Ring-3 code lives in RING3_SECTION. Snippets record the EFLAGS they trap
 * with in cap_eflags (ring 1) or push them on the user stack (ring 3).
 *
 * Also here: frame and value checks that report "expected X got Y",
 * raise_int() for ring-1 INT n, and dom0's watch over a domU victim.
 */
#ifndef TRAP_HELPERS_H
#define TRAP_HELPERS_H

#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/mm.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/traps.h>

struct trap_capture {
    uint32_t count;         /* @0: runs of capture_entry */
    uint32_t esp;           /* @4: ESP at entry: the frame's lowest word */
    uint32_t ss;            /* @8: SS at entry */
    uint32_t eax;           /* @12: EAX at entry */
    uint32_t ds;            /* @16: DS at entry */
    uint32_t upcall_mask;   /* @20: vcpu_data[0].evtchn_upcall_mask at entry, ~0 if unmapped */
    uint32_t w[8];          /* @24: the words from ESP upward */
};

volatile struct trap_capture cap;
uint32_t cap_resume_esp;    /* capture_run*()'s ESP, restored by capture_entry */
uint32_t cap_eflags;        /* EFLAGS a snippet saw just before its trapping instruction */

/* SS1:ESP1 for ring-3 tests, with slack above the top for capture_entry's reads. */
static uint8_t r1_stack[8192] __aligned(16);
static uint8_t user_stack[PAGE_SIZE] __aligned(PAGE_SIZE);

/* Not every test uses every helper. */
#define HELPER static __attribute__((unused))

#define RING3_SECTION ".text.ring3"

void capture_entry(void);
bool capture_run(void (*code)(void));
bool capture_run_ring3(void (*code)(void), uint32_t user_esp);

__asm__(
    "    .text\n"
    "    .globl capture_entry\n"
    "capture_entry:\n"
    /* DS may be 0 (failsafe) or ring 3's: every access goes through SS. */
    "    mov     %eax, %ss:cap + 12\n"
    "    mov     %ds, %eax\n"
    "    mov     %eax, %ss:cap + 16\n"
    "    mov     %esp, %ss:cap + 4\n"
    "    mov     %ss, %eax\n"
    "    mov     %eax, %ss:cap + 8\n"
    "    mov     $-1, %eax\n"
    "    cmpl    $0, %ss:shared_info\n"
    "    je      1f\n"
    "    mov     %ss:shared_info, %eax\n"
    "    movzbl  %ss:1(%eax), %eax\n"       /* vcpu_data[0].evtchn_upcall_mask */
    "1:  mov     %eax, %ss:cap + 20\n"
    "    .irp    i, 0, 1, 2, 3, 4, 5, 6, 7\n"
    "    mov     4*\\i(%esp), %eax\n"
    "    mov     %eax, %ss:cap + 24 + 4*\\i\n"
    "    .endr\n"
    "    incl    %ss:cap\n"
    "    mov     $" STRINGIFY(FLAT_RING1_DS) ", %eax\n"
    "    mov     %eax, %ds\n"
    "    mov     %eax, %es\n"
    "    mov     %eax, %ss\n"
    "    mov     cap_resume_esp, %esp\n"
    "    mov     $1, %eax\n"
    "    jmp     capture_return\n"
    "\n"
    "    .globl capture_run\n"
    "capture_run:\n"
    "    push    %ebp\n"
    "    push    %ebx\n"
    "    push    %esi\n"
    "    push    %edi\n"
    "    push    %fs\n"
    "    push    %gs\n"
    "    mov     %esp, cap_resume_esp\n"
    "    call    *28(%esp)\n"
    "    xor     %eax, %eax\n"
    "capture_return:\n"
    "    pop     %gs\n"
    "    pop     %fs\n"
    "    pop     %edi\n"
    "    pop     %esi\n"
    "    pop     %ebx\n"
    "    pop     %ebp\n"
    "    ret\n"
    "\n"
    "    .globl capture_run_ring3\n"
    "capture_run_ring3:\n"
    "    push    %ebp\n"
    "    push    %ebx\n"
    "    push    %esi\n"
    "    push    %edi\n"
    "    push    %fs\n"
    "    push    %gs\n"
    "    mov     %esp, cap_resume_esp\n"
    "    mov     28(%esp), %eax\n"
    "    mov     32(%esp), %ecx\n"
    "    pushf\n"
    "    pop     %edx\n"
    "    mov     %edx, cap_eflags\n"
    "    push    $" STRINGIFY(FLAT_RING3_DS) "\n"
    "    push    %ecx\n"
    "    push    %edx\n"
    "    push    $" STRINGIFY(FLAT_RING3_CS) "\n"
    "    push    %eax\n"
    "    mov     $" STRINGIFY(FLAT_RING3_DS) ", %eax\n"
    "    mov     %eax, %ds\n"
    "    mov     %eax, %es\n"
    "    iret\n");

/* Where a same-ring frame of n words starts when code traps at its first level. */
static inline uint32_t ring1_frame_base(unsigned int n)
{
    return cap_resume_esp - 4 - 4 * n;
}

static inline uint32_t r1_stack_top(void)
{
    return (uint32_t)(uintptr_t)(r1_stack + sizeof(r1_stack) - 64);
}

static inline uint32_t user_stack_top(void)
{
    return (uint32_t)(uintptr_t)(user_stack + sizeof(user_stack) - 16);
}

static inline void reset_capture(void)
{
    memset((void *)&cap, 0, sizeof(cap));
}

HELPER void check_u32(const char *what, uint32_t got, uint32_t want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %#x got %#x\n", what, want, got);
}

HELPER void check_long(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s: expected %ld got %ld\n", what, want, got);
}

/*
 * The frame capture_entry saw: n words, each compared in full except
 * selector words (mask 0xFFFF: the hypervisor may leave the upper half of
 * a pushed selector undefined, as the CPU does).
 */
struct frame_word {
    const char *name;
    uint32_t want;
    uint32_t mask;
};

HELPER void check_frame(const char *what, const struct frame_word *f, unsigned int n)
{
    unsigned int i;

    for (i = 0; i < n; i++) {
        uint32_t got = cap.w[i] & f[i].mask;

        if (got != (f[i].want & f[i].mask))
            xtf_failure("Fail: %s: frame word %u (%s): expected %#x got %#x\n", what, i,
                        f[i].name, f[i].want & f[i].mask, got);
    }
}

#define FW(name, want)      {name, (uint32_t)(want), ~0U}
#define FW_SEL(name, want)  {name, (uint32_t)(want), 0xFFFFU}
/* EFLAGS: a fault's saved image may have RF set by the CPU. */
#define FW_FLAGS(want)      {"EFLAGS", (uint32_t)(want), ~0x10000U}

/* The runtime's own handler for vector v, as start of day installed it. */
HELPER void restore_runtime_trap(unsigned int v)
{
    unsigned int dpl = (v == X86_EXC_BP || v == X86_EXC_OF) ? 3 : 0;
    long rc = guest_set_trap(v, dpl, (void (*)(void))trap_entry_table[v]);

    if (rc)
        xtf_error("Error: restoring the handler of vector %u: %ld\n", v, rc);
}

HELPER long install_capture(unsigned int v, unsigned int flags)
{
    long rc = guest_set_trap(v, flags, capture_entry);

    if (rc)
        xtf_error("Error: set_trap_table(vector %#x, flags %u): %ld\n", v, flags, rc);
    return rc;
}

/* Gives the page holding va _PAGE_USER, so that ring 3 may use it. */
HELPER bool make_user_page(const void *va)
{
    unsigned long page = (uintptr_t)va & PAGE_MASK;
    const volatile uint32_t *pte = guest_pte(page);
    long rc;

    if (!pte || !(*pte & _PAGE_PRESENT)) {
        xtf_error("Error: %p is not mapped\n", va);
        return false;
    }
    if (*pte & _PAGE_USER)
        return true;
    rc = guest_set_pte(page, *pte | _PAGE_USER);
    if (rc) {
        xtf_error("Error: cannot give %p to ring 3: %ld\n", va, rc);
        return false;
    }
    return true;
}

static bool ring3_stack_ready;

/*
 * Maps code's page and the user stack for ring 3 and points SS1:ESP1 at
 * r1_stack; once done, ring3_run() makes no hypercall before entering
 * ring 3 (a test that arms an upcall first relies on that).
 */
HELPER bool ring3_prepare(void (*code)(void))
{
    const uint8_t *p = (const uint8_t *)code;
    long rc;

    if (!make_user_page(p) || !make_user_page(p + 15) || !make_user_page(user_stack))
        return false;
    if (!ring3_stack_ready) {
        rc = HYPERVISOR_stack_switch(FLAT_RING1_DS, r1_stack_top());
        if (rc) {
            xtf_error("Error: stack_switch(FLAT_RING1_DS, r1_stack): %ld\n", rc);
            return false;
        }
        ring3_stack_ready = true;
    }
    return true;
}

/* Runs ring-3 code; false (with an error recorded) if it could not be set up. */
HELPER bool ring3_run(void (*code)(void))
{
    if (!ring3_prepare(code))
        return false;
    reset_capture();
    if (!capture_run_ring3(code, user_stack_top())) {
        xtf_error("Error: ring-3 code returned\n");
        return false;
    }
    return true;
}

/*
 * Ring-1 snippets raising INT n: int_<n>, and int_<n>_next after the int.
 * raise_int() runs one and tells what reached the guest, with the runtime's
 * #GP handler replaced by capture_entry meanwhile (vector n must lead to
 * capture_entry too, if it leads anywhere).
 */
#define INT_SNIPPET(n) \
    ".text\nint_" #n ":\n    int     $" #n "\nint_" #n "_next:\n    ret\n"
#define DECLARE_INT_SNIPPET(n) void int_##n(void), int_##n##_next(void)
#define RAISE_INT(n) raise_int(n, int_##n, int_##n##_next)

enum int_outcome { INT_NOTHING, INT_HANDLER, INT_GP, INT_OTHER };

static const char *const int_outcome_names[] = {
    [INT_NOTHING] = "nothing", [INT_HANDLER] = "its handler",
    [INT_GP] = "#GP((n << 3) | 2)", [INT_OTHER] = "an unexpected frame",
};

HELPER enum int_outcome raise_int(unsigned int n, void (*code)(void), void (*next)(void))
{
    bool ran;

    if (install_capture(X86_EXC_GP, 0))
        return INT_OTHER;
    reset_capture();
    ran = capture_run(code);
    restore_runtime_trap(X86_EXC_GP);
    if (!ran)
        return INT_NOTHING;
    if (cap.esp == ring1_frame_base(3) && cap.w[0] == (uintptr_t)next)
        return INT_HANDLER;
    if (cap.esp == ring1_frame_base(4) && cap.w[0] == ((n << 3) | 2))
        return INT_GP;
    return INT_OTHER;
}

HELPER void check_int(const char *what, unsigned int n, enum int_outcome got,
                      enum int_outcome want)
{
    if (got != want)
        xtf_failure("Fail: %s: int $%#x expected %s got %s\n", what, n, int_outcome_names[want],
                    int_outcome_names[got]);
}

/*
 * The runtime's callbacks (guests/lib/entry.S; global symbols, though not
 * in its public headers), for tests that replace them to put them back.
 */
void event_callback_entry(void);
void failsafe_callback_entry(void);

HELPER void restore_runtime_callbacks(void)
{
    long rc = HYPERVISOR_set_callbacks(FLAT_RING1_CS, (uintptr_t)event_callback_entry,
                                       FLAT_RING1_CS, (uintptr_t)failsafe_callback_entry);

    if (rc)
        xtf_error("Error: restoring the runtime's callbacks: %ld\n", rc);
}

/* Maps the page holding va read-only (same frame). */
HELPER bool make_readonly_page(const void *va)
{
    unsigned long page = (uintptr_t)va & PAGE_MASK;
    const volatile uint32_t *pte = guest_pte(page);

    return pte && (*pte & _PAGE_PRESENT) && guest_set_pte(page, *pte & ~_PAGE_RW) == 0;
}

/*
 * Two-domain attack tests (DOMU "domU name=victim mem=4096"): the victim
 * is domain 1. Its own verdicts: a domU cannot print, so it shuts down with
 * VICTIM_SETUP_FAILED when it could not stage the attack and with
 * VICTIM_SURVIVED if it lived through it; the expected outcome is a crash.
 */
#define VICTIM_DOMID            1
#define VICTIM_SETUP_FAILED     SHUTDOWN_reboot
#define VICTIM_SURVIVED         SHUTDOWN_poweroff

/* Dom0: yields until domain 1 has crashed or shut down; checks it crashed. */
HELPER void dom0_expect_victim_crashed(void)
{
    dom0_op_t op;
    uint32_t flags = 0;
    unsigned int i;
    long rc;

    for (i = 0; i < 100000; i++) {
        memset(&op, 0, sizeof(op));
        op.cmd = DOM0_GETDOMAININFO;
        op.interface_version = DOM0_INTERFACE_VERSION;
        op.u.getdomaininfo.domain = VICTIM_DOMID;
        rc = HYPERVISOR_dom0_op(&op);
        if (rc || op.u.getdomaininfo.domain != VICTIM_DOMID) {
            xtf_error("Error: GETDOMAININFO(1): rc %ld, domain %u\n", rc,
                      op.u.getdomaininfo.domain);
            return;
        }
        flags = op.u.getdomaininfo.flags;
        if (flags & (DOMFLAGS_CRASHED | DOMFLAGS_SHUTDOWN))
            break;
        HYPERVISOR_yield();
    }
    if (!(flags & (DOMFLAGS_CRASHED | DOMFLAGS_SHUTDOWN))) {
        xtf_failure("Fail: the victim neither crashed nor shut down: timed out (flags %#x)\n",
                    flags);
        return;
    }
    if (flags & DOMFLAGS_CRASHED)
        return;
    switch ((flags >> DOMFLAGS_SHUTDOWNSHIFT) & DOMFLAGS_SHUTDOWNMASK) {
    case VICTIM_SETUP_FAILED:
        xtf_error("Error: the victim could not stage the attack\n");
        break;
    case VICTIM_SURVIVED:
        xtf_failure("Fail: victim: expected CRASHED got a domain that survived the attack\n");
        break;
    default:
        xtf_failure("Fail: victim: expected CRASHED got shutdown, flags %#x\n", flags);
        break;
    }
}

#endif /* TRAP_HELPERS_H */
