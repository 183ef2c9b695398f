/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xen.h: the Xen 2.0 guest interface (x86_32): hypercall numbers and their
 * contracts, MMU update commands, scheduler and memory operations, virtual
 * IRQs, reserved domain ids, and the two structures every guest starts
 * from: start_info_t and shared_info_t.
 *
 * Calling convention (see also arch-x86_32.h):
 *  - "int $0x82" from ring 1. Ring 3 gets #GP(0x82<<3|2) like any INT n.
 *  - EAX = call number, masked with 31: 24-31 return -ENOSYS, numbers of 32
 *    and above alias the low ones. EBX, ECX, EDX, ESI, EDI = arguments 1-5.
 *  - EAX returns a signed long, -errno on failure (XEN_E* below). The other
 *    general registers and DS/ES/FS/GS are preserved, except for calls that
 *    may be continued (below).
 *  - Pointer arguments are guest virtual addresses in the current address
 *    space; the whole object must lie below HYPERVISOR_VIRT_START and be
 *    readable (writable for outputs), else -EFAULT.
 *  - Pending events may be delivered (an event frame pushed) before the
 *    instruction after the "int" executes.
 *  - Continuations (2.0.2+): mmu_update, multicall, set_trap_table and
 *    dom_mem_op may be preempted. The hypervisor then rewrites the argument
 *    registers to describe the remaining work, sets EAX to the call number
 *    and backs EIP up by 2 so the call re-executes. Treat the argument
 *    registers of these four calls as clobbered.
 */
#ifndef XEN_PUBLIC_XEN_H
#define XEN_PUBLIC_XEN_H

#include "arch-x86_32.h"

/*
 * ERROR NUMBERS returned (negated) in EAX.
 */
#define XEN_EPERM       1   /* operation not permitted (privilege, selector) */
#define XEN_ESRCH       3   /* no such domain */
#define XEN_E2BIG       7   /* argument list too long */
#define XEN_EAGAIN      11  /* try again (memory still being scrubbed) */
#define XEN_ENOMEM      12  /* out of memory */
#define XEN_EACCES      13  /* wrong DOM0_INTERFACE_VERSION */
#define XEN_EFAULT      14  /* bad guest address */
#define XEN_EBUSY       16  /* resource in use (shared PIRQ) */
#define XEN_ENODEV      19  /* no such device */
#define XEN_EINVAL      22  /* invalid argument */
#define XEN_ENOSPC      28  /* no free event-channel port */
#define XEN_ENOSYS      38  /* unknown call or command */
#define XEN_ENODATA     61  /* no data (tracing off) */

/*
 * HYPERCALL NUMBERS (EAX). Arguments are listed in register order
 * EBX, ECX, EDX, ESI, EDI. "Priv" = dom0 or a domain granted
 * DOM0_PCIDEV_ACCESS; "physdev" = holds the physical-device capability.
 */

/*
 * set_trap_table(trap_info_t *table): copies entries into the virtual IDT
 * until one has address 0. 0; -EPERM if an entry's cs fails the selector
 * check (entries already copied stay); -EFAULT. Continuable.
 * Selector check: sel == FLAT_RING1_CS, or RPL 1 with either TI=1 (LDT) or
 * a GDT index outside 256-295.
 */
#define __HYPERVISOR_set_trap_table        0
/*
 * mmu_update(mmu_update_t *req, u32 count, u32 *done): applies requests in
 * order (MMU_* below). 0; -EINVAL at the first bad request (processing stops
 * there); -EFAULT. *done (if done != NULL) = requests completed. count must
 * be below 2^16. Continuable.
 */
#define __HYPERVISOR_mmu_update            1
/*
 * set_gdt(u32 *mfns, u32 entries): installs a GDT of `entries` descriptors
 * (296..8192) held in ceil(entries/512) <= 16 machine frames. Each frame is
 * typed GDT (so it may only be mapped read-only) and every descriptor
 * checked; entries 256-295 of the first frame are the hypervisor's. Flushes
 * the TLB, then loads it. 0; -EINVAL; -EFAULT.
 */
#define __HYPERVISOR_set_gdt               2
/*
 * stack_switch(u32 ss, u32 esp): sets SS1:ESP1, the stack used when ring 2/3
 * enters the guest kernel. 0; -EPERM if ss has RPL 0.
 */
