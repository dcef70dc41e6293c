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

const MS_PER_DAY = 86_400_000;
const calendarMs = (day: string): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

/** Whole calendar days from one yyyy-MM-dd to another (negative when `to` is earlier); the same in every time zone. */
export function daysBetween(from: string, to: string): number {
  return Math.round((calendarMs(to) - calendarMs(from)) / MS_PER_DAY);
}

/** The yyyy-MM-dd `days` calendar days after `day` (before it when negative). */
export function addDays(day: string, days: number): string {
  return new Date(calendarMs(day) + days * MS_PER_DAY).toISOString().slice(0, 10);
}
