/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Copying to and from guest virtual addresses in the current address
 * space (ABI.md §1): the whole object must lie below 0xFC000000, and a
 * fault while copying is an error, never a crash. Both return 0 or -EFAULT.
 */
#ifndef TESSERA_GUEST_ACCESS_H
#define TESSERA_GUEST_ACCESS_H

#include <tessera/errno.h>
#include <tessera/lib.h>

#define GUEST_VIRT_END  0xFC000000u

uint32_t raw_copy(void *dst, const void *src, uint32_t n);

static inline bool guest_range_ok(uint32_t va, uint32_t len)
{
    return va <= GUEST_VIRT_END && len <= GUEST_VIRT_END - va;
}

static inline int copy_from_guest(void *dst, uint32_t src_va, uint32_t len)
{
    if (!guest_range_ok(src_va, len))
        return -EFAULT;
    return raw_copy(dst, (const void *)(uintptr_t)src_va, len) ? -EFAULT : 0;
}

static inline int copy_to_guest(uint32_t dst_va, const void *src, uint32_t len)
{
    if (!guest_range_ok(dst_va, len))
        return -EFAULT;
    return raw_copy((void *)(uintptr_t)dst_va, src, len) ? -EFAULT : 0;
}

#endif /* TESSERA_GUEST_ACCESS_H */
