import type { Attendance, Session } from '../../domain/types';
import { formatSessionLine } from '../cohorts';
import { ATTENDANCE_STATUS_NAMES as NAMES, EARLY_LEAVE, lateMinutes, NOT_SIGNED_IN } from './texts';

/** A trainee's attendance over the cohort, as 我的 shows it. */
export function summariseAttendance(sessions: Session[], records: Attendance[], tz: string, now: Date): string {
  const bySession = new Map(records.map((r) => [r.sessionId, r]));
  const count = (s: Attendance['status']) => records.filter((r) => r.status === s).length;
  const early = records.filter((r) => r.earlyLeave).length;
  const lines = [
    `出勤：${NAMES.on_time} ${count('on_time')} · ${NAMES.late} ${count('late')} · ${NAMES.absent} ${count('absent')} · ${NAMES.leave} ${count('leave')} · ${EARLY_LEAVE} ${early}`,
  ];
  for (const s of sessions.filter((x) => x.startsAt.getTime() <= now.getTime())) {
    const r = bySession.get(s.id);
    const mark = r
      ? NAMES[r.status] + (r.status === 'late' ? ` ${lateMinutes(r.minutesLate)}` : '') + (r.earlyLeave ? `·${EARLY_LEAVE}` : '')
      : s.closedAt
        ? NAMES.absent
        : NOT_SIGNED_IN;
    lines.push(`${formatSessionLine(s, tz)}：${mark}`);
  }
  return lines.join('\n');
}