#define __HYPERVISOR_stack_switch          3
/*
 * set_callbacks(u32 event_cs, u32 event_eip, u32 failsafe_cs,
 * u32 failsafe_eip): sets the event upcall and failsafe handlers. 0; -EPERM
 * if either selector fails the selector check.
 */
#define __HYPERVISOR_set_callbacks         4
/*
 * fpu_taskswitch(void): sets CR0.TS for the guest; its next FPU instruction
 * raises #NM, bounced to the guest with TS already clear. Returns 0.
 */
#define __HYPERVISOR_fpu_taskswitch        5
/* sched_op(u32 op): SCHEDOP_* below. 0; -ENOSYS for an unknown op. */
#define __HYPERVISOR_sched_op              6
/*
 * dom0_op(dom0_op_t *op): dom0_ops.h. Priv only (-EPERM); -EACCES if
 * op->interface_version != DOM0_INTERFACE_VERSION; -ENOSYS unknown cmd.
 */
#define __HYPERVISOR_dom0_op               7
/*
 * set_debugreg(u32 reg, u32 val): reg 0-3: val <= 0xFC3FFFFC else -EPERM.
 * reg 6: stored as (val & 0xFFFFEFFF) | 0xFFFF0FF0. reg 7: 0 disables;
 * otherwise stored as (val & 0xFFFF27FF) | 0x400, -EPERM if GD (bit 13) is
 * set or any 2-bit R/W or LEN field in bits 16-31 is 10b. Other reg:
 * -EINVAL. The registers are loaded on context switch only while DR7 != 0.
 */
#define __HYPERVISOR_set_debugreg          8
/*
 * get_debugreg(u32 reg): returns DR<reg> (0-7), else -EINVAL. DR6 is
 * captured here when the guest takes a #DB.
 */
#define __HYPERVISOR_get_debugreg          9
/*
 * update_descriptor(u32 ma, u32 lo, u32 hi): writes the descriptor lo:hi at
 * machine address ma (8-aligned) in a frame the caller owns that is typed
 * GDT or LDT, or can be typed writable. The descriptor check applies; slots
 * 256-295 of the current GDT's first frame are refused. 0; -EINVAL.
 */
#define __HYPERVISOR_update_descriptor    10
/*
 * set_fast_trap(u32 idx): lets "INT idx" (0x20-0x2F or 0x80) go straight
 * from ring 3 to traps[idx] through a real trap gate, without hypervisor
 * involvement or event masking. idx 0 disables. 0; literally -1 if idx is
 * not allowed or traps[idx] has the IF flag set.
 */
#define __HYPERVISOR_set_fast_trap        11
/*
 * dom_mem_op(u32 op, u32 *list, u32 n, u32 order, domid_t dom): MEMOP_*.
 * Returns the number of extents done (stops at the first failure).
 * dom != DOMID_SELF needs priv. Continuable: bits 4+ of op are a resume
 * index; callers pass 0.
 */
#define __HYPERVISOR_dom_mem_op           12
/*
 * multicall(multicall_entry_t *list, u32 nr): runs each entry's hypercall
 * and stores its result in args[5]. A failing entry does not stop the
 * batch. 0; -EFAULT bad list; -EINVAL if nested. Continuable (resumes at the
 * preempted entry, which is rewritten in the list).
 */
#define __HYPERVISOR_multicall            13
/*
 * update_va_mapping(u32 page_nr, u32 pte, u32 flags): writes the L1 entry
 * mapping VA page_nr<<12 (page_nr < 0xFC000), found through the current
 * page tables, with the L1 rules of mmu_update. flags: UVMF_*. 0; -EINVAL
 * (also when the covering PDE is not present).
 */
#define __HYPERVISOR_update_va_mapping    14
/*
 * set_timer_op(u32 hi, u32 lo): one-shot timer at absolute system time
 * hi:lo ns (a time in the past fires at once); 0 cancels. Expiry sends
 * VIRQ_TIMER. Returns 0.
 */
#define __HYPERVISOR_set_timer_op         15
/* event_channel_op(evtchn_op_t *op): event_channel.h. */
#define __HYPERVISOR_event_channel_op     16
/* xen_version(u32 cmd): XENVER_version returns major<<16 | minor. */
#define __HYPERVISOR_xen_version          17
/*
 * console_io(u32 cmd, u32 count, char *buf): CONSOLEIO_*. On release
 * builds only domain 0 may call it (-EPERM).
 */
