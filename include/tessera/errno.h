/* SPDX-License-Identifier: GPL-2.0-only */
/* Error numbers: the values a Xen 2.0 guest sees as -errno (ABI.md §1). */
#ifndef TESSERA_ERRNO_H
#define TESSERA_ERRNO_H

#define EPERM    1
#define ESRCH    3
#define E2BIG    7
#define EAGAIN  11
#define ENOMEM  12
#define EACCES  13
#define EFAULT  14
#define EBUSY   16
#define ENODEV  19
#define EINVAL  22
#define ENOSPC  28
#define ENOSYS  38
#define ENODATA 61

#endif /* TESSERA_ERRNO_H */
