/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sched_rrobin_slice: round robin's slice (ABI.md §9; booted with
 * sched=rrobin) in ICOUNT virtual time. Dom0 sets a 30 ms slice with
 * SCHEDCTL PUT, then polls GETDOMAININFO without blocking, so it is one
 * more CPU-bound domain in the rotation (the last domU to finish still
 * sees others run). Three CPU-bound domUs each find their own run
 * boundaries (a TSC gap over 1 ms is time another domain ran); after the
 * first run, which began before the measuring loop, each of the next
 * five lasts 30 ms within one 10 ms tick (slices end at ticks). A domU
 * shuts down with DOMU_OK, or with RUN_BAD + the offending run's length
 * in ms (capped).
 */
#include "../dom0op_sched_common/sched_helpers.h"

#define SLICE_NS    (30 * NSEC_PER_MSEC)
#define GAP_NS      NSEC_PER_MSEC
#define SETTLE      1
#define MEASURED    5
#define RUN_BAD     100
#define RUN_CAP_MS  150
#define NR_DOMUS    3

/* DOMU_OK for a run of len ns within a tick of the slice, else RUN_BAD + ms. */
static unsigned int run_verdict(uint64_t len)
{
    uint64_t ms = len / NSEC_PER_MSEC;

    if (len + TIME_TICK_NS >= SLICE_NS && len <= SLICE_NS + TIME_TICK_NS)
        return DOMU_OK;
    return RUN_BAD + (ms > RUN_CAP_MS ? RUN_CAP_MS : (unsigned int)ms);
}

static void spinner_main(void)
{
    uint64_t freq, start, last, now;
    struct time_info t;
    unsigned int runs = 0;

    time_read(&t);
    freq = t.cpu_freq;
    start = last = rdtsc();
    while (runs < SETTLE + MEASURED) {
        now = rdtsc();
        if (time_cycles_to_ns(now - last, freq) > GAP_NS) {
            unsigned int verdict = run_verdict(time_cycles_to_ns(last - start, freq));

            if (runs >= SETTLE && verdict != DOMU_OK)
                guest_shutdown(verdict);
            runs++;
            start = now;
        }
        last = now;
    }
    guest_shutdown(DOMU_OK);
}

void test_main(void)
{
    struct sched_ctl_cmd cmd = { .sched_id = SCHED_RROBIN, .direction = SCHED_INFO_PUT };
    dom0_getdomaininfo_t info;
    unsigned int dom, done = 0;
    uint64_t until;
    long rc;
    int code[NR_DOMUS + 1] = { 0 };

    if (!guest_is_dom0())
        spinner_main();
    cmd.u.rrobin.slice = SLICE_NS;
    rc = sched_ctl_op(&cmd);
    if (rc != 0) {
        xtf_error("Error: SCHEDCTL PUT slice 30 ms: expected 0 got %ld\n", rc);
        return;
    }
    if (!time_test_ready())
        return;
    until = time_now() + 3 * NSEC_PER_SEC;
    while (done < NR_DOMUS && time_now() < until) {
        for (dom = 1, done = 0; dom <= NR_DOMUS; dom++) {
            code[dom] = dom0_wait_stopped(dom, 0, &info);
            done += code[dom] != DOM0_WAIT_RUNNING;
        }
    }
    for (dom = 1; dom <= NR_DOMUS; dom++) {
        if (code[dom] == DOMU_OK)
            continue;
        if (code[dom] >= RUN_BAD && code[dom] <= RUN_BAD + RUN_CAP_MS)
            xtf_failure("Fail: domain %u: a run of %d ms: expected 30 ms +- 10 ms\n", dom,
                        code[dom] - RUN_BAD);
        else
            xtf_failure("Fail: domain %u did not finish (%d)\n", dom, code[dom]);
    }
    xtf_success(NULL);
}
