/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * io/blkif.h: the block-device ring shared by a frontend (the guest) and a
 * backend (the driver domain), set up through CMSG_BLKIF_* messages.
 *
 * One page (3848 bytes used): the frontend writes requests and advances
 * req_prod; the backend overwrites consumed slots with responses and
 * advances resp_prod. Indices are free-running; the slot is
 * MASK_BLKIF_IDX(idx). Each side notifies the other over the interface's
 * event channel. Data moves by DMA into/out of the frames named in each
 * request; the backend maps them with update_va_mapping_otherdomain or
 * with mmu_update under MMUEXT_SET_FOREIGNDOM.
 */
#ifndef XEN_PUBLIC_IO_BLKIF_H
#define XEN_PUBLIC_IO_BLKIF_H

#include "domain_controller.h"

#define BLKIF_OP_READ       0
#define BLKIF_OP_WRITE      1
/* Fill the segment pages with vdisk_t entries; status = number of entries. */
#define BLKIF_OP_PROBE      2

#define BLKIF_MAX_SEGMENTS_PER_REQUEST  11

/*
 * A segment: MFN << 12 | first_sect << 3 | last_sect, the sectors
 * (512 bytes, 0-7) of that page to transfer, inclusive.
 */
#define blkif_first_sect(_fas)  (((_fas) >> 3) & 7)
#define blkif_last_sect(_fas)   ((_fas) & 7)
#define blkif_fas(_mfn, _first, _last) \
    (((_mfn) << 12) | ((_first) << 3) | (_last))

#define BLKIF_RSP_ERROR     (-1)
#define BLKIF_RSP_OKAY      0

#define BLKIF_RING_SIZE     64
#define MASK_BLKIF_IDX(_i)  ((_i) & (BLKIF_RING_SIZE - 1))

/* vdisk_t.info */
#define VDISK_TYPE_FLOPPY   0x00
#define VDISK_TYPE_TAPE     0x01
#define VDISK_TYPE_CDROM    0x05
#define VDISK_TYPE_OPTICAL  0x07
#define VDISK_TYPE_DISK     0x20
#define VDISK_TYPE_MASK     0x3F
#define VDISK_READONLY      0x40
#define VDISK_VIRTUAL       0x80

#ifndef __ASSEMBLER__

typedef struct blkif_request {
    uint8_t        operation;       /* @0: BLKIF_OP_* */
    uint8_t        nr_segments;     /* @1: segments used, <= 11 */
    blkif_vdev_t   device;          /* @2: virtual device (read/write) */
    uint32_t       id;              /* @4: frontend's tag, echoed */
    blkif_sector_t sector_number;   /* @8: first sector on the device (r/w) */
    uint32_t       frame_and_sects[BLKIF_MAX_SEGMENTS_PER_REQUEST]; /* @16 */
} XEN_PACKED_ALIGN4 blkif_request_t;    /* 60 bytes */

typedef struct blkif_response {
    uint32_t id;        /* @0: from the request */
    uint8_t  operation; /* @4: from the request */
    /* @5: BLKIF_RSP_OKAY / _ERROR; for PROBE the number of vdisk_t entries */
    int16_t  status;
} XEN_PACKED blkif_response_t;  /* 7 bytes */

typedef uint32_t BLKIF_RING_IDX;

typedef struct blkif_ring {
    BLKIF_RING_IDX req_prod;    /* @0: written by the frontend */
    BLKIF_RING_IDX resp_prod;   /* @4: written by the backend */
    union {                     /* @8: 60-byte slots */
        blkif_request_t  req;
        blkif_response_t resp;
    } ring[BLKIF_RING_SIZE];
} blkif_ring_t;                 /* 3848 bytes */

/* One virtual disk, as returned by BLKIF_OP_PROBE. */
typedef struct vdisk {
    blkif_sector_t capacity;    /* @0: size in 512-byte sectors */
    blkif_vdev_t   device;      /* @8: device number */
    uint16_t       info;        /* @10: VDISK_* */
} XEN_PACKED_ALIGN4 vdisk_t;    /* 12 bytes */

#endif /* !__ASSEMBLER__ */

#endif /* XEN_PUBLIC_IO_BLKIF_H */
