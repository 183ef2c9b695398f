/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * io/domain_controller.h: the control interface between a guest and the
 * domain controller (xend, in dom0), and the messages it carries: console
 * data, block and network interface set-up, shutdown and memory requests.
 *
 * control_if_t lives at byte XEN_CONTROL_IF_OFFSET (2048) of the guest's
 * shared-info page; the controller maps every domain's shared-info page.
 * Two rings of 8 messages: tx (guest -> controller requests, controller
 * responses) and rx (controller -> guest requests, guest responses).
 * Indices are free-running u32s; a message's slot is MASK_CONTROL_IDX(idx).
 * A response overwrites its request's slot and echoes type, subtype and
 * id. Each side notifies the other on the controller event channel
 * (start_info_t.domain_controller_evtchn in the guest).
 *
 * Payload layouts below are offsets within control_msg_t.msg. Backend (BE)
 * requests begin with domid and handle and end with an OUT status.
 */
#ifndef XEN_PUBLIC_IO_DOMAIN_CONTROLLER_H
#define XEN_PUBLIC_IO_DOMAIN_CONTROLLER_H

#include "../xen.h"

#define CONTROL_RING_SIZE       8
#define MASK_CONTROL_IDX(_i)    ((_i) & (CONTROL_RING_SIZE - 1))
#define CONTROL_MSG_DATA_SIZE   60

/* Message types */
#define CMSG_CONSOLE        0   /* domU console data */
#define CMSG_BLKIF_BE       1   /* block backend control (controller -> BE) */
#define CMSG_BLKIF_FE       2   /* block frontend control */
#define CMSG_NETIF_BE       3   /* network backend control */
#define CMSG_NETIF_FE       4   /* network frontend control */
#define CMSG_SHUTDOWN       6   /* controller asks the guest to shut down */
#define CMSG_MEM_REQUEST    7   /* controller asks the guest to resize (balloon) */

/* CMSG_CONSOLE subtypes: DATA carries msg[0 .. length) of console bytes. */
#define CMSG_CONSOLE_DATA   0

/* CMSG_BLKIF_BE subtypes (controller -> backend domain, answered in place) */
#define CMSG_BLKIF_BE_CREATE        0   /* new interface for a frontend */
#define CMSG_BLKIF_BE_DESTROY       1
#define CMSG_BLKIF_BE_CONNECT       2   /* map the ring, bind the channel */
#define CMSG_BLKIF_BE_DISCONNECT    3
#define CMSG_BLKIF_BE_VBD_CREATE    4   /* new virtual block device */
#define CMSG_BLKIF_BE_VBD_DESTROY   5
#define CMSG_BLKIF_BE_VBD_GROW      6   /* append a physical extent */
#define CMSG_BLKIF_BE_VBD_SHRINK    7   /* remove the last extent */
#define CMSG_BLKIF_BE_DRIVER_STATUS 32  /* backend -> controller: up/down */

/* CMSG_BLKIF_FE subtypes */
#define CMSG_BLKIF_FE_INTERFACE_STATUS      0   /* controller -> frontend */
#define CMSG_BLKIF_FE_DRIVER_STATUS         32  /* frontend -> controller */
#define CMSG_BLKIF_FE_INTERFACE_CONNECT     33
#define CMSG_BLKIF_FE_INTERFACE_DISCONNECT  34
#define CMSG_BLKIF_FE_INTERFACE_QUERY       35

/* CMSG_NETIF_BE subtypes */
#define CMSG_NETIF_BE_CREATE        0
#define CMSG_NETIF_BE_DESTROY       1
#define CMSG_NETIF_BE_CONNECT       2
#define CMSG_NETIF_BE_DISCONNECT    3
#define CMSG_NETIF_BE_DRIVER_STATUS 32

/* CMSG_NETIF_FE subtypes */
#define CMSG_NETIF_FE_INTERFACE_STATUS      0
#define CMSG_NETIF_FE_DRIVER_STATUS         32
#define CMSG_NETIF_FE_INTERFACE_CONNECT     33
#define CMSG_NETIF_FE_INTERFACE_DISCONNECT  34
#define CMSG_NETIF_FE_INTERFACE_QUERY       35

