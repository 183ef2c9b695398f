/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tessera's image: linked at 0xFC500000, loaded at machine address 1 MB
 * (ABI.md §3). One loadable segment; the loader zeroes .bss.
 */
#include <asm/desc.h>
#include <asm/page.h>

OUTPUT_FORMAT("elf32-i386")
OUTPUT_ARCH(i386)
ENTRY(start)

PHDRS
{
    image PT_LOAD FLAGS(7);
}

SECTIONS
{
    . = IMAGE_VIRT_START;
    __image_start = .;

    .text : AT(ADDR(.text) - PAGE_OFFSET) {
        KEEP(*(.text.multiboot))
        *(.text.boot)
        *(.text .text.*)
    } :image

    .rodata : AT(ADDR(.rodata) - PAGE_OFFSET) {
        *(.rodata .rodata.*)
        . = ALIGN(4);
        __start___ex_table = .;
        KEEP(*(__ex_table))
        __stop___ex_table = .;
    } :image

    .data : AT(ADDR(.data) - PAGE_OFFSET) {
        . = ALIGN(PAGE_SIZE);
        *(.data.page_aligned)
        . = ALIGN(8);
        __boot_params_start = .;
        KEEP(*(.data.boot_params))
        __boot_params_end = .;
        . = ALIGN(4);
        __schedulers_start = .;
        KEEP(*(.data.schedulers))
        __schedulers_end = .;
        *(.data .data.*)
    } :image

    .init : AT(ADDR(.init) - PAGE_OFFSET) {
        *(.init.text)
        *(.init.data)
    } :image

    .bss : AT(ADDR(.bss) - PAGE_OFFSET) {
        . = ALIGN(PAGE_SIZE);
        __bss_start = .;
        . = ALIGN(STACK_SIZE);
        *(.bss.stack_aligned)
        *(.bss.page_aligned)
        *(.bss .bss.*)
        *(COMMON)
        . = ALIGN(PAGE_SIZE);
        __bss_end = .;
    } :image

    __image_end = .;

    /DISCARD/ : {
        *(.comment) *(.note .note.*) *(.eh_frame) *(.eh_frame_hdr)
    }
}

ASSERT((cpu0_stack & (STACK_SIZE - 1)) == 0, "cpu0_stack not aligned to its size")
ASSERT(__image_end <= PAGE_OFFSET + DIRECTMAP_SIZE, "image too large for the direct map")