#define __HYPERVISOR_console_io           18
/* physdev_op(physdev_op_t *op): physdev.h. */
#define __HYPERVISOR_physdev_op           19
/*
 * grant_table_op(u32 cmd, void *uop, u32 count): grant_table.h. Always
 * -ENOSYS in Xen 2.0.2 and later.
 */
#define __HYPERVISOR_grant_table_op       20
/*
 * vm_assist(u32 cmd, u32 type): VMASST_CMD_* of VMASST_TYPE_*. 0; -ENOSYS
 * for an unknown cmd; -EINVAL for type > MAX_VMASST_TYPE.
 */
#define __HYPERVISOR_vm_assist            21
/*
 * update_va_mapping_otherdomain(u32 page_nr, u32 pte, u32 flags,
 * domid_t dom): as update_va_mapping, but the mapped frame must belong to
 * dom; still edits the caller's own page tables. Priv only (-EPERM);
 * unknown dom -ESRCH.
 */
#define __HYPERVISOR_update_va_mapping_otherdomain 22
/*
 * switch_vm86(void) [2.0.2+]: the stack at ESP holds
 * [EAX][EIP CS EFLAGS ESP SS ES DS FS GS]; execution resumes in VM86 mode
 * with that state (VM forced to 1, IOPL kept, IF forced when IOPL is 0).
 * Does not return.
 */
#define __HYPERVISOR_switch_vm86          23

#define XEN_NR_HYPERCALLS       32      /* EAX is masked with this - 1 */

/*
 * MULTICALLS
 * An entry names a hypercall and its five arguments; the result lands in
 * args[5]. args[6] is unused.
 */
#define ARGS_PER_MULTICALL_ENTRY    8   /* op + args[7]: 32 bytes */
#define MULTICALL_RESULT_ARG        5

/*
 * VIRTUAL INTERRUPTS, bound to ports with EVTCHNOP_bind_virq.
 */
#define VIRQ_MISDIRECT  0   /* catch-all: any unbound VIRQ arrives on port 0 */
#define VIRQ_TIMER      1   /* system time updated or set_timer_op expired */
#define VIRQ_DEBUG      2   /* all domains: the 'q' debug key was pressed */
#define VIRQ_CONSOLE    3   /* dom0: serial input while input belongs to it */
#define VIRQ_DOM_EXC    4   /* dom0: a domain crashed or shut down */
#define VIRQ_PARITY_ERR 5   /* dom0: NMI reporting a memory parity error */
#define VIRQ_IO_ERR     6   /* dom0: NMI reporting an I/O check error */
#define NR_VIRQS        7

/*
 * MMU UPDATE REQUESTS (mmu_update). Each request is { ptr, val }; ptr & 3
 * selects the command, ptr & ~3 is its address argument.
 *
 * The subject domain is the foreign domain (FD, set by MMUEXT_SET_FOREIGNDOM
 * and cleared at the end of the call) if one is set, else the caller.
 *
 * MMU_NORMAL_PT_UPDATE: ptr = machine address of a word in a frame the
 *   caller owns (never the FD's). In an L1/L2 frame the new entry is
 *   checked and written atomically; a new L1 target must be the subject's.
 *   Any other frame is typed writable for the store and written raw.
 *   L1 entry rules (present entries): GLOBAL (0x100) and PAT (0x80) clear;
 *   the frame is RAM owned by the subject, or an I/O frame for priv (or
 *   physdev within its PCI BARs); RW needs a frame typable writable.
 *   L2 entry rules: slots 0-1007 only; GLOBAL and PSE clear (no 4 MB
 *   pages); the target is the caller's frame typable as an L1 (which
 *   remembers this slot), or an already-validated L2 mapped read-only
 *   (a linear page table).
 * MMU_MACHPHYS_UPDATE: machine_to_phys[ptr >> 12] = val; the frame must be
 *   the subject's.
 * MMU_EXTENDED_COMMAND: val & MMUEXT_CMD_MASK is an MMUEXT_* command with
 *   argument ptr & ~3.
 */
#define MMU_NORMAL_PT_UPDATE    0
#define MMU_MACHPHYS_UPDATE     2
#define MMU_EXTENDED_COMMAND    3

