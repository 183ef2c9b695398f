/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arch-x86_32.h: the x86_32 (i686, no PAE) part of the Xen 2.0 guest
 * interface: basic types, reserved GDT entries and flat selectors, the
 * guest-visible address map, trap tables and the saved CPU context.
 *
 * Layout rules for every public header:
 *  - All structures are little-endian and laid out exactly as on a Xen
 *    2.0.6 i386 build. Offsets are given as "@n" (bytes) in the comments.
 *  - A memory_t (machine address, frame number, page count or guest
 *    virtual address) is 32 bits followed by 32 bits of padding, written
 *    "4(+4)". The padding is explicit (MEMORY_PADDING) and must be zero.
 *  - No structure holds a real pointer: guest pointers are guest_va_t (a
 *    32-bit guest virtual address), so the same header describes the same
 *    bytes when compiled for i386 (the hypervisor, the guests) and for a
 *    64-bit host (tools, unit tests). tests/unit/public_abi_asserts.h pins
 *    every size and offset on both.
 *  - Padding is explicit, so natural alignment already gives the right
 *    layout. XEN_PACKED_ALIGN4 is used only where a 64-bit field sits at a
 *    4-byte offset (legal on i386, padded on x86_64); XEN_PACKED only for
 *    structures whose size is not a multiple of their widest field.
 */
#ifndef XEN_PUBLIC_ARCH_X86_32_H
#define XEN_PUBLIC_ARCH_X86_32_H

/*
 * HYPERCALL ENTRY
 * A hypercall is "int $0x82" from ring 1 (the gate has DPL 1), with the call
 * number in EAX and arguments 1-5 in EBX, ECX, EDX, ESI, EDI. The result
 * comes back in EAX. See xen.h for the numbers and the register contract.
 */
#define XEN_HYPERCALL_VECTOR    0x82
#define TRAP_INSTR              "int $0x82"

/*
 * SEGMENT DESCRIPTOR TABLES
 * GDT entries 256-295 belong to the hypervisor in every GDT (they sit high
 * because some OSes hard-code low selectors in their ABI). Entries 0-255 of
 * a guest GDT's first frame and every entry of its other frames are the
 * guest's; entries 256-295 of the first frame are filled in by the
 * hypervisor and update_descriptor refuses to write them.
 */
#define FIRST_RESERVED_GDT_ENTRY    256
#define LAST_RESERVED_GDT_ENTRY     295
#define NR_RESERVED_GDT_ENTRIES     (LAST_RESERVED_GDT_ENTRY - FIRST_RESERVED_GDT_ENTRY + 1)

/*
 * Flat segments present in every GDT, including the default one, so a guest
 * need not install a GDT at all. Base 0, limit 0xFC3FF pages (they end at
 * 0xFC3FFFFF, just above the read-only M2P table), 32-bit, G=1.
 *   FLAT_RING1_CS  entry 259, DPL 1 code: the guest kernel's CS
 *   FLAT_RING1_DS  entry 260, DPL 1 data: the guest kernel's DS/ES/SS
 *   FLAT_RING3_CS  entry 261, DPL 3 code: guest user space
 *   FLAT_RING3_DS  entry 262, DPL 3 data: guest user space
 * Start of day: CS = FLAT_RING1_CS, DS = ES = FS = GS = SS = FLAT_RING1_DS.
 * Entry 257/258 (0x0808/0x0810) are the hypervisor's ring-0 segments and
 * 264+2n / 265+2n its per-CPU TSS and LDT descriptors.
 */
#define FLAT_RING1_CS       0x0819
#define FLAT_RING1_DS       0x0821
#define FLAT_RING3_CS       0x082B
#define FLAT_RING3_DS       0x0833

#define FLAT_GUESTOS_CS     FLAT_RING1_CS
#define FLAT_GUESTOS_DS     FLAT_RING1_DS
#define FLAT_USER_CS        FLAT_RING3_CS
#define FLAT_USER_DS        FLAT_RING3_DS

