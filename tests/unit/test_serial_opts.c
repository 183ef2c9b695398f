/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * com1=/com2= and console= parsing (ABI.md §15), and the 16550 register
 * values derived from a parsed port.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include <tessera/errno.h>

#include "../../drivers/serial.h"

/* A cfg that no successful parse produces, to see a failed parse leave it alone. */
static const struct serial_port_cfg sentinel = {
    .configured = false, .baud = 7, .data_bits = 3, .parity = 'x',
    .stop_bits = 9, .io = 0x1234, .irq = 77,
};

static void assert_cfg(const struct serial_port_cfg *c, uint32_t baud, uint8_t data_bits,
                       char parity, uint8_t stop_bits, uint16_t io, uint8_t irq)
{
    assert_true(c->configured);
    assert_int_equal(c->baud, baud);
    assert_int_equal(c->data_bits, data_bits);
    assert_int_equal(c->parity, parity);
    assert_int_equal(c->stop_bits, stop_bits);
    assert_int_equal(c->io, io);
    assert_int_equal(c->irq, irq);
}

static void assert_cfg_untouched(const struct serial_port_cfg *c)
{
    assert_int_equal(c->configured, sentinel.configured);
    assert_int_equal(c->baud, sentinel.baud);
    assert_int_equal(c->data_bits, sentinel.data_bits);
    assert_int_equal(c->parity, sentinel.parity);
    assert_int_equal(c->stop_bits, sentinel.stop_bits);
    assert_int_equal(c->io, sentinel.io);
    assert_int_equal(c->irq, sentinel.irq);
}

static void assert_port_ok(const char *value, int index, uint32_t baud, uint8_t data_bits,
                           char parity, uint8_t stop_bits, uint16_t io, uint8_t irq)
{
    struct serial_port_cfg c = sentinel;

    if (serial_parse_port_opts(value, &c, index) != 0)
        fail_msg("com%d=%s rejected", index + 1, value);
    assert_cfg(&c, baud, data_bits, parity, stop_bits, io, irq);
}

static void assert_port_bad(const char *value)
{
    for (int index = 0; index < 2; index++) {
        struct serial_port_cfg c = sentinel;

        if (serial_parse_port_opts(value, &c, index) != -EINVAL)
            fail_msg("com%d=\"%s\" not rejected", index + 1, value ? value : "(null)");
        assert_cfg_untouched(&c);
    }
}

static void test_default_io_irq(void **state)
{
    (void)state;
    assert_port_ok("115200,8n1", 0, 115200, 8, 'n', 1, 0x3F8, 4);
    assert_port_ok("115200,8n1", 1, 115200, 8, 'n', 1, 0x2F8, 3);
    assert_port_ok("9600,7e2", 0, 9600, 7, 'e', 2, 0x3F8, 4);
    assert_port_ok("9600,7e2", 1, 9600, 7, 'e', 2, 0x2F8, 3);
}

static void test_explicit_io_irq(void **state)
{
    (void)state;
    assert_port_ok("9600,7e2,0x3e8,5", 0, 9600, 7, 'e', 2, 0x3E8, 5);
    assert_port_ok("9600,7e2,0x3E8,5", 1, 9600, 7, 'e', 2, 0x3E8, 5);
    assert_port_ok("115200,8n1,1000,1", 0, 115200, 8, 'n', 1, 1000, 1);
    assert_port_ok("115200,8n1,01750,31", 0, 115200, 8, 'n', 1, 01750, 31);
    assert_port_ok("115200,8n1,1,0x1f", 1, 115200, 8, 'n', 1, 1, 31);
    assert_port_ok("115200,8n1,0xfff8,017", 0, 115200, 8, 'n', 1, 0xFFF8, 15);
}