/* ptr = MA of the subject's frame: type it L1/L2 (validating it) and pin. */
#define MMUEXT_PIN_L1_TABLE     0
#define MMUEXT_PIN_L2_TABLE     1
#define MMUEXT_PIN_L3_TABLE     2   /* -EINVAL on x86_32 */
#define MMUEXT_PIN_L4_TABLE     3   /* -EINVAL on x86_32 */
#define MMUEXT_UNPIN_TABLE      4   /* ptr = MA of a pinned frame */
/* ptr = MA of the caller's L2: switch to it (full TLB flush, LDT dropped). */
#define MMUEXT_NEW_BASEPTR      5
#define MMUEXT_TLB_FLUSH        6   /* local TLB flush at the end of the call */
#define MMUEXT_INVLPG           7   /* ptr = VA to invalidate */
#define MMUEXT_FLUSH_CACHE      8   /* wbinvd; physdev only */
/* ptr = page-aligned VA of the LDT, val >> MMUEXT_CMD_SHIFT = entries. */
#define MMUEXT_SET_LDT          9
/*
 * val >> 16 = domain to become the FD until CLEAR or the end of this call.
 * Unprivileged callers may name only DOMID_IO; priv callers any domain,
 * DOMID_XEN or DOMID_IO. DOMID_SELF is refused.
 */
#define MMUEXT_SET_FOREIGNDOM   10
#define MMUEXT_CLEAR_FOREIGNDOM 11
/*
 * Give the caller's frame ptr >> 12 (no references but the allocation) to
 * domain val >> 16 through its grant entry (val & 0xFF00) | ((ptr >> 2) &
 * 0xFF). Unusable in 2.0: grant tables are stubbed out.
 */
#define MMUEXT_TRANSFER_PAGE    12
/* Priv only: give the caller's frame at ptr (no other references) to the FD. */
#define MMUEXT_REASSIGN_PAGE    13
#define MMUEXT_CMD_MASK         255
#define MMUEXT_CMD_SHIFT        8

/* update_va_mapping flags; may be ORed. */
#define UVMF_FLUSH_TLB          1   /* flush the whole local TLB */
#define UVMF_INVLPG             2   /* flush only the VA being updated */

/*
 * SCHEDULER OPERATIONS: sched_op(op). The command is op & SCHEDOP_cmdmask;
 * for SCHEDOP_shutdown the reason is (op >> SCHEDOP_reasonshift) & 0xFF.
 */
#define SCHEDOP_yield           0   /* give up the CPU */
/*
 * Clear upcall_mask and block until an event is pending. Returns at once if
 * one already is (pending && !mask).
 */
#define SCHEDOP_block           1
/* Stop for good with a SHUTDOWN_* reason; VIRQ_DOM_EXC tells dom0. */
#define SCHEDOP_shutdown        2
#define SCHEDOP_cmdmask         255
#define SCHEDOP_reasonshift     8

/*
 * Shutdown reasons. For dom0 poweroff halts the machine and any other
 * reason reboots it. SHUTDOWN_suspend passes the MFN of the guest's suspend
 * record in ESI (a tools convention; the hypervisor ignores it).
 */
#define SHUTDOWN_poweroff       0   /* exited normally: clean up and kill */
#define SHUTDOWN_reboot         1   /* clean up, kill, restart */
#define SHUTDOWN_suspend        2   /* clean up, save suspend state, kill */
#define SHUTDOWN_crash          3   /* crashed: reported as DOMFLAGS_CRASHED */

/*
 * console_io commands.
 * CONSOLEIO_write: count is clipped to 4095; the bytes up to the first NUL
 *   go to the serial line only. Returns the clipped count.
 * CONSOLEIO_read: takes up to count bytes from the 128-byte serial receive
 *   ring. Returns the number read.
 * Other cmd: -ENOSYS.
 */
#define CONSOLEIO_write         0
#define CONSOLEIO_read          1

/*
 * dom_mem_op operations (op & MEMOP_CMD_MASK).
 * increase_reservation: allocate n extents of 2^order contiguous frames
 *   (order > 0 needs physdev) within max_pages; list[i] = first MFN of each.
 *   The guest writes the M2P entries itself.
 * decrease_reservation: list[i] = MFN to release; each must be the
 *   domain's; a pin is dropped with it.
 */
#define MEMOP_increase_reservation  0
#define MEMOP_decrease_reservation  1
#define MEMOP_CMD_MASK              15

/* xen_version commands. Other cmd: -ENOSYS. */
#define XENVER_version          0
#define XEN_VERSION_2_0         0x00020000  /* what XENVER_version returns */

