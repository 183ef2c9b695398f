/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0_ops.h: dom0_op (hypercall 7), the control interface of privileged
 * domains: building, running and inspecting other domains and the machine.
 *
 * Every command needs priv (dom0, or a domain granted DOM0_PCIDEV_ACCESS):
 * -EPERM otherwise. interface_version must equal DOM0_INTERFACE_VERSION
 * (-EACCES otherwise). Unknown commands: -ENOSYS. Numbers 0, 1, 3, 4, 5 and
 * 26 are unused. Offsets "@n" below are within dom0_op_t.u (add 8 for the
 * offset in dom0_op_t). Pointers are dom0 virtual addresses.
 */
#ifndef XEN_PUBLIC_DOM0_OPS_H
#define XEN_PUBLIC_DOM0_OPS_H

#include "xen.h"
#include "sched_ctl.h"

/* Bumped whenever this interface changes; 2.0.0 used 0xAAAA0019. */
#define DOM0_INTERFACE_VERSION  0xAAAA001A

/*
 * GETMEMLIST: copy up to max_pfns of the domain's MFNs, in allocation
 * order, to buffer. Domain builders take the index as the PFN. -EINVAL if
 * the domain does not exist.
 */
#define DOM0_GETMEMLIST         2
/* SCHEDCTL: struct sched_ctl_cmd (sched_ctl.h); copied back. */
#define DOM0_SCHEDCTL           6
/* ADJUSTDOM: struct sched_adjdom_cmd (sched_ctl.h); copied back. */
#define DOM0_ADJUSTDOM          7
/*
 * CREATEDOMAIN: make a domain with (memory_kb + 3) / 4 pages (also its
 * max_pages), each frame's M2P entry = its allocation index. The domain
 * starts paused and unbuilt with port 0 = VIRQ_MISDIRECT. domain in
 * 1..0x7FEF is used if free, else -EINVAL; any other value (0) picks the
 * next free id, cycling through 1..100 before growing. cpu 0xFFFFFFFF =
 * least-loaded CPU, else cpu % number of CPUs.
 * -ENOMEM; -EAGAIN while freed memory still awaits scrubbing.
 */
#define DOM0_CREATEDOMAIN       8
/* DESTROYDOMAIN: pause, mark dying, free memory. Not self (-EINVAL). */
#define DOM0_DESTROYDOMAIN      9
/* PAUSEDOMAIN: synchronous controller pause. Not self (-EINVAL). */
#define DOM0_PAUSEDOMAIN        10
/* UNPAUSEDOMAIN: -EINVAL if the domain is not built yet. */
#define DOM0_UNPAUSEDOMAIN      11
/*
 * GETDOMAININFO: describe the first domain whose id >= domain (to
 * enumerate, start at 0 and continue from the returned id + 1); -ESRCH if
 * none. If ctxt is not 0 the domain's VCPU state is written there, in
 * BUILDDOMAIN's format (pausing the domain briefly); gdt_ents is 0 while
 * the default GDT is in use and pt_base is the MA of the current L2. A
 * failed copy gives -EINVAL.
 */
#define DOM0_GETDOMAININFO      12
/*
 * BUILDDOMAIN: load the VCPU state from ctxt: registers, FPU state (if
 * ECF_I387_VALID), trap table (not re-checked), fast trap, LDT, SS1:ESP1,
 * debug registers, callbacks, pt_base (an MA; typing it L2 validates the
 * whole tree) and GDT (0 entries = default). -EINVAL if already built, if
 * CS or SS has RPL 0, or on a bad fast trap or GDT (the domain then stays
 * unbuilt). The domain stays paused.
 */
#define DOM0_BUILDDOMAIN        13
/*
 * IOPL: (quirk) domain is ignored; sets the *caller's* EFLAGS.IOPL to
 * iopl & 3.
 */
#define DOM0_IOPL               14
/* MSR: rdmsr (write = 0) or wrmsr on each CPU in cpu_mask. */
#define DOM0_MSR                15
/* DEBUG: debugger builds only, else -ENOSYS. */
#define DOM0_DEBUG              16
/* SETTIME: the wall clock shall read secs.usecs at system time system_time. */
#define DOM0_SETTIME            17
/*
 * GETPAGEFRAMEINFO: type of one frame (NOTAB or L?TAB below; a type is
 * reported only while its count is non-zero). -EINVAL if the frame is not
 * domain's.
 */
