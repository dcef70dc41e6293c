import { isEarlyLeave, judgeSignIn, pickSignInSession } from '../../../../src/features/attendance/attendance-rules';
import type { CohortSettings } from '../../../../src/domain/types';

const settings: CohortSettings = { signInOpensMinutes: 30, arriveEarlyMinutes: 5, flagNotEarly: false };
const session = { id: 's1', startsAt: new Date('2027-03-01T09:00:00+08:00'), endsAt: new Date('2027-03-01T12:00:00+08:00'), cancelled: false };
const t = (hhmmss: string) => new Date(`2027-03-01T${hhmmss}+08:00`);

describe('judgeSignIn (SPEC §3.1 windows)', () => {
  it('is not open one second before start − 30 min', () => {
    expect(judgeSignIn(session, t('08:29:59'), settings)).toEqual({ kind: 'not_open', opensAt: t('08:30:00') });
  });
  it('opens exactly at start − 30 min, on time', () => {
    expect(judgeSignIn(session, t('08:30:00'), settings)).toMatchObject({ kind: 'ok', status: 'on_time', notEarly: false });
  });
  it('is on time and not flagged exactly at start − 5 min', () => {
    expect(judgeSignIn(session, t('08:55:00'), settings)).toMatchObject({ kind: 'ok', status: 'on_time', notEarly: false });
  });
  it('is on time but not flagged after start − 5 min when the cohort does not ask', () => {
    expect(judgeSignIn(session, t('08:55:01'), settings)).toMatchObject({ kind: 'ok', status: 'on_time', notEarly: false });
  });
  it('flags 未提前入场 after start − 5 min when the cohort enables it', () => {
    expect(judgeSignIn(session, t('08:55:01'), { ...settings, flagNotEarly: true })).toMatchObject({ status: 'on_time', notEarly: true });
  });
  it('is still on time exactly at the start', () => {
    expect(judgeSignIn(session, t('09:00:00'), { ...settings, flagNotEarly: true })).toMatchObject({ status: 'on_time', notEarly: true, minutesLate: 0 });
  });
  it('is late one second after the start, by at least one minute', () => {
    expect(judgeSignIn(session, t('09:00:01'), settings)).toEqual({ kind: 'ok', status: 'late', notEarly: false, minutesLate: 1 });
  });
  it('counts whole minutes late', () => {
    expect(judgeSignIn(session, t('09:12:59'), settings)).toMatchObject({ status: 'late', minutesLate: 12 });
  });
  it('is still late exactly at the end', () => {
    expect(judgeSignIn(session, t('12:00:00'), settings)).toMatchObject({ status: 'late', minutesLate: 180 });
  });
  it('is closed after the end', () => {
    expect(judgeSignIn(session, t('12:00:01'), settings)).toEqual({ kind: 'closed' });
  });
  it('follows a cohort that opens sign-in earlier', () => {
    expect(judgeSignIn(session, t('08:15:00'), { ...settings, signInOpensMinutes: 45 })).toMatchObject({ kind: 'ok' });
  });
});

describe('isEarlyLeave', () => {
  it('is early leave before the end without approved leave', () => {
    expect(isEarlyLeave(session, t('11:59:59'), false)).toBe(true);
  });
  it('is not early leave with approved leave', () => {
    expect(isEarlyLeave(session, t('10:00:00'), true)).toBe(false);
  });
  it('is not early leave at the end', () => {
    expect(isEarlyLeave(session, t('12:00:00'), false)).toBe(false);
  });
});

describe('pickSignInSession', () => {
  const afternoon = { id: 's2', startsAt: t('13:30:00'), endsAt: t('16:30:00'), cancelled: false };
  it('picks the session whose window is open', () => {
    expect(pickSignInSession([afternoon, session], t('13:05:00'), settings)?.id).toBe('s2');
  });
  it('returns null between windows', () => {
    expect(pickSignInSession([session, afternoon], t('12:30:00'), settings)).toBeNull();
  });
  it('skips a cancelled session', () => {
    expect(pickSignInSession([{ ...session, cancelled: true }], t('09:10:00'), settings)).toBeNull();
  });
  it('moves to the next open session when the trainee already signed the earlier one', () => {
    const back = { id: 's3', startsAt: t('12:10:00'), endsAt: t('13:00:00'), cancelled: false };
    expect(pickSignInSession([session, back], t('11:50:00'), settings, (id) => id === 's1')?.id).toBe('s3');
  });
});
