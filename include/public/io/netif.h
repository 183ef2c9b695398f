/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * io/netif.h: the network rings shared by a frontend (the guest) and a
 * backend (the driver domain), set up through CMSG_NETIF_* messages.
 *
 * Two pages, TX and RX, each with 256 12-byte slots and free-running
 * indices (slot = MASK_NETIF_*_IDX(idx)). The backend notifies the
 * frontend only when a new producer index equals the page's `event` field,
 * so the frontend sets event to the index it next wants to hear about.
 *
 * TX: the frontend queues requests naming a packet by machine address; the
 * backend sends it and overwrites the slot with a response.
 * RX works by page flipping: the frontend queues empty requests and gives
 * up the pages behind them (decrease_reservation); the backend transfers
 * a filled page per packet (MMUEXT_SET_FOREIGNDOM + MMUEXT_REASSIGN_PAGE)
 * and answers with its machine address; the frontend then fixes its p2m
 * and M2P (MMU_MACHPHYS_UPDATE) and maps the page.
 */
#ifndef XEN_PUBLIC_IO_NETIF_H
#define XEN_PUBLIC_IO_NETIF_H

#include "domain_controller.h"

#define NETIF_TX_RING_SIZE      256
#define NETIF_RX_RING_SIZE      256
#define MASK_NETIF_TX_IDX(_i)   ((_i) & (NETIF_TX_RING_SIZE - 1))
#define MASK_NETIF_RX_IDX(_i)   ((_i) & (NETIF_RX_RING_SIZE - 1))

/* Response status: >= 0 is success (RX: the packet length). */
#define NETIF_RSP_DROPPED       (-2)
#define NETIF_RSP_ERROR         (-1)
#define NETIF_RSP_OKAY          0

#ifndef __ASSEMBLER__

typedef struct netif_tx_request {
    memory_t addr;      /* @0: machine address of the packet data */
    MEMORY_PADDING(addr);
    uint16_t id;        /* @8: frontend's tag, echoed */
    uint16_t size;      /* @10: packet length in bytes */
} netif_tx_request_t;   /* 12 bytes */

typedef struct netif_tx_response {
    uint16_t id;        /* @0: from the request */
    int8_t   status;    /* @2: NETIF_RSP_* */
    uint8_t  _pad;
} netif_tx_response_t;  /* 4 bytes */

typedef struct netif_rx_request {
    uint16_t id;        /* @0: frontend's tag, echoed */
} netif_rx_request_t;   /* 2 bytes */

typedef struct netif_rx_response {
    memory_t addr;      /* @0: machine address of the received data */
    MEMORY_PADDING(addr);
    uint16_t id;        /* @8: from the request */
    int16_t  status;    /* @10: length if >= 0, else NETIF_RSP_* */
} netif_rx_response_t;  /* 12 bytes */

typedef uint32_t NETIF_RING_IDX;

typedef struct netif_tx_interface {
    NETIF_RING_IDX req_prod;    /* @0: written by the frontend */
    NETIF_RING_IDX req_cons;    /* @4: written by the backend */
    NETIF_RING_IDX resp_prod;   /* @8: written by the backend */
    NETIF_RING_IDX event;       /* @12: frontend: notify when resp_prod == event */
    union {                     /* @16 */
        netif_tx_request_t  req;
        netif_tx_response_t resp;
    } ring[NETIF_TX_RING_SIZE];
} netif_tx_interface_t;         /* 3088 bytes */

typedef struct netif_rx_interface {
    NETIF_RING_IDX req_prod;    /* @0: written by the frontend */
    NETIF_RING_IDX resp_prod;   /* @4: written by the backend */
    NETIF_RING_IDX event;       /* @8: frontend: notify when resp_prod == event */
    union {                     /* @12 */
        netif_rx_request_t  req;
        netif_rx_response_t resp;
    } ring[NETIF_RX_RING_SIZE];
} netif_rx_interface_t;         /* 3084 bytes */

#endif /* !__ASSEMBLER__ */

#endif /* XEN_PUBLIC_IO_NETIF_H */
