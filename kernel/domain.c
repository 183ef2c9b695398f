/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domains. For now: the two pseudo-domains that own frames no guest owns —
 * DOMID_IO (device memory, the first MB, holes in RAM) and DOMID_XEN
 * (Tessera's frames a privileged domain may map read-only, like the M2P).
 */
#include <tessera/domain.h>

static struct domain dom_io_struct = {
    .id = DOMID_IO,
    .page_list = LIST_HEAD_INIT(dom_io_struct.page_list),
    .xenpage_list = LIST_HEAD_INIT(dom_io_struct.xenpage_list),
};

static struct domain dom_xen_struct = {
    .id = DOMID_XEN,
    .page_list = LIST_HEAD_INIT(dom_xen_struct.page_list),
    .xenpage_list = LIST_HEAD_INIT(dom_xen_struct.xenpage_list),
};

struct domain *dom_io = &dom_io_struct;
struct domain *dom_xen = &dom_xen_struct;

bool domain_io_allowed(const struct domain *d, uint32_t mfn)
{
    /* Physdev domains' device ranges arrive with DOM0_PCIDEV_ACCESS. */
    return d->privileged;
}
