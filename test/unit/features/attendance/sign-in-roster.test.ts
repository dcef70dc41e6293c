import { rosterSession } from '../../../../src/features/attendance/sign-in-roster.command';
import type { Session } from '../../../../src/domain/types';

const cohort = { timezone: 'Asia/Shanghai', settings: { signInOpensMinutes: 30, arriveEarlyMinutes: 5, flagNotEarly: false } };
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const session = (id: string, day: string, from: string, to: string, cancelled = false): Session => ({
  id, cohortId: 'c1', day, startsAt: at(day, from), endsAt: at(day, to), title: id, lecturerName: '', cancelled,
});
const D1 = '2027-03-01';
const sessions = [
  session('yesterday', '2027-02-28', '14:00', '17:00'),
  session('morning', D1, '09:00', '12:00'),
  session('cancelled', D1, '12:30', '13:30', true),
  session('afternoon', D1, '14:00', '17:00'),
  session('tomorrow', '2027-03-02', '09:00', '12:00'),
];

describe('rosterSession (which session 签到名单 lists)', () => {
  it('is the session whose sign-in is open, once it has opened', () => {
    expect(rosterSession(sessions, at(D1, '08:30'), cohort)?.id).toBe('morning');
    expect(rosterSession(sessions, at(D1, '10:00'), cohort)?.id).toBe('morning');
  });

  it('stays on the morning session until the afternoon one opens, skipping a cancelled one', () => {
    expect(rosterSession(sessions, at(D1, '13:29'), cohort)?.id).toBe('morning');
    expect(rosterSession(sessions, at(D1, '13:30'), cohort)?.id).toBe('afternoon');
    expect(rosterSession(sessions, at(D1, '20:00'), cohort)?.id).toBe('afternoon');
  });

  it('is none before the day’s first sign-in opens, never yesterday’s, in the cohort’s time zone', () => {
    expect(rosterSession(sessions, at(D1, '08:29'), cohort)).toBeNull();
    // 00:30 in Shanghai is still the 28th in UTC: the day is the cohort's.
    expect(rosterSession(sessions, at(D1, '00:30'), cohort)).toBeNull();
  });
});
