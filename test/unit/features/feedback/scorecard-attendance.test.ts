import { evaluateScorecard, type ScorecardInput } from '../../../../src/features/feedback/scorecard';
import { scorecardAttendance, type ScorecardAttendanceSource } from '../../../../src/features/feedback/scorecard-attendance';

const D1 = '2027-03-01';
const D2 = '2027-03-02';
const at = (day: string, hm: string) => new Date(`${day}T${hm}:00+08:00`);
const session = (id: string, day: string, end: string, cancelled = false) => ({ id, day, endsAt: at(day, end), cancelled });
const TRAINEES = ['t1', 't2', 't3', 't4'].map((userId) => ({ userId, joinedAt: at(D1, '08:00') }));
const present = (sessionId: string, ...userIds: string[]) => userIds.map((userId) => ({ sessionId, userId, status: 'on_time' as const }));

/**
 * Two training days of two sessions each (am, pm), four trainees. Day one: everyone at both
 * sessions. Day two: t1–t3 at both; t4 has approved leave for the morning only and does not come
 * in the afternoon either, so t4 is absent from the afternoon.
 */
function source(): ScorecardAttendanceSource {
  return {
    sessions: [session('d1-am', D1, '12:00'), session('d1-pm', D1, '17:00'), session('d2-am', D2, '12:00'), session('d2-pm', D2, '17:00')],
    trainees: TRAINEES,
    attendance: [
      ...present('d1-am', 't1', 't2', 't3', 't4'),
      ...present('d1-pm', 't1', 't2', 't3', 't4'),
      ...present('d2-am', 't1', 't2', 't3'),
      ...present('d2-pm', 't1', 't2', 't3'),
    ],
    leave: [{ userId: 't4', day: D2, sessionId: 'd2-am', status: 'approved' }],
  };
}

describe('scorecardAttendance: the attendance-drop figures per day (SPEC §3.5 criterion 3)', () => {
  it('excuses leave for one session from that session only: the afternoon it was not for counts as absent', () => {
    expect(scorecardAttendance([D1, D2], source())).toEqual([
      { day: D1, places: 8, present: 8, onLeave: 0 },
      { day: D2, places: 8, present: 6, onLeave: 1 },
    ]);
  });

  it('gives the scorecard 6 of 7 expected on day two, not 3 of 3 trainees with the whole day excused', () => {
    const drop = evaluateScorecard({ ...passingRest(), attendance: scorecardAttendance([D1, D2], source()) }).attendanceDrop;
    expect(drop.days.map((d) => [d.day, d.present, d.expected])).toEqual([
      [D1, 8, 8],
      [D2, 6, 7],
    ]);
    expect(drop.days[1]?.rate).toBeCloseTo(6 / 7);
  });

  it('fails the drop criterion when trainees take morning leave and skip the afternoon too', () => {
    const s = source();
    s.attendance = [...present('d1-am', 't1', 't2', 't3', 't4'), ...present('d1-pm', 't1', 't2', 't3', 't4'), ...present('d2-am', 't1'), ...present('d2-pm', 't1')];
    s.leave = ['t2', 't3', 't4'].map((userId) => ({ userId, day: D2, sessionId: 'd2-am', status: 'approved' as const }));
    const drop = evaluateScorecard({ ...passingRest(), attendance: scorecardAttendance([D1, D2], s) }).attendanceDrop;
    expect(drop.days[1]).toMatchObject({ present: 2, expected: 5, rate: 0.4, belowFloor: true });
    expect(drop).toMatchObject({ status: 'fail', dropDay: D2 });
  });

  it('excuses whole-day leave from every session of the day, and pending leave from none', () => {
    const s = source();
    s.leave = [
      { userId: 't4', day: D2, status: 'approved' },
      { userId: 't3', day: D2, status: 'pending' },
    ];
    s.attendance = s.attendance.filter((r) => !(r.userId === 't3' && r.sessionId === 'd2-pm'));
    expect(scorecardAttendance([D2], s)).toEqual([{ day: D2, places: 8, present: 5, onLeave: 2 }]);
  });

  it('counts a trainee only at sessions ending after they joined', () => {
    const s = source();
    s.trainees = [...TRAINEES, { userId: 'late-joiner', joinedAt: at(D2, '13:00') }];
    expect(scorecardAttendance([D2], s)).toEqual([{ day: D2, places: 9, present: 6, onLeave: 1 }]);
  });

  it('leaves cancelled sessions out, with the leave for them', () => {
    const s = source();
    s.sessions = s.sessions.map((x) => (x.id === 'd2-am' ? { ...x, cancelled: true } : x));
    expect(scorecardAttendance([D2], s)).toEqual([{ day: D2, places: 4, present: 3, onLeave: 0 }]);
  });
});

/** The other criteria's input, passing, so only the attendance figures matter. */
function passingRest(): ScorecardInput {
  return {
    lecturerName: '王老师',
    cohort: { name: '母婴护理班', startDate: D1, timezone: 'Asia/Shanghai' },
    trainingDays: [D1, D2],
    hours: [],
    homework: [],
    sessions: [],
    questions: { asked: 0, answered: 0 },
    attendance: [],
    satisfactionScores: [],
  };
}
