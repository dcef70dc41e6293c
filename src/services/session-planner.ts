import type { Cohort, Session } from '../domain/types';
import type { JobScheduler } from '../queue/job-scheduler';

/** Name of the job that closes a session at its end and marks absentees. */
export const CLOSE_SESSION_JOB = 'close-session';

/** Deterministic id of a session's closing job; a moved session gets a new id. */
export function closeSessionJobId(session: Pick<Session, 'id' | 'endsAt'>): string {
  return `close-session_${session.id}_${session.endsAt.getTime()}`;
}

/**
 * Plans what runs on a session's clock: its closing at the end (SPEC §3.1 absentees).
 * Nothing is planned while the cohort's plan is not approved (seed: 第五条).
 */
export async function planSessionJobs(scheduler: JobScheduler, cohort: Cohort, sessions: Session[], now: Date): Promise<number> {
  if (cohort.plan.status !== 'approved') return 0;
  let planned = 0;
  for (const s of sessions) {
    if (s.cancelled || s.closedAt) continue;
    await scheduler.schedule(
      CLOSE_SESSION_JOB,
      { sessionId: s.id },
      { jobId: closeSessionJobId(s), delayMs: Math.max(0, s.endsAt.getTime() - now.getTime()) },
    );
    planned++;
  }
  return planned;
}

/** Removes the jobs planned for a session as it was (before a move or a cancellation). */
export async function unplanSessionJobs(scheduler: JobScheduler, session: Session): Promise<void> {
  await scheduler.cancel(closeSessionJobId(session));
}
