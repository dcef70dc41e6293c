import { DEFAULT_COHORT_SETTINGS, type Attendance, type Session } from '../../../../src/domain/types';
import { summariseAttendance } from '../../../../src/features/attendance/attendance-summary';
import { ATTENDANCE_STATUS_NAMES, signInSummary } from '../../../../src/features/attendance/texts';

const TZ = 'Asia/Shanghai';
const at = (hhmm: string) => new Date(`2027-03-01T${hhmm}:00+08:00`);

describe('attendance texts', () => {
  it('the 签到 summary states the minutes of the cohort it is shown in', () => {
    const text = signInSummary({ signInOpensMinutes: 20, arriveEarlyMinutes: 10, flagNotEarly: false });
    expect(text).toBe('上课签到（开课前 20 分钟开放，提前 10 分钟到场为准时）');
  });

  it('with the default settings the 签到 summary keeps the seed wording of 30 and 5 minutes', () => {
    expect(signInSummary(DEFAULT_COHORT_SETTINGS)).toBe('上课签到（开课前 30 分钟开放，提前 5 分钟到场为准时）');
  });

  it('我的 names every status with the one set of attendance status names', () => {
    const session = (id: string, from: string, to: string): Session => ({
      id, cohortId: 'c1', day: '2027-03-01', startsAt: at(from), endsAt: at(to), title: id, lecturerName: '', cancelled: false, closedAt: at(to),
    });
    const sessions = [session('s1', '08:00', '09:00'), session('s2', '09:00', '10:00'), session('s3', '10:00', '11:00'), session('s4', '11:00', '12:00')];
    const record = (sessionId: string, status: Attendance['status']): Attendance => ({
      sessionId, cohortId: 'c1', platform: 'wechaty', userId: 'u1', name: '张三', status, notEarly: false, minutesLate: status === 'late' ? 7 : 0, earlyLeave: false,
    });
    const records = [record('s1', 'on_time'), record('s2', 'late'), record('s3', 'absent'), record('s4', 'leave')];
    const lines = summariseAttendance(sessions, records, TZ, at('13:00')).split('\n');
    const names = ATTENDANCE_STATUS_NAMES;
    expect(lines[0]).toBe(`出勤：${names.on_time} 1 · ${names.late} 1 · ${names.absent} 1 · ${names.leave} 1 · 早退 0`);
    expect(lines.slice(1).map((l) => l.split('：')[1])).toEqual([names.on_time, `${names.late} 7分钟`, names.absent, names.leave]);
  });
});
