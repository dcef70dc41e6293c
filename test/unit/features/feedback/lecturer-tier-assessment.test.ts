import type { LecturerDetails } from '../../../../src/domain/types';
import { evaluateScorecard, type ScorecardInput } from '../../../../src/features/feedback/scorecard';
import { renderScorecard } from '../../../../src/features/feedback/render-scorecard';
import { assessLecturerTier, classifyCertificate, missingLecturerDetails, renderLecturerTier } from '../../../../src/features/feedback/lecturer-tier-assessment';
import { evaluateLecturerTiers } from '../../../../src/features/feedback/lecturer-tier';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

/** A one-day scorecard input of 王老师; the satisfaction scores and profile vary per test. */
function input(satisfactionScores: number[], lecturerDetails?: LecturerDetails): ScorecardInput {
  const day = '2027-03-01';
  return {
    lecturerName: '王老师',
    cohort: { name: '交城县电商培训第3期', code: 'JC2703', startDate: day, timezone: 'Asia/Shanghai' },
    trainingDays: [day],
    hours: [{ day, hours: 6.5, source: 'actual' }],
    timetableFirstProvidedAt: at('2027-02-26', '18:00'),
    homework: [],
    sessions: [{ id: 's1', day, title: '开店', startsAt: at(day, '09:00'), endsAt: at(day, '16:00'), cancelled: false }],
    questions: { asked: 0, answered: 0 },
    attendance: [],
    satisfactionScores,
    ...(lecturerDetails ? { lecturerDetails } : {}),
  };
}

const full: LecturerDetails = {
  ageYears: 45,
  industryYears: 8,
  certificates: [
    { kind: 't1', name: 'T1讲师证' },
    { kind: 'platform', name: '支付宝大学讲师证' },
  ],
};

// The tier block: from 讲师等级 up to the scorecard's last line (where the details are: #导出).
const tierLines = (text: string) =>
  text.split('\n').filter((l, i, all) => !l.includes('#导出') && (l.startsWith('讲师等级') || (i > 0 && all.slice(0, i).some((p) => p.startsWith('讲师等级')))));

describe('the lecturer tier on the scorecard', () => {
  it('gives the tier with its evidence, what the higher tier lacks and what staff confirm, for a full profile', () => {
    // 3 of 4 satisfied = 75%: enough for 中高级 (60%), not for 专家级 (80%).
    const text = renderScorecard(evaluateScorecard(input([5, 4, 4, 2], full)));
    expect(tierLines(text)).toEqual([
      '讲师等级：中高级（学员满意度 75%，从业 8 年，45 周岁，证书 T1讲师证、支付宝大学讲师证）',
      '  · 未达专家级：(1)持有专家级证书（未提供）；(5)学员满意度 80% 以上（75%）',
      '  · 待工作人员确认：(3)能够配合工作人员完成实操培训；(6)对所从事行业有清晰认识，且有一定想法',
    ]);
  });

  it('says the profile is missing, and what to send, instead of guessing a tier', () => {
    const text = renderScorecard(evaluateScorecard(input([5, 5, 5])));
    expect(tierLines(text)).toEqual([
      '讲师等级：资料不全（缺年龄、从业年限、证书），无法评定',
      '  · 尚未登记「王老师」的讲师资料，请讲师本人或工作人员补充，例如：#讲师资料 @张老师 年龄 45 从业 8 年 证书 T1讲师证,支付宝大学讲师证',
    ]);
  });

  it('names only the missing parts of a partly recorded profile', () => {
    const text = renderScorecard(evaluateScorecard(input([5], { industryYears: 8 })));
    expect(text).toContain('讲师等级：资料不全（缺年龄、证书），无法评定');
    expect(text).not.toContain('尚未登记');
  });

  it('takes the age from a birth date on the cohort’s start date', () => {
    const { ageYears: _age, ...rest } = full;
    const card = evaluateScorecard(input([5, 5], { ...rest, birthDate: '1997-03-02' }));
    expect(card.lecturerTier).toMatchObject({ status: 'assessed', age: 29 });
    expect(renderLecturerTier(card.lecturerTier).join('\n')).toContain('(2)年龄 30（含）周岁以上（29 周岁）');
  });
});

describe('assessLecturerTier', () => {
  const base = { lecturerName: '王老师', timetableProvided: true, asOf: '2027-03-01' };

  it('gives no tier when not even 普通级 holds, listing what each tier lacks', () => {
    const a = assessLecturerTier({ ...base, details: { ageYears: 25, industryYears: 0, certificates: [] }, satisfactionRate: null });
    expect(a).toMatchObject({ status: 'assessed', tier: null });
    const lines = renderLecturerTier(a);
    expect(lines[0]).toBe('讲师等级：不符合任何等级（学员满意度 无人填写，从业 0 年，25 周岁，无证书）');
    expect(lines[3]).toBe('  · 未达普通级：(1)培训、咨询行业从业 1 年以上（0 年）；(2)提供讲师证书（未提供）');
  });

  it('counts the timetable the bot holds for 提供详细的培训课表, and its absence against it', () => {
    const details = { ...full };
    expect(assessLecturerTier({ ...base, details, satisfactionRate: 0.7 })).toMatchObject({ tier: 'midSenior' });
    const without = assessLecturerTier({ ...base, timetableProvided: false, details, satisfactionRate: 0.7 });
    expect(without).toMatchObject({ tier: 'ordinary' });
    expect(renderLecturerTier(without).join('\n')).toContain('(2)提供详细的培训课表（未提供）');
  });

  it('accepts a proof of employment in place of certificates, for staff to confirm', () => {
    const a = assessLecturerTier({ ...base, details: { ageYears: 40, industryYears: 2, employmentProofProvided: true }, satisfactionRate: 0.9 });
    expect(a).toMatchObject({ status: 'assessed', tier: 'ordinary' });
    expect(renderLecturerTier(a).join('\n')).toContain('待工作人员确认：(2)提供讲师证书（无证书，已提供从业证明）');
  });
});

describe('missingLecturerDetails', () => {
  it('treats a stated “no certificates” as known, and an unstated list as missing', () => {
    expect(missingLecturerDetails({ ageYears: 40, industryYears: 3, certificates: [] })).toEqual([]);
    expect(missingLecturerDetails({ birthDate: '1980-01-01', industryYears: 3 })).toEqual(['证书']);
    expect(missingLecturerDetails(undefined)).toEqual(['年龄', '从业年限', '证书']);
  });
});

describe('classifyCertificate', () => {
  it.each([
    ['T1级电商讲师证书', 't1'],
    ['电子商务专家级证书', 'expert'],
    ['支付宝大学讲师证', 'platform'],
    ['电子商务师职业技能证书', 'skill'],
    ['讲师证', 'lecturer'],
    ['高级职称', 'other'],
  ])('reads %s as %s', (name, kind) => {
    expect(classifyCertificate(name)).toBe(kind);
  });

  it('lets a plain 讲师证 count for 普通级 but nothing above', () => {
    const tiers = evaluateLecturerTiers({ name: '赵老师', certificates: [{ kind: 'lecturer', name: '讲师证' }], ageYears: 40, industryYears: 6, detailedTimetableProvided: true }, 0.9);
    expect(tiers.ordinary.eligible).toBe(true);
    expect(tiers.midSenior.eligible).toBe(false);
  });
});
