import { DEFAULT_SCORECARD_THRESHOLDS, evaluateScorecard, type ScorecardAttendanceDay, type ScorecardInput } from '../../../../src/features/feedback/scorecard';
import { hoursByDay } from '../../../../src/features/cohorts/teaching-hours';
import type { Session } from '../../../../src/domain/types';

const TZ = 'Asia/Shanghai';
const DAYS = ['2027-03-01', '2027-03-02', '2027-03-03'];
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const nextDay = (day: string) => {
  const i = DAYS.indexOf(day);
  return DAYS[i + 1] ?? '2027-03-04';
};

/** A lecturer who passes everything: 6 h a day, timetable two days early, daily homework reviewed next morning. */
function passing(): ScorecardInput {
  return {
    lecturerName: '王老师',
    cohort: { name: '交城县电商培训第3期', code: 'JC2703', startDate: '2027-03-01', timezone: TZ },
    trainingDays: [...DAYS],
    hours: DAYS.map((day) => ({ day, hours: 6, source: 'actual' as const })),
    timetableFirstProvidedAt: at('2027-02-27', '10:00'),
    homework: DAYS.map((day, i) => ({ id: `h${i + 1}`, day, title: `作业${i + 1}`, submissions: 20, reviewedSubmissions: 20, reviewedAt: at(nextDay(day), '09:00') })),
    sessions: DAYS.flatMap((day) => [
      { id: `${day}-am`, day, title: '上午课', startsAt: at(day, '09:00'), endsAt: at(day, '12:00'), actualEnd: at(day, '12:00'), cancelled: false },
      { id: `${day}-pm`, day, title: '下午课', startsAt: at(day, '13:30'), endsAt: at(day, '16:30'), actualEnd: at(day, '16:30'), cancelled: false },
    ]),
    questions: { asked: 10, answered: 8 },
    attendance: [
      { day: DAYS[0] as string, places: 40, present: 38, onLeave: 0 },
      { day: DAYS[1] as string, places: 40, present: 36, onLeave: 1 },
      { day: DAYS[2] as string, places: 40, present: 35, onLeave: 0 },
    ],
    satisfactionScores: [5, 5, 4, 4, 3],
  };
}

const attendance = (...rows: [present: number, places: number, onLeave?: number][]): ScorecardAttendanceDay[] =>
  rows.map(([present, places, onLeave], i) => ({ day: `2027-03-0${i + 1}`, present, places, onLeave: onLeave ?? 0 }));

describe('evaluateScorecard: the passing baseline', () => {
  it('passes every criterion and withholds nothing', () => {
    const card = evaluateScorecard({ ...passing(), feeYuan: 3000 });
    expect([card.requirements.status, card.interaction.status, card.attendanceDrop.status, card.feedback.status]).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(card.verdict).toEqual({ passed: true, failedCriteria: [], noDataCriteria: [], withheldShare: 0, feeYuan: 3000, withheldYuan: 0, payableYuan: 3000, severe: false });
  });
  it('uses the default thresholds when none are given', () => {
    expect(evaluateScorecard(passing()).thresholds).toEqual(DEFAULT_SCORECARD_THRESHOLDS);
  });
});

describe('criterion 1: hours per training day (seed (二)2(1) ≥ 6 h)', () => {
  const withHours = (h: number) => {
    const input = passing();
    input.hours = input.hours.map((d) => (d.day === '2027-03-02' ? { ...d, hours: h } : d));
    return evaluateScorecard(input);
  };
  it('passes a day of exactly 6.0 hours', () => {
    expect(withHours(6.0).requirements.hours.status).toBe('pass');
  });
  it('fails a day of 5.99 hours and names it', () => {
    const card = withHours(5.99);
    expect(card.requirements.hours.status).toBe('fail');
    expect(card.requirements.status).toBe('fail');
    expect(card.requirements.hours.days.filter((d) => !d.ok)).toEqual([{ day: '2027-03-02', hours: 5.99, source: 'actual', ok: false }]);
  });
  it('passes 6 hours that floating-point arithmetic made 5.9999999999', () => {
    expect(withHours(2.1 + 3.9 - 1e-12).requirements.hours.status).toBe('pass');
  });
  it('counts a training day with no taught hours at all as 0 hours and fails it', () => {
    const input = passing();
    input.hours = input.hours.filter((d) => d.day !== '2027-03-03');
    const card = evaluateScorecard(input);
    expect(card.requirements.hours.days[2]).toEqual({ day: '2027-03-03', hours: 0, source: 'none', ok: false });
    expect(card.requirements.hours.status).toBe('fail');
  });
  it('takes hoursByDay output as it is: 09:00–12:00 and 13:00–16:00 make 6 hours', () => {
    const session = (id: string, from: string, to: string): Session => ({
      id, cohortId: 'c1', day: '2027-03-01', startsAt: at('2027-03-01', from), endsAt: at('2027-03-01', to), title: id, lecturerName: '王老师', cancelled: false,
    });
    const input = { ...passing(), trainingDays: ['2027-03-01'], hours: hoursByDay([session('am', '09:00', '12:00'), session('pm', '13:00', '16:00')]) };
    expect(evaluateScorecard(input).requirements.hours).toEqual({ status: 'pass', days: [{ day: '2027-03-01', hours: 6, source: 'timetable', ok: true }] });
  });
});

