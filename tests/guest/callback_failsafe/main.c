/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * callback_failsafe: the failsafe callback (ABI.md §6). The guest installs
 * its own GDT whose entry 10 is flat ring-1 data, loads selector 0x51 into
 * FS (then, in a second run, DS) and asks update_descriptor to make entry
 * 10 not present. Tessera's reload of that selector on the way back from
 * the hypercall faults, so it enters the failsafe callback with the frame
 * DS ES FS GS EIP CS EFLAGS: the original selector values (0x51 among
 * them), EIP after the int, EAX holding the call's result (0).
 */
#include "../trap_common/trap_helpers.h"

#define SEL         0x51                /* GDT entry 10, RPL 1 */
#define FLAT_LO     0x0000c3ffU         /* base 0, limit 0xc3ff pages */
#define FLAT_HI     0x00cfb200U         /* G, D, P, DPL 1, data RW */
#define P_BIT       (1U << 15)

void code_fs(void), code_ds(void), code_next(void);
uint32_t ud_args[3];                    /* ma, lo, hi */

/* The arguments are loaded first: with DS = 0x51 nothing may touch memory. */
#define SNIPPET(name, sreg)                                             \
    #name ":\n"                                                         \
    "    mov     ud_args, %ebx\n"                                       \
    "    mov     ud_args + 4, %ecx\n"                                   \
    "    mov     ud_args + 8, %edx\n"                                   \
    "    pushf\n"                                                       \
    "    popl    cap_eflags\n"                                          \
    "    mov     $" STRINGIFY(SEL) ", %eax\n"                           \
    "    mov     %eax, " sreg "\n"                                      \
    "    mov     $" STRINGIFY(__HYPERVISOR_update_descriptor) ", %eax\n"\
    "    jmp     1f\n"

__asm__(".text\n" SNIPPET(code_fs, "%fs") SNIPPET(code_ds, "%ds")
        "1:  int     $0x82\n"
        "code_next:\n"
        "    mov     %eax, %ss:cap + 12\n"  /* no failsafe: keep the result */
        "    mov     $" STRINGIFY(FLAT_RING1_DS) ", %eax\n"
        "    mov     %eax, %ds\n"
        "    ret\n");

static uint32_t desc_ma;

static long set_entry(uint32_t hi)
{
    return HYPERVISOR_update_descriptor(desc_ma, FLAT_LO, hi);
}

static void run(const char *name, void (*code)(void), bool ds)
{
    uint32_t fs, gs;
    bool ran;

    __asm__ __volatile__("mov %%fs, %0; mov %%gs, %1" : "=r"(fs), "=r"(gs));
    check_long("update_descriptor(entry 10 present)", set_entry(FLAT_HI), 0);
    ud_args[0] = desc_ma;
    ud_args[1] = FLAT_LO;
    ud_args[2] = FLAT_HI & ~P_BIT;
    reset_capture();
    ran = capture_run(code);
    if (!ran) {
        xtf_failure("Fail: %s: expected the failsafe callback got a plain return "
                    "(update_descriptor: %d)\n", name, (int)cap.eax);
        return;
    }

    const struct frame_word f[] = {
        FW_SEL("DS", ds ? SEL : FLAT_RING1_DS), FW_SEL("ES", FLAT_RING1_DS),
        FW_SEL("FS", ds ? fs : SEL), FW_SEL("GS", gs),
        FW("EIP", (uintptr_t)code_next), FW_SEL("CS", FLAT_RING1_CS), FW_FLAGS(cap_eflags),
    };

    check_u32("failsafe runs", cap.count, 1);
    check_u32("frame address (7 words)", cap.esp, ring1_frame_base(7));
    check_frame(name, f, ARRAY_SIZE(f));
    check_u32("EAX in the failsafe callback (update_descriptor's result)", cap.eax, 0);
}

void test_main(void)
{
    uint64_t *gdt = alloc_page();
    exinfo_t fault = 0;
    uint32_t mfn;

    if (!gdt) {
        xtf_error("Error: no free page for a GDT\n");
        xtf_exit();
    }
    mfn = virt_to_mfn(gdt);
    gdt[10] = ((uint64_t)FLAT_HI << 32) | FLAT_LO;
    /* A GDT frame may be mapped read-only only. */
    if (guest_set_pte((uintptr_t)gdt, (mfn << PAGE_SHIFT) | _PAGE_PRESENT | _PAGE_ACCESSED) ||
        HYPERVISOR_set_gdt(&mfn, 296) != 0) {
        xtf_error("Error: cannot install a GDT of our own\n");
        xtf_exit();
    }
    desc_ma = (mfn << PAGE_SHIFT) + 8 * 10;
    check_long("set_callbacks(failsafe = capture)",
               HYPERVISOR_set_callbacks(FLAT_RING1_CS, (uintptr_t)event_callback_entry,
                                        FLAT_RING1_CS, (uintptr_t)capture_entry), 0);

    run("FS = 0x51 made not present", code_fs, false);
    run("DS = 0x51 made not present", code_ds, true);

    /* update_descriptor did take effect: loading 0x51 now raises #NP. */
    __asm__ __volatile__("1: mov %[sel], %%fs\n\t2:\n\t"
                         ASM_EXTABLE_HANDLER(1b, 2b, ex_record_fault_eax)
                         : "+a"(fault) : [sel] "r"(SEL));
    check_u32("loading 0x51 afterwards (exinfo)", fault, EXINFO_SYM(NP, SEL & ~3));

    restore_runtime_callbacks();
    check_long("xen_version(0) afterwards", HYPERVISOR_xen_version(0), XEN_VERSION_2_0);
    xtf_success(NULL);
}
