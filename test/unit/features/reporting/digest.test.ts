import type { Attendance, Member, Session } from '../../../../src/domain/types';
import { computeDigest, type DigestInput } from '../../../../src/features/reporting/digest';

const TZ = 'Asia/Shanghai';
const D1 = '2027-03-01';
const D2 = '2027-03-02';
const D3 = '2027-03-03';
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

const NAMES = ['张三', '李四', '王五', '赵六', '孙七', '周八'] as const;
type Person = { userId: string; name: string };
const [T1, T2, T3, T4, T5, T6] = NAMES.map((name, i) => ({ userId: `u${i + 1}`, name })) as [Person, Person, Person, Person, Person, Person];
const trainee = (u: { userId: string; name: string }, joinedAt = at('2027-02-28', '10:00')): Member => ({
  cohortId: 'c1',
  platform: 'wechaty',
  userId: u.userId,
  name: u.name,
  roles: ['trainee'],
  active: true,
  joinedAt,
});

const session = (id: string, day: string, from: string, to: string, extra: Partial<Session> = {}): Session => ({
  id,
  cohortId: 'c1',
  day,
  startsAt: at(day, from),
  endsAt: at(day, to),
  title: id,
  lecturerName: '王老师',
  cancelled: false,
  ...extra,
});

type Rec = DigestInput['attendance'][number];
const rec = (sessionId: string, u: { userId: string }, status: Attendance['status'], minutesLate = 0): Rec => ({
  sessionId,
  platform: 'wechaty',
  userId: u.userId,
  status,
  minutesLate,
});

type Sub = DigestInput['submissions'][number];
const sub = (homeworkId: string, u: { userId: string }, submittedAt: Date, late: boolean, reviewedAt?: Date, version = 1): Sub => ({
  homeworkId,
  platform: 'wechaty',
  userId: u.userId,
  version,
  submittedAt,
  late,
  ...(reviewedAt ? { review: { score: 8, comment: '好', reviewedBy: 'lec', reviewedAt } } : {}),
});

/**
 * Six trainees, two training days of two sessions (09:00-12:00, 13:30-16:30).
 * Day 1: 张三/赵六 on time; 李四 late 12 min (pm); 王五 late 5 min (am); 孙七 on approved leave; 周八 absent twice → 8/10.
 * Day 2: 赵六 on approved leave; 张三 on time; 李四 late 3 min (pm); 王五 absent pm; 孙七 absent am, late 20 min pm;
 * 周八 absent twice (a pending request does not excuse) → 6/10.
 */