static void test_baud_accepted(void **state)
{
    static const uint32_t good[] = {
        1200, 1600, 2400, 3200, 4800, 7200, 9600, 14400, 19200, 38400, 57600, 115200,
    };
    char buf[32];

    (void)state;
    for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
        snprintf(buf, sizeof(buf), "%u,8n1", (unsigned int)good[i]);
        assert_port_ok(buf, 0, good[i], 8, 'n', 1, 0x3F8, 4);
    }
}

static void test_baud_rejected(void **state)
{
    (void)state;
    assert_port_bad("0,8n1");
    assert_port_bad("600,8n1");
    assert_port_bad("1152,8n1");        /* divides 115200 but below 1200 */
    assert_port_bad("1201,8n1");
    assert_port_bad("56000,8n1");       /* in range, not a divisor */
    assert_port_bad("115201,8n1");
    assert_port_bad("230400,8n1");
    assert_port_bad("4294967296,8n1");  /* 2^32 must not wrap to 0 */
    assert_port_bad("99999999999999999999,8n1");
    assert_port_bad("0x2580,8n1");      /* baud is decimal */
    assert_port_bad("+9600,8n1");
    assert_port_bad("-9600,8n1");
    assert_port_bad(" 9600,8n1");
    assert_port_bad(",8n1");
    assert_port_bad("fast,8n1");
}

static void test_baud_auto(void **state)
{
    (void)state;
    assert_port_ok("auto,8n1", 0, SERIAL_BAUD_AUTO, 8, 'n', 1, 0x3F8, 4);
    assert_port_ok("auto,5o2,0x2e8,9", 1, SERIAL_BAUD_AUTO, 5, 'o', 2, 0x2E8, 9);
    assert_port_bad("Auto,8n1");
    assert_port_bad("autox,8n1");
    assert_port_bad("aut,8n1");
    assert_port_bad("auto9600,8n1");
    assert_port_bad("auto");
}

static void test_data_bits(void **state)
{
    (void)state;
    assert_port_ok("9600,5n1", 0, 9600, 5, 'n', 1, 0x3F8, 4);
    assert_port_ok("9600,6n1", 0, 9600, 6, 'n', 1, 0x3F8, 4);
    assert_port_ok("9600,7n1", 0, 9600, 7, 'n', 1, 0x3F8, 4);
    assert_port_ok("9600,8n1", 0, 9600, 8, 'n', 1, 0x3F8, 4);
    assert_port_bad("9600,0n1");
    assert_port_bad("9600,4n1");
    assert_port_bad("9600,9n1");
    assert_port_bad("9600,08n1");
    assert_port_bad("9600,n1");
    assert_port_bad("9600,xn1");
}

static void test_parity(void **state)
{
    (void)state;
    assert_port_ok("9600,8n1", 1, 9600, 8, 'n', 1, 0x2F8, 3);
    assert_port_ok("9600,8o1", 1, 9600, 8, 'o', 1, 0x2F8, 3);
    assert_port_ok("9600,8e1", 1, 9600, 8, 'e', 1, 0x2F8, 3);
    assert_port_ok("9600,8m1", 1, 9600, 8, 'm', 1, 0x2F8, 3);
    assert_port_ok("9600,8s1", 1, 9600, 8, 's', 1, 0x2F8, 3);
    assert_port_bad("9600,8N1");
    assert_port_bad("9600,8E1");
    assert_port_bad("9600,8x1");
    assert_port_bad("9600,81");
    assert_port_bad("9600,8");
}

static void test_stop_bits(void **state)
{
    (void)state;
    assert_port_ok("9600,8n1", 0, 9600, 8, 'n', 1, 0x3F8, 4);
    assert_port_ok("9600,8n2", 0, 9600, 8, 'n', 2, 0x3F8, 4);
    assert_port_bad("9600,8n0");
    assert_port_bad("9600,8n3");
    assert_port_bad("9600,8n");
    assert_port_bad("9600,8n12");
    assert_port_bad("9600,8nx");
}

