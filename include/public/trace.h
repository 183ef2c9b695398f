/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * trace.h: the trace buffers shared with dom0 (built only with tracing;
 * boot option tbuf_size=<pages per CPU>, default 10, 0 = off).
 *
 * DOM0_GETTBUFS returns the machine address of one contiguous allocation
 * and the size of each CPU's buffer (tbuf_size * 4096 bytes); CPU i's
 * buffer starts at mach_addr + i * size. The pages are typed writable and
 * shared with dom0, which maps them read-only. Each buffer is a t_buf
 * header followed by (size - sizeof(struct t_buf)) / sizeof(struct t_rec)
 * records. The writer fills a record with interrupts off, issues a write
 * barrier, then increments head. There is no overrun detection: a reader
 * that falls more than `size` records behind loses data silently.
 */
#ifndef XEN_PUBLIC_TRACE_H
#define XEN_PUBLIC_TRACE_H

#include "xen.h"

/*
 * Event ids (t_rec.event) and their data words.
 */
#define TRC_SCHED_DOM_ADD       0x00010000  /* d1 = domid, d2 = domain pointer */
#define TRC_SCHED_DOM_REM       0x00010001  /* d1 = domid, d2 = domain pointer */
#define TRC_SCHED_WAKE          0x00010002  /* d1 = domid, d2 = domain pointer */
#define TRC_SCHED_BLOCK         0x00010003  /* d1 = domid, d2 = domain pointer */
#define TRC_SCHED_YIELD         0x00010004  /* d1 = domid, d2 = domain pointer */
#define TRC_SCHED_SET_TIMER     0x00010005  /* d1 = domid, d2 = ptr, d3:d4 = hi:lo */
#define TRC_SCHED_CTL           0x00010006  /* no data */
#define TRC_SCHED_ADJDOM        0x00010007  /* d1 = domid */
#define TRC_SCHED_RESCHED       0x00010008  /* defined, never emitted */
#define TRC_SCHED_SWITCH        0x00010009  /* d1 = next domid, d2 = its pointer */
#define TRC_SCHED_S_TIMER_FN    0x0001000A  /* scheduler timer fired */
#define TRC_SCHED_T_TIMER_FN    0x0001000B  /* tick timer fired */
#define TRC_SCHED_DOM_TIMER_FN  0x0001000C  /* a domain's set_timer_op fired */
/*
 * dom0_op entry: base | cmd; d2..d5 = the first four words of the union.
 * dom0_op exit:  base | cmd; d1 = return value, d2..d5 = the first four
 * union words after the operation.
 */
#define TRC_DOM0OP_ENTER_BASE   0x00020000
#define TRC_DOM0OP_LEAVE_BASE   0x00030000
/* Event id 0: an Atropos scheduling decision, d1 = domid chosen. */
#define TRC_ATROPOS_DECISION    0x00000000

#ifndef __ASSEMBLER__

/* One trace record. */
struct t_rec {
    uint64_t cycles;    /* @0: raw TSC when the record was written */
    uint32_t event;     /* @8: TRC_* */
    uint32_t d1;        /* @12: event data */
    uint32_t d2;        /* @16 */
    uint32_t d3;        /* @20 */
    uint32_t d4;        /* @24 */
    uint32_t d5;        /* @28 */
};                      /* 32 bytes */

/* The header at the start of each CPU's buffer. */
struct t_buf {
    uint32_t data;      /* @0: machine address of the record array (follows) */
    uint32_t size;      /* @4: records in the array */
    /* @8: free-running count of records written; the next slot is head % size */
    uint32_t head;
    uint32_t _xen_private[2];   /* @12: writer's own pointers; ignore */
};                      /* 20 bytes */

/*
 * The record xentrace writes to its output file for each t_rec, read by
 * xentrace_format: the source CPU then the t_rec, unpadded.
 */
struct xentrace_file_rec {
    uint32_t cpu;       /* @0 */
    uint64_t cycles;    /* @4 */
    uint32_t event;     /* @12 */
    uint32_t d[5];      /* @16: d1..d5 */
} XEN_PACKED;           /* 36 bytes */

#endif /* !__ASSEMBLER__ */

#endif /* XEN_PUBLIC_TRACE_H */
