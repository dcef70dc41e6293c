import type { Attendance, Session } from '../../domain/types';
import { formatSessionLine } from '../cohorts';

const STATUS_NAMES: Record<Attendance['status'], string> = { on_time: '准时', late: '迟到', absent: '缺勤', leave: '请假' };

/** A trainee's attendance over the cohort, as 我的 shows it. */
export function summariseAttendance(sessions: Session[], records: Attendance[], tz: string, now: Date): string {
  const bySession = new Map(records.map((r) => [r.sessionId, r]));
  const count = (s: Attendance['status']) => records.filter((r) => r.status === s).length;
  const early = records.filter((r) => r.earlyLeave).length;
  const lines = [
    `出勤：准时 ${count('on_time')} · 迟到 ${count('late')} · 缺勤 ${count('absent')} · 请假 ${count('leave')} · 早退 ${early}`,
  ];
  for (const s of sessions.filter((x) => x.startsAt.getTime() <= now.getTime())) {
    const r = bySession.get(s.id);
    const mark = r ? STATUS_NAMES[r.status] + (r.status === 'late' ? ` ${r.minutesLate}分钟` : '') + (r.earlyLeave ? '·早退' : '') : s.closedAt ? '缺勤' : '未签到';
    lines.push(`${formatSessionLine(s, tz)}：${mark}`);
  }
  return lines.join('\n');
}
