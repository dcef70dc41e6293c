import type { Attendance, AttendanceStatus, Member, Session } from '../../domain/types';
import { missingStatus, type LeaveLike } from '../leave';
import type { ScorecardAttendanceDay } from './scorecard';

/** What the scorecard's attendance figures are read from: the cohort's data as the stores return it. */
export interface ScorecardAttendanceSource {
  /** The cohort's sessions (every lecturer's); cancelled ones never count. */
  sessions: Pick<Session, 'id' | 'day' | 'endsAt' | 'cancelled'>[];
  trainees: Pick<Member, 'userId' | 'joinedAt'>[];
  attendance: Pick<Attendance, 'sessionId' | 'userId' | 'status'>[];
  leave: LeaveLike[];
}

/**
 * Attendance of each of `days` for the attendance-drop criterion (SPEC §3.5), counted per trainee
 * and session (人次) over the day's sessions, as the digest counts it. A trainee enrolled at a
 * session (joined by its end) is present when signed in on time or late; with no record they are
 * on leave only when approved leave covers that session (`missingStatus`: the whole day, or
 * that session), else absent. So leave for the morning does not excuse missing the afternoon.
 */
export function scorecardAttendance(days: readonly string[], source: ScorecardAttendanceSource): ScorecardAttendanceDay[] {
  const records = new Map(source.attendance.map((r) => [`${r.sessionId}\u0000${r.userId}`, r.status]));
  return days.map((day) => {
    const figures: ScorecardAttendanceDay = { day, places: 0, present: 0, onLeave: 0 };
    for (const session of source.sessions.filter((s) => s.day === day && !s.cancelled)) {
      for (const trainee of source.trainees.filter((t) => t.joinedAt.getTime() <= session.endsAt.getTime())) {
        const status: AttendanceStatus = records.get(`${session.id}\u0000${trainee.userId}`) ?? missingStatus(source.leave, session, trainee.userId);
        figures.places += 1;
        if (status === 'on_time' || status === 'late') figures.present += 1;
        if (status === 'leave') figures.onLeave += 1;
      }
    }
    return figures;
  });
}
