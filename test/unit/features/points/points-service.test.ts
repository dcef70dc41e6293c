import { tallyAttendance, type AttendanceInput } from '../../../../src/features/points/points-service';
import type { Attendance, AttendanceStatus, LeaveRequest, Member, Session } from '../../../../src/domain/types';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const session = (id: string, day: string, over: Partial<Session> = {}): Session => ({
  id,
  cohortId: 'c',
  day,
  startsAt: at(day, '09:00'),
  endsAt: at(day, '12:00'),
  title: id,
  lecturerName: '',
  cancelled: false,
  ...over,
});
const trainee = (userId: string, joinedAt = at('2027-02-28', '10:00')): Member => ({ cohortId: 'c', platform: 'wechaty', userId, name: userId, roles: ['trainee'], active: true, joinedAt });
const mark = (sessionId: string, userId: string, status: AttendanceStatus): Attendance => ({
  sessionId,
  cohortId: 'c',
  platform: 'wechaty',
  userId,
  name: userId,
  status,
  notEarly: false,
  minutesLate: 0,
  earlyLeave: false,
});
const leave = (userId: string, day: string, sessionId?: string): LeaveRequest => ({
  id: `l-${userId}`,
  cohortId: 'c',
  no: 1,
  platform: 'wechaty',
  userId,
  name: userId,
  day,
  sessionId,
  reason: '有事',
  status: 'approved',
  requestedAt: at('2027-02-28', '10:00'),
});

describe('tallyAttendance: sessions attended of those a trainee was expected at', () => {
  const sessions = [session('s1', '2027-03-01'), session('s2', '2027-03-02'), session('s3', '2027-03-03'), session('x', '2027-03-02', { cancelled: true, startsAt: at('2027-03-02', '14:00'), endsAt: at('2027-03-02', '17:00') })];
  const input: AttendanceInput = {
    sessions,
    trainees: [trainee('a'), trainee('b'), trainee('late-joiner', at('2027-03-02', '08:00'))],
    attendance: [mark('s1', 'a', 'on_time'), mark('s2', 'a', 'late'), mark('s1', 'b', 'leave'), mark('x', 'a', 'on_time')],
    approvedLeave: [leave('b', '2027-03-02')],
  };

  it('counts held sessions only, on time and late as present, cancelled ones never', () => {
    const tallies = tallyAttendance(input, at('2027-03-02', '18:00'));
    expect(tallies.get('a')).toEqual({ attended: 2, expected: 2 });
  });

  it('leaves out sessions approved leave excused, recorded or not', () => {
    expect(tallyAttendance(input, at('2027-03-02', '18:00')).get('b')).toEqual({ attended: 0, expected: 0 });
    expect(tallyAttendance(input, at('2027-03-03', '18:00')).get('b')).toEqual({ attended: 0, expected: 1 });
  });

  it('counts a session closed early as held, and none before a trainee joined', () => {
    const closedEarly = { ...input, sessions: sessions.map((s) => (s.id === 's3' ? { ...s, closedAt: at('2027-03-03', '11:00') } : s)) };
    const tallies = tallyAttendance(closedEarly, at('2027-03-03', '11:30'));
    expect(tallies.get('a')).toEqual({ attended: 2, expected: 3 });
    expect(tallies.get('late-joiner')).toEqual({ attended: 0, expected: 2 });
  });
});