describe('criterion 1: timetable before the cohort starts (due before 00:00 of the start date, cohort time zone)', () => {
  const providedAt = (d?: Date) => {
    const input = passing();
    if (d) input.timetableFirstProvidedAt = d;
    else delete input.timetableFirstProvidedAt;
    return evaluateScorecard(input).requirements.timetable;
  };
  it('passes when provided the day before the start at 23:59', () => {
    expect(providedAt(at('2027-02-28', '23:59'))).toEqual({ status: 'pass', providedAt: at('2027-02-28', '23:59'), providedLocal: '2027-02-28 23:59', startDate: '2027-03-01' });
  });
  it('fails when provided at 00:00 on the start day', () => {
    expect(providedAt(at('2027-03-01', '00:00')).status).toBe('fail');
  });
  it('fails when provided on the start day after the first session began', () => {
    expect(providedAt(at('2027-03-01', '10:00'))).toMatchObject({ status: 'fail', providedLocal: '2027-03-01 10:00' });
  });
  it('judges the day in the cohort time zone, not UTC (02-28 16:30 UTC is 03-01 00:30 in Shanghai)', () => {
    expect(providedAt(new Date('2027-02-28T16:30:00Z'))).toMatchObject({ status: 'fail', providedLocal: '2027-03-01 00:30' });
  });
  it('fails when no timetable was ever provided', () => {
    expect(providedAt(undefined)).toEqual({ status: 'fail', startDate: '2027-03-01' });
  });
});

describe('criterion 1: homework every training day (seed (三)2 每日布置作业)', () => {
  it('fails when one training day has no homework, and names the day', () => {
    const input = passing();
    input.homework = input.homework.filter((h) => h.day !== '2027-03-02');
    const card = evaluateScorecard(input);
    expect(card.requirements.homework).toEqual({ status: 'fail', trainingDays: DAYS, assignedDays: ['2027-03-01', '2027-03-03'], missingDays: ['2027-03-02'] });
    expect(card.verdict.failedCriteria).toEqual(['requirements']);
  });
  it('passes with two homework on one day and one on each other day', () => {
    const input = passing();
    input.homework.push({ id: 'h1b', day: '2027-03-01', submissions: 0, reviewedSubmissions: 0 });
    expect(evaluateScorecard(input).requirements.homework.status).toBe('pass');
  });
});

