import type { Attendance, Session } from '../../domain/types';
import type { Stores } from '../../stores/create-stores';
import { approvedLeaveFor } from '../leave';
import { planApproved } from '../cohorts';
import { buildSessionSummary } from '../../stores/session-summary-store';

/** What closing a session found. */
export interface CloseResult {
  closedNow: boolean;
  absent: string[];
  onLeave: string[];
  session: Session;
}

/**
 * Closes a session at its end (SPEC §3.1): every enrolled trainee with no record is written
 * as on leave (approved leave) or absent (缺勤), and the session's summary is written from
 * the records as they stand. Running it again writes nothing new.
 */
export async function closeSession(
  stores: Stores,
  sessionId: string,
  at: Date,
): Promise<CloseResult | null> {
  const session = await stores.sessions.findById(sessionId);
  if (!session || session.cancelled) return null;
  const cohort = await stores.cohorts.findById(session.cohortId);
  if (!cohort || !planApproved(cohort)) return null;
  const [trainees, records, leave] = await Promise.all([
    stores.members.listWithRole(cohort.id, 'trainee'),
    stores.attendance.listBySession(session.id),
    approvedLeaveFor(stores, cohort.id, session),
  ]);
  const has = new Set(records.map((r) => r.userId));
  const missing: (Omit<Attendance, 'signedOutAt' | 'earlyLeave'> & { sourceEventId: string })[] = trainees
    .filter((t) => !has.has(t.userId) && t.joinedAt.getTime() <= session.endsAt.getTime())
    .map((t) => ({
      sessionId: session.id,
      cohortId: cohort.id,
      platform: t.platform,
      userId: t.userId,
      name: t.name,
      status: leave.has(t.userId) ? 'leave' : 'absent',
      notEarly: false,
      minutesLate: 0,
      sourceEventId: `close:${session.id}`,
    }));
  await stores.attendance.insertMissing(missing);
  const closedNow = await stores.sessions.markClosed(session.id, at);
  const final = await stores.attendance.listBySession(session.id);
  // The digest reads this summary, not the rows; closing again rewrites the same one.
  await stores.sessionSummaries.write([buildSessionSummary(session, final, at)]);
  return {
    closedNow,
    session,
    absent: final.filter((r) => r.status === 'absent').map((r) => r.name),
    onLeave: final.filter((r) => r.status === 'leave').map((r) => r.name),
  };
}