static void test_io_rejected(void **state)
{
    (void)state;
    assert_port_bad("9600,8n1,0,4");
    assert_port_bad("9600,8n1,0x0,4");
    assert_port_bad("9600,8n1,0xfff9,4");   /* registers would run past 0xFFFF */
    assert_port_bad("9600,8n1,0xffff,4");
    assert_port_bad("9600,8n1,0x10000,4");
    assert_port_bad("9600,8n1,0x100003f8,4");
    assert_port_bad("9600,8n1,0x,4");
    assert_port_bad("9600,8n1,08,4");       /* not an octal digit */
    assert_port_bad("9600,8n1,,4");
    assert_port_bad("9600,8n1,-1,4");
    assert_port_bad("9600,8n1,port,4");
}

static void test_irq_rejected(void **state)
{
    (void)state;
    assert_port_bad("9600,8n1,0x3e8,0");
    assert_port_bad("9600,8n1,0x3e8,32");
    assert_port_bad("9600,8n1,0x3e8,0x20");
    assert_port_bad("9600,8n1,0x3e8,4294967300");
    assert_port_bad("9600,8n1,0x3e8,-5");
    assert_port_bad("9600,8n1,0x3e8,");
    assert_port_bad("9600,8n1,0x3e8");      /* io without irq */
    assert_port_bad("9600,8n1,0x3e8 5");
}

static void test_structure_rejected(void **state)
{
    (void)state;
    assert_port_bad("");
    assert_port_bad(NULL);
    assert_port_bad("115200");
    assert_port_bad("115200,");
    assert_port_bad("115200;8n1");
    assert_port_bad("115200 8n1");
    assert_port_bad("115200,8n1,");
    assert_port_bad("115200,8n1x");
    assert_port_bad("115200,8n1 ");
    assert_port_bad("115200,8n1,0x3e8,5,");
    assert_port_bad("115200,8n1,0x3e8,5,1");
    assert_port_bad("115200,8n1,0x3e8,5x");
}

static void test_bad_index(void **state)
{
    struct serial_port_cfg c = sentinel;

    (void)state;
    assert_int_equal(serial_parse_port_opts("115200,8n1", &c, -1), -EINVAL);
    assert_cfg_untouched(&c);
    assert_int_equal(serial_parse_port_opts("115200,8n1", &c, 2), -EINVAL);
    assert_cfg_untouched(&c);
}

static void test_reparse_replaces(void **state)
{
    struct serial_port_cfg c = sentinel;

    (void)state;
    assert_int_equal(serial_parse_port_opts("9600,7e2,0x3e8,5", &c, 0), 0);
    assert_int_equal(serial_parse_port_opts("57600,8n1", &c, 0), 0);
    /* The second option's defaults apply, not the first's io/irq. */
    assert_cfg(&c, 57600, 8, 'n', 1, 0x3F8, 4);
    assert_int_equal(serial_parse_port_opts("57600,8n9", &c, 0), -EINVAL);
    assert_cfg(&c, 57600, 8, 'n', 1, 0x3F8, 4);
}

static uint8_t lcr_of(const char *value)
{
    struct serial_port_cfg c = sentinel;

    assert_int_equal(serial_parse_port_opts(value, &c, 0), 0);
    return serial_line_control(&c);
}

static void test_line_control(void **state)
{
    (void)state;
    assert_int_equal(lcr_of("9600,5n1"), 0x00);
    assert_int_equal(lcr_of("9600,6n1"), 0x01);
    assert_int_equal(lcr_of("9600,7n1"), 0x02);
    assert_int_equal(lcr_of("9600,8n1"), 0x03);
    assert_int_equal(lcr_of("9600,8n2"), 0x07);
    assert_int_equal(lcr_of("9600,8o1"), 0x0B);
    assert_int_equal(lcr_of("9600,8e1"), 0x1B);
    assert_int_equal(lcr_of("9600,8m1"), 0x2B);
    assert_int_equal(lcr_of("9600,8s1"), 0x3B);
    assert_int_equal(lcr_of("9600,7e2"), 0x1E);
}

