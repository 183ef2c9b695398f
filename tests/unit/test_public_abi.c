/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The guest ABI headers (include/public). Sizes and offsets are pinned at
 * compile time by public_abi_asserts.h (here natively, and again under
 * gcc -m32 by the unit/public_abi_m32 test); the cases below check what
 * only running code can: byte images as a guest sees them, the encoding
 * macros, and that the headers coexist with Tessera's own.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "public_abi_asserts.h"

/* Tessera's internal headers repeat a few public names; they must agree. */
#include <tessera/domain.h>
#include <asm/desc.h>

static uint32_t le32_at(const void *base, size_t off)
{
    const uint8_t *p = (const uint8_t *)base + off;

    return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t le64_at(const void *base, size_t off)
{
    return le32_at(base, off) | (uint64_t)le32_at(base, off + 4) << 32;
}

static uint16_t le16_at(const void *base, size_t off)
{
    const uint8_t *p = (const uint8_t *)base + off;

    return (uint16_t)(p[0] | p[1] << 8);
}

/* Each 4(+4) field lands at its offset and leaves its padding alone. */
static void test_start_info_image(void **state)
{
    start_info_t si;

    (void)state;
    memset(&si, 0, sizeof(si));
    si.nr_pages = 0x11223344;
    si.shared_info = 0x00ABC000;
    si.flags = SIF_PRIVILEGED | SIF_INITDOMAIN;
    si.domain_controller_evtchn = 0x1234;
    si.pt_base = 0xC0101000;
    si.mfn_list = 0xC0100000;
    si.mod_len = 4096;
    si.cmd_line[0] = 'x';

    assert_int_equal(le32_at(&si, 0), 0x11223344);
    assert_int_equal(le32_at(&si, 4), 0);
    assert_int_equal(le32_at(&si, 8), 0x00ABC000);
    assert_int_equal(le32_at(&si, 12), 0);
    assert_int_equal(le32_at(&si, 16), 3);
    assert_int_equal(le16_at(&si, 20), 0x1234);
    assert_int_equal(le16_at(&si, 22), 0);
    assert_int_equal(le32_at(&si, 24), 0xC0101000);
    assert_int_equal(le32_at(&si, 40), 0xC0100000);
    assert_int_equal(le32_at(&si, 56), 4096);
    assert_int_equal(((uint8_t *)&si)[64], 'x');
}

/*
 * Guests set and test event bits with byte-granular bit instructions, so
 * port p must be bit p%8 of byte 4 + p/8 of shared_info; the mask array is
 * the same at byte 136.
 */
static void test_shared_info_event_bits(void **state)
{
    static const unsigned int ports[] = { 0, 1, 31, 32, 77, 1023 };
    shared_info_t sh;
    size_t i;

    (void)state;
    for (i = 0; i < ARRAY_SIZE(ports); i++) {
        unsigned int p = ports[i];
        const uint8_t *bytes = (const uint8_t *)&sh;

        memset(&sh, 0, sizeof(sh));
        sh.evtchn_pending[p / 32] |= 1u << (p % 32);
        sh.evtchn_mask[p / 32] |= 1u << (p % 32);
        sh.evtchn_pending_sel |= 1u << (p / 32);
        assert_int_equal(bytes[4 + p / 8], 1u << (p % 8));
        assert_int_equal(bytes[136 + p / 8], 1u << (p % 8));
        assert_int_equal(le32_at(&sh, 132), 1u << (p / 32));
    }
}

static void test_shared_info_time_image(void **state)
{
    shared_info_t sh;

    (void)state;
    memset(&sh, 0, sizeof(sh));
    sh.vcpu_data[0].evtchn_upcall_mask = 1;
    sh.cpu_freq = 2000000000ull;
    sh.time_version1 = 7;
    sh.time_version2 = 6;
    sh.tsc_timestamp = 0x0102030405060708ull;
    sh.system_time = 10000000ull;
    sh.wc_sec = 1100000000;
    sh.arch.pfn_to_mfn_frame_list = 0x4242;

    assert_int_equal(((uint8_t *)&sh)[XEN_SHINFO_UPCALL_MASK], 1);
    assert_int_equal(((uint8_t *)&sh)[XEN_SHINFO_UPCALL_PENDING], 0);
    assert_true(le64_at(&sh, 264) == 2000000000ull);
    assert_int_equal(le32_at(&sh, 272), 7);
    assert_int_equal(le32_at(&sh, 276), 6);
    assert_true(le64_at(&sh, 280) == 0x0102030405060708ull);
    assert_true(le64_at(&sh, 288) == 10000000ull);
    assert_int_equal(le32_at(&sh, 296), 1100000000);
    assert_true(le64_at(&sh, 336) == 0x4242);
}

/* The 64-bit BVT warp fields sit at 4-byte offsets on every host. */
static void test_dom0_op_adjustdom_image(void **state)
{
    dom0_op_t op;

    (void)state;
    memset(&op, 0, sizeof(op));
    op.cmd = DOM0_ADJUSTDOM;
    op.interface_version = DOM0_INTERFACE_VERSION;
    op.u.adjustdom.sched_id = SCHED_BVT;
    op.u.adjustdom.domain = 5;
    op.u.adjustdom.u.bvt.mcu_adv = 10;
    op.u.adjustdom.u.bvt.warpvalue = -3;
    op.u.adjustdom.u.bvt.warpl = 0x0102030405060708ll;
    op.u.adjustdom.u.bvt.warpu = -2;

    assert_int_equal(le32_at(&op, 0), 7);
    assert_int_equal(le32_at(&op, 4), 0xAAAA001A);
    assert_int_equal(le16_at(&op, 8 + 8), 5);
    assert_int_equal(le32_at(&op, 8 + 16), 10);
    assert_int_equal(le32_at(&op, 8 + 24), 0xFFFFFFFD);
    assert_true(le64_at(&op, 8 + 28) == 0x0102030405060708ull);
    assert_true(le64_at(&op, 8 + 36) == 0xFFFFFFFFFFFFFFFEull);

    memset(&op, 0, sizeof(op));
    op.u.adjustdom.u.atropos.latency = 5000000;
    op.u.adjustdom.u.atropos.xtratime = 1;
    assert_true(le64_at(&op, 8 + 32) == 5000000);
    assert_int_equal(le32_at(&op, 8 + 40), 1);
}

static void test_multicall_result_slot(void **state)
{
    multicall_entry_t mc;

    (void)state;
    memset(&mc, 0, sizeof(mc));
    mc.op = __HYPERVISOR_update_va_mapping;
    mc.args[0] = 0xC0000;
    mc.args[MULTICALL_RESULT_ARG] = (cpureg_t)-XEN_EINVAL;
    assert_int_equal(le32_at(&mc, 0), 14);
    assert_int_equal(le32_at(&mc, 4), 0xC0000);
    assert_int_equal(le32_at(&mc, 24), 0xFFFFFFEA);
}

static void test_trap_info_macros(void **state)
{
    trap_info_t ti = { .vector = 0x80, .cs = FLAT_RING1_CS, .address = 0xC0001000 };

    (void)state;
    assert_int_equal(TI_GET_DPL(&ti), 0);
    assert_int_equal(TI_GET_IF(&ti), 0);
    TI_SET_DPL(&ti, 3);
    TI_SET_IF(&ti, 7);
    assert_int_equal(ti.flags, 3 | 4);
    assert_int_equal(TI_GET_DPL(&ti), 3);
    assert_true(TI_GET_IF(&ti));
    assert_int_equal(((uint8_t *)&ti)[0], 0x80);
    assert_int_equal(((uint8_t *)&ti)[1], 7);
    assert_int_equal(le16_at(&ti, 2), 0x0819);
    assert_int_equal(le32_at(&ti, 4), 0xC0001000);
}

/* Command words as guests build them (ABI.md §5.3, §9). */
static void test_command_encodings(void **state)
{
    mmu_update_t req;

    (void)state;
    assert_int_equal(SCHEDOP_shutdown | SHUTDOWN_poweroff << SCHEDOP_reasonshift, 2);
    assert_int_equal(SCHEDOP_shutdown | SHUTDOWN_crash << SCHEDOP_reasonshift, 0x302);

    req.ptr = 0x00123000 | MMU_EXTENDED_COMMAND;
    req.val = (uint32_t)DOMID_IO << 16 | MMUEXT_SET_FOREIGNDOM;
    assert_int_equal(req.ptr & 3, MMU_EXTENDED_COMMAND);
    assert_int_equal(req.val & MMUEXT_CMD_MASK, 10);
    assert_int_equal(req.val >> 16, 0x7FF1);

    req.val = 512u << MMUEXT_CMD_SHIFT | MMUEXT_SET_LDT;
    assert_int_equal(req.val & MMUEXT_CMD_MASK, 9);
    assert_int_equal(req.val >> MMUEXT_CMD_SHIFT, 512);
    assert_int_equal(le32_at(&req, 4), 0x20009);
}

static void test_blkif_segment_encoding(void **state)
{
    uint32_t fas = blkif_fas(0xABCDEu, 2u, 7u);

    (void)state;
    assert_int_equal(fas, 0xABCDE000u | 2u << 3 | 7u);
    assert_int_equal(fas >> 12, 0xABCDE);
    assert_int_equal(blkif_first_sect(fas), 2);
    assert_int_equal(blkif_last_sect(fas), 7);
    assert_int_equal(blkif_first_sect(blkif_fas(1u, 7u, 0u)), 7);
    assert_int_equal(blkif_last_sect(blkif_fas(1u, 7u, 0u)), 0);
}

/* Free-running indices wrap onto the right slot; slots are tightly packed. */
static void test_ring_indices(void **state)
{
    static blkif_ring_t blk;
    static netif_tx_interface_t tx;
    static netif_rx_interface_t rx;
    static control_if_t ctl;
    const uint8_t *b = (const uint8_t *)&blk;

    (void)state;
    assert_int_equal(MASK_BLKIF_IDX(64u), 0);
    assert_int_equal(MASK_BLKIF_IDX(0xFFFFFFFFu), 63);
    assert_int_equal(MASK_CONTROL_IDX(9u), 1);
    assert_int_equal(MASK_NETIF_TX_IDX(257u), 1);
    assert_int_equal(MASK_NETIF_RX_IDX(0x1FFu), 255);

    assert_ptr_equal((const uint8_t *)&blk.ring[5].req, b + 8 + 5 * 60);
    assert_ptr_equal((const uint8_t *)&blk.ring[5].resp, b + 8 + 5 * 60);
    assert_ptr_equal((uint8_t *)&tx.ring[255].req, (uint8_t *)&tx + 16 + 255 * 12);
    assert_ptr_equal((uint8_t *)&rx.ring[255].resp, (uint8_t *)&rx + 12 + 255 * 12);
    assert_ptr_equal((uint8_t *)&ctl.rx_ring[7], (uint8_t *)&ctl + 512 + 7 * 64);

    blk.ring[3].resp.id = 0xDEADBEEF;
    blk.ring[3].resp.operation = BLKIF_OP_PROBE;
    blk.ring[3].resp.status = BLKIF_RSP_ERROR;
    assert_int_equal(le32_at(&blk, 8 + 3 * 60), 0xDEADBEEF);
    assert_int_equal(b[8 + 3 * 60 + 4], 2);
    assert_int_equal(le16_at(&blk, 8 + 3 * 60 + 5), 0xFFFF);
}

/* shared_info then the control interface share a page; each ring fits in one. */
static void test_shared_page_layout(void **state)
{
    (void)state;
    assert_true(sizeof(shared_info_t) <= XEN_CONTROL_IF_OFFSET);
    assert_true(XEN_CONTROL_IF_OFFSET + sizeof(control_if_t) <= 4096);
    assert_true(sizeof(blkif_ring_t) <= 4096);
    assert_true(sizeof(netif_tx_interface_t) <= 4096);
    assert_true(sizeof(netif_rx_interface_t) <= 4096);
}

int main(void)
{
    static const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_start_info_image),
        cmocka_unit_test(test_shared_info_event_bits),
        cmocka_unit_test(test_shared_info_time_image),
        cmocka_unit_test(test_dom0_op_adjustdom_image),
        cmocka_unit_test(test_multicall_result_slot),
        cmocka_unit_test(test_trap_info_macros),
        cmocka_unit_test(test_command_encodings),
        cmocka_unit_test(test_blkif_segment_encoding),
        cmocka_unit_test(test_ring_indices),
        cmocka_unit_test(test_shared_page_layout),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
