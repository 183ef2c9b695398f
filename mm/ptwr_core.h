/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The pure part of writable page tables (ABI.md §5.5): which write faults
 * open an L1, how a slot is opened and flushed, and the re-validation of
 * what the guest wrote. Frames are reached only through map_frame() and
 * the reference calls of mm.h, TLBs only through the two hooks at the end,
 * so this compiles for the host tests; mm/ptwr.c keeps the slots and
 * crashes domains.
 *
 * While a slot is open its L1 ("the table") is mapped writable by exactly
 * one L1 entry of the current address space ("the mapping"), which holds
 * a general reference on the table but, unlike any other writable entry,
 * no writable-type reference: the table keeps its L1 type. The slot itself
 * holds a general and an L1-type reference on the table, so nothing can
 * devalidate it (dropping references of entries never checked) before the
 * flush has re-validated them.
 */
#ifndef MM_PTWR_CORE_H
#define MM_PTWR_CORE_H

#include <tessera/domain.h>
#include <tessera/mm.h>

/* Write faults at or above this address are never ours (ABI.md §5.5). */
#define PTWR_VA_LIMIT       0xFC400000u
#define PTWR_SLOT_SHIFT     22          /* VA -> L2 slot */

enum ptwr_which {
    PTWR_ACTIVE,        /* the table is in the current L2: disconnected while open */
    PTWR_INACTIVE,
    PTWR_NR_SLOTS
};

struct ptwr_slot {
    struct domain *d;           /* NULL: the slot is free */
    enum ptwr_which which;
    uint32_t l1_mfn;            /* the table */
    uint32_t l2_idx;            /* its back-pointer: the L2 slot it serves */
    uint32_t l2_mfn;            /* ACTIVE: the L2 whose entry l2_idx was disconnected */
    uint32_t map_mfn;           /* the L1 holding the mapping ... */
    uint32_t map_idx;           /* ... and the mapping's index in it */
    uint32_t va;                /* where the mapping maps the table */
    uint32_t snapshot[L1_ENTRIES];
};

enum ptwr_verdict {
    PTWR_NOT_OURS,              /* an ordinary fault: the guest gets it */
    PTWR_OPEN,                  /* open the table the fault describes */
    PTWR_CRASH_BACKPOINTER,     /* the table's back-pointer is unset or unknown */
    PTWR_CRASH_SELF_MAP,        /* the table maps the faulting address itself */
};

/* What a write fault found. */
struct ptwr_fault {
    enum ptwr_which which;
    uint32_t l1_mfn;
    uint32_t l2_idx;
    uint32_t map_mfn;
    uint32_t map_idx;
    uint32_t va;                /* the faulting address, page-aligned */
};

/* Entries a flush refused (the domain must then be crashed). */
struct ptwr_refusal {
    unsigned int count;
    uint32_t l1_mfn;            /* the first refused entry: its table, */
    uint32_t idx;               /* index */
    uint32_t entry;             /* and the value the guest wrote */
};

/*
 * Reads d's page tables (l2_mfn: the current L2) for a fault at addr with
 * the CPU's error code, and fills *f when the verdict is PTWR_OPEN or a
 * crash (l1_mfn, l2_idx). slots: this CPU's, for an ACTIVE table already
 * open, whose L2 entry is then not present.
 */
enum ptwr_verdict ptwr_examine(struct domain *d, uint32_t l2_mfn, uint32_t addr,
                               uint32_t error_code, const struct ptwr_slot *slots,
                               struct ptwr_fault *f);

/*
 * An open slot that must be flushed before f can be opened: the slot of
 * f's class if busy, else the other one if the two would overlap (one's
 * table holds the other's mapping, or both are the same table). NULL when
 * f may be opened now.
 */
struct ptwr_slot *ptwr_blocking_slot(struct ptwr_slot *slots, const struct ptwr_fault *f);

/* Is addr inside the 4 MB an open ACTIVE slot of d has disconnected? */
bool ptwr_disconnected(const struct ptwr_slot *s, const struct domain *d, uint32_t addr);

/*
 * Opens free slot s for fault f of d (l2_mfn: the current L2): takes the
 * slot's references, disconnects an ACTIVE table, snapshots the table and
 * makes the mapping writable. False (nothing done) if the references
 * cannot be taken.
 */
bool ptwr_open(struct ptwr_slot *s, struct domain *d, uint32_t l2_mfn,
               const struct ptwr_fault *f);

/*
 * Flushes open slot s: write-protects the mapping, re-validates every
 * entry that differs from the snapshot, reconnects an ACTIVE table, drops
 * the slot's references and frees the slot. Refused entries are counted
 * into *r (the first one recorded) and left zero, their old references
 * dropped, so every count stays exact for the crash that must follow.
 */
void ptwr_close(struct ptwr_slot *s, struct ptwr_refusal *r);

/*
 * The re-validation of ptwr_close() on a mapped table against its
 * snapshot, for domain d (subject and caller of every new entry). First
 * every changed entry takes its new references, then the old ones are
 * dropped, so a frame moved from one entry to another is never freed in
 * between. An entry that only lost RW just drops its writable-type
 * reference. Returns the number of refused entries (see ptwr_close()).
 */
unsigned int ptwr_revalidate(uint32_t *l1, const uint32_t *snapshot, struct domain *d,
                             struct ptwr_refusal *r);

/* --- Hooks (mm/ptwr.c; the unit test on the host) -------------------------- */

/* Drops any stale translation of va if d's page tables are loaded here. */
void ptwr_flush_tlb_one(struct domain *d, uint32_t va);
/* Drops every translation if d's page tables are loaded here. */
void ptwr_flush_tlb_all(struct domain *d);

#endif /* MM_PTWR_CORE_H */
