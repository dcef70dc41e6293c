import { DEFAULT_SCORING, scoringSchema } from '../../../../src/kernel/scoring-config';
import { evaluateStandings, outstandingList, passesAssessment, type TraineeRecord } from '../../../../src/features/points/tier-rules';

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
  it('is excellent when recommended, whatever the points', () => {
    expect(tierOf(t({ points: 0, recommendedRank: 0 }))).toBe('excellent');
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

describe('outstandingList', () => {
  const cohort = Array.from({ length: 8 }, (_, i) => t({ userId: `u${i}`, name: `学员${i}`, points: i * 5 }));
  const recommend = (ids: string[]) => cohort.map((r) => ({ ...r, recommendedRank: ids.includes(r.userId) ? ids.indexOf(r.userId) : null }));

  it('fills up to five by points when the lecturer recommends fewer', () => {
    const list = outstandingList(recommend(['u1', 'u0']), config);
    expect(list.map((e) => e.userId)).toEqual(['u1', 'u0', 'u7', 'u6', 'u5']);
    expect(list[0]!.reason).toContain('讲师推荐');
    expect(list[2]!.reason).toBe('积分第 1 名（35 分）');
  });
  it('takes exactly the five recommended, in the lecturer’s order', () => {
    const list = outstandingList(recommend(['u3', 'u1', 'u4', 'u0', 'u2']), config);
    expect(list.map((e) => e.userId)).toEqual(['u3', 'u1', 'u4', 'u0', 'u2']);
  });
  it('keeps every recommendation when the lecturer recommends more than five', () => {
    expect(outstandingList(recommend(['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6']), config)).toHaveLength(7);
  });
  it('does not fill with trainees who failed the assessment', () => {
    const records = cohort.map((r) => (r.userId === 'u7' ? { ...r, homeworkSubmitted: 0 } : r));
    expect(outstandingList(records, config).map((e) => e.userId)).not.toContain('u7');
  });
  it('lists everyone who qualifies when the cohort is smaller than five', () => {
    expect(outstandingList(cohort.slice(0, 3), config)).toHaveLength(3);
  });
});