function cohort(): DigestInput {
  return {
    cohort: { id: 'c1', name: '交城县电商培训第3期', code: 'JC2703', startDate: D1, endDate: D2, timezone: TZ, timetableFirstProvidedAt: at('2027-02-27', '18:00') },
    sessions: [
      session('s1', D1, '09:00', '12:00', { closedAt: at(D1, '12:00') }),
      session('s2', D1, '13:30', '16:30'),
      session('s3', D2, '09:00', '12:00'),
      // The lecturer ended the afternoon half an hour early: day 2 has 5.5 h.
      session('s4', D2, '13:30', '16:30', { actualStart: at(D2, '13:30'), actualEnd: at(D2, '16:00') }),
      session('s5', D2, '18:00', '20:00', { cancelled: true }),
    ],
    members: [
      trainee(T1), trainee(T2), trainee(T3), trainee(T4), trainee(T5), trainee(T6),
      { cohortId: 'c1', platform: 'wechaty', userId: 'lec', name: '王老师', roles: ['lecturer'], active: true, joinedAt: at('2027-02-27', '10:00') },
      { ...trainee({ userId: 'gone', name: '吴九' }), active: false },
    ],
    attendance: [
      rec('s1', T1, 'on_time'), rec('s2', T1, 'on_time'),
      rec('s1', T2, 'on_time'), rec('s2', T2, 'late', 12),
      rec('s1', T3, 'late', 5), rec('s2', T3, 'on_time'),
      rec('s1', T4, 'on_time'), rec('s2', T4, 'on_time'),
      rec('s1', T5, 'leave'),
      rec('s1', T6, 'absent'),
      rec('s3', T1, 'on_time'), rec('s4', T1, 'on_time'),
      rec('s3', T2, 'on_time'), rec('s4', T2, 'late', 3),
      rec('s3', T3, 'on_time'),
      rec('s4', T5, 'late', 20),
      // Someone who is no trainee (any more) never counts.
      rec('s3', { userId: 'gone' }, 'on_time'),
    ],
    leave: [
      { no: 1, platform: 'wechaty', userId: T5.userId, name: T5.name, day: D1, status: 'approved' },
      { no: 2, platform: 'wechaty', userId: T4.userId, name: T4.name, day: D2, status: 'approved' },
      { no: 3, platform: 'wechaty', userId: T6.userId, name: T6.name, day: D2, status: 'pending' },
      { no: 4, platform: 'wechaty', userId: T1.userId, name: T1.name, day: D2, status: 'rejected' },
      { no: 5, platform: 'wechaty', userId: T2.userId, name: T2.name, day: D3, sessionId: 's9', status: 'pending' },
    ],
    homework: [
      { id: 'h1', day: D1, seq: 1, deadline: at(D1, '23:59') },
      { id: 'h2', day: D2, seq: 1, deadline: at(D2, '21:00') },
    ],
    submissions: [
      sub('h1', T1, at(D1, '19:00'), false, at(D2, '10:00')),
      sub('h1', T2, at(D1, '20:00'), false, at(D2, '10:05')),
      sub('h1', T3, at(D2, '08:00'), true),
      // 赵六 resubmitted after the review: the new version waits for one.
      sub('h1', T4, at(D1, '21:00'), false, at(D1, '22:00')),
      sub('h1', T4, at(D2, '07:00'), true, undefined, 2),
      sub('h2', T1, at(D2, '18:00'), false, at(D2, '22:00')),
      sub('h2', T2, at(D2, '19:00'), false),
      sub('h2', T4, at(D2, '20:00'), false),
      sub('h2', T5, at(D2, '21:30'), true),
      sub('h2', { userId: 'lec' }, at(D2, '19:30'), false),
    ],
    moderation: [
      { kind: 'escalate', at: at(D1, '15:00') },
      { kind: 'warn', at: at(D2, '10:00') },
      { kind: 'warn', at: at(D2, '11:00'), undoneAt: at(D2, '11:30') },
      { kind: 'mute', at: at(D2, '11:05') },
      { kind: 'flood', at: at(D3, '00:30') },
    ],
    progress: { surveys: { sent: 6, answered: 3 } },
  };
}

