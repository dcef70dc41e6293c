import { DateTime } from 'luxon';
import type { Cohort } from '../../domain/types';
import type { SessionInput } from '../../stores/session-store';
import { atLocal, parseClock, parseLocalDate } from '../../kernel/local-time';
import { TIMETABLE_LINE_ERRORS as WHY } from './texts';

/** One rejected timetable line with its line number and reason. */
export interface TimetableLineError {
  line: number;
  text: string;
  reason: string;
}

/**
 * Parses timetable lines `12-01 09:00-12:00 标题 [讲师]` into sessions in the cohort's time
 * zone (seed: 讲师要求及职责 2(2) — the lecturer provides a timetable in advance). All or
 * nothing: any bad line is reported and nothing is returned to save.
 */
export function parseTimetable(
  lines: string[],
  cohort: Pick<Cohort, 'startDate' | 'endDate' | 'timezone'>,
): { sessions: SessionInput[]; errors: TimetableLineError[] } {
  const sessions: SessionInput[] = [];
  const errors: TimetableLineError[] = [];
  const year = DateTime.fromISO(cohort.startDate).year;
  const seen = new Map<number, number>();
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') return;
    const parsed = parseLine(text, year, cohort);
    if (typeof parsed === 'string') {
      errors.push({ line: index + 1, text, reason: parsed });
      return;
    }
    const clash = seen.get(parsed.startsAt.getTime());
    if (clash !== undefined) {
      errors.push({ line: index + 1, text, reason: WHY.sameStart(clash) });
      return;
    }
    seen.set(parsed.startsAt.getTime(), index + 1);
    sessions.push(parsed);
  });
  if (errors.length === 0 && sessions.length === 0) errors.push({ line: 1, text: '', reason: WHY.noLines });
  return errors.length > 0 ? { sessions: [], errors } : { sessions, errors };
}

/** Parses one timetable line into a session, or says in Chinese what is wrong with it. */
function parseLine(text: string, year: number, cohort: Pick<Cohort, 'startDate' | 'endDate' | 'timezone'>): SessionInput | string {
  const [dateTok, rangeTok, title, ...rest] = text.split(/\s+/);
  const day = dateTok ? parseLocalDate(dateTok, year) : null;
  if (!day) return WHY.badDate(dateTok ?? '');
  const range = rangeTok?.split(/[-~～—–至到]/);
  const start = range?.[0] !== undefined ? parseClock(range[0]) : null;
  const end = range?.[1] !== undefined ? parseClock(range[1]) : null;
  if (start === null || end === null || range?.length !== 2) return WHY.badTime(rangeTok ?? '');
  if (end <= start) return WHY.endBeforeStart;
  if (!title) return WHY.noTitle;
  if (day < cohort.startDate || day > cohort.endDate) return WHY.outsideCohort(day, cohort.startDate, cohort.endDate);
  const lecturerName = rest.join(' ').replace(/^[[【(（]|[\]】)）]$/g, '').replace(/^讲师[:：]/, '').trim();
  return { day, startsAt: atLocal(day, start, cohort.timezone), endsAt: atLocal(day, end, cohort.timezone), title, lecturerName };
}
