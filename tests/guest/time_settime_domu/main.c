/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * time_settime_domu: only a privileged domain sets the wall clock (ABI.md
 * §10: every dom0_op needs priv). Bug class: an unprivileged guest moving
 * everyone's clock. The domU's DOM0_SETTIME answers -EPERM (twice, with
 * plausible and absurd arguments); dom0 then finds its wall clock still
 * where system time puts it (wc - system_time unchanged) after a tick.
 */
#include <guest/domctl.h>
#include <guest/runtime.h>
#include <guest/test.h>
#include <guest/time.h>

static void domu_main(void)
{
    domu_expect(1, dom0_settime(12345, 0, 0), -XEN_EPERM);
    domu_expect(2, dom0_settime(0xFFFFFFFF, 0xFFFFFFFF, ~0ull), -XEN_EPERM);
    guest_shutdown(DOMU_OK);
}

static uint64_t offset_ns(const struct time_info *t)
{
    return time_wc_usecs(t) * NSEC_PER_USEC - t->system_time;
}

void test_main(void)
{
    dom0_getdomaininfo_t info;
    struct time_info a, b;

    if (!guest_is_dom0())
        domu_main();
    if (!time_test_ready())
        return;
    if (!time_expect_tick(&a))
        return;
    dom0_expect_domu_ok(1, &info);
    if (!time_wait_tick(&b, TIME_WAIT_CYCLES)) {
        xtf_failure("Fail: no tick after the domU ran\n");
        return;
    }
    if (offset_ns(&b) != offset_ns(&a))
        xtf_failure("Fail: wall clock moved: %u.%06u at %llu, then %u.%06u at %llu\n",
                    a.wc_sec, a.wc_usec, (unsigned long long)a.system_time, b.wc_sec,
                    b.wc_usec, (unsigned long long)b.system_time);
    xtf_success(NULL);
}
