import type { LeaveRequest, Session } from '../../domain/types';
import type { Stores } from '../../stores/create-stores';

/** A leave request as the rule reads it. */
export type LeaveLike = Pick<LeaveRequest, 'userId' | 'day' | 'sessionId' | 'status'>;

/**
 * Whether a leave request excuses its trainee from a session (seed 请假制度; SPEC §3.2:
 * approved leave is not absence): it is approved and names the session's day, either for the
 * whole day (no session) or for that session. The one place this rule is written.
 */
export function leaveCovers(leave: LeaveLike, session: Pick<Session, 'id' | 'day'>): boolean {
  return leave.status === 'approved' && leave.day === session.day && (!leave.sessionId || leave.sessionId === session.id);
}

/** The trainees (user ids) whose leave covers a session. */
export function excusedFrom(leaves: readonly LeaveLike[], session: Pick<Session, 'id' | 'day'>): Set<string> {
  return new Set(leaves.filter((l) => leaveCovers(l, session)).map((l) => l.userId));
}

/**
 * What an enrolled trainee without an attendance record is once the session has ended (SPEC
 * §3.1): on leave when approved leave covers it, else absent (缺勤).
 */
export function missingStatus(leaves: readonly LeaveLike[], session: Pick<Session, 'id' | 'day'>, userId: string): 'leave' | 'absent' {
  return leaves.some((l) => l.userId === userId && leaveCovers(l, session)) ? 'leave' : 'absent';
}

/** Reads the approved leave of a session's day and returns who it excuses from that session. */
export async function approvedLeaveFor(stores: Pick<Stores, 'leave'>, cohortId: string, session: Pick<Session, 'id' | 'day'>): Promise<Set<string>> {
  return excusedFrom(await stores.leave.listApprovedForDay(cohortId, session.day), session);
}