/* CMSG_SHUTDOWN subtypes: the guest should shut down with that reason. */
#define CMSG_SHUTDOWN_POWEROFF  0   /* then SHUTDOWN_poweroff */
#define CMSG_SHUTDOWN_REBOOT    1   /* then SHUTDOWN_reboot */
#define CMSG_SHUTDOWN_SUSPEND   2   /* save state, then SHUTDOWN_suspend */
#define CMSG_SHUTDOWN_SYSRQ     3   /* [2.0.2+] handle magic SysRq msg[0] */

/* CMSG_MEM_REQUEST subtypes */
#define CMSG_MEM_REQUEST_SET    0   /* set the memory target (mem_request_t) */

/* Interface state as reported to frontends */
#define BLKIF_INTERFACE_STATUS_CLOSED       0   /* does not exist */
#define BLKIF_INTERFACE_STATUS_DISCONNECTED 1   /* exists, not connected */
#define BLKIF_INTERFACE_STATUS_CONNECTED    2   /* exists and connected */
#define BLKIF_INTERFACE_STATUS_CHANGED      3   /* devices added or removed */
#define NETIF_INTERFACE_STATUS_CLOSED       0
#define NETIF_INTERFACE_STATUS_DISCONNECTED 1
#define NETIF_INTERFACE_STATUS_CONNECTED    2
#define NETIF_INTERFACE_STATUS_CHANGED      3

/* Driver state (DRIVER_STATUS messages) */
#define BLKIF_DRIVER_STATUS_DOWN    0
#define BLKIF_DRIVER_STATUS_UP      1
#define NETIF_DRIVER_STATUS_DOWN    0
#define NETIF_DRIVER_STATUS_UP      1

/* Block backend status codes */
#define BLKIF_BE_STATUS_OKAY                0
#define BLKIF_BE_STATUS_ERROR               1
#define BLKIF_BE_STATUS_INTERFACE_EXISTS    2
#define BLKIF_BE_STATUS_INTERFACE_NOT_FOUND 3
#define BLKIF_BE_STATUS_INTERFACE_CONNECTED 4
#define BLKIF_BE_STATUS_VBD_EXISTS          5
#define BLKIF_BE_STATUS_VBD_NOT_FOUND       6
#define BLKIF_BE_STATUS_OUT_OF_MEMORY       7
#define BLKIF_BE_STATUS_EXTENT_NOT_FOUND    8
#define BLKIF_BE_STATUS_MAPPING_ERROR       9

/* Network backend status codes */
#define NETIF_BE_STATUS_OKAY                0
#define NETIF_BE_STATUS_ERROR               1
#define NETIF_BE_STATUS_INTERFACE_EXISTS    2
#define NETIF_BE_STATUS_INTERFACE_NOT_FOUND 3
#define NETIF_BE_STATUS_INTERFACE_CONNECTED 4
#define NETIF_BE_STATUS_OUT_OF_MEMORY       5
#define NETIF_BE_STATUS_MAPPING_ERROR       6

#ifndef __ASSEMBLER__

typedef uint16_t blkif_vdev_t;      /* virtual device number, per interface */
typedef uint32_t blkif_pdev_t;      /* physical device (u16 + pad up to 2.0.4) */
typedef uint64_t blkif_sector_t;    /* 512-byte sector number or count */

typedef struct control_msg {
    uint8_t type;       /* @0: CMSG_*; echoed in the response */
    uint8_t subtype;    /* @1: CMSG_<type>_*; echoed */
    uint8_t id;         /* @2: sender's tag; echoed */
    uint8_t length;     /* @3: bytes used in msg */
    uint8_t msg[CONTROL_MSG_DATA_SIZE]; /* @4: payload, by type/subtype */
} control_msg_t;        /* 64 bytes */
typedef control_msg_t ctrl_msg_t;

typedef uint32_t CONTROL_RING_IDX;

typedef struct control_if {
    control_msg_t tx_ring[CONTROL_RING_SIZE];   /* @0: guest -> controller */
    control_msg_t rx_ring[CONTROL_RING_SIZE];   /* @512: controller -> guest */
    CONTROL_RING_IDX tx_req_prod;   /* @1024: written by the guest */
    CONTROL_RING_IDX tx_resp_prod;  /* @1028: written by the controller */
    CONTROL_RING_IDX rx_req_prod;   /* @1032: written by the controller */
    CONTROL_RING_IDX rx_resp_prod;  /* @1036: written by the guest */
} control_if_t;         /* 1040 bytes */

