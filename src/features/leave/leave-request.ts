import { AppError } from '../../kernel/app-error';
import type { ChatUser, Platform } from '../../platform/chat-event';
import type { Cohort, Session } from '../../domain/types';
import type { Stores } from '../../stores/create-stores';
import type { LeaveRequest } from '../../domain/types';
import { localDay, parseLocalDate } from '../../kernel/local-time';
import { formatSessionLine, sessionNumberUnknown } from '../cohorts';
import { leaveCovers } from './leave-covers';
import { dayOutsideCohort, leaveAlreadyDecided, leaveLine, leaveNotFound, wholeDay } from './texts';

/** What a trainee asked leave for: a whole day, or one numbered session of the timetable. */
export interface LeaveTarget {
  day?: string;
  sessionNo?: number;
}

/**
 * Reads the optional date or session at the end of a 请假 message: `03-02`, `12月1日`,
 * `第2节` (the number shown in 课表). Returns the reason without it.
 */
export function parseLeaveArgs(tokens: string[], year: number): { reason: string; target: LeaveTarget } {
  const rest = [...tokens];
  const target: LeaveTarget = {};
  for (let i = 0; i < 2 && rest.length > 1; i++) {
    const last = rest[rest.length - 1]!;
    const day = parseLocalDate(last, year);
    const no = /^第?(\d{1,3})[节课]$/.exec(last);
    if (day && !target.day) target.day = day;
    else if (no && target.sessionNo === undefined) target.sessionNo = Number(no[1]);
    else break;
    rest.pop();
  }
  return { reason: rest.join(' ').trim(), target };
}

/** Files a leave request for a day or a session (seed: 培训会场制度 (2) 请假制度). */
export async function requestLeave(
  stores: Stores,
  input: { cohort: Cohort; platform: Platform; user: ChatUser; reason: string; target: LeaveTarget; at: Date; eventId: string },
): Promise<{ request: LeaveRequest; session: Session | null }> {
  const { cohort, target } = input;
  const sessions = await stores.sessions.listByCohort(cohort.id);
  let session: Session | null = null;
  let day: string;
  if (target.sessionNo !== undefined) {
    session = sessions[target.sessionNo - 1] ?? null;
    if (!session) throw new AppError('LEAVE_SESSION_UNKNOWN', sessionNumberUnknown(target.sessionNo));
    day = session.day;
  } else if (target.day) {
    day = target.day;
  } else {
    // No date given: today if it has sessions still to come, else the next training day.
    const today = localDay(input.at, cohort.timezone);
    const next = sessions.find((s) => s.endsAt.getTime() > input.at.getTime());
    day = next ? (next.day < today ? today : next.day) : today;
  }
  if (day < cohort.startDate || day > cohort.endDate) {
    throw new AppError('LEAVE_DAY_OUTSIDE', dayOutsideCohort(day, cohort.startDate, cohort.endDate));
  }
  const { request } = await stores.leave.create({
    cohortId: cohort.id,
    platform: input.platform,
    userId: input.user.id,
    name: input.user.name,
    day,
    sessionId: session?.id,
    reason: input.reason,
    requestedAt: input.at,
    sourceEventId: input.eventId,
  });
  return { request, session };
}

/** Staff decide a pending request; approved leave turns an absence already marked into leave. */
export async function decideLeave(
  stores: Stores,
  input: { cohort: Cohort; no: number; approve: boolean; by: string; at: Date; note: string },
): Promise<LeaveRequest> {
  const existing = await stores.leave.findByNo(input.cohort.id, input.no);
  if (!existing) throw new AppError('LEAVE_NOT_FOUND', leaveNotFound(input.no));
  const decided = await stores.leave.decide(input.cohort.id, input.no, input.approve ? 'approved' : 'rejected', input.by, input.at, input.note);
  if (!decided) throw new AppError('LEAVE_ALREADY_DECIDED', leaveAlreadyDecided(input.no, existing.status === 'approved'));
  if (decided.status === 'approved') {
    const sessions = (await stores.sessions.listByCohort(input.cohort.id)).filter((s) => leaveCovers(decided, s));
    await stores.attendance.absentToLeave(sessions.map((s) => s.id), decided.platform, decided.userId);
  }
  return decided;
}

/** How a request reads in chat. */
export function describeLeave(request: LeaveRequest, session: Session | null, tz: string): string {
  return leaveLine(session ? formatSessionLine(session, tz) : wholeDay(request.day), request.reason);
}