describe('criterion 1: homework reviewed the next day (seed (三)2 在第二天对作业进行点评)', () => {
  const reviewedAt = (d: Date | undefined, submissions = 20) => {
    const input = passing();
    const first = { id: 'h1', day: '2027-03-01', submissions, reviewedSubmissions: d ? submissions : 0, ...(d ? { reviewedAt: d } : {}) };
    input.homework = [first, ...input.homework.slice(1)];
    return evaluateScorecard(input).requirements.reviews;
  };
  it('passes a review on the same day', () => {
    expect(reviewedAt(at('2027-03-01', '20:00')).items[0]).toMatchObject({ delayDays: 0, ok: true });
  });
  it('passes a review at 23:59 the next day', () => {
    const reviews = reviewedAt(at('2027-03-02', '23:59'));
    expect(reviews.status).toBe('pass');
    expect(reviews.items[0]).toMatchObject({ reviewedDay: '2027-03-02', delayDays: 1, ok: true });
  });
  it('fails a review two days after the homework day', () => {
    const reviews = reviewedAt(at('2027-03-03', '00:00'));
    expect(reviews.status).toBe('fail');
    expect(reviews.items[0]).toMatchObject({ reviewedDay: '2027-03-03', delayDays: 2, ok: false });
  });
  it('counts the review day in the cohort time zone (03-02 16:30 UTC is 03-03 in Shanghai)', () => {
    expect(reviewedAt(new Date('2027-03-02T16:30:00Z')).items[0]).toMatchObject({ delayDays: 2, ok: false });
  });
  it('fails homework with submissions that was never reviewed', () => {
    const reviews = reviewedAt(undefined);
    expect(reviews.status).toBe('fail');
    expect(reviews.items[0]).toMatchObject({ delayDays: null, ok: false });
  });
  it('does not fail homework nobody submitted and nobody reviewed', () => {
    expect(reviewedAt(undefined, 0)).toMatchObject({ status: 'pass', items: [{ delayDays: null, ok: true }, {}, {}] });
  });
});

describe('criterion 2: atmosphere and interaction (seed (五)2)', () => {
  it('passes with exactly half of the questions answered', () => {
    const card = evaluateScorecard({ ...passing(), questions: { asked: 10, answered: 5 } });
    expect(card.interaction.questions).toEqual({ status: 'pass', asked: 10, answered: 5, share: 0.5 });
  });
  it('fails with 4 of 10 questions answered', () => {
    const card = evaluateScorecard({ ...passing(), questions: { asked: 10, answered: 4 } });
    expect(card.interaction.questions.status).toBe('fail');
    expect(card.interaction.status).toBe('fail');
    expect(card.verdict.failedCriteria).toEqual(['interaction']);
  });
  it('passes when no trainee asked anything', () => {
    expect(evaluateScorecard({ ...passing(), questions: { asked: 0, answered: 0 } }).interaction.questions).toEqual({ status: 'pass', asked: 0, answered: 0, share: null });
  });
  it('fails when one submission of sixty has no review', () => {
    const input = passing();
    input.homework = input.homework.map((h, i) => (i === 2 ? { ...h, reviewedSubmissions: 19 } : h));
    expect(evaluateScorecard(input).interaction.reviews).toMatchObject({ status: 'fail', submissions: 60, reviewed: 59 });
  });
  const endedEarly = (minutes: number, seconds = 0) => {
    const input = passing();
    const s = input.sessions[3];
    if (!s) throw new Error('fixture');
    s.actualEnd = new Date(s.endsAt.getTime() - (minutes * 60 + seconds) * 1000);
    return evaluateScorecard(input).interaction;
  };
  it('passes a session that ended exactly 10 minutes early', () => {
    expect(endedEarly(10).cutShort).toEqual({ status: 'pass', sessionsWithEndMarker: 6, sessions: [] });
  });
  it('fails a session that ended 10 minutes and 1 second early, with the evidence', () => {
    const interaction = endedEarly(10, 1);
    expect(interaction.status).toBe('fail');
    expect(interaction.cutShort.sessions).toEqual([
      { sessionId: '2027-03-02-pm', day: '2027-03-02', title: '下午课', endsAt: at('2027-03-02', '16:30'), actualEnd: new Date(at('2027-03-02', '16:30').getTime() - 601_000), minutesShort: 10 },
    ]);
  });
  it('follows a configured tolerance', () => {
    const input = passing();
    const s = input.sessions[0];
    if (!s) throw new Error('fixture');
    s.actualEnd = at('2027-03-01', '11:40');
    expect(evaluateScorecard(input).interaction.cutShort.status).toBe('fail');
    expect(evaluateScorecard(input, { cutShortToleranceMinutes: 20 }).interaction.cutShort.status).toBe('pass');
  });
  it('ignores cancelled sessions and has no data when no session has a 下课 marker, without failing the criterion', () => {
    const input = passing();
    input.sessions = input.sessions.map(({ actualEnd: _end, ...s }, i) => (i === 0 ? { ...s, cancelled: true, actualEnd: at('2027-03-01', '09:30') } : s));
    const card = evaluateScorecard(input);
    expect(card.interaction.cutShort).toEqual({ status: 'no_data', sessionsWithEndMarker: 0, sessions: [] });
    expect(card.interaction.status).toBe('pass');
  });
});