#define DOM0_GETPAGEFRAMEINFO   18
/*
 * READCONSOLE: copy up to count bytes from the start of the 16392-byte
 * console buffer (which fills once and then stops) to str. cmd bit 0 clears
 * it afterwards. Returns the byte count.
 */
#define DOM0_READCONSOLE        19
/* PINCPUDOMAIN: move the domain to cpu % number of CPUs; -1 unpins. Not self. */
#define DOM0_PINCPUDOMAIN       20
/* GETTBUFS: trace buffers (trace.h). -ENOSYS without tracing, -ENODATA if off. */
#define DOM0_GETTBUFS           21
/* PHYSINFO: machine description. */
#define DOM0_PHYSINFO           22
/*
 * PCIDEV_ACCESS: grant the domain PCI device bus:dev.func, its I/O ports
 * (through an I/O bitmap) and its MMIO, *and make the domain priv*.
 * enable = 0: -EINVAL.
 */
#define DOM0_PCIDEV_ACCESS      23
/* SCHED_ID: id of the running scheduler (SCHED_* in sched_ctl.h). */
#define DOM0_SCHED_ID           24
/*
 * SHADOW_CONTROL: shadow page-table modes (log-dirty for live migration).
 * Not on self. The table ops need shadow mode on. CLEAN and PEEK need
 * pages >= the domain's max_pages and a bitmap (else -EINVAL); they set
 * pages = max_pages and return the statistics; CLEAN and FLUSH zero them.
 */
#define DOM0_SHADOW_CONTROL     25
/*
 * SETDOMAININITIALMEM: before BUILDDOMAIN only (-EINVAL): grow (never
 * shrink) the allocation to (initial_memkb + 3) / 4 pages, also the new
 * max_pages. If allocation fails *all* the domain's pages are freed.
 */
#define DOM0_SETDOMAININITIALMEM    27
/*
 * SETDOMAINMAXMEM: max_pages = max_memkb / 4. (Xen 2.0 bug: it computes
 * (max_memkb + 4095) >> 12, 1/1024 of that.)
 */
#define DOM0_SETDOMAINMAXMEM    28
/*
 * GETPAGEFRAMEINFO2: for num (<= 1024, else -E2BIG) MFNs in array, OR each
 * with its type (L?TAB, regardless of the count), plus LPINTAB if pinned;
 * frames invalid or not the domain's get XTAB.
 */
#define DOM0_GETPAGEFRAMEINFO2  29
/*
 * SETDOMAINVMASSIST: vm_assist(cmd, type) on another domain. Returns 0 even
 * if vm_assist rejects cmd/type; -ESRCH if no such domain.
 */
#define DOM0_SETDOMAINVMASSIST  30
/*
 * ADD_MEMTYPE [2.0.2+]: set MTRR type on nr_pfns frames from pfn. Returns
 * the MTRR register used, or a negative error; (quirk) handle and reg are
 * not written back.
 */
#define DOM0_ADD_MEMTYPE        31
/* DEL_MEMTYPE [2.0.2+]: free MTRR reg (handle is ignored). */
#define DOM0_DEL_MEMTYPE        32
/*
 * READ_MEMTYPE [2.0.2+]: describe variable MTRR reg; -EINVAL unless reg is
 * below the number of variable MTRRs.
 */
#define DOM0_READ_MEMTYPE       33
/* PERFCCONTROL [2.0.2+]: performance counters (perf-counter builds only). */
#define DOM0_PERFCCONTROL       34
/* MICROCODE [2.0.3+]: load a CPU microcode update. */
#define DOM0_MICROCODE          35

