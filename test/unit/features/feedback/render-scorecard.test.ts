import { evaluateScorecard, type ScorecardInput } from '../../../../src/features/feedback/scorecard';
import { renderScorecard, SCORECARD_MAX_LINES } from '../../../../src/features/feedback/render-scorecard';

const DAYS = ['2027-03-01', '2027-03-02', '2027-03-03'] as const;
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

/** Everything passes: 6.5 h a day, timetable early, homework reviewed the same evening. */
function passing(): ScorecardInput {
  return {
    lecturerName: '王老师',
    cohort: { name: '交城县电商培训第3期', code: 'JC2703', startDate: '2027-03-01', timezone: 'Asia/Shanghai' },
    trainingDays: [...DAYS],
    hours: DAYS.map((day) => ({ day, hours: 6.5, source: 'actual' as const })),
    timetableFirstProvidedAt: at('2027-02-26', '18:00'),
    homework: DAYS.map((day, i) => ({ id: `h${i}`, day, submissions: 5, reviewedSubmissions: 5, reviewedAt: at(day, '21:00') })),
    sessions: DAYS.map((day) => ({ id: day, day, title: '上午课', startsAt: at(day, '09:00'), endsAt: at(day, '12:00'), actualEnd: at(day, '12:00'), cancelled: false })),
    questions: { asked: 4, answered: 4 },
    attendance: DAYS.map((day) => ({ day, places: 40, present: 38, onLeave: 0 })),
    satisfactionScores: [5, 4, 4, 3],
  };
}

/** Fails requirements (5.99 h, late timetable, missing homework, late review) and feedback (2/4). */
function failing(): ScorecardInput {
  const input = passing();
  input.hours = [{ day: '2027-03-01', hours: 6, source: 'actual' }, { day: '2027-03-02', hours: 5.99, source: 'mixed' }, { day: '2027-03-03', hours: 6, source: 'timetable' }];
  input.timetableFirstProvidedAt = at('2027-03-01', '10:00');
  input.homework = [
    { id: 'h1', day: '2027-03-01', title: '开店', submissions: 20, reviewedSubmissions: 20, reviewedAt: at('2027-03-03', '09:00') },
    { id: 'h2', day: '2027-03-02', submissions: 10, reviewedSubmissions: 10, reviewedAt: at('2027-03-03', '08:00') },
  ];
  input.attendance = [
    { day: '2027-03-01', places: 40, present: 38, onLeave: 0 },
    { day: '2027-03-02', places: 40, present: 18, onLeave: 20 },
  ];
  input.satisfactionScores = [5, 4, 3, 2];
  return input;
}

const render = (input: ScorecardInput) => renderScorecard(evaluateScorecard(input));
const lineWith = (text: string, needle: string) => text.split('\n').find((l) => l.includes(needle)) ?? '';

const full = {
  ageYears: 45,
  industryYears: 8,
  certificates: [{ kind: 't1' as const, name: 'T1讲师证' }],
};

