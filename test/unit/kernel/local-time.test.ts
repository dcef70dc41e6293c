import { DateTime } from 'luxon';
import { addDays, daysBetween } from '../../../src/kernel/local-time';

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