/* ---- block frontend ---- */

/* INTERFACE_STATUS (controller -> FE) and the reply to INTERFACE_QUERY. */
typedef struct blkif_fe_interface_status {
    uint32_t handle;    /* @0: interface number */
    uint32_t status;    /* @4: BLKIF_INTERFACE_STATUS_* */
    uint16_t evtchn;    /* @8: backend's channel, when CONNECTED */
    domid_t  domid;     /* @10: backend domain */
} blkif_fe_interface_status_t;  /* 12 bytes */
typedef blkif_fe_interface_status_t blkif_fe_interface_query_t;

/* DRIVER_STATUS: FE announces it is up/down; reply gives interfaces to query. */
typedef struct blkif_fe_driver_status {
    uint32_t status;        /* @0: IN: BLKIF_DRIVER_STATUS_* */
    uint32_t max_handle;    /* @4: OUT: query interfaces 0..max_handle */
} blkif_fe_driver_status_t; /* 8 bytes */

/* INTERFACE_CONNECT: FE offers its ring page; answered by a CONNECTED status. */
typedef struct blkif_fe_interface_connect {
    uint32_t handle;        /* @0 */
    uint32_t _pad;
    memory_t shmem_frame;   /* @8: MFN of the blkif_ring_t page */
    MEMORY_PADDING(shmem_frame);
} blkif_fe_interface_connect_t; /* 16 bytes */

typedef struct blkif_fe_interface_disconnect {
    uint32_t handle;        /* @0 */
} blkif_fe_interface_disconnect_t;  /* 4 bytes */

/* ---- block backend ---- */

/* A physical extent of a virtual block device. */
typedef struct blkif_extent {
    blkif_sector_t sector_start;    /* @0 */
    blkif_sector_t sector_length;   /* @8 */
    blkif_pdev_t   device;          /* @16 */
} XEN_PACKED_ALIGN4 blkif_extent_t; /* 20 bytes */

/* CREATE, DESTROY and DISCONNECT share this layout. */
typedef struct blkif_be_create {
    domid_t  domid;         /* @0: IN: frontend domain */
    uint16_t _pad;
    uint32_t blkif_handle;  /* @4: IN: interface number within that domain */
    uint32_t status;        /* @8: OUT: BLKIF_BE_STATUS_* */
} blkif_be_create_t;        /* 12 bytes */
typedef blkif_be_create_t blkif_be_destroy_t;
typedef blkif_be_create_t blkif_be_disconnect_t;

typedef struct blkif_be_connect {
    domid_t  domid;         /* @0: IN */
    uint16_t _pad;
    uint32_t blkif_handle;  /* @4: IN */
    memory_t shmem_frame;   /* @8: IN: MFN of the frontend's ring page */
    MEMORY_PADDING(shmem_frame);
    uint32_t evtchn;        /* @16: IN: backend's port for this interface */
    uint32_t status;        /* @20: OUT */
} blkif_be_connect_t;       /* 24 bytes */

typedef struct blkif_be_vbd_create {
    domid_t      domid;         /* @0: IN */
    uint16_t     _pad;
    uint32_t     blkif_handle;  /* @4: IN */
    blkif_vdev_t vdevice;       /* @8: IN: device number seen by the frontend */
    uint16_t     readonly;      /* @10: IN: non-zero = read-only */
    uint32_t     status;        /* @12: OUT */
} blkif_be_vbd_create_t;        /* 16 bytes */

/* VBD_DESTROY and VBD_SHRINK share this layout. */
typedef struct blkif_be_vbd_destroy {
    domid_t      domid;         /* @0: IN */
    uint16_t     _pad0;
    uint32_t     blkif_handle;  /* @4: IN */
    blkif_vdev_t vdevice;       /* @8: IN */
    uint16_t     _pad1;
    uint32_t     status;        /* @12: OUT */
} blkif_be_vbd_destroy_t;       /* 16 bytes */
typedef blkif_be_vbd_destroy_t blkif_be_vbd_shrink_t;