static void test_divisor(void **state)
{
    (void)state;
    assert_int_equal(serial_divisor(115200), 1);
    assert_int_equal(serial_divisor(57600), 2);
    assert_int_equal(serial_divisor(9600), 12);
    assert_int_equal(serial_divisor(1200), 96);
}

static void test_half_out(void **state)
{
    (void)state;
    assert_int_equal(serial_half_out(SERIAL_WHOLE, 'A'), 0x41);
    assert_int_equal(serial_half_out(SERIAL_WHOLE, (char)0xC1), 0xC1);
    assert_int_equal(serial_half_out(SERIAL_HIGH, 'A'), 0xC1);
    assert_int_equal(serial_half_out(SERIAL_HIGH, '\r'), 0x8D);
    assert_int_equal(serial_half_out(SERIAL_HIGH, (char)0xC1), 0xC1);
    assert_int_equal(serial_half_out(SERIAL_LOW, 'A'), 0x41);
    assert_int_equal(serial_half_out(SERIAL_LOW, (char)0xC1), 0x41);
}

static void test_half_in(void **state)
{
    (void)state;
    assert_int_equal(serial_half_in(SERIAL_WHOLE, 0x41), 0x41);
    assert_int_equal(serial_half_in(SERIAL_WHOLE, 0xC1), 0xC1);
    assert_int_equal(serial_half_in(SERIAL_HIGH, 0xC1), 0x41);
    assert_int_equal(serial_half_in(SERIAL_HIGH, 0x80), 0x00);
    assert_int_equal(serial_half_in(SERIAL_HIGH, 0x41), -1);
    assert_int_equal(serial_half_in(SERIAL_LOW, 0x41), 0x41);
    assert_int_equal(serial_half_in(SERIAL_LOW, 0x00), 0x00);
    assert_int_equal(serial_half_in(SERIAL_LOW, 0xC1), -1);
}

/* ---- console= ---- */

static const struct console_choice choice_sentinel = {
    .com = { true, true }, .half = { SERIAL_LOW, SERIAL_HIGH }, .vga = true,
};

static void assert_choice(const struct console_choice *c, bool com1, enum serial_half half1,
                          bool com2, enum serial_half half2, bool vga)
{
    assert_int_equal(c->com[0], com1);
    assert_int_equal(c->half[0], half1);
    assert_int_equal(c->com[1], com2);
    assert_int_equal(c->half[1], half2);
    assert_int_equal(c->vga, vga);
}

static void assert_list_ok(const char *value, bool com1, enum serial_half half1,
                           bool com2, enum serial_half half2, bool vga)
{
    struct console_choice c = choice_sentinel;

    if (console_parse_list(value, &c) != 0)
        fail_msg("console=%s rejected", value);
    assert_choice(&c, com1, half1, com2, half2, vga);
}

static void assert_list_bad(const char *value)
{
    struct console_choice c = choice_sentinel;

    if (console_parse_list(value, &c) != -EINVAL)
        fail_msg("console=\"%s\" not rejected", value ? value : "(null)");
    assert_choice(&c, true, SERIAL_LOW, true, SERIAL_HIGH, true);
}

static void test_console_default(void **state)
{
    (void)state;
    /* No console= given: "com1,vga". */
    assert_choice(console_chosen(), true, SERIAL_WHOLE, false, SERIAL_WHOLE, true);
}

static void test_console_words(void **state)
{
    (void)state;
    assert_list_ok("com1", true, SERIAL_WHOLE, false, SERIAL_WHOLE, false);
    assert_list_ok("com2", false, SERIAL_WHOLE, true, SERIAL_WHOLE, false);
    assert_list_ok("vga", false, SERIAL_WHOLE, false, SERIAL_WHOLE, true);
    assert_list_ok("com1,vga", true, SERIAL_WHOLE, false, SERIAL_WHOLE, true);
    assert_list_ok("vga,com2", false, SERIAL_WHOLE, true, SERIAL_WHOLE, true);
    assert_list_ok("com1,com2,vga", true, SERIAL_WHOLE, true, SERIAL_WHOLE, true);
}

