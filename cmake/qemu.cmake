# SPDX-License-Identifier: GPL-2.0-only
#
# Booting the image: `run` (QEMU, serial console on the terminal), `iso`
# (GRUB 2 rescue ISO) and `run-iso`. RUN_OPTIONS and RUN_MODULES say what
# to boot: by default guests/hello as dom0, and again as a boot-time domU.

set(QEMU qemu-system-i386)
set(QEMU_FLAGS -accel tcg -machine pc -m 256 -nographic -no-reboot
    CACHE STRING "QEMU options for make run")
set(RUN_OPTIONS "console=com1,vga" CACHE STRING "Boot options for make run and the ISO")

# The smallest guest, for tests that need a dom0 that boots in every
# configuration (tests/boot, tests/kconfig).
set(SMOKE_GUEST ${CMAKE_BINARY_DIR}/smoke-guest)
add_custom_command(OUTPUT ${SMOKE_GUEST}
    COMMAND ${CMAKE_C_COMPILER} -m32 -nostdlib -static -no-pie -Wl,--build-id=none
        -Wl,-Ttext=0xC0000000 -Wl,-e,_start ${PROJECT_SOURCE_DIR}/tests/boot/smoke_guest.S
        -o ${SMOKE_GUEST}
    DEPENDS ${PROJECT_SOURCE_DIR}/tests/boot/smoke_guest.S
    COMMENT "Building the smoke guest")
add_custom_target(smoke_guest ALL DEPENDS ${SMOKE_GUEST})

# Not a guest image at all: for the bad-input boot tests.
set(PLACEHOLDER_DOM0 ${CMAKE_BINARY_DIR}/placeholder-dom0)
file(WRITE ${PLACEHOLDER_DOM0}.in "This file is not a guest kernel image.\n")
configure_file(${PLACEHOLDER_DOM0}.in ${PLACEHOLDER_DOM0} COPYONLY)
if(TESSERA_IMAGE_ONLY)
    set(run_modules_default "${SMOKE_GUEST}")
else()
    set(run_modules_default
        "${CMAKE_BINARY_DIR}/guests/hello,${CMAKE_BINARY_DIR}/guests/hello domU name=pong mem=4096")
endif()
set(RUN_MODULES "${run_modules_default}" CACHE STRING
    "Modules for make run: comma-separated, each a path and its arguments")
# Build directories configured before guests/hello existed cached this non-guest.
if(RUN_MODULES STREQUAL PLACEHOLDER_DOM0)
    set_property(CACHE RUN_MODULES PROPERTY VALUE "${run_modules_default}")
endif()

add_custom_target(run
    COMMAND ${QEMU} ${QEMU_FLAGS} -kernel $<TARGET_FILE:tessera>
        -append "${RUN_OPTIONS}" -initrd "${RUN_MODULES}"
    DEPENDS tessera smoke_guest USES_TERMINAL
    COMMENT "Booting Tessera in QEMU (quit: Ctrl-A then X)")

set(TESSERA_ISO ${CMAKE_BINARY_DIR}/tessera.iso)
add_custom_command(OUTPUT ${TESSERA_ISO}
    COMMAND sh ${PROJECT_SOURCE_DIR}/tools/mkiso.sh ${TESSERA_ISO} $<TARGET_FILE:tessera>
        "${RUN_OPTIONS}" ${SMOKE_GUEST} ""
    DEPENDS tessera smoke_guest ${SMOKE_GUEST} ${PROJECT_SOURCE_DIR}/tools/mkiso.sh
    COMMENT "Building the GRUB 2 rescue ISO" VERBATIM)
add_custom_target(iso DEPENDS ${TESSERA_ISO})

add_custom_target(run-iso
    COMMAND ${QEMU} ${QEMU_FLAGS} -cdrom ${TESSERA_ISO} -boot d
    DEPENDS iso USES_TERMINAL
    COMMENT "Booting the Tessera ISO in QEMU (quit: Ctrl-A then X)")
