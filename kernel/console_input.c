/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Serial console input (ABI.md §12, §15). Input belongs to dom0 or to
 * Tessera; CTRL-<c> typed three times in a row moves it (conswitch=<c>[x],
 * default 'a'; a trailing 'x' leaves it with Tessera at boot). As in Xen
 * 2.0 the switch characters are not swallowed: the first two still go
 * where input went before, the third already goes where it goes now.
 *
 * dom0's characters fill a 128-byte ring that CONSOLEIO_read drains; when
 * it is full, new characters are dropped and the old ones kept. Tessera's
 * characters are debug keys.
 */
#include <tessera/cmdline.h>
#include <tessera/console.h>
#include <tessera/event.h>
#include <tessera/keyhandler.h>
#include <public/xen.h>

#define SWITCH_PRESSES  3

static char switch_letter = 'a';
static bool opt_input_to_tessera;

static struct {
    char buf[CONSOLE_RX_RING_SIZE];
    uint32_t prod, cons;        /* free-running; the difference is the fill */
} rx;

static bool input_to_tessera;
static unsigned int switch_presses;
static uint32_t dropped;        /* characters lost since the ring last had room */

/* conswitch=<c>[x]: a letter, then nothing or 'x'. */
static int parse_conswitch(const char *value)
{
    char c = value[0];

    if (c >= 'A' && c <= 'Z')
        c += 'a' - 'A';
    if (c < 'a' || c > 'z' || (value[1] != '\0' && strcmp(value + 1, "x") != 0))
        return -EINVAL;
    switch_letter = c;
    opt_input_to_tessera = value[1] == 'x';
    return 0;
}
boot_param_custom("conswitch", parse_conswitch);

static unsigned char switch_code(void)
{
    return (unsigned char)(switch_letter - 'a' + 1);
}

static void report_owner(void)
{
    printk("Serial input goes to %s (CTRL-%c three times switches it to %s)\n",
           input_to_tessera ? "Tessera" : "dom0", switch_letter,
           input_to_tessera ? "dom0" : "Tessera");
}

/*
 * dom0 hears of every character, stored or not: one that left bytes
 * unread after an event still learns that more arrived.
 */
static void give_to_dom0(unsigned char c)
{
    if (rx.prod - rx.cons < CONSOLE_RX_RING_SIZE) {
        rx.buf[rx.prod++ % CONSOLE_RX_RING_SIZE] = (char)c;
    } else if (dropped++ == 0) {
        printk(LOG_WARNING "Serial input: dom0's %u-byte ring is full, dropping input\n",
               CONSOLE_RX_RING_SIZE);
    }
    send_guest_virq(domain_find(0), VIRQ_CONSOLE);
}

void console_input_char(unsigned char c)
{
    if (c == switch_code()) {
        if (++switch_presses == SWITCH_PRESSES) {
            switch_presses = 0;
            input_to_tessera = !input_to_tessera;
            report_owner();
        }
    } else {
        switch_presses = 0;
    }
    if (input_to_tessera)
        handle_keypress(c);
    else
        give_to_dom0(c);
}

int console_input_peek(void)
{
    if (rx.cons == rx.prod)
        return -1;
    return (unsigned char)rx.buf[rx.cons % CONSOLE_RX_RING_SIZE];
}

void console_input_take(void)
{
    if (rx.cons == rx.prod)
        return;
    rx.cons++;
    if (dropped) {
        printk(LOG_WARNING "Serial input: %u characters for dom0 were dropped\n", dropped);
        dropped = 0;
    }
}

void console_input_init(void)
{
    keyhandler_init();
    input_to_tessera = opt_input_to_tessera;
    report_owner();
}
