# SPDX-License-Identifier: GPL-2.0-only
#
# The Kconfig step at configure time: .config (server_defconfig if there is
# none) -> autoconf.h and auto.conf, whose symbols become CMake variables
# (CONFIG_X = y / "string" / number) for hv_sources_ifdef(). Editing .config
# (menuconfig, olddefconfig...) or any Kconfig file re-runs this step on the
# next build, which rewrites autoconf.h only when it changed.

set(KCONFIG_SH ${PROJECT_SOURCE_DIR}/cmake/kconfig.sh)
set(HV_AUTOCONF ${CMAKE_BINARY_DIR}/include/generated/autoconf.h)

execute_process(
    COMMAND sh ${KCONFIG_SH} ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR} sync
    RESULT_VARIABLE kconfig_rc)
if(NOT kconfig_rc EQUAL 0)
    message(FATAL_ERROR "Kconfig step failed (see above)")
endif()

file(GLOB_RECURSE kconfig_files CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/Kconfig ${PROJECT_SOURCE_DIR}/*/Kconfig*)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
    ${CMAKE_BINARY_DIR}/.config ${kconfig_files})

file(STRINGS ${CMAKE_BINARY_DIR}/include/config/auto.conf kconfig_lines
    REGEX "^CONFIG_")
foreach(line IN LISTS kconfig_lines)
    if(line MATCHES "^(CONFIG_[A-Za-z0-9_]+)=\"(.*)\"$")
        set(${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
    elseif(line MATCHES "^(CONFIG_[A-Za-z0-9_]+)=(.*)$")
        set(${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
    endif()
endforeach()
message(STATUS "Tessera configuration: ${CONFIG_BUILD_NAME}")