/* GETDOMAININFO flags */
#define DOMFLAGS_DYING          (1 << 0)    /* being destroyed */
#define DOMFLAGS_CRASHED        (1 << 1)    /* crashed; frozen for post-mortem */
#define DOMFLAGS_SHUTDOWN       (1 << 2)    /* shut itself down; code below */
#define DOMFLAGS_PAUSED         (1 << 3)    /* paused by the controller */
#define DOMFLAGS_BLOCKED        (1 << 4)    /* blocked waiting for an event */
#define DOMFLAGS_RUNNING        (1 << 5)    /* running on its CPU now */
#define DOMFLAGS_CPUMASK        255         /* (flags >> CPUSHIFT) & mask = CPU */
#define DOMFLAGS_CPUSHIFT       8
#define DOMFLAGS_SHUTDOWNMASK   255         /* SHUTDOWN_* given by the guest */
#define DOMFLAGS_SHUTDOWNSHIFT  16

/* GETPAGEFRAMEINFO(2) frame types (bits 28-31) */
#define NOTAB           0               /* not a page table */
#define L1TAB           (1 << 28)
#define L2TAB           (2 << 28)
#define L3TAB           (3 << 28)
#define L4TAB           (4 << 28)
#define LPINTAB         (1U << 31)      /* GETPAGEFRAMEINFO2: pinned */
#define XTAB            (0xFU << 28)    /* GETPAGEFRAMEINFO2: invalid frame */
#define LTAB_MASK       XTAB
#define LTABTYPE_MASK   (0x7 << 28)

/* SHADOW_CONTROL operations */
#define DOM0_SHADOW_CONTROL_OP_OFF              0
#define DOM0_SHADOW_CONTROL_OP_ENABLE_TEST      1
#define DOM0_SHADOW_CONTROL_OP_ENABLE_LOGDIRTY  2
#define DOM0_SHADOW_CONTROL_OP_ENABLE_TRANSLATE 3   /* unsupported */
#define DOM0_SHADOW_CONTROL_OP_FLUSH            10
#define DOM0_SHADOW_CONTROL_OP_CLEAN            11  /* copy, then clear bitmap */
#define DOM0_SHADOW_CONTROL_OP_PEEK             12  /* copy bitmap only */

/* PERFCCONTROL operations */
#define DOM0_PERFCCONTROL_OP_RESET  1   /* zero every counter */
#define DOM0_PERFCCONTROL_OP_QUERY  2   /* describe the counters */

#define DOM0_CREATEDOMAIN_ANY_CPU   0xFFFFFFFF
#define DOM0_CONSOLE_BUFFER_SIZE    16392
#define DOM0_GETPAGEFRAMEINFO2_MAX  1024

#ifndef __ASSEMBLER__

typedef struct dom0_getmemlist {
    domid_t    domain;      /* @0: IN */
    uint16_t   _pad0;
    uint32_t   _pad1;
    memory_t   max_pfns;    /* @8: IN: capacity of buffer, in entries */
    MEMORY_PADDING(max_pfns);
    guest_va_t buffer;      /* @16: IN: u32 array receiving the MFNs */
    MEMORY_PADDING(buffer);
    memory_t   num_pfns;    /* @24: OUT: entries written */
    MEMORY_PADDING(num_pfns);
} dom0_getmemlist_t;        /* 32 bytes */

typedef struct sched_ctl_cmd dom0_schedctl_t;
typedef struct sched_adjdom_cmd dom0_adjustdom_t;

typedef struct dom0_createdomain {
    memory_t memory_kb;     /* @0: IN: initial memory, KB */
    MEMORY_PADDING(memory_kb);
    uint32_t cpu;           /* @8: IN: CPU, or DOM0_CREATEDOMAIN_ANY_CPU */
    uint32_t _pad0;         /* @12 */
    domid_t  domain;        /* @16: IN: wanted id or 0; OUT: the id given */
    uint16_t _pad1;
} dom0_createdomain_t;      /* 20 bytes */

typedef struct dom0_destroydomain {
    domid_t  domain;        /* @0: IN */
    uint16_t _pad;
} dom0_destroydomain_t;     /* 4 bytes */

typedef struct dom0_pausedomain {
    domid_t  domain;        /* @0: IN */
    uint16_t _pad;
} dom0_pausedomain_t;       /* 4 bytes */

