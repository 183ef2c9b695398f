/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hypercall_basics: the hypercall entry and its simplest answers (ABI.md
 * §1, §2, §9, §12): xen_version, numbers 24-31 and their aliases above
 * 31, console_io's commands, vm_assist's argument checks and sched_op.
 * Runs as dom0, so console_io is allowed.
 */
#include <guest/console.h>
#include <guest/hypercall.h>
#include <guest/test.h>

/* A call that must return exactly `want`. */
static void check(const char *what, long got, long want)
{
    if (got != want)
        xtf_failure("Fail: %s returned %ld, expected %ld\n", what, got, want);
}

static void test_xen_version(void)
{
    check("xen_version(0)", HYPERVISOR_xen_version(XENVER_version), XEN_VERSION_2_0);
    check("xen_version(1)", HYPERVISOR_xen_version(1), -XEN_ENOSYS);
}

/* 24-31 have no handler; EAX is masked with 31, so 49 = 32 + 17 is xen_version. */
static void test_numbers(void)
{
    char what[32];
    unsigned int op;

    for (op = 24; op < 32; op++) {
        snprintf(what, sizeof(what), "hypercall %u", op);
        check(what, hypercall5(op, 0, 0, 0, 0, 0), -XEN_ENOSYS);
    }
    check("hypercall 49 (alias of 17)", hypercall1(49, XENVER_version), XEN_VERSION_2_0);
    check("hypercall 49 (alias of 17), cmd 1", hypercall1(49, 1), -XEN_ENOSYS);
    check("hypercall 0xFFFFFFF8 (alias of 24)", hypercall5(0xFFFFFFF8UL, 0, 0, 0, 0, 0),
          -XEN_ENOSYS);
}

static void test_console_io(void)
{
    static char msg[] = "console_io write check\n";

    check("console_io(write)", HYPERVISOR_console_io(CONSOLEIO_write, sizeof(msg) - 1, msg),
          sizeof(msg) - 1);
    check("console_io(7)", HYPERVISOR_console_io(7, 0, msg), -XEN_ENOSYS);
}

static void test_vm_assist(void)
{
    check("vm_assist(5, 0)", HYPERVISOR_vm_assist(5, 0), -XEN_ENOSYS);
    check("vm_assist(enable, 3)", HYPERVISOR_vm_assist(VMASST_CMD_enable, 3), -XEN_EINVAL);
}

static void test_sched_op(void)
{
    check("sched_op(yield)", HYPERVISOR_sched_op(SCHEDOP_yield), 0);
    check("sched_op(99)", HYPERVISOR_sched_op(99), -XEN_ENOSYS);
}

/* The registers a hypercall must leave alone (ABI.md §1). */
static void test_preserved_registers(void)
{
    unsigned long ebx = 0x11111111, ecx = 0x22222222, edx = 0x33333333;
    unsigned long esi = 0x44444444, edi = 0x55555555;
    long ret = __HYPERVISOR_xen_version;

    __asm__ __volatile__(TRAP_INSTR
                         : "+a"(ret), "+b"(ebx), "+c"(ecx), "+d"(edx), "+S"(esi), "+D"(edi)
                         :
                         : "memory");
    /* EBX = 0x11111111 is an unknown command. */
    check("xen_version(0x11111111)", ret, -XEN_ENOSYS);
    if (ebx != 0x11111111 || ecx != 0x22222222 || edx != 0x33333333 || esi != 0x44444444 ||
        edi != 0x55555555)
        xtf_failure("Fail: xen_version changed registers: ebx %08lx ecx %08lx edx %08lx "
                    "esi %08lx edi %08lx\n", ebx, ecx, edx, esi, edi);
}

void test_main(void)
{
    test_xen_version();
    test_numbers();
    test_console_io();
    test_vm_assist();
    test_sched_op();
    test_preserved_registers();
    xtf_success(NULL);
}
