import { evaluateScorecard, type ScorecardInput } from '../../../../src/features/feedback/scorecard';
import { renderScorecard } from '../../../../src/features/feedback/render-scorecard';

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

describe('renderScorecard', () => {
  it('titles the card with the lecturer, cohort and start date', () => {
    const lines = render(passing()).split('\n');
    expect(lines.slice(0, 2)).toEqual(['📋 讲师考核表：王老师', '班级：交城县电商培训第3期（JC2703），开班 2027-03-01']);
  });

  it('marks every criterion ✅ and pays the full fee when all pass', () => {
    const text = render({ ...passing(), feeYuan: 3000 });
    expect(lineWith(text, '1. ')).toBe('1. 是否完成主办方的要求 ✅');
    expect(lineWith(text, '2. ')).toBe('2. 课堂氛围及互动情况 ✅');
    expect(lineWith(text, '3. ')).toMatch(/^3\. 参与学员是否骤降.*✅$/);
    expect(lineWith(text, '4. ')).toMatch(/^4\. 学员反馈 ✅/);
    expect(lineWith(text, '结论')).toBe('结论：✅ 考核通过，课酬全额支付（¥3000.00）');
    expect(text).not.toContain('拒付');
    expect(text).not.toContain('情节严重');
  });

  it('shows the per-day hours with their source, and the day that fell short', () => {
    expect(lineWith(render(failing()), '每日授课')).toBe(
      '  · 每日授课不少于 6 小时 ❌：03-01 6小时（上下课记录）；03-02 5小时59分（部分按课表）❌；03-03 6小时（按课表）',
    );
  });

  it('shows the timetable date against the start date', () => {
    expect(lineWith(render(failing()), '开班前提供课表')).toBe('  · 开班前提供课表 ❌：2027-03-01 10:00 提供，开班日 2027-03-01');
    expect(lineWith(render(passing()), '开班前提供课表')).toBe('  · 开班前提供课表 ✅：2027-02-26 18:00 提供，开班日 2027-03-01');
  });

  it('shows homework days and the missing one, and each review delay', () => {
    const text = render(failing());
    expect(lineWith(text, '每日布置作业')).toBe('  · 每日布置作业 ❌：已布置 03-01、03-02；缺 03-03');
    expect(lineWith(text, '作业次日点评')).toBe('  · 作业次日点评 ❌：03-01「开店」 2 天后点评 ❌；03-02 1 天后点评');
  });

  it('shows questions, reviews and a session cut short with its times', () => {
    const input = passing();
    input.questions = { asked: 10, answered: 3 };
    const first = input.sessions[0];
    if (!first) throw new Error('fixture');
    first.actualEnd = at('2027-03-01', '11:30');
    const text = render(input);
    expect(lineWith(text, '解答学员问题')).toBe('  · 解答学员问题（不少于 50%）❌：3/10 = 30%（讲师引用或 @ 学员的回复，及学员提问后 10 分钟内讲师在群里的发言，算作解答）');
    expect(lineWith(text, '作业点评（')).toBe('  · 作业点评（不少于 100% 的提交）✅：15/15 = 100%');
    expect(lineWith(text, '未减少课程时长')).toBe('  · 未减少课程时长（提前下课不超过 10 分钟）❌：03-01「上午课」 11:30 下课（课表 12:00，提前 30 分钟）');
  });

  it('shows day-by-day attendance with approved leave taken out', () => {
    const text = render(failing());
    expect(lineWith(text, '第1天')).toBe('  · 第1天 03-01：到课 38/40 人次 = 95%（共 40 人次，请假 0 人次）');
    expect(lineWith(text, '第2天')).toBe('  · 第2天 03-02：到课 18/20 人次 = 90%（共 40 人次，请假 20 人次）');
    expect(lineWith(text, '警戒线（')).toBe('  · 警戒线（首日出勤率的 50%）：47.5%');
  });

  it('marks the days below the floor and the day the drop began', () => {
    const input = passing();
    input.attendance = [
      { day: '2027-03-01', places: 40, present: 40, onLeave: 0 },
      { day: '2027-03-02', places: 40, present: 19, onLeave: 0 },
    ];
    const text = render(input);
    expect(lineWith(text, '第2天')).toBe('  · 第2天 03-02：到课 19/40 人次 = 47.5%（共 40 人次，请假 0 人次） ⚠️低于警戒线');
    expect(text).toContain('  · 自 03-02 起骤降且持续下降');
    expect(lineWith(text, '3. ')).toMatch(/❌$/);
  });

  it('shows the satisfaction rate, respondents and the score distribution', () => {
    expect(lineWith(render(failing()), '4. ')).toBe('4. 学员反馈 ❌：满意（4–5 分）2/4 = 50%，需不低于 60%（5分 1 · 4分 1 · 3分 1 · 2分 1 · 1分 0）');
  });

  it('rounds a rate just under the threshold down, never up to it', () => {
    const input = { ...passing(), satisfactionScores: [...Array<number>(5999).fill(5), ...Array<number>(4001).fill(1)] };
    expect(lineWith(render(input), '4. ')).toContain('5999/10000 = 59.9%');
  });

  it('gives the withheld amount and what is paid when a fee is known, and flags two failures as severe', () => {
    const text = render({ ...failing(), feeYuan: 3000 });
    expect(lineWith(text, '结论')).toBe('结论：❌ 未通过（2 项未达标：是否完成主办方的要求、学员反馈）');
    expect(text).toContain('拒付课酬 40%：¥1200.00（课酬 ¥3000.00，实付 ¥1800.00）');
    expect(text).toContain('⚠️ 情节严重：建议终止合作（从此不产生其他合作），请培训办决定');
  });

  it('gives the percentage only without a fee, and no severe flag for one failure', () => {
    const text = render({ ...passing(), satisfactionScores: [1, 2] });
    expect(lineWith(text, '拒付')).toBe('拒付课酬 40%');
    expect(text).not.toContain('情节严重');
  });

  it('marks criteria without data with — and asks staff to check, without withholding', () => {
    const text = render({ ...passing(), satisfactionScores: [], sessions: [] });
    expect(lineWith(text, '4. ')).toBe('4. 学员反馈 —：无人填写反馈，请工作人员核实');
    expect(lineWith(text, '未减少课程时长')).toBe('  · 未减少课程时长（提前下课不超过 10 分钟）—：无下课记录');
    expect(text).toContain('— 无数据：学员反馈，未计为不合格，请工作人员核实');
    expect(text).not.toContain('拒付');
  });
});