typedef struct blkif_be_vbd_grow {
    domid_t        domid;       /* @0: IN */
    uint16_t       _pad0;
    uint32_t       blkif_handle;    /* @4: IN */
    blkif_extent_t extent;      /* @8: IN: extent to append */
    blkif_vdev_t   vdevice;     /* @28: IN */
    uint16_t       _pad1;
    uint32_t       status;      /* @32: OUT */
} blkif_be_vbd_grow_t;          /* 36 bytes */

typedef struct blkif_be_driver_status {
    uint32_t status;        /* @0: BLKIF_DRIVER_STATUS_* */
} blkif_be_driver_status_t; /* 4 bytes */

/* ---- network frontend ---- */

/* INTERFACE_STATUS and the reply to INTERFACE_QUERY. */
typedef struct netif_fe_interface_status {
    uint32_t handle;    /* @0 */
    uint32_t status;    /* @4: NETIF_INTERFACE_STATUS_* */
    uint16_t evtchn;    /* @8: backend's channel, when CONNECTED */
    uint8_t  mac[6];    /* @10: the interface's MAC address */
    domid_t  domid;     /* @16: backend domain */
} XEN_PACKED netif_fe_interface_status_t;   /* 18 bytes */
typedef netif_fe_interface_status_t netif_fe_interface_query_t;

typedef struct netif_fe_driver_status {
    uint32_t status;        /* @0: IN: NETIF_DRIVER_STATUS_* */
    uint32_t max_handle;    /* @4: OUT */
} netif_fe_driver_status_t; /* 8 bytes */

typedef struct netif_fe_interface_connect {
    uint32_t handle;            /* @0 */
    uint32_t _pad;
    memory_t tx_shmem_frame;    /* @8: MFN of the netif_tx_interface_t page */
    MEMORY_PADDING(tx_shmem_frame);
    memory_t rx_shmem_frame;    /* @16: MFN of the netif_rx_interface_t page */
    MEMORY_PADDING(rx_shmem_frame);
} netif_fe_interface_connect_t; /* 24 bytes */

typedef struct netif_fe_interface_disconnect {
    uint32_t handle;        /* @0 */
} netif_fe_interface_disconnect_t;  /* 4 bytes */

/* ---- network backend ---- */

typedef struct netif_be_create {
    domid_t  domid;         /* @0: IN */
    uint16_t _pad0;
    uint32_t netif_handle;  /* @4: IN */
    uint8_t  mac[6];        /* @8: IN */
    uint16_t _pad1;
    uint32_t status;        /* @16: OUT: NETIF_BE_STATUS_* */
} netif_be_create_t;        /* 20 bytes */

/* DESTROY and DISCONNECT share this layout. */
typedef struct netif_be_destroy {
    domid_t  domid;         /* @0: IN */
    uint16_t _pad;
    uint32_t netif_handle;  /* @4: IN */
    uint32_t status;        /* @8: OUT */
} netif_be_destroy_t;       /* 12 bytes */
typedef netif_be_destroy_t netif_be_disconnect_t;

typedef struct netif_be_connect {
    domid_t  domid;             /* @0: IN */
    uint16_t _pad0;
    uint32_t netif_handle;      /* @4: IN */
    memory_t tx_shmem_frame;    /* @8: IN: MFN of the frontend's TX page */
    MEMORY_PADDING(tx_shmem_frame);
    memory_t rx_shmem_frame;    /* @16: IN: MFN of its RX page */
    MEMORY_PADDING(rx_shmem_frame);
    uint16_t evtchn;            /* @24: IN: backend's port */
    uint16_t _pad1;
    uint32_t status;            /* @28: OUT */
} netif_be_connect_t;           /* 32 bytes */

typedef struct netif_be_driver_status {
    uint32_t status;        /* @0: NETIF_DRIVER_STATUS_* */
} netif_be_driver_status_t; /* 4 bytes */

/* ---- shutdown and memory ---- */

typedef struct shutdown_sysrq {
    char key;               /* @0: the SysRq command character */
} shutdown_sysrq_t;         /* 1 byte */

typedef struct mem_request {
    uint32_t target;        /* @0: IN: wanted reservation, pages */
    uint32_t status;        /* @4: OUT: 0 on success */
} mem_request_t;            /* 8 bytes */

#endif /* !__ASSEMBLER__ */

#endif /* XEN_PUBLIC_IO_DOMAIN_CONTROLLER_H */
