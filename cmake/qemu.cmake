# SPDX-License-Identifier: GPL-2.0-only
#
# Booting the image: `run` (QEMU, serial console on the terminal), `iso`
# (GRUB 2 rescue ISO) and `run-iso`. RUN_OPTIONS and RUN_MODULES say what
# to boot; until dom0 can be built, the module is a placeholder file.

set(QEMU qemu-system-i386)
set(QEMU_FLAGS -accel tcg -machine pc -m 256 -nographic -no-reboot
    CACHE STRING "QEMU options for make run")
set(RUN_OPTIONS "console=com1,vga" CACHE STRING "Boot options for make run and the ISO")

set(PLACEHOLDER_DOM0 ${CMAKE_BINARY_DIR}/placeholder-dom0)
file(WRITE ${PLACEHOLDER_DOM0}.in "Placeholder dom0 module: no dom0 kernel is built yet.\n")
configure_file(${PLACEHOLDER_DOM0}.in ${PLACEHOLDER_DOM0} COPYONLY)
set(RUN_MODULES "${PLACEHOLDER_DOM0}" CACHE STRING "dom0 module (path and arguments)")

add_custom_target(run
    COMMAND ${QEMU} ${QEMU_FLAGS} -kernel $<TARGET_FILE:tessera>
        -append "${RUN_OPTIONS}" -initrd "${RUN_MODULES}"
    DEPENDS tessera USES_TERMINAL
    COMMENT "Booting Tessera in QEMU (quit: Ctrl-A then X)")

set(TESSERA_ISO ${CMAKE_BINARY_DIR}/tessera.iso)
add_custom_command(OUTPUT ${TESSERA_ISO}
    COMMAND sh ${PROJECT_SOURCE_DIR}/tools/mkiso.sh ${TESSERA_ISO} $<TARGET_FILE:tessera>
        "${RUN_OPTIONS}" ${PLACEHOLDER_DOM0} ""
    DEPENDS tessera ${PROJECT_SOURCE_DIR}/tools/mkiso.sh
    COMMENT "Building the GRUB 2 rescue ISO" VERBATIM)
add_custom_target(iso DEPENDS ${TESSERA_ISO})

add_custom_target(run-iso
    COMMAND ${QEMU} ${QEMU_FLAGS} -cdrom ${TESSERA_ISO} -boot d
    DEPENDS iso USES_TERMINAL
    COMMENT "Booting the Tessera ISO in QEMU (quit: Ctrl-A then X)")
