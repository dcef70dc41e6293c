import { DateTime } from 'luxon';
import type { Cohort, Session } from '../../domain/types';
import type { JobScheduler } from '../../queue/job-scheduler';
import { parseClock } from '../../kernel/local-time';
import { planApproved } from './plan-approval';

/** Deterministic id of a session's closing job; a moved session gets a new id. */
export function closeSessionJobId(session: Pick<Session, 'id' | 'endsAt'>): string {
  return `close-session_${session.id}_${session.endsAt.getTime()}`;
}

/** Deterministic id of a session's reminder `minutes` before its start. */
export function remindSessionJobId(session: Pick<Session, 'id' | 'startsAt'>, minutes: number): string {
  return `remind-session_${session.id}_${session.startsAt.getTime()}_${minutes}`;
}

/** Deterministic id of the evening-before reminder of a training day. */
export function remindDayJobId(cohortId: string, day: string): string {
  return `remind-day_${cohortId}_${day}`;
}

/** Deterministic id of the survey opening for a lecturer of a cohort. */
export function openSurveyJobId(cohortId: string, lecturerName: string): string {
  return `open-survey_${cohortId}_${Buffer.from(lecturerName || '-').toString('hex').slice(0, 40)}`;
}

/** Minutes before a session that the group is reminded (seed: 培训会场制度 (3)(4)). */
export const SESSION_REMINDER_MINUTES = [30, 5] as const;

/** The instant of the evening-before reminder of `day`. */
function dayBeforeAt(day: string, time: string, tz: string): Date {
  return DateTime.fromISO(day, { zone: tz }).minus({ days: 1 }).plus({ minutes: parseClock(time) ?? 20 * 60 }).toJSDate();
}

/**
 * Plans what runs on a cohort's clock (SPEC §3.8): each session's reminders 30 and 5 minutes
 * before and its closing at the end, and each training day's reminder the evening before.
 * Nothing is planned while the plan is not approved (seed: 第五条). Ids are deterministic,
 * so planning twice changes nothing; reminders whose time has passed are not planned, but an
 * evening-before reminder planned late (before the day starts) goes out at once.
 */
export async function planSessionJobs(scheduler: JobScheduler, cohort: Cohort, sessions: Session[]): Promise<number> {
  if (!planApproved(cohort)) return 0;
  const now = scheduler.now().getTime();
  let planned = 0;
  const days = new Set<string>();
  for (const s of sessions) {
    if (s.cancelled || s.closedAt) continue;
    days.add(s.day);
    for (const minutes of SESSION_REMINDER_MINUTES) {
      const runAt = new Date(s.startsAt.getTime() - minutes * 60_000);
      if (runAt.getTime() <= now) continue;
      await scheduler.schedule('remind-session', { sessionId: s.id, minutes }, { jobId: remindSessionJobId(s, minutes), runAt });
      planned++;
    }
    await scheduler.schedule('close-session', { sessionId: s.id }, { jobId: closeSessionJobId(s), runAt: s.endsAt });
    planned++;
  }
  await planSurveys(scheduler, cohort, sessions);
  for (const day of days) {
    const dayStart = DateTime.fromISO(day, { zone: cohort.timezone }).toMillis();
    if (dayStart <= now) continue;
    const runAt = dayBeforeAt(day, scheduler.reminders.dayBeforeTime, cohort.timezone);
    await scheduler.schedule('remind-day', { cohortId: cohort.id, day }, { jobId: remindDayJobId(cohort.id, day), runAt });
    planned++;
  }
  return planned;
}

/**
 * Removes the jobs planned for a session as it was (before a move or a cancellation), and
 * the evening-before reminder of its day when no session is left on that day.
 */
export async function unplanSessionJobs(scheduler: JobScheduler, session: Session, remaining: Session[]): Promise<void> {
  await scheduler.cancel(closeSessionJobId(session));
  for (const minutes of SESSION_REMINDER_MINUTES) await scheduler.cancel(remindSessionJobId(session, minutes));
  if (!remaining.some((s) => !s.cancelled && s.day === session.day && s.id !== session.id)) {
    await scheduler.cancel(remindDayJobId(session.cohortId, session.day));
  }
  if (!remaining.some((s) => !s.cancelled && s.lecturerName === session.lecturerName && s.id !== session.id)) {
    await scheduler.cancel(openSurveyJobId(session.cohortId, session.lecturerName));
  }
}

/**
 * Plans the feedback survey about each lecturer at the end of their last session (SPEC §3.8).
 * Re-planned on every timetable change: the job is replaced so it follows the last session.
 */
async function planSurveys(scheduler: JobScheduler, cohort: Cohort, sessions: Session[]): Promise<void> {
  const last = new Map<string, Date>();
  for (const s of sessions) {
    if (s.cancelled) continue;
    const prev = last.get(s.lecturerName);
    if (!prev || s.endsAt > prev) last.set(s.lecturerName, s.endsAt);
  }
  for (const [lecturerName, endsAt] of last) {
    const jobId = openSurveyJobId(cohort.id, lecturerName);
    await scheduler.cancel(jobId);
    await scheduler.schedule('open-survey', { cohortId: cohort.id, lecturerName }, { jobId, runAt: new Date(endsAt.getTime() + 60_000) });
  }
}