static void test_console_halves(void **state)
{
    (void)state;
    assert_list_ok("com1H", true, SERIAL_HIGH, false, SERIAL_WHOLE, false);
    assert_list_ok("com1L", true, SERIAL_LOW, false, SERIAL_WHOLE, false);
    assert_list_ok("com2H", false, SERIAL_WHOLE, true, SERIAL_HIGH, false);
    assert_list_ok("com2L,vga", false, SERIAL_WHOLE, true, SERIAL_LOW, true);
    assert_list_ok("com1H,com2L,vga", true, SERIAL_HIGH, true, SERIAL_LOW, true);
}

static void test_console_none(void **state)
{
    (void)state;
    assert_list_ok("none", false, SERIAL_WHOLE, false, SERIAL_WHOLE, false);
    assert_list_ok("none,none", false, SERIAL_WHOLE, false, SERIAL_WHOLE, false);
    assert_list_ok("none,vga", false, SERIAL_WHOLE, false, SERIAL_WHOLE, true);
    assert_list_ok("com2,none", false, SERIAL_WHOLE, true, SERIAL_WHOLE, false);
}

static void test_console_duplicates(void **state)
{
    (void)state;
    assert_list_ok("com1,com1", true, SERIAL_WHOLE, false, SERIAL_WHOLE, false);
    assert_list_ok("vga,vga", false, SERIAL_WHOLE, false, SERIAL_WHOLE, true);
    assert_list_ok("com2H,vga,com2H", false, SERIAL_WHOLE, true, SERIAL_HIGH, true);
    /* One port cannot be both whole and split, or split both ways. */
    assert_list_bad("com1,com1H");
    assert_list_bad("com1L,com1");
    assert_list_bad("com2H,com2L");
}

static void test_console_unknown(void **state)
{
    (void)state;
    assert_list_bad("com3");
    assert_list_bad("com0");
    assert_list_bad("com");
    assert_list_bad("com1h");
    assert_list_bad("com1X");
    assert_list_bad("com1HL");
    assert_list_bad("COM1");
    assert_list_bad("VGA");
    assert_list_bad("vga1");
    assert_list_bad("vg");
    assert_list_bad("nonex");
    assert_list_bad("serial");
    assert_list_bad("com1,tty0");
    assert_list_bad("com1 vga");
    assert_list_bad(" com1");
}

static void test_console_empty(void **state)
{
    (void)state;
    assert_list_bad("");
    assert_list_bad(NULL);
    assert_list_bad(",");
    assert_list_bad("com1,");
    assert_list_bad(",vga");
    assert_list_bad("com1,,vga");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_io_irq),
        cmocka_unit_test(test_explicit_io_irq),
        cmocka_unit_test(test_baud_accepted),
        cmocka_unit_test(test_baud_rejected),
        cmocka_unit_test(test_baud_auto),
        cmocka_unit_test(test_data_bits),
        cmocka_unit_test(test_parity),
        cmocka_unit_test(test_stop_bits),
        cmocka_unit_test(test_io_rejected),
        cmocka_unit_test(test_irq_rejected),
        cmocka_unit_test(test_structure_rejected),
        cmocka_unit_test(test_bad_index),
        cmocka_unit_test(test_reparse_replaces),
        cmocka_unit_test(test_line_control),
        cmocka_unit_test(test_divisor),
        cmocka_unit_test(test_half_out),
        cmocka_unit_test(test_half_in),
        cmocka_unit_test(test_console_default),
        cmocka_unit_test(test_console_words),
        cmocka_unit_test(test_console_halves),
        cmocka_unit_test(test_console_none),
        cmocka_unit_test(test_console_duplicates),
        cmocka_unit_test(test_console_unknown),
        cmocka_unit_test(test_console_empty),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