/* Limits a guest GDT must respect (set_gdt, hypercall 2). */
#define XEN_GDT_MIN_ENTRIES     296     /* must cover the reserved entries */
#define XEN_GDT_MAX_ENTRIES     8192
#define XEN_GDT_MAX_FRAMES      16

/* Largest LDT (MMUEXT_SET_LDT): 8192 entries of 8 bytes. */
#define XEN_LDT_MAX_ENTRIES     8192

/*
 * GUEST ADDRESS MAP
 * 0 - 0xFBFFFFFF          the guest's own (L2 slots 0-1007)
 * 0xFC000000 - 0xFC3FFFFF the read-only machine-to-physical table: one u32
 *                         per machine frame, indexed by MFN, holding the PFN
 *                         its owner gave it (MMU_MACHPHYS_UPDATE). Readable
 *                         from ring 1 only (mapped with US=0). 0xFFFFFFFF
 *                         marks hypervisor-owned frames shared with a
 *                         domain; 0x55555555 an entry never written.
 * 0xFC400000 and above    hypervisor-private (L2 slots 1009-1023)
 * Every guest pointer passed to a hypercall must lie wholly below
 * HYPERVISOR_VIRT_START, else the call fails with -EFAULT.
 */
#define MACH2PHYS_VIRT_START    0xFC000000
#define MACH2PHYS_VIRT_END      0xFC400000
#define MACH2PHYS_NR_ENTRIES    0x100000        /* 4 GB of machine memory */
#ifndef HYPERVISOR_VIRT_START
#define HYPERVISOR_VIRT_START   0xFC000000
#endif
#define XEN_FIRST_HYPERVISOR_L2_SLOT 1008       /* 0xFC000000 >> 22 */

#ifndef __ASSEMBLER__

#include <stdint.h>

/* A machine address, frame number or page count: 4(+4) in structures. */
typedef uint32_t memory_t;
/* A guest virtual address standing for a pointer: 4(+4) in structures. */
typedef uint32_t guest_va_t;
/* A full-sized register (multicall arguments). */
typedef uint32_t cpureg_t;

/* The 32 bits that follow each memory_t / guest_va_t; write zero. */
#define MEMORY_PADDING(field)   uint32_t _pad_##field

#define XEN_PACKED          __attribute__((packed))
#define XEN_PACKED_ALIGN4   __attribute__((packed, aligned(4)))

/*
 * set_trap_table (hypercall 0) takes an array of these, ended by an entry
 * whose address is 0. GETDOMAININFO/BUILDDOMAIN carry all 256 of them.
 * A vector with no handler defaults to { FLAT_RING1_CS, 0 }.
 */
typedef struct trap_info {
    uint8_t  vector;    /* @0: 0-255 */
    /*
     * @1: bits 0-1 = DPL, the least privileged ring that may raise this
     * vector with "INT n" (3 lets user space use it as a system call);
     * bit 2 = IF: entering the handler sets upcall_mask = 1, like an
     * interrupt gate clearing EFLAGS.IF.
     */
    uint8_t  flags;
    uint16_t cs;        /* @2: handler code selector; RPL 1, see selector check */
    memory_t address;   /* @4: handler EIP; 0 ends a set_trap_table list */
} trap_info_t;          /* 8 bytes */

#define TI_GET_DPL(_ti)         ((_ti)->flags & 3)
#define TI_GET_IF(_ti)          ((_ti)->flags & 4)
#define TI_SET_DPL(_ti, _dpl)   ((_ti)->flags |= (_dpl))
#define TI_SET_IF(_ti, _if)     ((_ti)->flags |= ((!!(_if)) << 2))

/*
 * The general registers of a domain (layout of 2.0.1 and later; 2.0.0 had
 * ds@28 es@32 fs@36 gs@40 unused@44 eip@48 cs@52 eflags@56 esp@60 ss@64,
 * under DOM0_INTERFACE_VERSION 0xAAAA0019). Every field is 32 bits wide;
 * selectors occupy the low 16 bits.
 */
