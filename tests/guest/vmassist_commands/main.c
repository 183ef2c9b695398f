/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmassist_commands: vm_assist's commands and types (ABI.md §2 #21).
 * cmd 0 enables and cmd 1 disables; any other cmd (2, 0xFFFFFFFF) gives
 * -ENOSYS. Types above 2 (3, 32, 0xFFFFFFFF) give -EINVAL. Types 0
 * (4gb_segments) and 1 (4gb_segments_notify) can be enabled and disabled,
 * twice in a row too, with 0. Type 2 (writable_pagetables) may be left
 * out of a build: 0 or -EINVAL are both accepted and the answer printed.
 * Invalid cmd with invalid type is not tested: the order of the two
 * checks is not part of the ABI.
 */
#include "../desc_common/desc_helpers.h"

void test_main(void)
{
    static const uint32_t bad_types[] = {3, 32, 0xFFFFFFFF};
    unsigned int cmd, type, i;
    char what[128];
    long rc;

    rc = HYPERVISOR_vm_assist(VMASST_CMD_enable, VMASST_TYPE_4gb_segments);
    if (rc == -XEN_ENOSYS) {
        xtf_skip("Skip: vm_assist(enable, 0) answers -ENOSYS\n");
        return;
    }
    check_long("vm_assist(enable, 4gb_segments)", rc, 0);

    check_long("vm_assist(2, 4gb_segments)", HYPERVISOR_vm_assist(2, 0), -XEN_ENOSYS);
    check_long("vm_assist(0xFFFFFFFF, 4gb_segments)", HYPERVISOR_vm_assist(0xFFFFFFFF, 0),
               -XEN_ENOSYS);
    for (cmd = VMASST_CMD_enable; cmd <= VMASST_CMD_disable; cmd++) {
        for (i = 0; i < ARRAY_SIZE(bad_types); i++) {
            snprintf(what, sizeof(what), "vm_assist(%u, %#x)", cmd, bad_types[i]);
            check_long(what, HYPERVISOR_vm_assist(cmd, bad_types[i]), -XEN_EINVAL);
        }
    }

    for (type = VMASST_TYPE_4gb_segments; type <= VMASST_TYPE_4gb_segments_notify; type++) {
        for (i = 0; i < 4; i++) {
            cmd = i < 2 ? VMASST_CMD_enable : VMASST_CMD_disable;
            snprintf(what, sizeof(what), "vm_assist(%s, type %u), %s time",
                     cmd == VMASST_CMD_enable ? "enable" : "disable", type,
                     i % 2 ? "second" : "first");
            check_long(what, HYPERVISOR_vm_assist(cmd, type), 0);
        }
    }

    rc = HYPERVISOR_vm_assist(VMASST_CMD_enable, VMASST_TYPE_writable_pagetables);
    if (rc == 0) {
        printf("vm_assist(enable, writable_pagetables) = 0: the type is built\n");
        check_long("vm_assist(disable, writable_pagetables)",
                   HYPERVISOR_vm_assist(VMASST_CMD_disable, VMASST_TYPE_writable_pagetables), 0);
    } else if (rc == -XEN_EINVAL) {
        printf("vm_assist(enable, writable_pagetables) = -EINVAL: the type is not built\n");
        check_long("vm_assist(disable, writable_pagetables) when not built",
                   HYPERVISOR_vm_assist(VMASST_CMD_disable, VMASST_TYPE_writable_pagetables),
                   -XEN_EINVAL);
    } else {
        xtf_failure("Fail: vm_assist(enable, writable_pagetables): expected 0 or %d got %ld\n",
                    -XEN_EINVAL, rc);
    }
    check_alive("vm_assist");
    xtf_success(NULL);
}
