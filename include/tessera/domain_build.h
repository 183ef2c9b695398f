/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The domain builder (ABI.md §13): turns a guest kernel image in memory
 * into a domain ready to run, with the bootstrap layout, page tables,
 * start_info and entry state that Xen 2.0's builders produce.
 */
#ifndef TESSERA_DOMAIN_BUILD_H
#define TESSERA_DOMAIN_BUILD_H

#include <tessera/domain.h>

struct domain_build_args {
    uint32_t image_start, image_end;    /* machine range of the kernel ELF */
    uint32_t initrd_start, initrd_end;  /* 0, 0: none */
    uint32_t mem_kb;                    /* the domain's memory */
    const char *cmdline;                /* start_info.cmd_line (cut to 255) */
    bool dom0;                          /* privileged, initial domain */
};

/*
 * Builds d (created, empty) from args. Returns 0, or -EINVAL/-ENOMEM with
 * *error set to one sentence for the boot console; d then owns whatever
 * was allocated and must be destroyed by the caller.
 */
int domain_build(struct domain *d, const struct domain_build_args *args, const char **error);

/* Builds dom0 and the boot-time domUs from the loader's modules. */
void build_boot_domains(void);

#endif /* TESSERA_DOMAIN_BUILD_H */