describe('criterion 3: attendance drop after day one (seed (五)3)', () => {
  const drop = (rows: ScorecardAttendanceDay[]) => evaluateScorecard({ ...passing(), attendance: rows }).attendanceDrop;

  it('passes a drop of exactly 50% that keeps falling no further', () => {
    const result = drop(attendance([40, 40], [20, 40], [20, 40]));
    expect(result).toMatchObject({ status: 'pass', dayOneRate: 1, floorRate: 0.5 });
    expect(result.days.map((d) => d.belowFloor)).toEqual([false, false, false]);
  });
  it('fails a 50.1% drop that keeps falling, naming the day', () => {
    const result = drop(attendance([1000, 1000], [499, 1000], [400, 1000]));
    expect(result).toMatchObject({ status: 'fail', dropDay: '2027-03-02' });
    expect(result.days.map((d) => d.rate)).toEqual([1, 0.499, 0.4]);
  });
  it('fails a 50.1% drop on the last day (nothing after it rises)', () => {
    expect(drop(attendance([1000, 1000], [1000, 1000], [499, 1000]))).toMatchObject({ status: 'fail', dropDay: '2027-03-03' });
  });
  it('counts a flat rate after the drop as still falling', () => {
    expect(drop(attendance([40, 40], [19, 40], [19, 40])).status).toBe('fail');
  });
  it('passes a drop followed by a recovery', () => {
    expect(drop(attendance([40, 40], [15, 40], [30, 40])).status).toBe('pass');
  });
  it('passes a drop followed by a rise that stays under the floor (not 一直下降)', () => {
    expect(drop(attendance([40, 40], [15, 40], [18, 40])).status).toBe('pass');
  });
  it('fails when the rate falls again after a recovery and keeps falling below the floor', () => {
    expect(drop(attendance([40, 40], [15, 40], [18, 40], [12, 40], [10, 40]))).toMatchObject({ status: 'fail', dropDay: '2027-03-04' });
  });
  it('passes a drop explained by approved leave: 18 present of 40 with 20 on leave is 90%', () => {
    const result = drop(attendance([40, 40], [18, 40, 20], [17, 40, 20]));
    expect(result.status).toBe('pass');
    expect(result.days[1]).toMatchObject({ expected: 20, rate: 0.9, belowFloor: false });
  });
  it('fails the same figures when nobody was on leave: 18 of 40 is 45%', () => {
    expect(drop(attendance([40, 40], [18, 40], [17, 40])).status).toBe('fail');
  });
  it('takes leave out of day one too: 30 of (40 − 10) is 100%, so exactly 20 of 40 later passes', () => {
    const result = drop(attendance([30, 40, 10], [20, 40], [20, 40]));
    expect(result).toMatchObject({ status: 'pass', dayOneRate: 1, floorRate: 0.5 });
  });
  it('fails 19 of 40 against a day one of 30 of (40 − 10)', () => {
    expect(drop(attendance([30, 40, 10], [19, 40], [18, 40])).status).toBe('fail');
  });
  it('passes exactly 50% with leave on the later day: 18 of (40 − 4) against 100%', () => {
    expect(drop(attendance([40, 40], [18, 40, 4], [18, 40, 4])).status).toBe('pass');
  });
  it('fails just under 50% with leave on the later day: 17 of (40 − 4) against 100%', () => {
    expect(drop(attendance([40, 40], [17, 40, 4], [17, 40, 4])).status).toBe('fail');
  });
  it('has no data without attendance, and does not count that as failed', () => {
    const card = evaluateScorecard({ ...passing(), attendance: [] });
    expect(card.attendanceDrop.status).toBe('no_data');
    expect(card.verdict).toMatchObject({ passed: true, noDataCriteria: ['attendanceDrop'] });
  });
  it('sorts days and skips a day with nobody expected', () => {
    const rows = attendance([40, 40], [0, 5, 5], [30, 40]).reverse();
    const result = drop(rows);
    expect(result.days.map((d) => [d.day, d.rate])).toEqual([['2027-03-01', 1], ['2027-03-02', null], ['2027-03-03', 0.75]]);
    expect(result.status).toBe('pass');
  });
});