/*
 * vm_assist. cmd enables/disables an assist for the calling domain.
 * 4gb_segments: emulate (by flipping expand-up/down) ring-3 accesses through
 *   DPL 3 data segments truncated at the hypervisor hole, as raised by #GP.
 * 4gb_segments_notify: additionally bounce vector 15 after each fix-up,
 *   error code = instruction bytes decoded.
 * writable_pagetables: a write fault on a read-only mapping of an L1 makes
 *   it temporarily writable; changes are validated at the next flush point.
 */
#define VMASST_CMD_enable                0
#define VMASST_CMD_disable               1
#define VMASST_TYPE_4gb_segments         0
#define VMASST_TYPE_4gb_segments_notify  1
#define VMASST_TYPE_writable_pagetables  2
#define MAX_VMASST_TYPE                  2

/*
 * RESERVED DOMAIN IDS. Ordinary domains are 0..DOMID_FIRST_RESERVED-1.
 * DOMID_SELF: the caller, wherever a domid is an argument.
 * DOMID_IO:   owner of I/O memory; as FD it restricts mmu_update to I/O
 *             mappings, and any domain may name it.
 * DOMID_XEN:  owner of hypervisor frames a priv domain may map read-only
 *             (e.g. the M2P table).
 * DOMID_IDLE: the idle domain; never valid as an argument.
 */
#define DOMID_FIRST_RESERVED    0x7FF0
#define DOMID_SELF              0x7FF0
#define DOMID_IO                0x7FF1
#define DOMID_XEN               0x7FF2
#define DOMID_IDLE              0x7FFF

/* Event channel ports per domain (0..1023); port 0 is VIRQ_MISDIRECT. */
#define NR_EVENT_CHANNELS       1024

/* No SMP guests: one VCPU per domain. */
#define MAX_VIRT_CPUS           1

#define MAX_CMDLINE             256

/* start_info_t.flags */
#define SIF_PRIVILEGED          (1 << 0)    /* priv: may use dom0_op etc. */
#define SIF_INITDOMAIN          (1 << 1)    /* the initial domain (dom0) */
#define SIF_BLK_BE_DOMAIN       (1 << 4)    /* hosts the block backend */
#define SIF_NET_BE_DOMAIN       (1 << 5)    /* hosts the network backend */

/* Offsets a guest's entry/upcall assembly needs (shared_info_t). */
#define XEN_SHINFO_UPCALL_PENDING   0
#define XEN_SHINFO_UPCALL_MASK      1
/* The control interface (io/domain_controller.h) in the shared-info page. */
#define XEN_CONTROL_IF_OFFSET       2048

#ifndef __ASSEMBLER__

typedef uint16_t domid_t;

/* One mmu_update request. */
typedef struct mmu_update {
    memory_t ptr;   /* @0: MA (or VA / argument) | MMU_* command in bits 0-1 */
    memory_t val;   /* @4: new entry, or MMUEXT_* command and its operand */
} mmu_update_t;     /* 8 bytes */

/* One multicall entry. */
typedef struct multicall_entry {
    cpureg_t op;        /* @0: hypercall number (masked with 31) */
    /*
     * @4: args[0..4] = EBX..EDI of the call; args[5] (@24) receives its
     * return value; args[6] is unused.
     */
    cpureg_t args[7];
} multicall_entry_t;    /* 32 bytes */

/*
 * Per-VCPU upcall flags, at the start of shared_info_t.
 * evtchn_upcall_pending: set by the hypervisor when an unmasked port became
 *   pending; the guest clears it *before* scanning the bitmaps, so a new
 *   event is never missed.
 * evtchn_upcall_mask: non-zero = no upcalls (like EFLAGS.IF = 0). Written
 *   by the guest without LOCK (only the VCPU's own CPU reads it). The
 *   hypervisor sets it when it delivers an upcall or bounces a trap marked
 *   IF; SCHEDOP_block clears it. It is 1 at start of day.
 */
typedef struct vcpu_info {
    uint8_t evtchn_upcall_pending;  /* @0 */
    uint8_t evtchn_upcall_mask;     /* @1 */
    uint8_t pad0, pad1;             /* @2 */
} vcpu_info_t;                      /* 4 bytes */

