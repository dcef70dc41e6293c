import type { Homework, LeaveRequest, Session } from '../../domain/types';
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

/**
 * Whether approved leave excuses a trainee from the homework of `day` (SPEC §3.2, §3.3). Homework
 * is set per training day, so the rule is per day: leave excuses it when it covers the whole day
 * the homework was assigned on — a whole-day request, or session requests that together cover
 * every session of that day. Leave for part of the day (上午/下午/第N节 while other classes that
 * day remain) does not: the trainee is in class that day and the homework stands. An excused
 * trainee is not reminded, not counted as missing it (缺交) and shows as 请假 on its board; one
 * who hands it in anyway counts as having handed it in.
 */
export function leaveCoversDay(leaves: readonly LeaveLike[], userId: string, day: string, sessions: readonly Pick<Session, 'id' | 'day' | 'cancelled'>[]): boolean {
  const mine = leaves.filter((l) => l.userId === userId && l.status === 'approved' && l.day === day);
  if (mine.some((l) => !l.sessionId)) return true;
  const ofDay = sessions.filter((s) => s.day === day && !s.cancelled);
  return ofDay.length > 0 && ofDay.every((s) => mine.some((l) => leaveCovers(l, s)));
}

/** The trainees (user ids) whose approved leave excuses them from a homework (`leaveCoversDay`). */
export function excusedFromHomework(leaves: readonly LeaveLike[], homework: Pick<Homework, 'day'>, sessions: readonly Pick<Session, 'id' | 'day' | 'cancelled'>[]): Set<string> {
  return new Set(leaves.filter((l) => leaveCoversDay(leaves, l.userId, homework.day, sessions)).map((l) => l.userId));
}

/** Reads the approved leave and the sessions of a homework's day and returns who that leave excuses from the homework. */
export async function approvedLeaveForHomework(stores: Pick<Stores, 'leave' | 'sessions'>, homework: Pick<Homework, 'cohortId' | 'day'>): Promise<Set<string>> {
  const [leaves, sessions] = await Promise.all([stores.leave.listApprovedForDay(homework.cohortId, homework.day), stores.sessions.listByCohort(homework.cohortId)]);
  return excusedFromHomework(leaves, homework, sessions);
}
