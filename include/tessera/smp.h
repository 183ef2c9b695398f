/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CPUs, and how Tessera runs on several of them. Guests run concurrently
 * on every CPU; Tessera itself runs on one CPU at a time, under the
 * hypervisor lock, taken on every entry from a guest or from the idle
 * loop and dropped on the way out (one place: the return path). Nothing
 * inside Tessera waits for another CPU while holding it, so the lock
 * cannot deadlock; the price is that hypercalls on different CPUs run
 * one after the other, which for a hypervisor of short, bounded
 * operations (continuations split the long ones) is a fair trade for
 * simplicity.
 */
#ifndef TESSERA_SMP_H
#define TESSERA_SMP_H

#include <tessera/lib.h>

#ifndef CONFIG_NR_CPUS
#define CONFIG_NR_CPUS 1        /* host tests may define more */
#endif
#define NR_CPUS CONFIG_NR_CPUS

#ifdef TESSERA_HOST_TEST
static inline unsigned int smp_processor_id(void)
{
    return 0;
}
#else
#include <asm/current.h>

static inline unsigned int smp_processor_id(void)
{
    return get_cpu_info()->processor_id;
}
#endif

/* CPUs running Tessera (1 until smp_init() brought the others up). */
extern unsigned int nr_cpus_online;

#ifdef CONFIG_SMP
/* Brings up the other CPUs (nosmp / maxcpus= limit them). */
void smp_init(void);
#else
static inline void smp_init(void) { }
#endif

#ifdef CONFIG_SMP
/* The hypervisor lock: recursive on the CPU holding it. */
void hv_lock(void);
void hv_unlock(void);
/* A CPU that resets its stack (context switch, idle loop) holds it once. */
void hv_lock_reset_depth(void);
/* Lets the other CPUs in while this one waits for them; returns the depth
 * to give back to hv_lock_restore(). */
unsigned int hv_lock_release_all(void);
void hv_lock_restore(unsigned int depth);
/* Makes cpu notice pending work (softirqs, an upcall) soon: an IPI if it is
 * another CPU. */
void smp_send_event_check(unsigned int cpu);
/* Flushes every CPU's TLB and waits until they all did. */
void smp_flush_tlb_all(void);
/* Does a flush another CPU asked of this one (waiting loops call it). */
void smp_tlb_flush_check(void);
#else
static inline void hv_lock(void) { }
static inline void hv_unlock(void) { }
static inline void hv_lock_reset_depth(void) { }
static inline unsigned int hv_lock_release_all(void) { return 0; }
static inline void hv_lock_restore(unsigned int depth) { (void)depth; }
static inline void smp_send_event_check(unsigned int cpu) { (void)cpu; }
static inline void smp_tlb_flush_check(void) { }
static inline void smp_flush_tlb_all(void) { }     /* one CPU: callers flush locally */
#endif

#endif /* TESSERA_SMP_H */