/*
 * The shared-info page: a zeroed 4 KB frame owned by the domain, with a
 * permanent writable type (it may be mapped RW, never used as a page
 * table). start_info.shared_info gives its machine address; the guest maps
 * it itself. Bytes 2048-3087 of the same page hold the control interface.
 *
 * Events: port p is bit p%32 of word p/32. Delivery sets the pending bit;
 * if that bit was clear and the port is unmasked, it sets bit p/32 of
 * evtchn_pending_sel, and if that was clear, upcall_pending (waking the
 * domain). A port that becomes pending while masked loses its edge: after
 * unmasking, check its pending bit by hand.
 *
 * Time: the hypervisor writes time_version1++, the time fields, then
 * time_version2++ (with write barriers). A reader loads version2, copies
 * the fields, and retries until version1 equals the version2 it loaded.
 * Now (ns since boot) = system_time + (rdtsc - tsc_timestamp) * 1e9 /
 * cpu_freq; wall clock = wc_sec.wc_usec at that same instant.
 */
typedef struct shared_info {
    vcpu_info_t vcpu_data[MAX_VIRT_CPUS];   /* @0 */
    uint32_t evtchn_pending[32];    /* @4: port pending bits; guest clears */
    uint32_t evtchn_pending_sel;    /* @132: bit i = word i has news; guest clears */
    uint32_t evtchn_mask[32];       /* @136: port mask bits; written by the guest */
    uint64_t cpu_freq;              /* @264: TSC frequency, Hz */
    uint32_t time_version1;         /* @272: bumped before an update */
    uint32_t time_version2;         /* @276: bumped after an update */
    tsc_timestamp_t tsc_timestamp;  /* @280: raw TSC at the last update */
    uint64_t system_time;           /* @288: ns since boot at tsc_timestamp */
    uint32_t wc_sec;                /* @296: wall clock, s since 1970-01-01 UTC */
    uint32_t wc_usec;               /* @300: and microseconds */
    uint64_t domain_time;           /* @304: ns this domain has run (Tessera; Xen 2.0: 0) */
    uint64_t wall_timeout;          /* @312: unused */
    uint64_t domain_timeout;        /* @320: unused */
    arch_shared_info_t arch;        /* @328 */
} shared_info_t;                    /* 344 bytes */

/*
 * The start-of-day page, whose VA the guest finds in ESI at entry (320
 * bytes used, in a page of its own). Fields @0-@20 are also supplied on
 * resume, through the guest's suspend record.
 *
 * Bootstrap layout (dom0 and domU builders alike), each piece page-aligned
 * from the image's start VA: kernel, initrd, p2m array (u32 per PFN), page
 * tables (the L2, then the L1s), this page, a one-page boot stack. The
 * region ends 4 MB-aligned with at least 512 KB of slack; VA start + 4096*i
 * maps PFN i; the page tables are mapped read-only, everything else RW.
 * Entry: CS = FLAT_RING1_CS, DS = ES = FS = GS = SS = FLAT_RING1_DS,
 * ESP = top of the boot stack (also SS1:ESP1), ESI = this page, other GPRs
 * 0, IF set, upcall_mask = 1, default GDT, no LDT, every virtual IDT entry
 * and both callbacks {FLAT_RING1_CS, 0}: set_callbacks and set_trap_table
 * must come before events are unmasked.
 */
typedef struct start_info {
    memory_t nr_pages;              /* @0: pages allocated to the domain */
    MEMORY_PADDING(nr_pages);
    memory_t shared_info;           /* @8: MA of the shared-info page (not mapped) */
    MEMORY_PADDING(shared_info);
    uint32_t flags;                 /* @16: SIF_* */
    /* @20: port bound to the domain controller; 0 for dom0 (builds its own) */
    uint16_t domain_controller_evtchn;
    uint16_t _pad_evtchn;
    memory_t pt_base;               /* @24: VA of the bootstrap L2 */
    MEMORY_PADDING(pt_base);
    memory_t nr_pt_frames;          /* @32: bootstrap page-table frames, L2 included */
    MEMORY_PADDING(nr_pt_frames);
    memory_t mfn_list;              /* @40: VA of u32 p2m[nr_pages] (PFN -> MFN) */
    MEMORY_PADDING(mfn_list);
    memory_t mod_start;             /* @48: VA of the initrd, 0 if none */
    MEMORY_PADDING(mod_start);
    memory_t mod_len;               /* @56: initrd size in bytes */
    MEMORY_PADDING(mod_len);
    uint8_t cmd_line[MAX_CMDLINE];  /* @64: NUL-terminated, <= 255 characters */
} start_info_t;                     /* 320 bytes */

#endif /* !__ASSEMBLER__ */

#endif /* XEN_PUBLIC_XEN_H */
