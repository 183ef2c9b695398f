/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The CMOS real-time clock, read once at boot for the wall clock
 * (ABI.md §8: whole seconds). The date is taken between updates: wait
 * for no update in progress, and read until two reads agree.
 */
#include <tessera/arch.h>

#define CMOS_INDEX      0x70
#define CMOS_DATA       0x71
#define RTC_SECONDS     0x00
#define RTC_MINUTES     0x02
#define RTC_HOURS       0x04
#define RTC_DAY         0x07
#define RTC_MONTH       0x08
#define RTC_YEAR        0x09
#define RTC_STATUS_A    0x0A
#define RTC_STATUS_B    0x0B
#define RTC_CENTURY     0x32
#define STATUS_A_UIP    0x80
#define STATUS_B_BINARY 0x04
#define STATUS_B_24H    0x02
#define HOUR_PM         0x80

struct rtc_date {
    uint32_t sec, min, hour, day, mon, year, century;
};

static uint8_t cmos_read(uint8_t reg)
{
    outb(reg, CMOS_INDEX);      /* bit 7 clear: NMIs stay enabled */
    return inb(CMOS_DATA);
}

static void read_date(struct rtc_date *t)
{
    unsigned int spins = 0;

    while ((cmos_read(RTC_STATUS_A) & STATUS_A_UIP) && ++spins < 1000000u)
        ;
    t->sec = cmos_read(RTC_SECONDS);
    t->min = cmos_read(RTC_MINUTES);
    t->hour = cmos_read(RTC_HOURS);
    t->day = cmos_read(RTC_DAY);
    t->mon = cmos_read(RTC_MONTH);
    t->year = cmos_read(RTC_YEAR);
    t->century = cmos_read(RTC_CENTURY);
}

static uint32_t bcd(uint32_t v)
{
    return (v & 0x0F) + (v >> 4) * 10;
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static uint32_t days_since_epoch(uint32_t year, uint32_t mon, uint32_t day)
{
    /* Count March-based years so the leap day ends the year. */
    uint32_t y = mon <= 2 ? year - 1 : year;
    uint32_t m = mon <= 2 ? mon + 9 : mon - 3;
    uint32_t era_days = y * 365 + y / 4 - y / 100 + y / 400;

    return era_days + (153 * m + 2) / 5 + day - 1 - 719468;
}

uint32_t arch_rtc_seconds(void)
{
    struct rtc_date a, b;
    uint8_t status;
    uint32_t year, pm;
    unsigned int tries = 0;

    do {
        read_date(&a);
        read_date(&b);
    } while (memcmp(&a, &b, sizeof(a)) != 0 && ++tries < 10);

    status = cmos_read(RTC_STATUS_B);
    pm = a.hour & HOUR_PM;
    a.hour &= ~HOUR_PM;
    if (!(status & STATUS_B_BINARY)) {
        a.sec = bcd(a.sec);
        a.min = bcd(a.min);
        a.hour = bcd(a.hour);
        a.day = bcd(a.day);
        a.mon = bcd(a.mon);
        a.year = bcd(a.year);
        a.century = bcd(a.century);
    }
    if (!(status & STATUS_B_24H))
        a.hour = (a.hour % 12) + (pm ? 12 : 0);
    year = a.century >= 19 && a.century <= 99 ? a.century * 100 + a.year
                                               : (a.year < 70 ? 2000 : 1900) + a.year;
    if (a.mon < 1 || a.mon > 12 || a.day < 1 || a.day > 31 || year < 1970)
        return 0;
    return days_since_epoch(year, a.mon, a.day) * 86400 + a.hour * 3600 + a.min * 60 + a.sec;
}
