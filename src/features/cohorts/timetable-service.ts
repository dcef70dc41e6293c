import type { Cohort, Session } from '../../domain/types';
import type { JobScheduler } from '../../queue/job-scheduler';
import type { Stores } from '../../stores/create-stores';
import type { SessionInput } from '../../stores/session-store';
import { formatDayTime, formatTime } from '../../kernel/local-time';
import { replanCohortJobs, unplanSessionJobs } from './session-planner';
import { AppError } from '../../kernel/app-error';
import { parseTimetable, type TimetableLineError } from './timetable-parse';
import { noTimetable, SESSION_CLASH, sessionNumberUnknown, timetableErrors, timetableHeading } from './texts';

/** One line of the timetable as shown in chat: `12-01 09:00-12:00 标题 讲师`. */
export function formatSessionLine(s: Pick<Session, 'startsAt' | 'endsAt' | 'title' | 'lecturerName'>, tz: string): string {
  return `${formatDayTime(s.startsAt, tz)}-${formatTime(s.endsAt, tz)} ${s.title}${s.lecturerName ? ` ${s.lecturerName}` : ''}`;
}

/** The whole timetable as chat text, numbered so sessions can be referred to. */
export function formatTimetable(cohort: Cohort, sessions: Session[]): string {
  if (sessions.length === 0) return noTimetable(cohort.name);
  return [timetableHeading(cohort.name), ...sessions.map((s, i) => `${i + 1}. ${formatSessionLine(s, cohort.timezone)}`)].join('\n');
}

/** Chinese lines naming each rejected timetable line. */
export function formatLineErrors(errors: TimetableLineError[]): string {
  return timetableErrors(errors);
}

/**
 * Saves parsed sessions, keeps when a timetable was first provided (the scorecard asks
 * whether it came before the start) and plans the sessions' jobs.
 */
export async function saveSessions(stores: Stores, scheduler: JobScheduler, cohort: Cohort, sessions: SessionInput[], now: Date): Promise<Session[]> {
  const saved = await stores.sessions.upsertMany(cohort.id, sessions);
  await stores.cohorts.markTimetableProvided(cohort.id, now);
  // Planning is idempotent; all sessions are passed so per-lecturer jobs see the whole timetable.
  await replanCohortJobs(stores, scheduler, cohort);
  return saved;
}

/** Saves timetable lines from chat, all or nothing. */
export async function setTimetable(
  stores: Stores,
  scheduler: JobScheduler,
  cohort: Cohort,
  lines: string[],
  now: Date,
): Promise<{ ok: true; sessions: Session[] } | { ok: false; errors: TimetableLineError[] }> {
  const parsed = parseTimetable(lines, cohort);
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors };
  return { ok: true, sessions: await saveSessions(stores, scheduler, cohort, parsed.sessions, now) };
}

/** Finds a session by the number 课表 shows next to it. */
async function sessionByNumber(stores: Stores, cohort: Cohort, no: number): Promise<Session> {
  const sessions = await stores.sessions.listByCohort(cohort.id);
  const session = sessions[no - 1];
  if (!session) throw new AppError('SESSION_UNKNOWN', sessionNumberUnknown(no));
  return session;
}

/** Changes one session from a new timetable line; its planned jobs move with it. */
export async function changeSession(
  stores: Stores,
  scheduler: JobScheduler,
  cohort: Cohort,
  no: number,
  line: string,
): Promise<{ ok: true; before: Session; after: Session } | { ok: false; errors: TimetableLineError[] }> {
  const before = await sessionByNumber(stores, cohort, no);
  const parsed = parseTimetable([line], cohort);
  const input = parsed.sessions[0];
  if (!input) return { ok: false, errors: parsed.errors };
  const after = await stores.sessions.update(before.id, input);
  if (!after) throw new AppError('SESSION_CLASH', SESSION_CLASH);
  await unplanSessionJobs(scheduler, before, await stores.sessions.listByCohort(cohort.id));
  await replanCohortJobs(stores, scheduler, cohort);
  return { ok: true, before, after };
}

/** Cancels one session; its planned jobs are removed. */
export async function cancelSession(stores: Stores, scheduler: JobScheduler, cohort: Cohort, no: number): Promise<Session> {
  const session = await sessionByNumber(stores, cohort, no);
  await stores.sessions.cancel(session.id);
  const remaining = await stores.sessions.listByCohort(cohort.id);
  await unplanSessionJobs(scheduler, session, remaining);
  await replanCohortJobs(stores, scheduler, cohort);
  return session;
}
