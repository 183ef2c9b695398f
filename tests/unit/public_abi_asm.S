/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The public headers used from assembly (guest entry code, the hypercall
 * table): they must expose their constants and hide every C declaration.
 * The unit/public_abi_asm test assembles this file with cc -m32 -c.
 */
#include <public/xen.h>
#include <public/dom0_ops.h>
#include <public/event_channel.h>
#include <public/grant_table.h>
#include <public/physdev.h>
#include <public/sched_ctl.h>
#include <public/trace.h>
#include <public/io/domain_controller.h>
#include <public/io/blkif.h>
#include <public/io/netif.h>

#define CHECK(expr, val)        \
    .if (expr) != (val);        \
    .error #expr;               \
    .endif

CHECK(__HYPERVISOR_switch_vm86, 23)
CHECK(FLAT_RING1_CS, 0x0819)
CHECK(FLAT_RING1_DS, 0x0821)
CHECK(NR_RESERVED_GDT_ENTRIES, 40)
CHECK(HYPERVISOR_VIRT_START, 0xFC000000)
CHECK(XEN_SHINFO_UPCALL_MASK, 1)
CHECK(SIF_INITDOMAIN, 2)
CHECK(DOM0_INTERFACE_VERSION, 0xAAAA001A)
CHECK(EVTCHNOP_alloc_unbound, 6)
CHECK(PHYSDEVOP_IRQ_STATUS_QUERY, 5)
CHECK(SCHED_RROBIN, 3)
CHECK(TRC_SCHED_SWITCH, 0x00010009)
CHECK(CMSG_MEM_REQUEST, 7)
CHECK(BLKIF_RING_SIZE, 64)
CHECK(NETIF_RSP_DROPPED, -2)
CHECK(GNTST_permission_denied, -5)

    .text
    .globl public_abi_asm_probe
public_abi_asm_probe:
    movl    $__HYPERVISOR_xen_version, %eax
    xorl    %ebx, %ebx
    int     $XEN_HYPERCALL_VECTOR
    movl    $FLAT_RING1_DS, %ecx
    movb    $1, XEN_SHINFO_UPCALL_MASK(%esi)
    ret
