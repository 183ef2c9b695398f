/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Power-off through ACPI sleep state S5: find the FADT for the PM1 control
 * ports and the DSDT's \_S5_ package for the sleep type, then write
 * SLP_TYP | SLP_EN. Only the few bytes of AML that encode \_S5_ are read;
 * anything unexpected gives up (the caller halts instead).
 */
#include <tessera/arch.h>
#include <tessera/console.h>
#include <tessera/ioremap.h>

#include "private.h"

#define SLP_EN  (1u << 13)

struct acpi_header {
    char signature[4];
    uint32_t length;
    uint8_t revision, checksum;
    char oem[6], oem_table[8];
    uint32_t oem_revision, creator, creator_revision;
} __packed;

static bool checksum_ok(const uint8_t *p, uint32_t len)
{
    uint8_t sum = 0;

    while (len--)
        sum += *p++;
    return sum == 0;
}

/* The RSDP lies on a 16-byte boundary in the EBDA's first KB or the BIOS ROM. */
static const uint8_t *find_rsdp(void)
{
    uint32_t ebda = (uint32_t)*(const uint16_t *)__va(0x40E) << 4;
    uint32_t ranges[2][2] = { { ebda, ebda + 1024 }, { 0xE0000, 0x100000 } };
    unsigned int r;
    uint32_t pa;

    for (r = 0; r < 2; r++) {
        if (ranges[r][0] < 0x80000 && r == 0)
            continue;   /* no plausible EBDA */
        for (pa = ranges[r][0]; pa + 20 <= ranges[r][1]; pa += 16) {
            const uint8_t *p = __va(pa);

            if (memcmp(p, "RSD PTR ", 8) == 0 && checksum_ok(p, 20))
                return p;
        }
    }
    return NULL;
}

/* Maps a whole table (unmap_table() when done), or NULL. */
static const struct acpi_header *map_table(uint32_t pa)
{
    const struct acpi_header *h = ioremap(pa, sizeof(*h), false);
    uint32_t len;

    if (!h)
        return NULL;
    len = h->length;
    iounmap((void *)h, sizeof(*h));
    if (len < sizeof(*h) || len > (1u << 20))
        return NULL;
    return ioremap(pa, len, false);
}

static void unmap_table(const struct acpi_header *t)
{
    if (t)
        iounmap((void *)t, t->length);
}

/* Reads SLP_TYPa from the \_S5_ package: NameOp "_S5_" PackageOp len n ... */
static int s5_sleep_type(const uint8_t *aml, uint32_t len)
{
    uint32_t i;

    for (i = 1; i + 8 < len; i++) {
        const uint8_t *p = aml + i;

        if (memcmp(p, "_S5_", 4) != 0 || p[4] != 0x12)
            continue;
        if (p[-1] != 0x08 && !(p[-1] == '\\' && i >= 2 && p[-2] == 0x08))
            continue;
        p += 5;
        p += ((*p >> 6) & 3) + 1;       /* PkgLength */
        p++;                            /* NumElements */
        if (*p == 0x0A)                 /* BytePrefix */
            p++;
        return *p;                      /* or ZeroOp/OneOp: the value itself */
    }
    return -1;
}

/* Finds the FADT through the RSDT; returns its machine address or 0. */
static uint32_t find_fadt(uint32_t rsdt_pa)
{
    const struct acpi_header *rsdt = map_table(rsdt_pa);
    uint32_t fadt = 0, n, i;

    if (!rsdt || memcmp(rsdt->signature, "RSDT", 4) != 0) {
        unmap_table(rsdt);
        return 0;
    }
    n = (rsdt->length - sizeof(*rsdt)) / 4;
    for (i = 0; i < n && !fadt; i++) {
        uint32_t pa = ((const uint32_t *)(rsdt + 1))[i];
        const struct acpi_header *h = map_table(pa);

        if (h && memcmp(h->signature, "FACP", 4) == 0)
            fadt = pa;
        unmap_table(h);
    }
    unmap_table(rsdt);
    return fadt;
}

int acpi_poweroff(void)
{
    const uint8_t *rsdp = find_rsdp();
    const struct acpi_header *t;
    uint32_t fadt, dsdt, i;
    uint16_t pm1a, pm1b;
    int slp_typ;

    if (!rsdp || !(fadt = find_fadt(*(const uint32_t *)(rsdp + 16))))
        return -1;
    t = map_table(fadt);
    if (!t || t->length < 72) {
        unmap_table(t);
        return -1;
    }
    dsdt = *(const uint32_t *)((const uint8_t *)t + 40);
    pm1a = (uint16_t)*(const uint32_t *)((const uint8_t *)t + 64);
    pm1b = (uint16_t)*(const uint32_t *)((const uint8_t *)t + 68);
    unmap_table(t);

    t = map_table(dsdt);
    if (!t || memcmp(t->signature, "DSDT", 4) != 0 || pm1a == 0) {
        unmap_table(t);
        return -1;
    }
    slp_typ = s5_sleep_type((const uint8_t *)(t + 1), t->length - sizeof(*t));
    unmap_table(t);
    if (slp_typ < 0)
        return -1;

    outw((uint16_t)((slp_typ & 7) << 10) | SLP_EN, pm1a);
    if (pm1b)
        outw((uint16_t)((slp_typ & 7) << 10) | SLP_EN, pm1b);
    for (i = 0; i < 0x100000; i++)
        io_delay();
    return -1;                          /* still here: it did not work */
}
