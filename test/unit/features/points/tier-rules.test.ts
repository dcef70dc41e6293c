import { DEFAULT_SCORING, scoringSchema } from '../../../../src/kernel/scoring-config';
import { evaluateStandings, passesAssessment, recommendationList, type TraineeRecord } from '../../../../src/features/points/tier-rules';

const base: TraineeRecord = {
  userId: 'u',
  name: '学员',
  points: 0,
  homeworkAssigned: 10,
  homeworkSubmitted: 10,
  averageReview: 80,
  interactions: 0,
  salesYuan: 0,
  practiceCount: 0,
  recommendedRank: null,
  attendance: { attended: 6, expected: 6 },
};
const t = (over: Partial<TraineeRecord>): TraineeRecord => ({ ...base, ...over });
const config = DEFAULT_SCORING; // excellent 30 points; homework ≥ 60 %; average ≥ 60; incubation 1000 yuan, 5 interactions, 80 average
const tierOf = (r: TraineeRecord) => evaluateStandings([r], config)[0]!.tier;

describe('passesAssessment', () => {
  it('passes at exactly 60% homework completion', () => {
    expect(passesAssessment(t({ homeworkSubmitted: 6 }), config).passed).toBe(true);
  });
  it('fails just below 60% homework completion', () => {
    expect(passesAssessment(t({ homeworkSubmitted: 5 }), config)).toEqual({ passed: false, why: ['作业完成 5/10，低于 60%'] });
  });
  it('fails below the minimum average review and passes at it', () => {
    expect(passesAssessment(t({ averageReview: 59 }), config).passed).toBe(false);
    expect(passesAssessment(t({ averageReview: 60 }), config).passed).toBe(true);
  });
  it('does not fail a trainee whose work was never reviewed', () => {
    expect(passesAssessment(t({ averageReview: null }), config).passed).toBe(true);
  });
});