describe('computeDigest', () => {
  it('counts attendance per trainee and session: 8 of 10 expected on day one when one of six is on leave', () => {
    const a = computeDigest(cohort(), D1).attendance;
    expect(a).toMatchObject({ sessionsHeld: 2, sessionsPending: 0, places: 12, present: 8, late: 2, absent: 2, onLeave: 2, expected: 10, rate: 0.8, trainees: 6 });
    expect(a.lateNames).toEqual([{ name: '李四', minutes: [12] }, { name: '王五', minutes: [5] }]);
    expect(a.absentNames).toEqual([{ name: '周八', sessions: 2 }]);
    expect(a.leaveNames).toEqual([{ name: '孙七', sessions: 2 }]);
  });

  it('gives day two 6 of 10: a pending request is no leave, a rejected one changes nothing, cancelled sessions never count', () => {
    const d = computeDigest(cohort(), D2);
    expect(d.attendance).toMatchObject({ sessionsHeld: 2, places: 12, present: 6, absent: 4, onLeave: 2, expected: 10, rate: 0.6 });
    expect(d.attendance.lateNames).toEqual([{ name: '李四', minutes: [3] }, { name: '孙七', minutes: [20] }]);
    expect(d.attendance.absentNames).toEqual([{ name: '王五', sessions: 1 }, { name: '孙七', sessions: 1 }, { name: '周八', sessions: 2 }]);
    expect(d.attendance.leaveNames).toEqual([{ name: '赵六', sessions: 2 }]);
    expect(d.dayNo).toBe(2);
    expect(d.trainingDays).toBe(2);
  });

  it('leaves sessions that have not ended out of the figures when given the present instant', () => {
    const d = computeDigest(cohort(), D2, { now: at(D2, '12:30') });
    expect(d.asOf).toEqual(at(D2, '12:30'));
    expect(d.attendance).toMatchObject({ sessionsHeld: 1, sessionsPending: 1, present: 3, absent: 2, onLeave: 1, expected: 5, rate: 0.6 });
  });

  it('counts a trainee who joined during the day only for the sessions after they joined', () => {
    const input = cohort();
    input.members.push(trainee({ userId: 'u7', name: '郑十' }, at(D2, '12:30')));
    const a = computeDigest(input, D2).attendance;
    expect(a.places).toBe(13);
    expect(a.absentNames).toContainEqual({ name: '郑十', sessions: 1 });
  });

  it('reports the day’s homework: distinct submitters, late ones and reviews, trainees only', () => {
    const d = computeDigest(cohort(), D2);
    expect(d.homework.items).toEqual([
      { id: 'h2', seq: 1, deadline: at(D2, '21:00'), deadlinePassed: true, expected: 6, onLeave: 0, submitted: 4, late: 1, reviewed: 1 },
    ]);
  });

  it('excuses a homework for approved leave covering its whole day: out of expected, not missed; leave for one session does not', () => {
    const input = cohort();
    // Day one: 孙七 on leave all day (excused from h1); 周八 on leave for the morning only (not excused).
    input.leave.push({ no: 6, platform: 'wechaty', userId: T6.userId, name: T6.name, day: D1, sessionId: 's1', status: 'approved' });
    const d = computeDigest(input, D1);
    expect(d.homework.items).toEqual([
      { id: 'h1', seq: 1, deadline: at(D1, '23:59'), deadlinePassed: true, expected: 5, onLeave: 1, submitted: 3, late: 0, reviewed: 1 },
    ]);
    expect(d.atRisk.map((r) => r.name)).toEqual(['周八', '王五']);
    // Leave for each session of the day together covers the day.
    input.leave.push({ no: 7, platform: 'wechaty', userId: T6.userId, name: T6.name, day: D1, sessionId: 's2', status: 'approved' });
    expect(computeDigest(input, D1).homework.items[0]).toMatchObject({ expected: 4, onLeave: 2 });
  });

  it('still counts a submission from a trainee on leave as handed in', () => {
    const d = computeDigest(cohort(), D2);
    // 赵六 was on leave all of day two and handed h2 in anyway.
    expect(d.homework.items[0]).toMatchObject({ expected: 6, onLeave: 0, submitted: 4 });
  });

  it('lists earlier homework still unreviewed: due today on the next day, overdue the day after (seed (三)2)', () => {
    expect(computeDigest(cohort(), D2).homework.reviewBacklog).toEqual([
      { id: 'h1', day: D1, seq: 1, unreviewed: 2, dueDay: D2, overdue: false },
    ]);
    expect(computeDigest(cohort(), D3).homework.reviewBacklog).toEqual([
      { id: 'h1', day: D1, seq: 1, unreviewed: 2, dueDay: D2, overdue: true },
      { id: 'h2', day: D2, seq: 1, unreviewed: 3, dueDay: D3, overdue: false },
    ]);
  });

  it('counts the day’s moderation events by kind, undone ones included and noted', () => {
    expect(computeDigest(cohort(), D2).moderation).toEqual({ total: 3, byKind: { warn: 2, mute: 1 }, undone: 1 });
  });

  it('lists pending leave requests by number, name and day', () => {
    expect(computeDigest(cohort(), D2).pendingLeave).toEqual([
      { no: 3, name: '周八', day: D2 },
      { no: 5, name: '李四', day: D3 },
    ]);
  });

  it('flags trainees with two absences so far, two missed homework, or the latest due homework missed', () => {
    expect(computeDigest(cohort(), D2).atRisk).toEqual([
      { name: '周八', absences: 4, missedHomework: 2, missedLatest: true },
      { name: '王五', absences: 1, missedHomework: 1, missedLatest: true },
    ]);
    // After day one: 周八's two absences flag him; day one's homework was due at 23:59 and 王五 handed it in only the next morning.
    // 孙七 did not hand it in either, but was on approved leave all of day one: excused, not at risk.
    expect(computeDigest(cohort(), D1).atRisk).toEqual([
      { name: '周八', absences: 2, missedHomework: 1, missedLatest: true },
      { name: '王五', absences: 0, missedHomework: 1, missedLatest: true },
    ]);
  });

  it('judges at-risk homework at the present instant: a deadline not passed yet is not missed', () => {
    const risk = computeDigest(cohort(), D2, { now: at(D2, '12:30') }).atRisk;
    // h2 (due 21:00) is not missed yet; h1 is, but 孙七 was excused from it by leave for day one.
    expect(risk).toEqual([{ name: '周八', absences: 3, missedHomework: 1, missedLatest: true }]);
  });

  it('reports lecturer compliance so far: 6 h a day (5.5 h on day two), daily homework, timetable before the start', () => {
    const l = computeDigest(cohort(), D2).lecturer;
    expect(l).toEqual({
      lecturers: ['王老师'],
      minHoursPerDay: 6,
      days: [
        { day: D1, hours: 6, source: 'timetable', hoursOk: true, homeworkAssigned: true },
        { day: D2, hours: 5.5, source: 'mixed', hoursOk: false, homeworkAssigned: true },
      ],
      shortDays: [D2],
      homeworkMissingDays: [],
      timetable: 'before_start',
      timetableProvidedAt: at('2027-02-27', '18:00'),
    });
  });

  it('names a training day without homework and a timetable given after the start', () => {
    const input = cohort();
    input.homework = input.homework.filter((h) => h.day !== D2);
    input.cohort.timetableFirstProvidedAt = at(D1, '08:00');
    const l = computeDigest(input, D2).lecturer;
    expect(l.homeworkMissingDays).toEqual([D2]);
    expect(l.timetable).toBe('after_start');
    input.cohort.timetableFirstProvidedAt = undefined;
    expect(computeDigest(input, D2).lecturer.timetable).toBe('missing');
  });

  it('compares each day’s rate with day one: day two at 60% is 75% of day one’s 80%', () => {
    expect(computeDigest(cohort(), D2).trend).toEqual([
      { day: D1, present: 8, expected: 10, rate: 0.8, ofDayOne: 1, belowFloor: false },
      { day: D2, present: 6, expected: 10, rate: 0.6, ofDayOne: 0.75, belowFloor: false },
    ]);
  });

  it('marks a day below half of day one as the scorecard’s drop line', () => {
    const input = cohort();
    input.attendance = input.attendance.filter((r) => !(r.sessionId === 's3' || r.sessionId === 's4') || r.userId === T1.userId);
    const day2 = computeDigest(input, D2).trend[1]!;
    expect(day2).toMatchObject({ present: 2, expected: 10, rate: 0.2, ofDayOne: 0.25, belowFloor: true });
  });

  it('reports survey progress when given and leaves follow-ups out when not', () => {
    expect(computeDigest(cohort(), D2).progress).toEqual({ surveys: { total: 6, answered: 3, share: 0.5 } });
    expect(computeDigest({ ...cohort(), progress: undefined }, D2).progress).toEqual({});
  });

  it('masks phone numbers in names with the kernel policy', () => {
    const input = cohort();
    const nicknames: Record<string, string> = { 王五: '王五 139-1234-5678', 周八: '周八１３９１２３４５６７８' };
    input.members = input.members.map((m) => ({ ...m, name: nicknames[m.name] ?? m.name }));
    const names = JSON.stringify(computeDigest(input, D2));
    expect(names).toContain('王五 139****5678');
    expect(names).toContain('周八139****5678');
    expect(names).not.toMatch(/1234|１２３４/);
  });
});
