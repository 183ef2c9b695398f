/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Compiler helpers shared by every file, hypervisor and host tests alike.
 */
#ifndef TESSERA_COMPILER_H
#define TESSERA_COMPILER_H

#define __noreturn      __attribute__((noreturn))
#define __packed        __attribute__((packed))
#define __aligned(x)    __attribute__((aligned(x)))
#define __section(s)    __attribute__((section(s)))
#define __used          __attribute__((used))
#define __unused        __attribute__((unused))
#define __printf(a, b)  __attribute__((format(printf, a, b)))
#define __init          __section(".init.text")
#define __initdata      __section(".init.data")

#define likely(x)       __builtin_expect(!!(x), 1)
#define unlikely(x)     __builtin_expect(!!(x), 0)

#define barrier()       __asm__ __volatile__("" ::: "memory")

#define ARRAY_SIZE(a)   (sizeof(a) / sizeof((a)[0]))
#define BUILD_BUG_ON(c) _Static_assert(!(c), #c)

#define STRINGIFY_(x)   #x
#define STRINGIFY(x)    STRINGIFY_(x)

/*
 * IS_ENABLED(CONFIG_X): 1 when the Kconfig symbol is defined to 1 in
 * autoconf.h, else 0, usable in plain C so both branches are compiled.
 */
#define IS_ENABLED_PLACEHOLDER_1        0,
#define IS_ENABLED_TAKE_SECOND(a, b, ...) b
#define IS_ENABLED_3(junk_or_comma)     IS_ENABLED_TAKE_SECOND(junk_or_comma 1, 0, 0)
#define IS_ENABLED_2(val)               IS_ENABLED_3(IS_ENABLED_PLACEHOLDER_##val)
#define IS_ENABLED(option)              IS_ENABLED_2(option)

#endif /* TESSERA_COMPILER_H */
