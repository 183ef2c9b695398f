/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Compile-time pins of the guest ABI in include/public: every structure
 * size and field offset ABI.md states, and the numbers a guest hard-codes.
 * Included by test_public_abi.c (native 64-bit host) and by
 * public_abi_m32.c (gcc -m32 -fsyntax-only), so the layout is proven
 * identical on i386 and on a 64-bit host. A wrong offset stops the build.
 */
#ifndef TESTS_UNIT_PUBLIC_ABI_ASSERTS_H
#define TESTS_UNIT_PUBLIC_ABI_ASSERTS_H

#include <stddef.h>

#include <public/xen.h>
#include <public/arch-x86_32.h>
#include <public/dom0_ops.h>
#include <public/event_channel.h>
#include <public/grant_table.h>
#include <public/physdev.h>
#include <public/sched_ctl.h>
#include <public/trace.h>
#include <public/io/domain_controller.h>
#include <public/io/blkif.h>
#include <public/io/netif.h>

#define ABI_SIZE(t, n) \
    _Static_assert(sizeof(t) == (n), "sizeof(" #t ") != " #n)
#define ABI_OFF(t, f, n) \
    _Static_assert(offsetof(t, f) == (n), "offsetof(" #t ", " #f ") != " #n)
#define ABI_VAL(c, n) \
    _Static_assert((c) == (n), #c " != " #n)
/* Offsets within dom0_op_t's union, as ABI.md §10 lists them. */
#define ABI_DOM0(f, n)          ABI_OFF(dom0_op_t, u.f, 8 + (n))
/* Offsets within evtchn_op_t's / physdev_op_t's union (ABI.md §7, §12). */
#define ABI_EVTCHN(f, n)        ABI_OFF(evtchn_op_t, u.f, 8 + (n))
#define ABI_PHYSDEV(f, n)       ABI_OFF(physdev_op_t, u.f, 8 + (n))

/* ---- §1/§2: hypercalls ---- */
ABI_VAL(XEN_HYPERCALL_VECTOR, 0x82);
ABI_VAL(__HYPERVISOR_set_trap_table, 0);
ABI_VAL(__HYPERVISOR_mmu_update, 1);
ABI_VAL(__HYPERVISOR_set_gdt, 2);
ABI_VAL(__HYPERVISOR_stack_switch, 3);
ABI_VAL(__HYPERVISOR_set_callbacks, 4);
ABI_VAL(__HYPERVISOR_fpu_taskswitch, 5);
ABI_VAL(__HYPERVISOR_sched_op, 6);
ABI_VAL(__HYPERVISOR_dom0_op, 7);
ABI_VAL(__HYPERVISOR_set_debugreg, 8);
ABI_VAL(__HYPERVISOR_get_debugreg, 9);
ABI_VAL(__HYPERVISOR_update_descriptor, 10);
ABI_VAL(__HYPERVISOR_set_fast_trap, 11);
ABI_VAL(__HYPERVISOR_dom_mem_op, 12);
ABI_VAL(__HYPERVISOR_multicall, 13);
ABI_VAL(__HYPERVISOR_update_va_mapping, 14);
ABI_VAL(__HYPERVISOR_set_timer_op, 15);
ABI_VAL(__HYPERVISOR_event_channel_op, 16);
ABI_VAL(__HYPERVISOR_xen_version, 17);
ABI_VAL(__HYPERVISOR_console_io, 18);
ABI_VAL(__HYPERVISOR_physdev_op, 19);
ABI_VAL(__HYPERVISOR_grant_table_op, 20);
ABI_VAL(__HYPERVISOR_vm_assist, 21);
ABI_VAL(__HYPERVISOR_update_va_mapping_otherdomain, 22);
ABI_VAL(__HYPERVISOR_switch_vm86, 23);
ABI_VAL(XEN_NR_HYPERCALLS, 32);
ABI_VAL(XEN_VERSION_2_0, 0x00020000);

ABI_VAL(XEN_EPERM, 1);
ABI_VAL(XEN_ESRCH, 3);
ABI_VAL(XEN_E2BIG, 7);
ABI_VAL(XEN_EAGAIN, 11);
ABI_VAL(XEN_ENOMEM, 12);
ABI_VAL(XEN_EACCES, 13);
ABI_VAL(XEN_EFAULT, 14);
ABI_VAL(XEN_EBUSY, 16);
ABI_VAL(XEN_ENODEV, 19);
ABI_VAL(XEN_EINVAL, 22);
ABI_VAL(XEN_ENOSPC, 28);
ABI_VAL(XEN_ENOSYS, 38);
ABI_VAL(XEN_ENODATA, 61);

ABI_SIZE(multicall_entry_t, 32);
ABI_OFF(multicall_entry_t, op, 0);
ABI_OFF(multicall_entry_t, args, 4);
ABI_OFF(multicall_entry_t, args[MULTICALL_RESULT_ARG], 24);
ABI_VAL(ARGS_PER_MULTICALL_ENTRY * 4, 32);

/* ---- §3: selectors, GDT, address map ---- */
ABI_VAL(FLAT_RING1_CS, 0x0819);
ABI_VAL(FLAT_RING1_DS, 0x0821);
ABI_VAL(FLAT_RING3_CS, 0x082B);
ABI_VAL(FLAT_RING3_DS, 0x0833);
ABI_VAL(FLAT_RING1_CS >> 3, 259);
ABI_VAL(FLAT_RING3_DS >> 3, 262);
ABI_VAL(FIRST_RESERVED_GDT_ENTRY, 256);
ABI_VAL(LAST_RESERVED_GDT_ENTRY, 295);
ABI_VAL(NR_RESERVED_GDT_ENTRIES, 40);
ABI_VAL(XEN_GDT_MIN_ENTRIES, 296);
ABI_VAL(XEN_GDT_MAX_ENTRIES, 8192);
ABI_VAL(XEN_GDT_MAX_FRAMES, 16);
ABI_VAL(HYPERVISOR_VIRT_START, 0xFC000000u);
ABI_VAL(MACH2PHYS_VIRT_START, 0xFC000000u);
ABI_VAL(MACH2PHYS_VIRT_END, 0xFC400000u);
ABI_VAL(MACH2PHYS_NR_ENTRIES * 4, MACH2PHYS_VIRT_END - MACH2PHYS_VIRT_START);
ABI_VAL(XEN_FIRST_HYPERVISOR_L2_SLOT, 0xFC000000u >> 22);

/* ---- §4: start_info_t ---- */
ABI_SIZE(start_info_t, 320);
ABI_OFF(start_info_t, nr_pages, 0);
ABI_OFF(start_info_t, shared_info, 8);
ABI_OFF(start_info_t, flags, 16);
ABI_OFF(start_info_t, domain_controller_evtchn, 20);
ABI_OFF(start_info_t, pt_base, 24);
ABI_OFF(start_info_t, nr_pt_frames, 32);
ABI_OFF(start_info_t, mfn_list, 40);
ABI_OFF(start_info_t, mod_start, 48);
ABI_OFF(start_info_t, mod_len, 56);
ABI_OFF(start_info_t, cmd_line, 64);
ABI_VAL(sizeof(((start_info_t *)0)->cmd_line), 256);
ABI_VAL(SIF_PRIVILEGED, 1);
ABI_VAL(SIF_INITDOMAIN, 2);
ABI_VAL(SIF_BLK_BE_DOMAIN, 1 << 4);
ABI_VAL(SIF_NET_BE_DOMAIN, 1 << 5);

/* ---- §4: shared_info_t ---- */
ABI_SIZE(vcpu_info_t, 4);
ABI_SIZE(shared_info_t, 344);
ABI_VAL(MAX_VIRT_CPUS, 1);
ABI_OFF(shared_info_t, vcpu_data[0].evtchn_upcall_pending, 0);
ABI_OFF(shared_info_t, vcpu_data[0].evtchn_upcall_mask, 1);
ABI_VAL(XEN_SHINFO_UPCALL_PENDING, 0);
ABI_VAL(XEN_SHINFO_UPCALL_MASK, 1);
ABI_OFF(shared_info_t, evtchn_pending, 4);
ABI_VAL(sizeof(((shared_info_t *)0)->evtchn_pending), 128);
ABI_OFF(shared_info_t, evtchn_pending_sel, 132);
ABI_OFF(shared_info_t, evtchn_mask, 136);
ABI_VAL(sizeof(((shared_info_t *)0)->evtchn_mask), 128);
ABI_OFF(shared_info_t, cpu_freq, 264);
ABI_OFF(shared_info_t, time_version1, 272);
ABI_OFF(shared_info_t, time_version2, 276);
ABI_OFF(shared_info_t, tsc_timestamp, 280);
ABI_OFF(shared_info_t, system_time, 288);
ABI_OFF(shared_info_t, wc_sec, 296);
ABI_OFF(shared_info_t, wc_usec, 300);
ABI_OFF(shared_info_t, domain_time, 304);
ABI_OFF(shared_info_t, wall_timeout, 312);
ABI_OFF(shared_info_t, domain_timeout, 320);
ABI_OFF(shared_info_t, arch, 328);
ABI_OFF(shared_info_t, arch.mfn_to_pfn_start, 328);
ABI_OFF(shared_info_t, arch.pfn_to_mfn_frame_list, 336);
ABI_SIZE(arch_shared_info_t, 16);
ABI_VAL(NR_EVENT_CHANNELS, 1024);
ABI_VAL(NR_EVENT_CHANNELS, 32 * 32);
ABI_VAL(XEN_CONTROL_IF_OFFSET, 2048);

/* ---- §5: MMU ---- */
ABI_SIZE(mmu_update_t, 8);
ABI_OFF(mmu_update_t, ptr, 0);
ABI_OFF(mmu_update_t, val, 4);
ABI_VAL(MMU_NORMAL_PT_UPDATE, 0);
ABI_VAL(MMU_MACHPHYS_UPDATE, 2);
ABI_VAL(MMU_EXTENDED_COMMAND, 3);
ABI_VAL(MMUEXT_PIN_L1_TABLE, 0);
ABI_VAL(MMUEXT_PIN_L2_TABLE, 1);
ABI_VAL(MMUEXT_PIN_L3_TABLE, 2);
ABI_VAL(MMUEXT_PIN_L4_TABLE, 3);
ABI_VAL(MMUEXT_UNPIN_TABLE, 4);
ABI_VAL(MMUEXT_NEW_BASEPTR, 5);
ABI_VAL(MMUEXT_TLB_FLUSH, 6);
ABI_VAL(MMUEXT_INVLPG, 7);
ABI_VAL(MMUEXT_FLUSH_CACHE, 8);
ABI_VAL(MMUEXT_SET_LDT, 9);
ABI_VAL(MMUEXT_SET_FOREIGNDOM, 10);
ABI_VAL(MMUEXT_CLEAR_FOREIGNDOM, 11);
ABI_VAL(MMUEXT_TRANSFER_PAGE, 12);
ABI_VAL(MMUEXT_REASSIGN_PAGE, 13);
ABI_VAL(MMUEXT_CMD_MASK, 0xFF);
ABI_VAL(MMUEXT_CMD_SHIFT, 8);
ABI_VAL(UVMF_FLUSH_TLB, 1);
ABI_VAL(UVMF_INVLPG, 2);
ABI_VAL(DOMID_FIRST_RESERVED, 0x7FF0);
ABI_VAL(DOMID_SELF, 0x7FF0);
ABI_VAL(DOMID_IO, 0x7FF1);
ABI_VAL(DOMID_XEN, 0x7FF2);
ABI_VAL(DOMID_IDLE, 0x7FFF);
ABI_SIZE(domid_t, 2);
ABI_VAL(MEMOP_increase_reservation, 0);
ABI_VAL(MEMOP_decrease_reservation, 1);
ABI_VAL(VMASST_CMD_enable, 0);
ABI_VAL(VMASST_CMD_disable, 1);
ABI_VAL(VMASST_TYPE_4gb_segments, 0);
ABI_VAL(VMASST_TYPE_4gb_segments_notify, 1);
ABI_VAL(VMASST_TYPE_writable_pagetables, 2);
ABI_VAL(MAX_VMASST_TYPE, 2);

/* ---- §6: traps ---- */
ABI_SIZE(trap_info_t, 8);
ABI_OFF(trap_info_t, vector, 0);
ABI_OFF(trap_info_t, flags, 1);
ABI_OFF(trap_info_t, cs, 2);
ABI_OFF(trap_info_t, address, 4);

/* ---- §7: event channels ---- */
ABI_SIZE(evtchn_op_t, 32);
ABI_OFF(evtchn_op_t, cmd, 0);
ABI_OFF(evtchn_op_t, u, 8);
ABI_VAL(EVTCHNOP_bind_interdomain, 0);
ABI_VAL(EVTCHNOP_bind_virq, 1);
ABI_VAL(EVTCHNOP_bind_pirq, 2);
ABI_VAL(EVTCHNOP_close, 3);
ABI_VAL(EVTCHNOP_send, 4);
ABI_VAL(EVTCHNOP_status, 5);
ABI_VAL(EVTCHNOP_alloc_unbound, 6);
ABI_EVTCHN(bind_interdomain.dom1, 0);
ABI_EVTCHN(bind_interdomain.dom2, 2);
ABI_EVTCHN(bind_interdomain.port1, 4);
ABI_EVTCHN(bind_interdomain.port2, 8);
ABI_EVTCHN(bind_virq.virq, 0);
ABI_EVTCHN(bind_virq.port, 4);
ABI_EVTCHN(bind_pirq.pirq, 0);
ABI_EVTCHN(bind_pirq.flags, 4);
ABI_EVTCHN(bind_pirq.port, 8);
ABI_VAL(BIND_PIRQ__WILL_SHARE, 1);
ABI_EVTCHN(close.dom, 0);
ABI_EVTCHN(close.port, 4);
ABI_EVTCHN(send.local_port, 0);
ABI_EVTCHN(status.dom, 0);
ABI_EVTCHN(status.port, 4);
ABI_EVTCHN(status.status, 8);
ABI_EVTCHN(status.u.unbound.dom, 12);
ABI_EVTCHN(status.u.interdomain.dom, 12);
ABI_EVTCHN(status.u.interdomain.port, 16);
ABI_EVTCHN(status.u.pirq, 12);
ABI_EVTCHN(status.u.virq, 12);
ABI_EVTCHN(alloc_unbound.dom, 0);
ABI_EVTCHN(alloc_unbound.port, 4);
ABI_VAL(EVTCHNSTAT_closed, 0);
ABI_VAL(EVTCHNSTAT_unbound, 1);
ABI_VAL(EVTCHNSTAT_interdomain, 2);
ABI_VAL(EVTCHNSTAT_pirq, 3);
ABI_VAL(EVTCHNSTAT_virq, 4);
ABI_VAL(VIRQ_MISDIRECT, 0);
ABI_VAL(VIRQ_TIMER, 1);
ABI_VAL(VIRQ_DEBUG, 2);
ABI_VAL(VIRQ_CONSOLE, 3);
ABI_VAL(VIRQ_DOM_EXC, 4);
ABI_VAL(VIRQ_PARITY_ERR, 5);
ABI_VAL(VIRQ_IO_ERR, 6);
ABI_VAL(NR_VIRQS, 7);

/* ---- §9: scheduling ---- */
ABI_VAL(SCHEDOP_yield, 0);
ABI_VAL(SCHEDOP_block, 1);
ABI_VAL(SCHEDOP_shutdown, 2);
ABI_VAL(SCHEDOP_cmdmask, 0xFF);
ABI_VAL(SCHEDOP_reasonshift, 8);
ABI_VAL(SHUTDOWN_poweroff, 0);
ABI_VAL(SHUTDOWN_reboot, 1);
ABI_VAL(SHUTDOWN_suspend, 2);
ABI_VAL(SHUTDOWN_crash, 3);
ABI_VAL(SCHED_BVT, 0);
ABI_VAL(SCHED_ATROPOS, 2);
ABI_VAL(SCHED_RROBIN, 3);
ABI_VAL(SCHED_INFO_PUT, 0);
ABI_VAL(SCHED_INFO_GET, 1);
ABI_SIZE(struct sched_ctl_cmd, 16);
ABI_OFF(struct sched_ctl_cmd, sched_id, 0);
ABI_OFF(struct sched_ctl_cmd, direction, 4);
ABI_OFF(struct sched_ctl_cmd, u.bvt.ctx_allow, 8);
ABI_OFF(struct sched_ctl_cmd, u.rrobin.slice, 8);
ABI_SIZE(struct sched_adjdom_cmd, 44);
ABI_OFF(struct sched_adjdom_cmd, sched_id, 0);
ABI_OFF(struct sched_adjdom_cmd, direction, 4);
ABI_OFF(struct sched_adjdom_cmd, domain, 8);
ABI_OFF(struct sched_adjdom_cmd, u, 16);
ABI_OFF(struct sched_adjdom_cmd, u.bvt.mcu_adv, 16);
ABI_OFF(struct sched_adjdom_cmd, u.bvt.warpback, 20);
ABI_OFF(struct sched_adjdom_cmd, u.bvt.warpvalue, 24);
ABI_OFF(struct sched_adjdom_cmd, u.bvt.warpl, 28);
ABI_OFF(struct sched_adjdom_cmd, u.bvt.warpu, 36);
ABI_OFF(struct sched_adjdom_cmd, u.atropos.nat_period, 16);
ABI_OFF(struct sched_adjdom_cmd, u.atropos.nat_slice, 24);
ABI_OFF(struct sched_adjdom_cmd, u.atropos.latency, 32);
ABI_OFF(struct sched_adjdom_cmd, u.atropos.xtratime, 40);

/* ---- §10: dom0_op ---- */
ABI_VAL(DOM0_INTERFACE_VERSION, 0xAAAA001A);
ABI_SIZE(dom0_op_t, 80);
ABI_OFF(dom0_op_t, cmd, 0);
ABI_OFF(dom0_op_t, interface_version, 4);
ABI_OFF(dom0_op_t, u, 8);
ABI_VAL(sizeof(((dom0_op_t *)0)->u), 72);

ABI_VAL(DOM0_GETMEMLIST, 2);
ABI_SIZE(dom0_getmemlist_t, 32);
ABI_DOM0(getmemlist.domain, 0);
ABI_DOM0(getmemlist.max_pfns, 8);
ABI_DOM0(getmemlist.buffer, 16);
ABI_DOM0(getmemlist.num_pfns, 24);

ABI_VAL(DOM0_SCHEDCTL, 6);
ABI_DOM0(schedctl.sched_id, 0);
ABI_DOM0(schedctl.u.bvt.ctx_allow, 8);
ABI_VAL(DOM0_ADJUSTDOM, 7);
ABI_DOM0(adjustdom.domain, 8);
ABI_DOM0(adjustdom.u.bvt.warpl, 28);
ABI_DOM0(adjustdom.u.atropos.xtratime, 40);

ABI_VAL(DOM0_CREATEDOMAIN, 8);
ABI_SIZE(dom0_createdomain_t, 20);
ABI_DOM0(createdomain.memory_kb, 0);
ABI_DOM0(createdomain.cpu, 8);
ABI_DOM0(createdomain.domain, 16);

ABI_VAL(DOM0_DESTROYDOMAIN, 9);
ABI_DOM0(destroydomain.domain, 0);
ABI_VAL(DOM0_PAUSEDOMAIN, 10);
ABI_DOM0(pausedomain.domain, 0);
ABI_VAL(DOM0_UNPAUSEDOMAIN, 11);
ABI_DOM0(unpausedomain.domain, 0);

ABI_VAL(DOM0_GETDOMAININFO, 12);
ABI_SIZE(dom0_getdomaininfo_t, 48);
ABI_DOM0(getdomaininfo.domain, 0);
ABI_DOM0(getdomaininfo.flags, 4);
ABI_DOM0(getdomaininfo.ctxt, 8);
ABI_DOM0(getdomaininfo.tot_pages, 16);
ABI_DOM0(getdomaininfo.max_pages, 24);
ABI_DOM0(getdomaininfo.shared_info_frame, 32);
ABI_DOM0(getdomaininfo.cpu_time, 40);
ABI_VAL(DOMFLAGS_DYING, 1);
ABI_VAL(DOMFLAGS_CRASHED, 2);
ABI_VAL(DOMFLAGS_SHUTDOWN, 4);
ABI_VAL(DOMFLAGS_PAUSED, 8);
ABI_VAL(DOMFLAGS_BLOCKED, 16);
ABI_VAL(DOMFLAGS_RUNNING, 32);
ABI_VAL(DOMFLAGS_CPUSHIFT, 8);
ABI_VAL(DOMFLAGS_SHUTDOWNSHIFT, 16);

ABI_VAL(DOM0_BUILDDOMAIN, 13);
ABI_SIZE(dom0_builddomain_t, 16);
ABI_DOM0(builddomain.domain, 0);
ABI_DOM0(builddomain.ctxt, 8);

ABI_VAL(DOM0_IOPL, 14);
ABI_DOM0(iopl.domain, 0);
ABI_DOM0(iopl.iopl, 4);

ABI_VAL(DOM0_MSR, 15);
ABI_SIZE(dom0_msr_t, 28);
ABI_DOM0(msr.write, 0);
ABI_DOM0(msr.cpu_mask, 4);
ABI_DOM0(msr.msr, 8);
ABI_DOM0(msr.in1, 12);
ABI_DOM0(msr.in2, 16);
ABI_DOM0(msr.out1, 20);
ABI_DOM0(msr.out2, 24);

ABI_VAL(DOM0_DEBUG, 16);
ABI_SIZE(dom0_debug_t, 32);

ABI_VAL(DOM0_SETTIME, 17);
ABI_SIZE(dom0_settime_t, 16);
ABI_DOM0(settime.secs, 0);
ABI_DOM0(settime.usecs, 4);
ABI_DOM0(settime.system_time, 8);

ABI_VAL(DOM0_GETPAGEFRAMEINFO, 18);
ABI_SIZE(dom0_getpageframeinfo_t, 16);
ABI_DOM0(getpageframeinfo.pfn, 0);
ABI_DOM0(getpageframeinfo.domain, 8);
ABI_DOM0(getpageframeinfo.type, 12);
ABI_VAL(NOTAB, 0);
ABI_VAL(L1TAB, 0x10000000);
ABI_VAL(L2TAB, 0x20000000);
ABI_VAL(L3TAB, 0x30000000);
ABI_VAL(L4TAB, 0x40000000);
ABI_VAL(LPINTAB, 0x80000000u);
ABI_VAL(XTAB, 0xF0000000u);

ABI_VAL(DOM0_READCONSOLE, 19);
ABI_SIZE(dom0_readconsole_t, 16);
ABI_DOM0(readconsole.str, 0);
ABI_DOM0(readconsole.count, 8);
ABI_DOM0(readconsole.cmd, 12);
ABI_VAL(DOM0_CONSOLE_BUFFER_SIZE, 16392);

ABI_VAL(DOM0_PINCPUDOMAIN, 20);
ABI_DOM0(pincpudomain.domain, 0);
ABI_DOM0(pincpudomain.cpu, 4);

ABI_VAL(DOM0_GETTBUFS, 21);
ABI_SIZE(dom0_gettbufs_t, 12);
ABI_DOM0(gettbufs.mach_addr, 0);
ABI_DOM0(gettbufs.size, 8);

ABI_VAL(DOM0_PHYSINFO, 22);
ABI_SIZE(dom0_physinfo_t, 32);
ABI_DOM0(physinfo.ht_per_core, 0);
ABI_DOM0(physinfo.cores, 4);
ABI_DOM0(physinfo.cpu_khz, 8);
ABI_DOM0(physinfo.total_pages, 16);
ABI_DOM0(physinfo.free_pages, 24);

ABI_VAL(DOM0_PCIDEV_ACCESS, 23);
ABI_SIZE(dom0_pcidev_access_t, 20);
ABI_DOM0(pcidev_access.domain, 0);
ABI_DOM0(pcidev_access.bus, 4);
ABI_DOM0(pcidev_access.dev, 8);
ABI_DOM0(pcidev_access.func, 12);
ABI_DOM0(pcidev_access.enable, 16);

ABI_VAL(DOM0_SCHED_ID, 24);
ABI_DOM0(sched_id.sched_id, 0);

ABI_VAL(DOM0_SHADOW_CONTROL, 25);
ABI_SIZE(dom0_shadow_control_t, 40);
ABI_DOM0(shadow_control.domain, 0);
ABI_DOM0(shadow_control.op, 4);
ABI_DOM0(shadow_control.dirty_bitmap, 8);
ABI_DOM0(shadow_control.pages, 16);
ABI_DOM0(shadow_control.stats, 24);
ABI_DOM0(shadow_control.stats.fault_count, 24);
ABI_DOM0(shadow_control.stats.dirty_count, 28);
ABI_DOM0(shadow_control.stats.dirty_net_count, 32);
ABI_DOM0(shadow_control.stats.dirty_block_count, 36);
ABI_VAL(DOM0_SHADOW_CONTROL_OP_OFF, 0);
ABI_VAL(DOM0_SHADOW_CONTROL_OP_ENABLE_TEST, 1);
ABI_VAL(DOM0_SHADOW_CONTROL_OP_ENABLE_LOGDIRTY, 2);
ABI_VAL(DOM0_SHADOW_CONTROL_OP_ENABLE_TRANSLATE, 3);
ABI_VAL(DOM0_SHADOW_CONTROL_OP_FLUSH, 10);
ABI_VAL(DOM0_SHADOW_CONTROL_OP_CLEAN, 11);
ABI_VAL(DOM0_SHADOW_CONTROL_OP_PEEK, 12);

ABI_VAL(DOM0_SETDOMAININITIALMEM, 27);
ABI_DOM0(setdomaininitialmem.domain, 0);
ABI_DOM0(setdomaininitialmem.initial_memkb, 8);
ABI_VAL(DOM0_SETDOMAINMAXMEM, 28);
ABI_DOM0(setdomainmaxmem.domain, 0);
ABI_DOM0(setdomainmaxmem.max_memkb, 8);

ABI_VAL(DOM0_GETPAGEFRAMEINFO2, 29);
ABI_SIZE(dom0_getpageframeinfo2_t, 24);
ABI_DOM0(getpageframeinfo2.domain, 0);
ABI_DOM0(getpageframeinfo2.num, 8);
ABI_DOM0(getpageframeinfo2.array, 16);

ABI_VAL(DOM0_SETDOMAINVMASSIST, 30);
ABI_DOM0(setdomainvmassist.domain, 0);
ABI_DOM0(setdomainvmassist.cmd, 4);
ABI_DOM0(setdomainvmassist.type, 8);

ABI_VAL(DOM0_ADD_MEMTYPE, 31);
ABI_DOM0(add_memtype.pfn, 0);
ABI_DOM0(add_memtype.nr_pfns, 8);
ABI_DOM0(add_memtype.type, 16);
ABI_DOM0(add_memtype.handle, 24);
ABI_DOM0(add_memtype.reg, 28);
ABI_VAL(DOM0_DEL_MEMTYPE, 32);
ABI_DOM0(del_memtype.handle, 0);
ABI_DOM0(del_memtype.reg, 4);
ABI_VAL(DOM0_READ_MEMTYPE, 33);
ABI_DOM0(read_memtype.reg, 0);
ABI_DOM0(read_memtype.pfn, 8);
ABI_DOM0(read_memtype.nr_pfns, 16);
ABI_DOM0(read_memtype.type, 24);

ABI_VAL(DOM0_PERFCCONTROL, 34);
ABI_DOM0(perfccontrol.op, 0);
ABI_DOM0(perfccontrol.nr_counters, 4);
ABI_DOM0(perfccontrol.desc, 8);
ABI_VAL(DOM0_PERFCCONTROL_OP_RESET, 1);
ABI_VAL(DOM0_PERFCCONTROL_OP_QUERY, 2);
ABI_SIZE(dom0_perfc_desc_t, 340);
ABI_OFF(dom0_perfc_desc_t, name, 0);
ABI_OFF(dom0_perfc_desc_t, nr_vals, 80);
ABI_OFF(dom0_perfc_desc_t, vals, 84);

ABI_VAL(DOM0_MICROCODE, 35);
ABI_DOM0(microcode.data, 0);
ABI_DOM0(microcode.length, 8);

/* ---- §10: VCPU context ---- */
ABI_SIZE(execution_context_t, 68);
ABI_OFF(execution_context_t, ebx, 0);
ABI_OFF(execution_context_t, ecx, 4);
ABI_OFF(execution_context_t, edx, 8);
ABI_OFF(execution_context_t, esi, 12);
ABI_OFF(execution_context_t, edi, 16);
ABI_OFF(execution_context_t, ebp, 20);
ABI_OFF(execution_context_t, eax, 24);
ABI_OFF(execution_context_t, _unused, 28);
ABI_OFF(execution_context_t, eip, 32);
ABI_OFF(execution_context_t, cs, 36);
ABI_OFF(execution_context_t, eflags, 40);
ABI_OFF(execution_context_t, esp, 44);
ABI_OFF(execution_context_t, ss, 48);
ABI_OFF(execution_context_t, es, 52);
ABI_OFF(execution_context_t, ds, 56);
ABI_OFF(execution_context_t, fs, 60);
ABI_OFF(execution_context_t, gs, 64);

ABI_SIZE(full_execution_context_t, 2516);
ABI_OFF(full_execution_context_t, flags, 0);
ABI_OFF(full_execution_context_t, cpu_ctxt, 4);
ABI_OFF(full_execution_context_t, cpu_ctxt.eip, 4 + 32);
ABI_OFF(full_execution_context_t, fpu_ctxt, 72);
ABI_OFF(full_execution_context_t, trap_ctxt, 328);
ABI_OFF(full_execution_context_t, trap_ctxt[255], 328 + 255 * 8);
ABI_OFF(full_execution_context_t, fast_trap_idx, 2376);
ABI_OFF(full_execution_context_t, ldt_base, 2380);
ABI_OFF(full_execution_context_t, ldt_ents, 2384);
ABI_OFF(full_execution_context_t, gdt_frames, 2388);
ABI_OFF(full_execution_context_t, gdt_ents, 2452);
ABI_OFF(full_execution_context_t, guestos_ss, 2456);
ABI_OFF(full_execution_context_t, guestos_esp, 2460);
ABI_OFF(full_execution_context_t, pt_base, 2464);
ABI_OFF(full_execution_context_t, debugreg, 2468);
ABI_OFF(full_execution_context_t, event_callback_cs, 2500);
ABI_OFF(full_execution_context_t, event_callback_eip, 2504);
ABI_OFF(full_execution_context_t, failsafe_callback_cs, 2508);
ABI_OFF(full_execution_context_t, failsafe_callback_eip, 2512);
ABI_VAL(ECF_I387_VALID, 1);

/* ---- §11: grant tables ---- */
ABI_SIZE(grant_entry_t, 8);
ABI_OFF(grant_entry_t, flags, 0);
ABI_OFF(grant_entry_t, domid, 2);
ABI_OFF(grant_entry_t, frame, 4);
ABI_VAL(NR_GRANT_ENTRIES * sizeof(grant_entry_t), 4096);
ABI_VAL(GTF_invalid, 0);
ABI_VAL(GTF_permit_access, 1);
ABI_VAL(GTF_accept_transfer, 2);
ABI_VAL(GTF_readonly, 1 << 2);
ABI_VAL(GTF_reading, 1 << 3);
ABI_VAL(GTF_writing, 1 << 4);
ABI_VAL(GTF_transfer_committed, 1 << 2);
ABI_VAL(GTF_transfer_completed, 1 << 3);
ABI_VAL(GNTTABOP_map_grant_ref, 0);
ABI_VAL(GNTTABOP_unmap_grant_ref, 1);
ABI_VAL(GNTTABOP_setup_table, 2);
ABI_VAL(GNTMAP_device_map, 1);
ABI_VAL(GNTMAP_host_map, 2);
ABI_VAL(GNTMAP_readonly, 4);
ABI_VAL(GNTMAP_application_map, 8);
ABI_VAL(GNTST_okay, 0);
ABI_VAL(GNTST_general_error, -1);
ABI_VAL(GNTST_bad_domain, -2);
ABI_VAL(GNTST_bad_gntref, -3);
ABI_VAL(GNTST_bad_handle, -3);
ABI_VAL(GNTST_no_device_space, -4);
ABI_VAL(GNTST_permission_denied, -5);
ABI_SIZE(gnttab_map_grant_ref_t, 24);
ABI_OFF(gnttab_map_grant_ref_t, host_virt_addr, 0);
ABI_OFF(gnttab_map_grant_ref_t, dom, 8);
ABI_OFF(gnttab_map_grant_ref_t, ref, 10);
ABI_OFF(gnttab_map_grant_ref_t, flags, 12);
ABI_OFF(gnttab_map_grant_ref_t, handle, 14);
ABI_OFF(gnttab_map_grant_ref_t, dev_bus_addr, 16);
ABI_SIZE(gnttab_unmap_grant_ref_t, 24);
ABI_OFF(gnttab_unmap_grant_ref_t, host_virt_addr, 0);
ABI_OFF(gnttab_unmap_grant_ref_t, dev_bus_addr, 8);
ABI_OFF(gnttab_unmap_grant_ref_t, handle, 16);
ABI_OFF(gnttab_unmap_grant_ref_t, status, 18);
ABI_SIZE(gnttab_setup_table_t, 16);
ABI_OFF(gnttab_setup_table_t, dom, 0);
ABI_OFF(gnttab_setup_table_t, nr_frames, 2);
ABI_OFF(gnttab_setup_table_t, status, 6);
ABI_OFF(gnttab_setup_table_t, frame_list, 8);

/* ---- §12: physdev_op, console_io ---- */
ABI_SIZE(physdev_op_t, 40);
ABI_OFF(physdev_op_t, cmd, 0);
ABI_OFF(physdev_op_t, u, 8);
ABI_VAL(PHYSDEVOP_PCI_CFGREG_READ, 0);
ABI_VAL(PHYSDEVOP_PCI_CFGREG_WRITE, 1);
ABI_VAL(PHYSDEVOP_PCI_INITIALISE_DEVICE, 2);
ABI_VAL(PHYSDEVOP_PCI_PROBE_ROOT_BUSES, 3);
ABI_VAL(PHYSDEVOP_IRQ_UNMASK_NOTIFY, 4);
ABI_VAL(PHYSDEVOP_IRQ_STATUS_QUERY, 5);
ABI_VAL(PHYSDEVOP_IRQ_NEEDS_UNMASK_NOTIFY, 1);
ABI_SIZE(physdevop_pci_cfgreg_read_t, 24);
ABI_PHYSDEV(pci_cfgreg_read.bus, 0);
ABI_PHYSDEV(pci_cfgreg_read.dev, 4);
ABI_PHYSDEV(pci_cfgreg_read.func, 8);
ABI_PHYSDEV(pci_cfgreg_read.reg, 12);
ABI_PHYSDEV(pci_cfgreg_read.len, 16);
ABI_PHYSDEV(pci_cfgreg_read.value, 20);
ABI_SIZE(physdevop_pci_cfgreg_write_t, 24);
ABI_PHYSDEV(pci_cfgreg_write.value, 20);
ABI_PHYSDEV(pci_initialise_device.bus, 0);
ABI_PHYSDEV(pci_initialise_device.dev, 4);
ABI_PHYSDEV(pci_initialise_device.func, 8);
ABI_SIZE(physdevop_pci_probe_root_buses_t, 32);
ABI_PHYSDEV(pci_probe_root_buses.busmask, 0);
ABI_PHYSDEV(irq_status_query.irq, 0);
ABI_PHYSDEV(irq_status_query.flags, 4);
ABI_VAL(CONSOLEIO_write, 0);
ABI_VAL(CONSOLEIO_read, 1);

/* ---- §14: trace buffers ---- */
ABI_SIZE(struct t_rec, 32);
ABI_OFF(struct t_rec, cycles, 0);
ABI_OFF(struct t_rec, event, 8);
ABI_OFF(struct t_rec, d1, 12);
ABI_OFF(struct t_rec, d2, 16);
ABI_OFF(struct t_rec, d3, 20);
ABI_OFF(struct t_rec, d4, 24);
ABI_OFF(struct t_rec, d5, 28);
ABI_SIZE(struct t_buf, 20);
ABI_OFF(struct t_buf, data, 0);
ABI_OFF(struct t_buf, size, 4);
ABI_OFF(struct t_buf, head, 8);
ABI_SIZE(struct xentrace_file_rec, 36);
ABI_OFF(struct xentrace_file_rec, cpu, 0);
ABI_OFF(struct xentrace_file_rec, cycles, 4);
ABI_OFF(struct xentrace_file_rec, event, 12);
ABI_OFF(struct xentrace_file_rec, d, 16);
ABI_VAL(TRC_SCHED_DOM_ADD, 0x00010000);
ABI_VAL(TRC_SCHED_YIELD, 0x00010004);
ABI_VAL(TRC_SCHED_SET_TIMER, 0x00010005);
ABI_VAL(TRC_SCHED_CTL, 0x00010006);
ABI_VAL(TRC_SCHED_ADJDOM, 0x00010007);
ABI_VAL(TRC_SCHED_RESCHED, 0x00010008);
ABI_VAL(TRC_SCHED_SWITCH, 0x00010009);
ABI_VAL(TRC_SCHED_S_TIMER_FN, 0x0001000A);
ABI_VAL(TRC_SCHED_DOM_TIMER_FN, 0x0001000C);
ABI_VAL(TRC_DOM0OP_ENTER_BASE, 0x00020000);
ABI_VAL(TRC_DOM0OP_LEAVE_BASE, 0x00030000);

/* ---- §16: control interface ---- */
ABI_SIZE(control_msg_t, 64);
ABI_OFF(control_msg_t, type, 0);
ABI_OFF(control_msg_t, subtype, 1);
ABI_OFF(control_msg_t, id, 2);
ABI_OFF(control_msg_t, length, 3);
ABI_OFF(control_msg_t, msg, 4);
ABI_VAL(sizeof(((control_msg_t *)0)->msg), 60);
ABI_SIZE(control_if_t, 1040);
ABI_OFF(control_if_t, tx_ring, 0);
ABI_OFF(control_if_t, rx_ring, 512);
ABI_OFF(control_if_t, tx_req_prod, 1024);
ABI_OFF(control_if_t, tx_resp_prod, 1028);
ABI_OFF(control_if_t, rx_req_prod, 1032);
ABI_OFF(control_if_t, rx_resp_prod, 1036);
ABI_VAL(XEN_CONTROL_IF_OFFSET + sizeof(control_if_t), 3088);
ABI_VAL(CONTROL_RING_SIZE, 8);

ABI_VAL(CMSG_CONSOLE, 0);
ABI_VAL(CMSG_BLKIF_BE, 1);
ABI_VAL(CMSG_BLKIF_FE, 2);
ABI_VAL(CMSG_NETIF_BE, 3);
ABI_VAL(CMSG_NETIF_FE, 4);
ABI_VAL(CMSG_SHUTDOWN, 6);
ABI_VAL(CMSG_MEM_REQUEST, 7);
ABI_VAL(CMSG_CONSOLE_DATA, 0);
ABI_VAL(CMSG_BLKIF_BE_CREATE, 0);
ABI_VAL(CMSG_BLKIF_BE_DESTROY, 1);
ABI_VAL(CMSG_BLKIF_BE_CONNECT, 2);
ABI_VAL(CMSG_BLKIF_BE_DISCONNECT, 3);
ABI_VAL(CMSG_BLKIF_BE_VBD_CREATE, 4);
ABI_VAL(CMSG_BLKIF_BE_VBD_DESTROY, 5);
ABI_VAL(CMSG_BLKIF_BE_VBD_GROW, 6);
ABI_VAL(CMSG_BLKIF_BE_VBD_SHRINK, 7);
ABI_VAL(CMSG_BLKIF_BE_DRIVER_STATUS, 32);
ABI_VAL(CMSG_BLKIF_FE_INTERFACE_STATUS, 0);
ABI_VAL(CMSG_BLKIF_FE_DRIVER_STATUS, 32);
ABI_VAL(CMSG_BLKIF_FE_INTERFACE_CONNECT, 33);
ABI_VAL(CMSG_BLKIF_FE_INTERFACE_DISCONNECT, 34);
ABI_VAL(CMSG_BLKIF_FE_INTERFACE_QUERY, 35);
ABI_VAL(CMSG_NETIF_BE_CREATE, 0);
ABI_VAL(CMSG_NETIF_BE_DESTROY, 1);
ABI_VAL(CMSG_NETIF_BE_CONNECT, 2);
ABI_VAL(CMSG_NETIF_BE_DISCONNECT, 3);
ABI_VAL(CMSG_NETIF_BE_DRIVER_STATUS, 32);
ABI_VAL(CMSG_NETIF_FE_INTERFACE_STATUS, 0);
ABI_VAL(CMSG_NETIF_FE_DRIVER_STATUS, 32);
ABI_VAL(CMSG_NETIF_FE_INTERFACE_CONNECT, 33);
ABI_VAL(CMSG_NETIF_FE_INTERFACE_DISCONNECT, 34);
ABI_VAL(CMSG_NETIF_FE_INTERFACE_QUERY, 35);
ABI_VAL(CMSG_SHUTDOWN_POWEROFF, 0);
ABI_VAL(CMSG_SHUTDOWN_REBOOT, 1);
ABI_VAL(CMSG_SHUTDOWN_SUSPEND, 2);
ABI_VAL(CMSG_SHUTDOWN_SYSRQ, 3);
ABI_VAL(CMSG_MEM_REQUEST_SET, 0);
ABI_VAL(BLKIF_INTERFACE_STATUS_CHANGED, 3);
ABI_VAL(BLKIF_BE_STATUS_MAPPING_ERROR, 9);
ABI_VAL(NETIF_BE_STATUS_MAPPING_ERROR, 6);

/* BE payloads: domid@0, handle@4, ..., status last. */
ABI_SIZE(blkif_be_create_t, 12);
ABI_OFF(blkif_be_create_t, domid, 0);
ABI_OFF(blkif_be_create_t, blkif_handle, 4);
ABI_OFF(blkif_be_create_t, status, 8);
ABI_SIZE(blkif_be_connect_t, 24);
ABI_OFF(blkif_be_connect_t, shmem_frame, 8);
ABI_OFF(blkif_be_connect_t, evtchn, 16);
ABI_OFF(blkif_be_connect_t, status, 20);
ABI_SIZE(blkif_be_vbd_create_t, 16);
ABI_OFF(blkif_be_vbd_create_t, vdevice, 8);
ABI_OFF(blkif_be_vbd_create_t, readonly, 10);
ABI_OFF(blkif_be_vbd_create_t, status, 12);
ABI_SIZE(blkif_be_vbd_destroy_t, 16);
ABI_OFF(blkif_be_vbd_destroy_t, vdevice, 8);
ABI_OFF(blkif_be_vbd_destroy_t, status, 12);
ABI_SIZE(blkif_extent_t, 20);
ABI_OFF(blkif_extent_t, sector_start, 0);
ABI_OFF(blkif_extent_t, sector_length, 8);
ABI_OFF(blkif_extent_t, device, 16);
ABI_SIZE(blkif_be_vbd_grow_t, 36);
ABI_OFF(blkif_be_vbd_grow_t, extent, 8);
ABI_OFF(blkif_be_vbd_grow_t, extent.device, 24);
ABI_OFF(blkif_be_vbd_grow_t, vdevice, 28);
ABI_OFF(blkif_be_vbd_grow_t, status, 32);
ABI_SIZE(blkif_be_driver_status_t, 4);
ABI_SIZE(netif_be_create_t, 20);
ABI_OFF(netif_be_create_t, domid, 0);
ABI_OFF(netif_be_create_t, netif_handle, 4);
ABI_OFF(netif_be_create_t, mac, 8);
ABI_OFF(netif_be_create_t, status, 16);
ABI_SIZE(netif_be_destroy_t, 12);
ABI_OFF(netif_be_destroy_t, status, 8);
ABI_SIZE(netif_be_connect_t, 32);
ABI_OFF(netif_be_connect_t, tx_shmem_frame, 8);
ABI_OFF(netif_be_connect_t, rx_shmem_frame, 16);
ABI_OFF(netif_be_connect_t, evtchn, 24);
ABI_OFF(netif_be_connect_t, status, 28);

/* FE payloads */
ABI_SIZE(blkif_fe_interface_status_t, 12);
ABI_OFF(blkif_fe_interface_status_t, handle, 0);
ABI_OFF(blkif_fe_interface_status_t, status, 4);
ABI_OFF(blkif_fe_interface_status_t, evtchn, 8);
ABI_OFF(blkif_fe_interface_status_t, domid, 10);
ABI_SIZE(blkif_fe_interface_query_t, 12);
ABI_SIZE(blkif_fe_driver_status_t, 8);
ABI_OFF(blkif_fe_driver_status_t, status, 0);
ABI_OFF(blkif_fe_driver_status_t, max_handle, 4);
ABI_SIZE(blkif_fe_interface_connect_t, 16);
ABI_OFF(blkif_fe_interface_connect_t, handle, 0);
ABI_OFF(blkif_fe_interface_connect_t, shmem_frame, 8);
ABI_SIZE(netif_fe_interface_status_t, 18);
ABI_OFF(netif_fe_interface_status_t, handle, 0);
ABI_OFF(netif_fe_interface_status_t, status, 4);
ABI_OFF(netif_fe_interface_status_t, evtchn, 8);
ABI_OFF(netif_fe_interface_status_t, mac, 10);
ABI_OFF(netif_fe_interface_status_t, domid, 16);
ABI_SIZE(netif_fe_interface_query_t, 18);
ABI_SIZE(netif_fe_driver_status_t, 8);
ABI_SIZE(netif_fe_interface_connect_t, 24);
ABI_OFF(netif_fe_interface_connect_t, handle, 0);
ABI_OFF(netif_fe_interface_connect_t, tx_shmem_frame, 8);
ABI_OFF(netif_fe_interface_connect_t, rx_shmem_frame, 16);
ABI_SIZE(mem_request_t, 8);
ABI_OFF(mem_request_t, target, 0);
ABI_OFF(mem_request_t, status, 4);

/* blkif ring */
ABI_SIZE(blkif_ring_t, 3848);
ABI_OFF(blkif_ring_t, req_prod, 0);
ABI_OFF(blkif_ring_t, resp_prod, 4);
ABI_OFF(blkif_ring_t, ring, 8);
ABI_OFF(blkif_ring_t, ring[1], 8 + 60);
ABI_OFF(blkif_ring_t, ring[63], 8 + 63 * 60);
ABI_VAL(BLKIF_RING_SIZE, 64);
ABI_SIZE(blkif_request_t, 60);
ABI_OFF(blkif_request_t, operation, 0);
ABI_OFF(blkif_request_t, nr_segments, 1);
ABI_OFF(blkif_request_t, device, 2);
ABI_OFF(blkif_request_t, id, 4);
ABI_OFF(blkif_request_t, sector_number, 8);
ABI_OFF(blkif_request_t, frame_and_sects, 16);
ABI_VAL(BLKIF_MAX_SEGMENTS_PER_REQUEST, 11);
ABI_SIZE(blkif_response_t, 7);
ABI_OFF(blkif_response_t, id, 0);
ABI_OFF(blkif_response_t, operation, 4);
ABI_OFF(blkif_response_t, status, 5);
ABI_VAL(BLKIF_OP_READ, 0);
ABI_VAL(BLKIF_OP_WRITE, 1);
ABI_VAL(BLKIF_OP_PROBE, 2);
ABI_VAL(BLKIF_RSP_OKAY, 0);
ABI_VAL(BLKIF_RSP_ERROR, -1);
ABI_SIZE(vdisk_t, 12);
ABI_OFF(vdisk_t, capacity, 0);
ABI_OFF(vdisk_t, device, 8);
ABI_OFF(vdisk_t, info, 10);
ABI_VAL(VDISK_TYPE_FLOPPY, 0);
ABI_VAL(VDISK_TYPE_TAPE, 1);
ABI_VAL(VDISK_TYPE_CDROM, 5);
ABI_VAL(VDISK_TYPE_OPTICAL, 7);
ABI_VAL(VDISK_TYPE_DISK, 0x20);
ABI_VAL(VDISK_READONLY, 0x40);
ABI_VAL(VDISK_VIRTUAL, 0x80);

/* netif rings */
ABI_SIZE(netif_tx_interface_t, 3088);
ABI_OFF(netif_tx_interface_t, req_prod, 0);
ABI_OFF(netif_tx_interface_t, req_cons, 4);
ABI_OFF(netif_tx_interface_t, resp_prod, 8);
ABI_OFF(netif_tx_interface_t, event, 12);
ABI_OFF(netif_tx_interface_t, ring, 16);
ABI_OFF(netif_tx_interface_t, ring[1], 16 + 12);
ABI_SIZE(netif_tx_request_t, 12);
ABI_OFF(netif_tx_request_t, addr, 0);
ABI_OFF(netif_tx_request_t, id, 8);
ABI_OFF(netif_tx_request_t, size, 10);
ABI_OFF(netif_tx_response_t, id, 0);
ABI_OFF(netif_tx_response_t, status, 2);
ABI_SIZE(netif_rx_interface_t, 3084);
ABI_OFF(netif_rx_interface_t, req_prod, 0);
ABI_OFF(netif_rx_interface_t, resp_prod, 4);
ABI_OFF(netif_rx_interface_t, event, 8);
ABI_OFF(netif_rx_interface_t, ring, 12);
ABI_OFF(netif_rx_interface_t, ring[1], 12 + 12);
ABI_OFF(netif_rx_request_t, id, 0);
ABI_SIZE(netif_rx_response_t, 12);
ABI_OFF(netif_rx_response_t, addr, 0);
ABI_OFF(netif_rx_response_t, id, 8);
ABI_OFF(netif_rx_response_t, status, 10);
ABI_VAL(NETIF_TX_RING_SIZE, 256);
ABI_VAL(NETIF_RX_RING_SIZE, 256);
ABI_VAL(NETIF_RSP_OKAY, 0);
ABI_VAL(NETIF_RSP_ERROR, -1);
ABI_VAL(NETIF_RSP_DROPPED, -2);

#endif /* TESTS_UNIT_PUBLIC_ABI_ASSERTS_H */
