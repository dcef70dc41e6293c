import { AppError } from '../../kernel/app-error';
import type { ChatUser, Platform } from '../../platform/chat-event';
import type { Cohort, Session } from '../../domain/types';
import type { Stores } from '../../stores/create-stores';
import type { LeaveRequest } from '../../domain/types';
import { DateTime } from 'luxon';
import { localDay } from '../../kernel/local-time';
import { partOfDay, placeDay, type LeaveWhen } from './leave-when';
import { formatSessionLine, sessionNumberUnknown } from '../cohorts';
import { leaveCovers } from './leave-covers';
import { DAY_MISSING, dayNote, dayOutsideCohort, dayUnreadable, leaveAlreadyDecided, leaveLine, leaveNotFound, noClassInPart, severalDays, severalInPart, wholeDay } from './texts';

/** Files a leave request for a day or a session (seed: 培训会场制度 (2) 请假制度), for when the message says. */
export async function requestLeave(
  stores: Stores,
  input: { cohort: Cohort; platform: Platform; user: ChatUser; reason: string; when: LeaveWhen; at: Date; eventId: string },
): Promise<{ request: LeaveRequest; session: Session | null }> {
  const { cohort } = input;
  const sessions = await stores.sessions.listByCohort(cohort.id);
  const { day, session } = leaveTarget(input.when, sessions, input.at, cohort.timezone);
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

/**
 * The day, and the session when one is meant, that a 请假 asks for. 第N节 names a session; a
 * day named (明天, 周三, 12月5日) with 上午/下午 names that part's session. With no day named,
 * 上午/下午 means today, and a bare 请假 means today only while today still has class; when the
 * day is not clear (none named out of class hours, two days named, no class in that part) the
 * trainee is asked, never guessed for.
 */
export function leaveTarget(when: LeaveWhen, sessions: Session[], at: Date, tz: string): { day: string; session: Session | null } {
  const today = localDay(at, tz);
  if (when.sessionNo !== undefined) {
    const session = sessions[when.sessionNo - 1];
    if (!session) throw new AppError('LEAVE_SESSION_UNKNOWN', sessionNumberUnknown(when.sessionNo));
    return { day: session.day, session };
  }
  const named = [...new Set(when.days.map((d) => placeDay(d, today)))];
  const unreadable = when.days.find((d) => placeDay(d, today) === null);
  if (unreadable) throw new AppError('LEAVE_DAY_UNREADABLE', dayUnreadable(unreadable.word));
  if (named.length > 1) throw new AppError('LEAVE_DAYS_SEVERAL', severalDays(named.filter((d): d is string => d !== null)));
  let day = named[0] ?? null;
  if (!day) {
    const classLeftToday = sessions.some((s) => s.day === today && s.endsAt.getTime() > at.getTime());
    if (!when.part && !classLeftToday) throw new AppError('LEAVE_DAY_MISSING', DAY_MISSING);
    day = today;
  }
  if (!when.part) return { day, session: null };
  const part = when.part;
  const inPart = sessions.filter((s) => s.day === day && partOfDay(DateTime.fromJSDate(s.startsAt, { zone: tz }).hour) === part);
  if (inPart.length === 0) throw new AppError('LEAVE_PART_EMPTY', noClassInPart(day, part));
  if (inPart.length > 1) throw new AppError('LEAVE_PART_SEVERAL', severalInPart(day, part, inPart.map((s) => sessions.indexOf(s) + 1)));
  return { day, session: inPart[0]! };
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

/** How a request reads in chat: the session or the whole day, with its weekday and 今天/明天 as seen on `today`. */
export function describeLeave(request: LeaveRequest, session: Session | null, tz: string, today: string): string {
  const what = session ? `${formatSessionLine(session, tz)}${dayNote(request.day, today)}` : wholeDay(`${request.day.slice(5)}${dayNote(request.day, today)}`);
  return leaveLine(what, request.reason);
}