describe('criterion 4: satisfaction of respondents (seed (五)4 不足 60%)', () => {
  const feedback = (scores: number[]) => evaluateScorecard({ ...passing(), satisfactionScores: scores }).feedback;
  it('passes 3 satisfied of 5 respondents (exactly 60%)', () => {
    expect(feedback([5, 4, 4, 3, 1])).toEqual({ status: 'pass', respondents: 5, satisfied: 3, share: 0.6, distribution: [1, 0, 1, 2, 1] });
  });
  it('fails 2 satisfied of 4 respondents (50%)', () => {
    expect(feedback([5, 4, 3, 2])).toMatchObject({ status: 'fail', satisfied: 2, respondents: 4, share: 0.5 });
  });
  it('fails 5 of 9 (55.6%) and passes 6 of 10 (60%)', () => {
    expect(feedback([5, 5, 5, 5, 5, 3, 3, 3, 3]).status).toBe('fail');
    expect(feedback([5, 5, 5, 5, 5, 5, 3, 3, 3, 3]).status).toBe('pass');
  });
  it('fails 59 of 100 and passes 60 of 100', () => {
    const scores = (n: number) => [...Array<number>(n).fill(4), ...Array<number>(100 - n).fill(2)];
    expect(feedback(scores(59)).status).toBe('fail');
    expect(feedback(scores(60)).status).toBe('pass');
  });
  it('does not count a 3 as satisfied', () => {
    expect(feedback([3, 3, 3]).satisfied).toBe(0);
  });
  it('ignores answers outside 1–5', () => {
    expect(feedback([0, 6, Number.NaN, 2.5, 5])).toMatchObject({ respondents: 1, satisfied: 1, status: 'pass' });
  });
  it('has no data with zero respondents: not failed, flagged for staff', () => {
    const card = evaluateScorecard({ ...passing(), satisfactionScores: [] });
    expect(card.feedback).toMatchObject({ status: 'no_data', respondents: 0, share: null });
    expect(card.verdict).toMatchObject({ passed: true, withheldShare: 0, noDataCriteria: ['feedback'] });
  });
});

describe('verdict (seed (五) 拒付本次培训课酬 40%，情节严重者…从此不产生其他合作)', () => {
  const failingTwo = (): ScorecardInput => ({ ...passing(), questions: { asked: 10, answered: 1 }, satisfactionScores: [5, 4, 3, 2] });

  it('withholds 40% of the fee when one criterion fails, not severe', () => {
    const v = evaluateScorecard({ ...passing(), satisfactionScores: [5, 2, 2], feeYuan: 3000 }).verdict;
    expect(v).toEqual({ passed: false, failedCriteria: ['feedback'], noDataCriteria: [], withheldShare: 0.4, feeYuan: 3000, withheldYuan: 1200, payableYuan: 1800, severe: false });
  });
  it('gives the share only when no fee is known', () => {
    const v = evaluateScorecard({ ...passing(), satisfactionScores: [5, 2, 2] }).verdict;
    expect(v.withheldShare).toBe(0.4);
    expect(v).not.toHaveProperty('withheldYuan');
  });
  it('rounds the withheld amount to the fen', () => {
    const v = evaluateScorecard({ ...passing(), satisfactionScores: [1], feeYuan: 1234.56 }).verdict;
    expect([v.withheldYuan, v.payableYuan]).toEqual([493.82, 740.74]);
  });
  it('flags a lecturer failing two criteria as severe (终止合作), still withholding 40%', () => {
    const v = evaluateScorecard({ ...failingTwo(), feeYuan: 2000 }).verdict;
    expect(v).toMatchObject({ passed: false, failedCriteria: ['interaction', 'feedback'], severe: true, withheldShare: 0.4, withheldYuan: 800 });
  });
  it('flags all four failing as severe', () => {
    const input = failingTwo();
    input.hours = [];
    input.attendance = attendance([40, 40], [10, 40]);
    expect(evaluateScorecard(input).verdict).toMatchObject({ failedCriteria: ['requirements', 'interaction', 'attendanceDrop', 'feedback'], severe: true });
  });
  it('follows configured thresholds for severity and the withheld share', () => {
    const v = evaluateScorecard({ ...failingTwo(), feeYuan: 1000 }, { severeFailedCriteria: 3, withheldShare: 0.3 }).verdict;
    expect(v).toMatchObject({ severe: false, withheldYuan: 300, payableYuan: 700 });
  });
});
