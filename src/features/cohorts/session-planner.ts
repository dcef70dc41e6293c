import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Cohort, Session } from '../../domain/types';
import type { DayReminderContent, ReminderSessionLine, SessionReminderContent, SessionReminderEntry } from '../../queue/job-catalogue';
import type { JobScheduler } from '../../queue/job-scheduler';
import type { Stores } from '../../stores/create-stores';
import { parseClock } from '../../kernel/local-time';
import { planApproved } from './plan-approval';

/** Deterministic id of a session's closing job; a moved session gets a new id. */
export function closeSessionJobId(session: Pick<Session, 'id' | 'endsAt'>): string {
  return `close-session_${session.id}_${session.endsAt.getTime()}`;
}

/**
 * Id of a session's reminder `minutes` before its start as a job of its own, the way plans made
 * before the per-instant batches hold it; planning the reminder again removes that job.
 */
export function remindSessionJobId(session: Pick<Session, 'id' | 'startsAt'>, minutes: number): string {
  return `remind-session_${session.id}_${session.startsAt.getTime()}_${minutes}`;
}

/** Deterministic id of the one job that sends every session reminder falling at `at`, of all cohorts. */
export function remindSessionsJobId(at: Date): string {
  return `remind-sessions_${at.getTime()}`;
}

/** The instant of a session's reminder `minutes` before its start. */
export function sessionReminderAt(session: Pick<Session, 'startsAt'>, minutes: number): Date {
  return new Date(session.startsAt.getTime() - minutes * 60_000);
}