typedef struct dom0_unpausedomain {
    domid_t  domain;        /* @0: IN */
    uint16_t _pad;
} dom0_unpausedomain_t;     /* 4 bytes */

typedef struct dom0_getdomaininfo {
    domid_t    domain;      /* @0: IN: lowest id wanted; OUT: id found */
    uint16_t   _pad;
    uint32_t   flags;       /* @4: OUT: DOMFLAGS_* */
    guest_va_t ctxt;        /* @8: IN: full_execution_context_t *, or 0 */
    MEMORY_PADDING(ctxt);
    memory_t   tot_pages;   /* @16: OUT: pages owned */
    MEMORY_PADDING(tot_pages);
    memory_t   max_pages;   /* @24: OUT: allocation limit */
    MEMORY_PADDING(max_pages);
    memory_t   shared_info_frame;   /* @32: OUT: MFN of its shared-info page */
    MEMORY_PADDING(shared_info_frame);
    uint64_t   cpu_time;    /* @40: OUT: CPU time used, ns */
} dom0_getdomaininfo_t;     /* 48 bytes */

typedef struct dom0_builddomain {
    domid_t    domain;      /* @0: IN */
    uint16_t   _pad0;
    uint32_t   _pad1;
    guest_va_t ctxt;        /* @8: IN: full_execution_context_t * */
    MEMORY_PADDING(ctxt);
} dom0_builddomain_t;       /* 16 bytes */

typedef struct dom0_iopl {
    domid_t  domain;        /* @0: IN: ignored (quirk) */
    uint16_t _pad;
    uint32_t iopl;          /* @4: IN: 0-3 */
} dom0_iopl_t;              /* 8 bytes */

typedef struct dom0_msr {
    uint32_t write;         /* @0: IN: non-zero = wrmsr */
    uint32_t cpu_mask;      /* @4: IN: bit n = CPU n */
    uint32_t msr;           /* @8: IN: MSR index */
    uint32_t in1;           /* @12: IN: value to write, low 32 bits (EAX) */
    uint32_t in2;           /* @16: IN: high 32 bits (EDX) */
    uint32_t out1;          /* @20: OUT: value read, low 32 bits */
    uint32_t out2;          /* @24: OUT: high 32 bits */
} dom0_msr_t;               /* 28 bytes */

typedef struct dom0_debug {
    domid_t  domain;        /* @0: IN */
    uint8_t  opcode;        /* @2: IN: debugger request */
    uint8_t  _pad;
    uint32_t in1;           /* @4: IN */
    uint32_t in2;           /* @8: IN */
    uint32_t in3;           /* @12: IN */
    uint32_t in4;           /* @16: IN */
    uint32_t status;        /* @20: OUT */
    uint32_t out1;          /* @24: OUT */
    uint32_t out2;          /* @28: OUT */
} dom0_debug_t;             /* 32 bytes */

typedef struct dom0_settime {
    uint32_t secs;          /* @0: IN: seconds since 1970-01-01 00:00 UTC */
    uint32_t usecs;         /* @4: IN: and microseconds */
    uint64_t system_time;   /* @8: IN: the system time (ns) they belong to */
} dom0_settime_t;           /* 16 bytes */

typedef struct dom0_getpageframeinfo {
    memory_t pfn;           /* @0: IN: machine frame number to query */
    MEMORY_PADDING(pfn);
    domid_t  domain;        /* @8: IN: its supposed owner */
    uint16_t _pad;
    uint32_t type;          /* @12: OUT: NOTAB or L?TAB */
} dom0_getpageframeinfo_t;  /* 16 bytes */

typedef struct dom0_readconsole {
    guest_va_t str;         /* @0: IN: buffer */
    MEMORY_PADDING(str);
    uint32_t   count;       /* @8: IN: its size */
    uint32_t   cmd;         /* @12: IN: bit 0 = clear the console buffer */
} dom0_readconsole_t;       /* 16 bytes */

typedef struct dom0_pincpudomain {
    domid_t  domain;        /* @0: IN */
    uint16_t _pad;
    int32_t  cpu;           /* @4: IN: CPU, -1 = unpin */
} dom0_pincpudomain_t;      /* 8 bytes */

