import { evaluateLecturerTiers, type LecturerProfile } from '../../../../src/features/feedback/lecturer-tier';

/** A lecturer meeting every checkable condition of every tier. */
const seasoned = (): LecturerProfile => ({
  name: '李老师',
  certificates: [
    { kind: 't1', name: 'T1 级电商讲师证书' },
    { kind: 'expert', name: '电子商务专家级证书' },
    { kind: 'platform', name: '支付宝大学认证讲师' },
  ],
  ageYears: 35,
  industryYears: 8,
  detailedTimetableProvided: true,
});

describe('evaluateLecturerTiers: 专家级 (seed (四)1)', () => {
  it('is eligible with every checkable condition met, leaving 口碑 and 独到见解 to staff', () => {
    const { expert } = evaluateLecturerTiers(seasoned(), 0.8);
    expect(expert).toMatchObject({ tier: 'expert', name: '专家级', eligible: true, failing: [] });
    expect(expert.needsConfirmation).toEqual(['(4)在行业内有一定口碑', '(6)对所从事行业有独到见解']);
  });
  it('accepts exactly 30 years of age and refuses 29, naming the figure', () => {
    expect(evaluateLecturerTiers({ ...seasoned(), ageYears: 30 }, 0.9).expert.eligible).toBe(true);
    const { expert } = evaluateLecturerTiers({ ...seasoned(), ageYears: 29 }, 0.9);
    expect(expert.eligible).toBe(false);
    expect(expert.failing).toEqual(['(2)年龄 30（含）周岁以上（29 周岁）']);
  });
  it('computes age from the birth date on the given day', () => {
    const { ageYears: _age, ...profile } = seasoned();
    const born = { ...profile, birthDate: '1997-03-02' };
    expect(evaluateLecturerTiers(born, 0.9, '2027-03-01').expert.failing).toEqual(['(2)年龄 30（含）周岁以上（29 周岁）']);
    expect(evaluateLecturerTiers(born, 0.9, '2027-03-02').expert.eligible).toBe(true);
  });
  it('reports a missing age instead of passing it', () => {
    const { ageYears: _age, ...profile } = seasoned();
    expect(evaluateLecturerTiers({ ...profile, birthDate: '1980-01-01' }, 0.9).expert.failing).toEqual(['(2)年龄 30（含）周岁以上（缺少资料）']);
  });
  it('accepts exactly 5 years in the industry and refuses 4.9', () => {
    expect(evaluateLecturerTiers({ ...seasoned(), industryYears: 5 }, 0.9).expert.eligible).toBe(true);
    expect(evaluateLecturerTiers({ ...seasoned(), industryYears: 4.9 }, 0.9).expert.failing).toEqual(['(3)培训及相关行业从业 5 年以上（4.9 年）']);
  });
  it('accepts exactly 80% satisfaction and refuses 79.9%', () => {
    expect(evaluateLecturerTiers(seasoned(), 0.8).expert.eligible).toBe(true);
    expect(evaluateLecturerTiers(seasoned(), 0.799).expert.failing).toEqual(['(5)学员满意度 80% 以上（79.9%）']);
  });
  it('needs an expert-level certificate besides T1', () => {
    const profile = { ...seasoned(), certificates: [{ kind: 't1' as const, name: 'T1 级电商讲师证书' }] };
    expect(evaluateLecturerTiers(profile, 0.9).expert.failing).toEqual(['(1)持有专家级证书（未提供）']);
  });
  it('needs T1 besides an expert-level certificate', () => {
    const profile = { ...seasoned(), certificates: [{ kind: 'expert' as const, name: '专家级证书' }] };
    expect(evaluateLecturerTiers(profile, 0.9).expert.failing).toEqual(['(1)持有 T1 级讲师证书（未提供）']);
  });
  it('lists every failing condition at once', () => {
    const { expert } = evaluateLecturerTiers({ name: '新老师', certificates: [], industryYears: 0 }, null);
    expect(expert.failing).toEqual([
      '(1)持有 T1 级讲师证书（未提供）',
      '(1)持有专家级证书（未提供）',
      '(1)有相关行业从业经历（0 年）',
      '(2)年龄 30（含）周岁以上（缺少资料）',
      '(3)培训及相关行业从业 5 年以上（0 年）',
      '(5)学员满意度 80% 以上（缺少资料）',
    ]);
  });
});

