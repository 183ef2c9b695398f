/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * grant_table.h: grant tables and grant_table_op (hypercall 20).
 *
 * A domain's grant table is one page of grant_entry_t through which it
 * lets other domains map its frames (permit_access) or hands them a frame
 * slot to receive a page (accept_transfer, see MMUEXT_TRANSFER_PAGE).
 *
 * Status in Xen 2.0: 2.0.2 and later answer every grant_table_op with
 * -ENOSYS, and no 2.0 guest uses grant tables. (2.0.0/2.0.1 implemented
 * them badly: setup_table returned a hypervisor-private frame and map only
 * pinned the frame, returning dev_bus_addr = MFN, with no host mapping.)
 * Guests must treat -ENOSYS as "no grant tables".
 *
 * grant_table_op(cmd, uop, count): uop points at `count` (<= 512) structures
 * of the type cmd names. Per-operation results go in their status/handle
 * field as GNTST_* codes.
 */
#ifndef XEN_PUBLIC_GRANT_TABLE_H
#define XEN_PUBLIC_GRANT_TABLE_H

#include "xen.h"

#define NR_GRANT_FRAMES     1
#define NR_GRANT_ENTRIES    512     /* NR_GRANT_FRAMES * 4096 / 8 */
#define GNTTAB_MAX_OPS      512     /* most operations per call */

/* grant_entry_t.flags bits 0-1: the entry type. */
#define GTF_invalid         0       /* grants nothing */
#define GTF_permit_access   1       /* domid may map frame */
#define GTF_accept_transfer 2       /* domid may transfer a page into frame */
#define GTF_type_mask       3
/* permit_access sub-flags */
#define _GTF_readonly       2
#define GTF_readonly        (1 << _GTF_readonly)    /* set by the granter */
#define _GTF_reading        3
#define GTF_reading         (1 << _GTF_reading)     /* set by Xen: mapped */
#define _GTF_writing        4
#define GTF_writing         (1 << _GTF_writing)     /* set by Xen: mapped RW */
/* accept_transfer sub-flags, set by Xen */
#define _GTF_transfer_committed 2
#define GTF_transfer_committed  (1 << _GTF_transfer_committed)
#define _GTF_transfer_completed 3
#define GTF_transfer_completed  (1 << _GTF_transfer_completed)  /* never set */

/* grant_table_op commands */
#define GNTTABOP_map_grant_ref      0
#define GNTTABOP_unmap_grant_ref    1
#define GNTTABOP_setup_table        2

/* map_grant_ref flags */
#define GNTMAP_device_map       (1 << 0)    /* for device DMA: dev_bus_addr */
#define GNTMAP_host_map         (1 << 1)    /* map at host_virt_addr */
#define GNTMAP_readonly         (1 << 2)
#define GNTMAP_application_map  (1 << 3)    /* the VA is a user-space one */

/* Per-operation status codes. */
#define GNTST_okay              0
#define GNTST_general_error     (-1)
#define GNTST_bad_domain        (-2)
#define GNTST_bad_gntref        (-3)
#define GNTST_bad_handle        (-3)
#define GNTST_no_device_space   (-4)
#define GNTST_permission_denied (-5)

#ifndef __ASSEMBLER__

typedef uint16_t grant_ref_t;   /* index into a grant table */

typedef struct grant_entry {
    uint16_t flags;     /* @0: GTF_* */
    domid_t  domid;     /* @2: the domain this entry grants to */
    /*
     * @4: permit_access: the granted MFN. accept_transfer: written by Xen
     * with the MFN of the page transferred in.
     */
    uint32_t frame;
} grant_entry_t;        /* 8 bytes */

typedef struct gnttab_map_grant_ref {
    memory_t    host_virt_addr;     /* @0: IN: VA to map at (GNTMAP_host_map) */
    MEMORY_PADDING(host_virt_addr);
    domid_t     dom;                /* @8: IN: the granting domain */
    grant_ref_t ref;                /* @10: IN: entry in its table */
    uint16_t    flags;              /* @12: IN: GNTMAP_* */
    int16_t     handle;             /* @14: OUT: >= 0 handle, < 0 GNTST_* */
    memory_t    dev_bus_addr;       /* @16: OUT: bus address (device_map) */
    MEMORY_PADDING(dev_bus_addr);
} gnttab_map_grant_ref_t;           /* 24 bytes */

typedef struct gnttab_unmap_grant_ref {
    memory_t    host_virt_addr;     /* @0: IN: VA mapped, 0 if none */
    MEMORY_PADDING(host_virt_addr);
    memory_t    dev_bus_addr;       /* @8: IN: bus address mapped, 0 if none */
    MEMORY_PADDING(dev_bus_addr);
    uint16_t    handle;             /* @16: IN: from map_grant_ref */
    int16_t     status;             /* @18: OUT: GNTST_* */
    uint32_t    _pad;               /* @20 */
} gnttab_unmap_grant_ref_t;         /* 24 bytes */

typedef struct gnttab_setup_table {
    domid_t     dom;                /* @0: IN: DOMID_SELF unless priv */
    uint16_t    nr_frames;          /* @2: IN: <= NR_GRANT_FRAMES */
    uint16_t    _pad;               /* @4 */
    int16_t     status;             /* @6: OUT: GNTST_* */
    guest_va_t  frame_list;         /* @8: IN: u32 array receiving the MFNs */
    MEMORY_PADDING(frame_list);
} gnttab_setup_table_t;             /* 16 bytes */

#endif /* !__ASSEMBLER__ */

#endif /* XEN_PUBLIC_GRANT_TABLE_H */
