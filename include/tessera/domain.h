/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domains. This is the part of struct domain the memory subsystem needs
 * (ownership, page accounting, privilege); the domain work extends it.
 */
#ifndef TESSERA_DOMAIN_H
#define TESSERA_DOMAIN_H

#include <tessera/lib.h>
#include <tessera/list.h>

typedef uint16_t domid_t;

/* Reserved domain ids (ABI.md §5.3). */
#define DOMID_FIRST_RESERVED    0x7FF0
#define DOMID_SELF              0x7FF0
#define DOMID_IO                0x7FF1
#define DOMID_XEN               0x7FF2
#define DOMID_IDLE              0x7FFF

struct domain {
    domid_t id;
    bool privileged;            /* dom0, or granted DOM0_PCIDEV_ACCESS */
    bool physdev;               /* holds the physical-device capability */

    /* Frames this domain owns, in allocation order (GETMEMLIST's order). */
    struct list_head page_list;
    uint32_t tot_pages;         /* frames on page_list */
    uint32_t max_pages;         /* limit on tot_pages */
    /* Tessera-heap frames it owns (shared info, per-domain tables). */
    struct list_head xenpage_list;
    uint32_t xenheap_pages;

    /* The L1 behind L2 slot 1021 (0xFF400000) in every L2 of this domain:
     * its GDT frames, then the LDT shadow. NULL until the domain has one. */
    uint32_t *perdomain_pt;
};

/* The owners of I/O frames and of Tessera's own shareable frames. */
extern struct domain *dom_io;
extern struct domain *dom_xen;

/*
 * May d map the machine frame mfn, which is an I/O frame (owned by
 * DOMID_IO or above RAM)? Privileged domains may; physdev domains only
 * inside their devices' memory ranges.
 */
bool domain_io_allowed(const struct domain *d, uint32_t mfn);

#endif /* TESSERA_DOMAIN_H */
