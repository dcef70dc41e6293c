import { DateTime } from 'luxon';

/** Formats an instant as MM-dd HH:mm in a cohort's time zone. */
export function formatDayTime(at: Date, tz: string): string {
  return DateTime.fromJSDate(at, { zone: tz }).toFormat('MM-dd HH:mm');
}

/** Formats an instant as HH:mm in a cohort's time zone. */
export function formatTime(at: Date, tz: string): string {
  return DateTime.fromJSDate(at, { zone: tz }).toFormat('HH:mm');
}

/** The local training day (yyyy-MM-dd) of an instant. */
export function localDay(at: Date, tz: string): string {
  return DateTime.fromJSDate(at, { zone: tz }).toFormat('yyyy-MM-dd');
}

/**
 * Parses a date the way staff type it: 2026-12-01, 2026/12/1, 12-01, 12/1, 12月1日.
 * A date without a year takes `defaultYear`. Returns yyyy-MM-dd or null.
 */
export function parseLocalDate(text: string, defaultYear: number): string | null {
  const m =
    /^(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return null;
  const year = m[1] ? Number(m[1]) : defaultYear;
  const dt = DateTime.fromObject({ year, month: Number(m[2]), day: Number(m[3]) });
  return dt.isValid ? dt.toFormat('yyyy-MM-dd') : null;
}

/** Parses H:mm or HH:mm (also full-width colon) into minutes after midnight, or null. */
export function parseClock(text: string): number | null {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

/** The instant of a local day and clock time in a time zone. */
export function atLocal(day: string, minutes: number, tz: string): Date {
  return DateTime.fromISO(day, { zone: tz }).startOf('day').plus({ minutes }).toJSDate();
}
