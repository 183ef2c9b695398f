# SPDX-License-Identifier: GPL-2.0-only
#
# The hypervisor image: toolchain flags for 32-bit freestanding code, the
# source selection helpers and the link with the preprocessed linker script.

add_executable(tessera)
set_target_properties(tessera PROPERTIES
    RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}
    LINKER_LANGUAGE C)

# hv_sources(file...) adds files of the calling directory to the image;
# hv_sources_ifdef(CONFIG_X file...) only when CONFIG_X is set.
function(hv_sources)
    foreach(f IN LISTS ARGN)
        target_sources(tessera PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/${f})
    endforeach()
endfunction()

function(hv_sources_ifdef option)
    if(${option})
        hv_sources(${ARGN})
    endif()
endfunction()

if(CONFIG_DEBUG)
    set(hv_opt -O1 -g)
elseif(CONFIG_CC_OPTIMIZE_FOR_SIZE)
    set(hv_opt -Os)
else()
    set(hv_opt -O2)
endif()

# The same target flags for C, assembly and the linker script.
set(HV_ARCH_FLAGS -m32 -march=i686 -fno-pie -fno-pic)
set(HV_C_FLAGS ${HV_ARCH_FLAGS} ${hv_opt} -std=gnu11 -ffreestanding -fno-builtin
    -fno-stack-protector -fno-common -fno-strict-aliasing -fno-omit-frame-pointer
    -fno-asynchronous-unwind-tables -mno-sse -mno-mmx -mno-80387 -mpreferred-stack-boundary=2
    -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers)

target_include_directories(tessera PRIVATE
    ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/arch/x86/include)
target_compile_options(tessera PRIVATE
    $<$<COMPILE_LANGUAGE:C>:${HV_C_FLAGS}>
    $<$<COMPILE_LANGUAGE:ASM>:${HV_ARCH_FLAGS}>
    -include ${HV_AUTOCONF})
target_compile_definitions(tessera PRIVATE
    TESSERA_VERSION="${PROJECT_VERSION}")

set(HV_LDS_SRC ${PROJECT_SOURCE_DIR}/arch/x86/boot/tessera.lds.S)
set(HV_LDS ${CMAKE_BINARY_DIR}/tessera.lds)
add_custom_command(OUTPUT ${HV_LDS}
    COMMAND ${CMAKE_C_COMPILER} -E -P -x c -D__ASSEMBLER__ -D__LINKER__
        -I${PROJECT_SOURCE_DIR}/include -I${PROJECT_SOURCE_DIR}/arch/x86/include
        -include ${HV_AUTOCONF} -MD -MT ${HV_LDS} -MF ${HV_LDS}.d ${HV_LDS_SRC} -o ${HV_LDS}
    DEPENDS ${HV_LDS_SRC} ${HV_AUTOCONF}
    DEPFILE ${HV_LDS}.d
    COMMENT "Preprocessing the linker script")
add_custom_target(tessera_lds DEPENDS ${HV_LDS})
add_dependencies(tessera tessera_lds)

target_link_options(tessera PRIVATE ${HV_ARCH_FLAGS} -nostdlib -static -no-pie
    -Wl,-T,${HV_LDS} -Wl,--build-id=none -Wl,-z,max-page-size=0x1000
    -Wl,-z,noexecstack -Wl,--no-warn-rwx-segments
    -Wl,-Map,${CMAKE_BINARY_DIR}/tessera.map)
set_target_properties(tessera PROPERTIES LINK_DEPENDS ${HV_LDS})
target_link_libraries(tessera PRIVATE gcc)
