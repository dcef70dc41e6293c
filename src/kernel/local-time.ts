import { DateTime } from 'luxon';

/** The wall clock of an instant in a zone: year, month, day, hour, minute. */
type WallClock = [year: string, month: string, day: string, hour: string, minute: string];

/** One formatter per time zone; null for a zone Intl does not know (luxon's `utc+8`, `system`). */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** What the en-US formatter writes: 03/02/2027, 08:40. */
const EN_US = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2})$/;

function formatterFor(tz: string): Intl.DateTimeFormat | null {
  let f = formatters.get(tz);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      f = null;
    }
    formatters.set(tz, f);
  }
  return f;
}

/**
 * The wall clock of `at` in `tz` from one cached Intl formatter: these run on every message
 * (the sign-in board, a repeated 签到's answer), and luxon builds a DateTime and parses its
 * format each time. Null where luxon is the one to ask: a zone only luxon reads, an invalid
 * instant, a year outside 1000-9999.
 */
function wallClock(at: Date, tz: string): WallClock | null {
  const f = formatterFor(tz);
  if (!f || Number.isNaN(at.getTime())) return null;
  const m = EN_US.exec(f.format(at));
  return m ? [m[3]!, m[1]!, m[2]!, m[4]!, m[5]!] : null;
}

/** Formats an instant as MM-dd HH:mm in a cohort's time zone. */
export function formatDayTime(at: Date, tz: string): string {
  const w = wallClock(at, tz);
  return w ? `${w[1]}-${w[2]} ${w[3]}:${w[4]}` : DateTime.fromJSDate(at, { zone: tz }).toFormat('MM-dd HH:mm');
}

/** Formats an instant as HH:mm in a cohort's time zone. */
export function formatTime(at: Date, tz: string): string {
  const w = wallClock(at, tz);
  return w ? `${w[3]}:${w[4]}` : DateTime.fromJSDate(at, { zone: tz }).toFormat('HH:mm');
}

/** The local training day (yyyy-MM-dd) of an instant. */
export function localDay(at: Date, tz: string): string {
  const w = wallClock(at, tz);
  return w ? `${w[0]}-${w[1]}-${w[2]}` : DateTime.fromJSDate(at, { zone: tz }).toFormat('yyyy-MM-dd');
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