describe('renderScorecard', () => {
  it('puts the verdict in the first line: the lecturer, passed or how many failed, and what is withheld', () => {
    expect(render({ ...passing(), feeYuan: 3000 }).split('\n')[0]).toBe('📋 讲师考核表：王老师 ✅ 通过，课酬全额支付（¥3000.00）');
    expect(render({ ...failing(), feeYuan: 3000 }).split('\n')[0]).toBe('📋 讲师考核表：王老师 ❌ 未通过 2 项，拒付课酬 40%（¥1200.00，实付 ¥1800.00）');
    expect(render({ ...passing(), satisfactionScores: [1, 2] }).split('\n')[0]).toBe('📋 讲师考核表：王老师 ❌ 未通过 1 项，拒付课酬 40%');
  });

  it('fits one phone screen even when everything goes wrong, and ends by pointing to #导出 for the day-by-day records', () => {
    // Every criterion fails, the case is severe, and the lecturer reaches no tier (three 未达 lines).
    const input = { ...failing(), feeYuan: 3000, questions: { asked: 10, answered: 1 }, lecturerDetails: { ...full, certificates: [] } };
    input.attendance = [
      { day: '2027-03-01', places: 40, present: 40, onLeave: 0 },
      { day: '2027-03-02', places: 40, present: 10, onLeave: 0 },
      { day: '2027-03-03', places: 40, present: 8, onLeave: 0 },
    ];
    const card = evaluateScorecard(input);
    expect(card.verdict.failedCriteria).toHaveLength(4);
    expect(card.lecturerTier).toMatchObject({ status: 'assessed', tier: null });
    const lines = renderScorecard(card).split('\n');
    expect(lines.length).toBeLessThanOrEqual(SCORECARD_MAX_LINES);
    expect(lines[lines.length - 1]).toBe('逐日出勤和反馈原文：发送 #导出 签到表 或 #导出 反馈表');
    expect(lines).toContain('⚠️ 情节严重：建议终止合作（从此不产生其他合作），请培训办决定');
  });

  it('gives the cohort on the second line and one line per criterion, ✅ when met', () => {
    const lines = render({ ...passing(), feeYuan: 3000 }).split('\n');
    expect(lines.slice(1, 6)).toEqual([
      '班级：交城县电商培训第3期（JC2703），开班 2027-03-01',
      '✅ 1. 是否完成主办方的要求：每天≥6小时、开班前交课表、每日作业、次日点评都达标',
      '✅ 2. 课堂氛围及互动情况：解答 4/4 = 100% · 点评 15/15 · 未提前下课',
      '✅ 3. 参与学员是否骤降：出勤率（到课人次/应到人次，已扣除请假）首日 95% → 末日 95%，未骤降',
      '✅ 4. 学员反馈：满意（4–5 分）3/4 = 75%，需≥60%',
    ]);
    expect(lines.join('\n')).not.toContain('拒付');
    expect(lines.join('\n')).not.toContain('情节严重');
  });

  it('names what fell short of the requirements: the short day, the late timetable, the missing homework, the late review', () => {
    expect(lineWith(render(failing()), '1. ')).toBe(
      '❌ 1. 是否完成主办方的要求：授课不足 6 小时：03-02 5小时59分；课表 03-01 10:00 才提供（开班 03-01）；缺作业：03-03；点评超过次日 1 项',
    );
  });

  it('marks the failed part of the interaction and says how answers are counted', () => {
    const input = passing();
    input.questions = { asked: 10, answered: 3 };
    input.sessions[0]!.actualEnd = at('2027-03-01', '11:30');
    expect(lineWith(render(input), '2. ')).toBe(
      '❌ 2. 课堂氛围及互动情况：解答 3/10 = 30% ❌（需≥50%；引用或 @ 学员的回复、提问后 10 分钟内讲师的发言都算解答） · 点评 15/15 · 提前下课 03-01 30 分钟 ❌',
    );
  });

  it('gives the day the sustained drop began against the floor, approved leave taken out', () => {
    const input = passing();
    input.attendance = [
      { day: '2027-03-01', places: 40, present: 40, onLeave: 0 },
      { day: '2027-03-02', places: 40, present: 19, onLeave: 0 },
    ];
    expect(lineWith(render(input), '3. ')).toBe('❌ 3. 参与学员是否骤降：自 03-02 起低于警戒线 50% 且持续下降；出勤率（到课人次/应到人次，已扣除请假）首日 100% → 末日 47.5%');
    expect(lineWith(render(failing()), '3. ')).toBe('✅ 3. 参与学员是否骤降：出勤率（到课人次/应到人次，已扣除请假）首日 95% → 末日 90%，未骤降');
  });

  it('names its attendance figure 出勤率 with the digest’s definition (到课人次/应到人次), never a bare 到课 or a rate without its unit', () => {
    const line = lineWith(render(passing()), '3. ');
    expect(line).toContain('出勤率（到课人次/应到人次，已扣除请假）');
    expect(line).not.toMatch(/到课 \d+\/\d+ 人(?!次)/u);
  });

  it('rounds a rate just under the threshold down, never up to it', () => {
    const input = { ...passing(), satisfactionScores: [...Array<number>(5999).fill(5), ...Array<number>(4001).fill(1)] };
    expect(lineWith(render(input), '4. ')).toBe('❌ 4. 学员反馈：满意（4–5 分）5999/10000 = 59.9%，需≥60%');
  });

  it('marks criteria without data with — and asks staff to check, without withholding', () => {
    const text = render({ ...passing(), satisfactionScores: [], sessions: [] });
    expect(lineWith(text, '4. ')).toBe('— 4. 学员反馈：无人填写反馈，未计为不合格，请工作人员核实');
    expect(lineWith(text, '2. ')).toBe('✅ 2. 课堂氛围及互动情况：解答 4/4 = 100% · 点评 15/15 · 无下课记录');
    expect(text).not.toContain('拒付');
  });
});
