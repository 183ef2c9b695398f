/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * time_domain_virtual_two: Tessera's domain virtual time with two domains
 * sharing the CPU (shared_info domain_time; ABI.md §4, §8: Xen 2.0 leaves
 * it 0, and then this test SKIPs), in ICOUNT virtual time. Dom0 and a domU
 * both spin for 300 ms of system time, yielding after each 1 ms they get,
 * so they take turns under any scheduler. Each one's domain_time then
 * advanced by 30%..70% of the system time that passed: it counts its own
 * running, not the other's. The domU checks its own and reports with its
 * shutdown code.
 */
#include <guest/console.h>
#include <guest/domctl.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

#define SPAN_NS     (300 * NSEC_PER_MSEC)
#define TURN_NS     NSEC_PER_MSEC
#define CODE_SKIP   0x30

static void share_cpu(void)
{
    uint64_t start = time_now(), turn;

    while (time_now() - start < SPAN_NS) {
        turn = time_now();
        while (time_now() - turn < TURN_NS)
            barrier();
        HYPERVISOR_yield();
    }
}

/* 0 if a -> b looks right, else which check failed (1 ran too little, 2 too much). */
static unsigned int verdict(const struct time_info *a, const struct time_info *b)
{
    uint64_t ds = b->system_time - a->system_time, dd = b->domain_time - a->domain_time;

    if (dd * 10 < ds * 3)
        return 1;
    if (dd * 10 > ds * 7)
        return 2;
    return 0;
}

static void domu_main(void)
{
    struct time_info a, b;
    unsigned int v;

    if (!time_wait_tick(&a, TIME_WAIT_CYCLES))
        guest_shutdown(DOMU_FAIL(0));
    share_cpu();
    if (!time_wait_tick(&b, TIME_WAIT_CYCLES))
        guest_shutdown(DOMU_FAIL(0));
    if (b.domain_time == 0)
        guest_shutdown(CODE_SKIP);
    v = verdict(&a, &b);
    guest_shutdown(v ? DOMU_FAIL(v) : DOMU_OK);
}

void test_main(void)
{
    dom0_getdomaininfo_t info;
    struct time_info a, b;
    int code;

    if (!guest_is_dom0())
        domu_main();
    if (!time_test_ready())
        return;
    if (!time_expect_tick(&a))
        return;
    share_cpu();
    if (!time_wait_tick(&b, TIME_WAIT_CYCLES)) {
        xtf_failure("Fail: no tick refresh at the end\n");
        return;
    }
    code = dom0_wait_stopped(1, DOM0_WAIT_YIELDS, &info);
    if (b.domain_time == 0) {
        xtf_skip("Skip: domain_time stays 0 (as in Xen 2.0)\n");
        return;
    }
    printf("dom0: system time +%llu ns, domain_time +%llu ns\n",
           (unsigned long long)(b.system_time - a.system_time),
           (unsigned long long)(b.domain_time - a.domain_time));
    switch (verdict(&a, &b)) {
    case 1:
        xtf_failure("Fail: dom0's domain_time advanced less than 30%% of system time\n");
        break;
    case 2:
        xtf_failure("Fail: dom0's domain_time advanced more than 70%% of system time: the "
                    "domU's turns were counted\n");
        break;
    }
    if (code == CODE_SKIP)
        xtf_failure("Fail: dom0 has domain_time but the domU's stayed 0\n");
    else if (code == DOMU_FAIL(1))
        xtf_failure("Fail: the domU's domain_time advanced less than 30%% of system time\n");
    else if (code == DOMU_FAIL(2))
        xtf_failure("Fail: the domU's domain_time counted dom0's turns (over 70%%)\n");
    else if (code != DOMU_OK)
        xtf_failure("Fail: the domU: expected code %#x got %d (-1 gone, -2 crashed, "
                    "-3 timed out; 0x40: no tick)\n", DOMU_OK, code);
    xtf_success(NULL);
}