/** The key of a session's reminder `minutes` before its start in the batch of its instant. */
export function sessionReminderBatchKey(session: Pick<Session, 'id'>, minutes: number): string {
  return `${session.id}_${minutes}`;
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

/** A session as a reminder's payload carries it. */
function reminderLine(s: Session): ReminderSessionLine {
  return { title: s.title, lecturerName: s.lecturerName, startsAt: s.startsAt.getTime(), endsAt: s.endsAt.getTime() };
}

/** A digest of a reminder's content: the same content plans the same job. */
export function reminderVersion(content: object): string {
  return createHash('sha1').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}

/** What a session reminder carries: where it goes and what it says, fixed now. */
export function sessionReminderContent(cohort: Cohort, session: Session, groupIds: readonly string[]): SessionReminderContent {
  const rest = {
    groups: [...groupIds].sort(),
    timezone: cohort.timezone,
    signInOpensMinutes: cohort.settings.signInOpensMinutes,
    arriveEarlyMinutes: cohort.settings.arriveEarlyMinutes,
    session: reminderLine(session),
  };
  return { version: reminderVersion(rest), ...rest };
}

/** What an evening-before reminder carries: the day's sessions in time order, fixed now. */
export function dayReminderContent(cohort: Cohort, daySessions: readonly Session[], groupIds: readonly string[]): DayReminderContent {
  const rest = {
    groups: [...groupIds].sort(),
    timezone: cohort.timezone,
    signInOpensMinutes: cohort.settings.signInOpensMinutes,
    arriveEarlyMinutes: cohort.settings.arriveEarlyMinutes,
    sessions: [...daySessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).map(reminderLine),
  };
  return { version: reminderVersion(rest), ...rest };
}

/**
 * Plans what runs on a cohort's clock (SPEC §3.8): each session's reminders 30 and 5 minutes
 * before and its closing at the end, and each training day's reminder the evening before.
 * Nothing is planned while the plan is not approved (seed: 第五条). Ids are deterministic,
 * so planning twice changes nothing; reminders whose time has passed are not planned, but an
 * evening-before reminder planned late (before the day starts) goes out at once.
 *
 * A reminder carries what it says and the groups it goes to (`groupIds`, the cohort's bound
 * groups), so it reads nothing when it fires. Every edit that changes them plans again, and
 * each future reminder is then replaced with the content of now; without a bound group no
 * reminder is planned and any planned one is removed. A session reminder is an entry in the
 * batch of the instant it falls at, under its session and minutes, and that instant has one
 * job (`remind-sessions`) for all cohorts, so a thousand cohorts reminded at 08:30 cost one job
 * and one bulk add to the outbox; each cohort planning for the instant replaces that job
 * (removed, added: one is left whatever the order). A per-reminder job of an older plan is
 * removed. An evening-before reminder is a job of its own, replaced under its id (removed,
 * added); a late one (its time passed) is only added, never replaced: replacing a reminder
 * already sent would send it again.
 */
export async function planSessionJobs(scheduler: JobScheduler, cohort: Cohort, sessions: Session[], groupIds: readonly string[]): Promise<number> {
  if (!planApproved(cohort)) return 0;
  const now = scheduler.now().getTime();
  const steps: Promise<void>[] = [];
  let planned = 0;
  const replace = (jobId: string, add: (() => Promise<void>) | null) =>
    steps.push(
      scheduler.cancel(jobId).then(async () => {
        if (add) await add();
      }),
    );
  const batches = new Map<number, { entries: Record<string, SessionReminderEntry>; removed: string[] }>();
  const batchAt = (at: Date) => {
    let batch = batches.get(at.getTime());
    if (!batch) batches.set(at.getTime(), (batch = { entries: {}, removed: [] }));
    return batch;
  };
  const days = new Map<string, Session[]>();
  const live = sessions.filter((s) => !s.cancelled);
  for (const s of live) {
    if (s.closedAt) continue;
    days.set(s.day, live.filter((o) => o.day === s.day));
    for (const minutes of SESSION_REMINDER_MINUTES) {
      const runAt = sessionReminderAt(s, minutes);
      if (runAt.getTime() <= now) continue;
      steps.push(scheduler.cancel(remindSessionJobId(s, minutes)));
      const batch = batchAt(runAt);
      const key = sessionReminderBatchKey(s, minutes);
      if (groupIds.length === 0) {
        batch.removed.push(key);
        continue;
      }
      batch.entries[key] = { sessionId: s.id, minutes, content: sessionReminderContent(cohort, s, groupIds) };
      planned++;
    }
    steps.push(scheduler.schedule('close-session', { sessionId: s.id }, { jobId: closeSessionJobId(s), runAt: s.endsAt }));
    planned++;
  }
  for (const [at, { entries, removed }] of batches) {
    const runAt = new Date(at);
    const jobId = remindSessionsJobId(runAt);
    if (removed.length > 0) steps.push(scheduler.removeFromBatch(jobId, removed));
    if (Object.keys(entries).length > 0) {
      // The job is replaced like any other, once the entries are in: whichever cohort plans last,
      // one job is left, due when the clock of now says (a simulated clock started again moves
      // it), and one that already ran is planned anew (its batch was dropped, its messages' ids stay).
      steps.push(
        Promise.all([scheduler.putInBatch(jobId, entries, runAt), scheduler.cancel(jobId)]).then(() =>
          scheduler.schedule('remind-sessions', { at }, { jobId, runAt }),
        ),
      );
    }
  }
  steps.push(planSurveys(scheduler, cohort, sessions));
  for (const [day, daySessions] of days) {
    const dayStart = DateTime.fromISO(day, { zone: cohort.timezone }).toMillis();
    if (dayStart <= now) continue;
    const runAt = dayBeforeAt(day, scheduler.reminders.dayBeforeTime, cohort.timezone);
    const jobId = remindDayJobId(cohort.id, day);
    const add = () => scheduler.schedule('remind-day', { cohortId: cohort.id, day, content: dayReminderContent(cohort, daySessions, groupIds) }, { jobId, runAt });
    if (runAt.getTime() <= now) {
      if (groupIds.length > 0) steps.push(add());
    } else replace(jobId, groupIds.length > 0 ? add : null);
    if (groupIds.length > 0) planned++;
  }
  await Promise.all(steps);
  return planned;
}

/**
 * Plans a cohort's jobs again from what is stored now (its sessions and bound groups): after
 * any change to them, so every planned reminder carries the current content.
 */
export async function replanCohortJobs(stores: Pick<Stores, 'sessions' | 'bindings'>, scheduler: JobScheduler, cohort: Cohort): Promise<number> {
  if (!planApproved(cohort)) return 0;
  const [sessions, bindings] = await Promise.all([stores.sessions.listByCohort(cohort.id), stores.bindings.listByCohort(cohort.id)]);
  return planSessionJobs(scheduler, cohort, sessions, bindings.map((b) => b.groupId));
}

/**
 * Removes what was planned for a session as it was (before a move or a cancellation): its
 * closing, its reminders from the batches of their instants (and their jobs of older plans),
 * and the evening-before reminder of its day when no session is left on that day.
 */
export async function unplanSessionJobs(scheduler: JobScheduler, session: Session, remaining: Session[]): Promise<void> {
  await scheduler.cancel(closeSessionJobId(session));
  for (const minutes of SESSION_REMINDER_MINUTES) {
    await scheduler.removeFromBatch(remindSessionsJobId(sessionReminderAt(session, minutes)), [sessionReminderBatchKey(session, minutes)]);
    await scheduler.cancel(remindSessionJobId(session, minutes));
  }
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
