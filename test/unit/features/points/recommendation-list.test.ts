import { DEFAULT_SCORING } from '../../../../src/kernel/scoring-config';
import { clearsBar, recommendationBar, recommendationLines, recommendationList, type AttendanceTally, type TraineeRecord } from '../../../../src/features/points/tier-rules';

const record = (userId: string, points: number, [attended, expected]: [number, number], recommendedRank: number | null = null): TraineeRecord => ({
  userId,
  name: `学员${userId}`,
  points,
  homeworkAssigned: 0,
  homeworkSubmitted: 0,
  averageReview: null,
  interactions: 0,
  salesYuan: 0,
  practiceCount: 0,
  recommendedRank,
  attendance: { attended, expected },
});

describe('the recommendation list (推荐名单) and its bar', () => {
  it('never puts forward a trainee who never came and earned no points, even the lecturer’s pick', () => {
    const records = [record('z', 0, [0, 6], 0), record('a', 8, [6, 6]), record('b', 6, [5, 6]), record('c', 0, [0, 6])];
    const { listed, heldBack } = recommendationList(records, DEFAULT_SCORING);
    expect(listed.map((e) => e.userId)).toEqual(['a', 'b']);
    expect(heldBack).toEqual([{ userId: 'z', name: '学员z', tally: { attended: 0, expected: 6 }, points: 0 }]);
  });

  it('keeps the lecturer’s picks who clear the bar first, then fills up by points to the list size', () => {
    const records = [record('p', 4, [5, 6], 0), ...['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => record(id, 20 - i, [5, 6]))];
    const { listed } = recommendationList(records, DEFAULT_SCORING);
    expect(listed.map((e) => e.userId)).toEqual(['p', 'a', 'b', 'c', 'd']);
    expect(listed[1]!.reason).toBe('积分第 1 名（20 分）');
  });

  it('moves the next in line up when a high scorer attended too little', () => {
    // 'a' has the most points (sales, say) but came to 2 of 6 sessions: below 60%.
    const records = [record('a', 40, [2, 6]), record('b', 10, [4, 6]), record('c', 9, [6, 6])];
    expect(recommendationList(records, DEFAULT_SCORING).listed.map((e) => e.userId)).toEqual(['b', 'c']);
  });

  it('sets the bar at the assessment’s completion share of sessions attended, and points above zero', () => {
    const bar = recommendationBar(DEFAULT_SCORING);
    expect(bar.minAttendanceShare).toBe(0.6);
    const clears = (tally: AttendanceTally, points: number) => clearsBar(tally, points, bar);
    expect(clears({ attended: 3, expected: 5 }, 1)).toBe(true);
    expect(clears({ attended: 2, expected: 5 }, 10)).toBe(false);
    expect(clears({ attended: 5, expected: 5 }, 0)).toBe(false);
    expect(clears({ attended: 0, expected: 0 }, 5)).toBe(false);
  });

  it('follows the configured completion share', () => {
    const lenient = { ...DEFAULT_SCORING, tiers: { ...DEFAULT_SCORING.tiers, minHomeworkCompletion: 0.3 } };
    expect(recommendationList([record('a', 40, [2, 6])], lenient).listed.map((e) => e.userId)).toEqual(['a']);
  });

  it('prints the list, the bar, the picks held back and what is short, in one wording', () => {
    const records = [record('z', 0, [0, 6], 0), record('a', 8, [6, 6])];
    expect(recommendationLines(recommendationList(records, DEFAULT_SCORING), DEFAULT_SCORING)).toEqual([
      '推荐名单（1 人，请工作人员审核）：',
      '1. 学员a — 积分第 1 名（8 分），出勤 6/6',
      '推荐门槛：出勤不少于 60% 且积分大于 0',
      '讲师推荐但未达门槛，未列入：学员z（出勤 0/6，积分 0）',
      '⚠️ 推荐名单不足 5 人，请讲师补充推荐（#优秀学员 @学员）。',
    ]);
  });

  it('says so when nobody clears the bar', () => {
    const lines = recommendationLines(recommendationList([record('c', 0, [0, 6])], DEFAULT_SCORING), DEFAULT_SCORING);
    expect(lines[0]).toBe('推荐名单：暂无学员达到推荐门槛');
    expect(lines.join('\n')).not.toContain('学员c');
  });
});