typedef struct dom0_gettbufs {
    memory_t mach_addr;     /* @0: OUT: MA of the trace buffers */
    MEMORY_PADDING(mach_addr);
    uint32_t size;          /* @8: OUT: bytes per CPU buffer */
} dom0_gettbufs_t;          /* 12 bytes */

typedef struct dom0_physinfo {
    uint32_t ht_per_core;   /* @0: threads per core, 1 under noht */
    uint32_t cores;         /* @4: CPUs / ht_per_core */
    uint32_t cpu_khz;       /* @8: CPU clock, kHz */
    uint32_t _pad;          /* @12 */
    memory_t total_pages;   /* @16: highest machine frame + 1 */
    MEMORY_PADDING(total_pages);
    memory_t free_pages;    /* @24: free domain-heap pages */
    MEMORY_PADDING(free_pages);
} dom0_physinfo_t;          /* 32 bytes */

typedef struct dom0_pcidev_access {
    domid_t  domain;        /* @0: IN */
    uint16_t _pad;
    uint32_t bus;           /* @4: IN */
    uint32_t dev;           /* @8: IN */
    uint32_t func;          /* @12: IN */
    uint32_t enable;        /* @16: IN: must be non-zero */
} dom0_pcidev_access_t;     /* 20 bytes */

typedef struct dom0_sched_id {
    uint32_t sched_id;      /* @0: OUT: SCHED_* */
} dom0_sched_id_t;          /* 4 bytes */

typedef struct dom0_shadow_control_stats {
    uint32_t fault_count;       /* shadow faults */
    uint32_t dirty_count;       /* pages dirtied */
    uint32_t dirty_net_count;   /* pages dirtied by network backends */
    uint32_t dirty_block_count; /* pages dirtied by block backends */
} dom0_shadow_control_stats_t;  /* 16 bytes */

typedef struct dom0_shadow_control {
    domid_t    domain;      /* @0: IN */
    uint16_t   _pad;
    uint32_t   op;          /* @4: IN: DOM0_SHADOW_CONTROL_OP_* */
    guest_va_t dirty_bitmap;    /* @8: IN: PFN-indexed bitmap (CLEAN/PEEK) */
    MEMORY_PADDING(dirty_bitmap);
    memory_t   pages;       /* @16: IN: bitmap size in bits; OUT: max_pages */
    MEMORY_PADDING(pages);
    dom0_shadow_control_stats_t stats;  /* @24: OUT */
} dom0_shadow_control_t;    /* 40 bytes */

typedef struct dom0_setdomaininitialmem {
    domid_t  domain;        /* @0: IN */
    uint16_t _pad0;
    uint32_t _pad1;
    memory_t initial_memkb; /* @8: IN: KB */
    MEMORY_PADDING(initial_memkb);
} dom0_setdomaininitialmem_t;   /* 16 bytes */

typedef struct dom0_setdomainmaxmem {
    domid_t  domain;        /* @0: IN */
    uint16_t _pad0;
    uint32_t _pad1;
    memory_t max_memkb;     /* @8: IN: KB */
    MEMORY_PADDING(max_memkb);
} dom0_setdomainmaxmem_t;   /* 16 bytes */

typedef struct dom0_getpageframeinfo2 {
    domid_t    domain;      /* @0: IN */
    uint16_t   _pad0;
    uint32_t   _pad1;
    memory_t   num;         /* @8: IN: entries in array, <= 1024 */
    MEMORY_PADDING(num);
    guest_va_t array;       /* @16: IN/OUT: u32 MFNs, returned ORed with types */
    MEMORY_PADDING(array);
} dom0_getpageframeinfo2_t; /* 24 bytes */

typedef struct dom0_setdomainvmassist {
    domid_t  domain;        /* @0: IN */
    uint16_t _pad0;
    uint32_t cmd;           /* @4: IN: VMASST_CMD_* */
    uint32_t type;          /* @8: IN: VMASST_TYPE_* */
} dom0_setdomainvmassist_t; /* 12 bytes */