typedef struct execution_context {
    uint32_t ebx;       /* @0 */
    uint32_t ecx;       /* @4 */
    uint32_t edx;       /* @8 */
    uint32_t esi;       /* @12 */
    uint32_t edi;       /* @16 */
    uint32_t ebp;       /* @20 */
    uint32_t eax;       /* @24 */
    uint32_t _unused;   /* @28: ignored by BUILDDOMAIN, undefined from GETDOMAININFO */
    uint32_t eip;       /* @32 */
    uint32_t cs;        /* @36: RPL must not be 0 (BUILDDOMAIN -EINVAL) */
    uint32_t eflags;    /* @40 */
    uint32_t esp;       /* @44 */
    uint32_t ss;        /* @48: RPL must not be 0 (BUILDDOMAIN -EINVAL) */
    uint32_t es;        /* @52 */
    uint32_t ds;        /* @56 */
    uint32_t fs;        /* @60 */
    uint32_t gs;        /* @64 */
} execution_context_t;  /* 68 bytes */

/*
 * The whole state of a domain's (single) VCPU, written by GETDOMAININFO
 * and loaded by BUILDDOMAIN (dom0_ops.h).
 *
 * (quirk) Xen 2.0 moves a 512-byte FXSAVE image at fpu_ctxt in both
 * directions although the field is 256 bytes: on GETDOMAININFO the excess
 * is overwritten by trap_ctxt, so only FXSAVE bytes 0-255 come back; on
 * BUILDDOMAIN FXSAVE bytes 256-511 are taken from the first 256 bytes of
 * trap_ctxt.
 */
#define ECF_I387_VALID      (1 << 0)    /* fpu_ctxt holds a valid FPU state */
typedef struct full_execution_context {
    uint32_t flags;                 /* @0: ECF_I387_VALID once the FPU was used */
    execution_context_t cpu_ctxt;   /* @4: general registers */
    uint8_t  fpu_ctxt[256];         /* @72: FXSAVE (or FSAVE) image, see above */
    trap_info_t trap_ctxt[256];     /* @328: the virtual IDT, indexed by vector */
    uint32_t fast_trap_idx;         /* @2376: set_fast_trap vector, 0 = none */
    uint32_t ldt_base;              /* @2380: LDT guest VA (page-aligned) */
    uint32_t ldt_ents;              /* @2384: LDT entries, 0 = no LDT */
    uint32_t gdt_frames[16];        /* @2388: GDT MFNs (typed GDT, read-only) */
    uint32_t gdt_ents;              /* @2452: GDT entries, 0 = default GDT */
    uint32_t guestos_ss;            /* @2456: SS1, ring-1 stack for ring 2/3 entry */
    uint32_t guestos_esp;           /* @2460: ESP1 */
    uint32_t pt_base;               /* @2464: machine address of the L2 (CR3) */
    uint32_t debugreg[8];           /* @2468: DR0-DR7 as set_debugreg stored them */
    uint32_t event_callback_cs;     /* @2500: event upcall CS:EIP */
    uint32_t event_callback_eip;    /* @2504 */
    uint32_t failsafe_callback_cs;  /* @2508: failsafe CS:EIP */
    uint32_t failsafe_callback_eip; /* @2512 */
} full_execution_context_t;         /* 2516 bytes */

/* A raw 64-bit TSC value. */
typedef uint64_t tsc_timestamp_t;

/* The architecture part of shared_info_t (xen.h), at @328 of it. */
typedef struct arch_shared_info {
    /* @0: MFN of the first page of the M2P table; written by the hypervisor. */
    memory_t mfn_to_pfn_start;
    MEMORY_PADDING(mfn_to_pfn_start);
    /*
     * @8: written by the guest: MFN of a page listing the MFNs of its p2m
     * array (u32 per PFN), which save/restore and migration tools read.
     */
    memory_t pfn_to_mfn_frame_list;
    MEMORY_PADDING(pfn_to_mfn_frame_list);
} arch_shared_info_t;               /* 16 bytes */

#endif /* !__ASSEMBLER__ */

#endif /* XEN_PUBLIC_ARCH_X86_32_H */
