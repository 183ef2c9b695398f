/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * VGA 80x25 text console: the screen the BIOS left in mode 3, written
 * through Tessera's direct map, with the hardware cursor kept in step.
 */
#include <tessera/arch.h>
#include <tessera/console.h>

#include "serial.h"

#define VGA_TEXT_BASE   0xB8000     /* machine address of the text buffer */
#define VGA_COLS        80
#define VGA_ROWS        25
#define VGA_ATTR        0x07        /* light grey on black */
#define VGA_TAB         8

#define CRTC_INDEX      0x3D4
#define CRTC_DATA       0x3D5
#define CRTC_CURSOR_HI  0x0E
#define CRTC_CURSOR_LO  0x0F

static volatile uint16_t *screen;
static unsigned int row, col;

static uint16_t vga_cell(char c)
{
    return (uint16_t)((uint8_t)c | VGA_ATTR << 8);
}

static void clear_cells(unsigned int first, unsigned int count)
{
    for (unsigned int i = first; i < first + count; i++)
        screen[i] = vga_cell(' ');
}

static void scroll_up(void)
{
    for (unsigned int i = 0; i < (VGA_ROWS - 1) * VGA_COLS; i++)
        screen[i] = screen[i + VGA_COLS];
    clear_cells((VGA_ROWS - 1) * VGA_COLS, VGA_COLS);
}

static void new_line(void)
{
    col = 0;
    if (row == VGA_ROWS - 1)
        scroll_up();
    else
        row++;
}

static void move_cursor(void)
{
    unsigned int pos = row * VGA_COLS + col;

    outb(CRTC_CURSOR_HI, CRTC_INDEX);
    outb((uint8_t)(pos >> 8), CRTC_DATA);
    outb(CRTC_CURSOR_LO, CRTC_INDEX);
    outb((uint8_t)pos, CRTC_DATA);
}

static void put_glyph(char c)
{
    screen[row * VGA_COLS + col] = vga_cell(c);
    if (++col == VGA_COLS)
        new_line();
}

static void vga_putc(char c)
{
    switch (c) {
    case '\n':
        new_line();
        break;
    case '\r':
        col = 0;
        break;
    case '\t':
        col = ROUNDUP(col + 1, VGA_TAB);
        if (col >= VGA_COLS)
            new_line();
        break;
    case '\b':
        if (col > 0)
            col--;
        break;
    default:
        put_glyph(c);
        break;
    }
    move_cursor();
}

/* Like Xen 2.0, guests' console_io writes go to serial only. */
static struct console_driver vga_console = {
    .name = "vga",
    .putc = vga_putc,
    .guest_output = false,
};

void __init vga_init(void)
{
    if (!console_chosen()->vga)
        return;
    screen = __va(VGA_TEXT_BASE);
    clear_cells(0, VGA_ROWS * VGA_COLS);
    row = 0;
    col = 0;
    move_cursor();
    console_register(&vga_console);
}
