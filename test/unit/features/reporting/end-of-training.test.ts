import { DEFAULT_SCORING } from '../../../../src/kernel/scoring-config';
import type { TraineeRecord } from '../../../../src/features/points';
import { clearsBar, recommendationBar, recommendationList, type AttendanceTally } from '../../../../src/features/reporting/end-of-training';

const record = (userId: string, points: number, recommendedRank: number | null = null): TraineeRecord => ({
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
});
const tallies = (entries: Record<string, [number, number]>) =>
  new Map<string, AttendanceTally>(Object.entries(entries).map(([id, [attended, expected]]) => [id, { attended, expected }]));

describe('the end-of-training recommendation list (推荐名单)', () => {
  it('never puts forward a trainee who never came and earned no points, even the lecturer’s pick', () => {
    const records = [record('z', 0, 0), record('a', 8), record('b', 6), record('c', 0)];
    const { listed, heldBack } = recommendationList(records, tallies({ z: [0, 6], a: [6, 6], b: [5, 6], c: [0, 6] }), DEFAULT_SCORING);
    expect(listed.map((e) => e.userId)).toEqual(['a', 'b']);
    expect(heldBack).toEqual([{ name: '学员z', tally: { attended: 0, expected: 6 }, points: 0 }]);
  });

  it('keeps the lecturer’s picks who clear the bar first, then fills up by points to the list size', () => {
    const records = [record('p', 4, 0), ...['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => record(id, 20 - i))];
    const all = tallies(Object.fromEntries(['p', 'a', 'b', 'c', 'd', 'e', 'f'].map((id) => [id, [5, 6]])));
    const { listed } = recommendationList(records, all, DEFAULT_SCORING);
    expect(listed.map((e) => e.userId)).toEqual(['p', 'a', 'b', 'c', 'd']);
    expect(listed[1]!.reason).toBe('积分第 1 名（20 分）');
  });

  it('moves the next in line up when a high scorer attended too little', () => {
    // 'a' has the most points (sales, say) but came to 2 of 6 sessions: below 60%.
    const records = [record('a', 40), record('b', 10), record('c', 9)];
    const { listed } = recommendationList(records, tallies({ a: [2, 6], b: [4, 6], c: [6, 6] }), DEFAULT_SCORING);
    expect(listed.map((e) => e.userId)).toEqual(['b', 'c']);
  });

  it('sets the bar at the assessment’s completion share of sessions attended, and points above zero', () => {
    const bar = recommendationBar(DEFAULT_SCORING);
    expect(bar.minAttendanceShare).toBe(0.6);
    expect(clearsBar({ attended: 3, expected: 5 }, 1, bar)).toBe(true);
    expect(clearsBar({ attended: 2, expected: 5 }, 10, bar)).toBe(false);
    expect(clearsBar({ attended: 5, expected: 5 }, 0, bar)).toBe(false);
    expect(clearsBar({ attended: 0, expected: 0 }, 5, bar)).toBe(false);
  });
});