describe('evaluateStandings tiers', () => {
  it('is basic below the points threshold', () => {
    expect(tierOf(t({ points: 29.9 }))).toBe('basic');
  });
  it('is excellent at exactly the points threshold', () => {
    expect(tierOf(t({ points: 30 }))).toBe('excellent');
  });
  it('is excellent when recommended and clearing the bar, however far below the points threshold', () => {
    expect(tierOf(t({ points: 1, recommendedRank: 0 }))).toBe('excellent');
  });
  it('keeps a lecturer’s pick who never came and earned nothing basic, and says why', () => {
    const [s] = evaluateStandings([t({ points: 0, recommendedRank: 0, attendance: { attended: 0, expected: 6 } })], config);
    expect(s).toMatchObject({ tier: 'basic', assessmentPassed: true });
    expect(s!.reasons).toEqual(['讲师推荐但未达推荐门槛：出勤 0/6，不足 60%；积分 0，需大于 0']);
  });
  it('makes a pick excellent at exactly 60% attendance and keeps one just below it basic', () => {
    expect(tierOf(t({ points: 5, recommendedRank: 0, attendance: { attended: 3, expected: 5 } }))).toBe('excellent');
    expect(tierOf(t({ points: 5, recommendedRank: 0, attendance: { attended: 2, expected: 5 } }))).toBe('basic');
  });
  it('keeps a pick below the bar basic while no session has been held', () => {
    expect(tierOf(t({ points: 5, recommendedRank: 0, attendance: { attended: 0, expected: 0 } }))).toBe('basic');
  });
  it('still makes a pick below the bar excellent by points at the threshold', () => {
    const [s] = evaluateStandings([t({ points: 30, recommendedRank: 0, attendance: { attended: 1, expected: 6 } })], config);
    expect(s).toMatchObject({ tier: 'excellent', reasons: ['积分 30 ≥ 30'] });
  });
  it('says a pick below the bar is short as progress while the cohort runs', () => {
    const [s] = evaluateStandings([t({ points: 2, recommendedRank: 0, attendance: { attended: 1, expected: 3 } })], config, false);
    expect(s!.reasons).toEqual(['讲师推荐，尚未达推荐门槛：出勤 1/3，不足 60%（结业时评定）']);
  });
  it('keeps a trainee who failed the assessment basic even when recommended', () => {
    const [s] = evaluateStandings([t({ points: 99, recommendedRank: 0, homeworkSubmitted: 2 })], config);
    expect(s).toMatchObject({ tier: 'basic', assessmentPassed: false });
    expect(s!.reasons[0]).toContain('考核未通过');
  });
  it('says what is short as progress while the cohort runs, never 考核未通过', () => {
    const [s] = evaluateStandings([t({ points: 99, recommendedRank: 0, homeworkSubmitted: 2 })], config, false);
    expect(s).toMatchObject({ tier: 'basic', assessmentPassed: false });
    expect(s!.reasons[0]).toMatch(/^尚未达标：.*（结业时评定）$/);
    expect(s!.reasons.join('')).not.toContain('考核未通过');
  });
  it('is incubation exactly at every incubation threshold', () => {
    expect(tierOf(t({ points: 30, salesYuan: 1000, interactions: 5, averageReview: 80 }))).toBe('incubation');
  });
  it.each([
    ['sales', { salesYuan: 999 }],
    ['interaction', { interactions: 4 }],
    ['reviews', { averageReview: 79 }],
  ])('stays excellent one step below the incubation %s threshold', (_what, over) => {
    expect(tierOf(t({ points: 30, salesYuan: 1000, interactions: 5, averageReview: 80, ...over }))).toBe('excellent');
  });
  it('never makes a trainee incubation without being excellent first', () => {
    expect(tierOf(t({ points: 0, salesYuan: 50_000, interactions: 50, averageReview: 100 }))).toBe('basic');
  });
  it('ranks by points with ties sharing a rank', () => {
    const s = evaluateStandings([t({ userId: 'a', name: '甲', points: 10 }), t({ userId: 'b', name: '乙', points: 20 }), t({ userId: 'c', name: '丙', points: 10 })], config);
    expect(s.map((x) => [x.userId, x.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 2],
    ]);
  });
  it('follows thresholds from configuration, not code', () => {
    const strict = scoringSchema.parse({ tiers: { excellentPoints: 50 } });
    expect(evaluateStandings([t({ points: 30 })], strict)[0]!.tier).toBe('basic');
  });
});

describe('recommendationList ordering', () => {
  const cohort = Array.from({ length: 8 }, (_, i) => t({ userId: `u${i}`, name: `学员${i}`, points: i * 5 + 1 }));
  const recommend = (ids: string[]) => cohort.map((r) => ({ ...r, recommendedRank: ids.includes(r.userId) ? ids.indexOf(r.userId) : null }));

  it('fills up to five by points when the lecturer recommends fewer', () => {
    const { listed } = recommendationList(recommend(['u1', 'u0']), config);
    expect(listed.map((e) => e.userId)).toEqual(['u1', 'u0', 'u7', 'u6', 'u5']);
    expect(listed[0]!.reason).toBe('讲师推荐（积分 6）');
    expect(listed[2]!.reason).toBe('积分第 1 名（36 分）');
  });
  it('takes exactly the five recommended, in the lecturer’s order', () => {
    const { listed } = recommendationList(recommend(['u3', 'u1', 'u4', 'u0', 'u2']), config);
    expect(listed.map((e) => e.userId)).toEqual(['u3', 'u1', 'u4', 'u0', 'u2']);
  });
  it('keeps every recommendation when the lecturer recommends more than five', () => {
    expect(recommendationList(recommend(['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6']), config).listed).toHaveLength(7);
  });
  it('does not fill with trainees who failed the assessment', () => {
    const records = cohort.map((r) => (r.userId === 'u7' ? { ...r, homeworkSubmitted: 0 } : r));
    expect(recommendationList(records, config).listed.map((e) => e.userId)).not.toContain('u7');
  });
  it('lists everyone who qualifies when the cohort is smaller than five', () => {
    expect(recommendationList(cohort.slice(0, 3), config).listed).toHaveLength(3);
  });
});