describe('evaluateLecturerTiers: 中高级 (seed (四)2)', () => {
  it('accepts exactly 60% satisfaction and exactly 3 years', () => {
    const { midSenior } = evaluateLecturerTiers({ ...seasoned(), industryYears: 3 }, 0.6);
    expect(midSenior).toMatchObject({ name: '中高级', eligible: true, failing: [] });
    expect(midSenior.needsConfirmation).toEqual(['(3)能够配合工作人员完成实操培训', '(6)对所从事行业有清晰认识，且有一定想法']);
  });
  it('refuses 59.9% satisfaction and 2.9 years', () => {
    expect(evaluateLecturerTiers({ ...seasoned(), industryYears: 2.9 }, 0.599).midSenior.failing).toEqual([
      '(4)学员满意度 60% 以上（59.9%）',
      '(5)培训及相关行业从业 3 年以上（2.9 年）',
    ]);
  });
  it('is eligible at 79% while the expert tier is not', () => {
    const tiers = evaluateLecturerTiers(seasoned(), 0.79);
    expect([tiers.expert.eligible, tiers.midSenior.eligible, tiers.ordinary.eligible]).toEqual([false, true, true]);
  });
  it('needs a platform or skill certificate besides T1 (T1 讲师证及其他平台相关证书)', () => {
    const t1Only = { ...seasoned(), certificates: [{ kind: 't1' as const, name: 'T1' }] };
    expect(evaluateLecturerTiers(t1Only, 0.7).midSenior.failing).toEqual(['(1)持有平台或专业技能证书（如支付宝大学）（未提供）']);
    const withSkill = { ...seasoned(), certificates: [{ kind: 't1' as const, name: 'T1' }, { kind: 'skill' as const, name: '电子商务师' }] };
    expect(evaluateLecturerTiers(withSkill, 0.7).midSenior.eligible).toBe(true);
  });
  it('fails without a detailed timetable, and reports it missing when unknown', () => {
    expect(evaluateLecturerTiers({ ...seasoned(), detailedTimetableProvided: false }, 0.7).midSenior.failing).toEqual(['(2)提供详细的培训课表（未提供）']);
    const { detailedTimetableProvided: _t, ...unknown } = seasoned();
    expect(evaluateLecturerTiers(unknown, 0.7).midSenior.failing).toEqual(['(2)提供详细的培训课表（缺少资料）']);
  });
});

describe('evaluateLecturerTiers: 普通级 (seed (四)3)', () => {
  const beginner = (over: Partial<LecturerProfile> = {}): LecturerProfile => ({ name: '赵老师', certificates: [{ kind: 'platform', name: '支付宝大学认证讲师' }], industryYears: 1, ...over });
  it('is eligible with exactly 1 year and a lecturer certificate, whatever the satisfaction', () => {
    expect(evaluateLecturerTiers(beginner(), null).ordinary).toMatchObject({ name: '普通级', eligible: true, failing: [], needsConfirmation: ['(3)对行业有一定了解'] });
  });
  it('refuses 0.9 years', () => {
    expect(evaluateLecturerTiers(beginner({ industryYears: 0.9 }), null).ordinary.failing).toEqual(['(1)培训、咨询行业从业 1 年以上（0.9 年）']);
  });
  it('refuses a lecturer with no certificate and no proof of employment', () => {
    expect(evaluateLecturerTiers(beginner({ certificates: [] }), null).ordinary.failing).toEqual(['(2)提供讲师证书（未提供）']);
  });
  it('does not count an unrelated certificate', () => {
    expect(evaluateLecturerTiers(beginner({ certificates: [{ kind: 'other', name: '驾驶证' }] }), null).ordinary.eligible).toBe(false);
  });
  it('leaves a practitioner with proof of employment instead of a certificate to staff (seed (二)1)', () => {
    const { ordinary } = evaluateLecturerTiers(beginner({ certificates: [], employmentProofProvided: true }), null);
    expect(ordinary.eligible).toBe(true);
    expect(ordinary.needsConfirmation).toEqual(['(2)提供讲师证书（无证书，已提供从业证明）', '(3)对行业有一定了解']);
  });
  it('reports missing industry years as failing', () => {
    const { industryYears: _y, ...profile } = beginner();
    expect(evaluateLecturerTiers(profile, null).ordinary.failing).toEqual(['(1)培训、咨询行业从业 1 年以上（缺少资料）']);
  });
});

describe('evaluateLecturerTiers: certificates and input', () => {
  it('drops a certificate that expired before today', () => {
    const profile = { ...seasoned(), certificates: [...seasoned().certificates.filter((c) => c.kind !== 'expert'), { kind: 'expert' as const, name: '专家证', expiresOn: '2027-02-28' }] };
    expect(evaluateLecturerTiers(profile, 0.9, '2027-02-28').expert.eligible).toBe(true);
    expect(evaluateLecturerTiers(profile, 0.9, '2027-03-01').expert.failing).toEqual(['(1)持有专家级证书（未提供）']);
  });
  it('never passes a judgement call silently: every tier lists one for staff', () => {
    const tiers = evaluateLecturerTiers(seasoned(), 1);
    for (const t of Object.values(tiers)) {
      expect(t.conditions.filter((c) => c.status === 'needs_confirmation').length).toBeGreaterThan(0);
      expect(t.needsConfirmation.length).toBeGreaterThan(0);
    }
  });
  it('refuses a satisfaction given as a percentage instead of a fraction', () => {
    expect(() => evaluateLecturerTiers(seasoned(), 80)).toThrow(RangeError);
  });
});