typedef struct dom0_add_memtype {
    memory_t pfn;           /* @0: IN: first machine frame */
    MEMORY_PADDING(pfn);
    memory_t nr_pfns;       /* @8: IN: frames */
    MEMORY_PADDING(nr_pfns);
    uint32_t type;          /* @16: IN: MTRR memory type */
    uint32_t _pad0;
    uint32_t handle;        /* @24: OUT (quirk: never written) */
    uint32_t reg;           /* @28: OUT (quirk: never written; see return value) */
} dom0_add_memtype_t;       /* 32 bytes */

typedef struct dom0_del_memtype {
    uint32_t handle;        /* @0: IN: ignored */
    uint32_t reg;           /* @4: IN: MTRR register */
} dom0_del_memtype_t;       /* 8 bytes */

typedef struct dom0_read_memtype {
    uint32_t reg;           /* @0: IN: MTRR register */
    uint32_t _pad0;
    memory_t pfn;           /* @8: OUT: first machine frame */
    MEMORY_PADDING(pfn);
    memory_t nr_pfns;       /* @16: OUT: frames */
    MEMORY_PADDING(nr_pfns);
    uint32_t type;          /* @24: OUT: MTRR memory type */
    uint32_t _pad1;
} dom0_read_memtype_t;      /* 32 bytes */

typedef struct dom0_perfc_desc {
    uint8_t  name[80];      /* @0: NUL-terminated counter name */
    uint32_t nr_vals;       /* @80: values used (one per CPU, or an array) */
    uint32_t vals[64];      /* @84 */
} dom0_perfc_desc_t;        /* 340 bytes */

typedef struct dom0_perfccontrol {
    uint32_t   op;          /* @0: IN: DOM0_PERFCCONTROL_OP_* */
    uint32_t   nr_counters; /* @4: OUT: number of counters */
    guest_va_t desc;        /* @8: IN: dom0_perfc_desc_t array, or 0 */
    MEMORY_PADDING(desc);
} dom0_perfccontrol_t;      /* 16 bytes */

typedef struct dom0_microcode {
    guest_va_t data;        /* @0: IN: microcode image */
    MEMORY_PADDING(data);
    uint32_t   length;      /* @8: IN: its size in bytes */
    uint32_t   _pad0;
} dom0_microcode_t;         /* 16 bytes */

typedef struct dom0_op {
    uint32_t cmd;               /* @0: DOM0_* */
    uint32_t interface_version; /* @4: DOM0_INTERFACE_VERSION */
    union {                     /* @8 */
        uint32_t                   dummy[18];
        dom0_createdomain_t        createdomain;
        dom0_pausedomain_t         pausedomain;
        dom0_unpausedomain_t       unpausedomain;
        dom0_destroydomain_t       destroydomain;
        dom0_getmemlist_t          getmemlist;
        dom0_schedctl_t            schedctl;
        dom0_adjustdom_t           adjustdom;
        dom0_builddomain_t         builddomain;
        dom0_getdomaininfo_t       getdomaininfo;
        dom0_getpageframeinfo_t    getpageframeinfo;
        dom0_iopl_t                iopl;
        dom0_msr_t                 msr;
        dom0_debug_t               debug;
        dom0_settime_t             settime;
        dom0_readconsole_t         readconsole;
        dom0_pincpudomain_t        pincpudomain;
        dom0_gettbufs_t            gettbufs;
        dom0_physinfo_t            physinfo;
        dom0_pcidev_access_t       pcidev_access;
        dom0_sched_id_t            sched_id;
        dom0_shadow_control_t      shadow_control;
        dom0_setdomaininitialmem_t setdomaininitialmem;
        dom0_setdomainmaxmem_t     setdomainmaxmem;
        dom0_getpageframeinfo2_t   getpageframeinfo2;
        dom0_setdomainvmassist_t   setdomainvmassist;
        dom0_add_memtype_t         add_memtype;
        dom0_del_memtype_t         del_memtype;
        dom0_read_memtype_t        read_memtype;
        dom0_perfccontrol_t        perfccontrol;
        dom0_microcode_t           microcode;
    } u;
} dom0_op_t;                    /* 80 bytes */

#endif /* !__ASSEMBLER__ */

#endif /* XEN_PUBLIC_DOM0_OPS_H */
