import { DateTime } from 'luxon';
import { addDays, daysBetween, formatDayTime, formatTime, localDay } from '../../../src/kernel/local-time';

describe('calendar days without a time zone', () => {
  // Month, year and leap-day boundaries, and days around daylight-saving changes in zones that have them.
  const pairs: [string, string][] = [
    ['2027-03-01', '2027-03-07'],
    ['2027-02-27', '2027-03-02'],
    ['2028-02-28', '2028-03-01'],
    ['2026-12-30', '2027-01-02'],
    ['2027-03-13', '2027-03-15'],
    ['2027-11-06', '2027-11-08'],
    ['2027-03-09', '2027-03-01'],
  ];

  it.each(pairs)('counts the days from %s to %s as a zoned calendar does', (from, to) => {
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin']) {
      const zoned = Math.round(DateTime.fromISO(to, { zone }).diff(DateTime.fromISO(from, { zone }), 'days').days);
      expect(daysBetween(from, to)).toBe(zoned);
    }
  });

  it.each(pairs)('adds days to %s as a zoned calendar does', (from) => {
    for (const days of [-3, 0, 1, 2, 10, 400]) {
      const zoned = DateTime.fromISO(from, { zone: 'America/New_York' }).plus({ days }).toFormat('yyyy-MM-dd');
      expect(addDays(from, days)).toBe(zoned);
    }
  });
});

describe('an instant on a cohort\'s wall clock', () => {
  // Zones with daylight saving (half-hour in Lord Howe), odd offsets, and names only luxon reads.
  const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC', 'utc+8', 'Not/AZone'];
  // Around midnight, a year's end and both daylight-saving changes of 2027 in the zones above, every 7.5 minutes.
  const instants: Date[] = [];
  for (const start of ['2027-03-02T15:30:00Z', '2027-12-31T15:00:00Z', '2027-03-14T05:30:00Z', '2027-03-28T00:30:00Z', '2027-04-03T14:30:00Z', '2027-11-07T05:30:00Z']) {
    for (let i = 0; i < 24; i++) instants.push(new Date(Date.parse(start) + i * 450_000));
  }
  instants.push(new Date(Number.NaN), new Date('0900-01-01T00:00:00Z'));

  it.each(zones)('formats every instant in %s as luxon does', (zone) => {
    for (const at of instants) {
      const luxon = DateTime.fromJSDate(at, { zone });
      expect([formatTime(at, zone), formatDayTime(at, zone), localDay(at, zone)]).toEqual([
        luxon.toFormat('HH:mm'),
        luxon.toFormat('MM-dd HH:mm'),
        luxon.toFormat('yyyy-MM-dd'),
      ]);
    }
  });
});
