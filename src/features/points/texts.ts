/** Points' user-facing wording (SPEC §3.4): tier names, 记录, 优秀学员, 排名 and the ledger's notes. */
/**
 * Chinese names of the trainee tiers (seed: 三(三) 培训学员的等级划分). Keyed by the literal
 * names, not tier-rules' `Tier`, since tier-rules reads its reasons from this file.
 */
export const TIER_NAMES: Readonly<Record<'basic' | 'excellent' | 'incubation', string>> = Object.freeze({
  basic: '基础型学员',
  excellent: '优秀学员',
  incubation: '孵化学员',
});

/** Why a trainee has their tier or place on the outstanding list, as 排名, 我的 and the archives show it. */
export const TIER_REASONS = {
  homeworkCompletion: (submitted: number, assigned: number, minPercent: number) => `作业完成 ${submitted}/${assigned}，低于 ${minPercent}%`,
  averageReview: (average: number, min: number) => `作业平均分 ${average}，低于 ${min}`,
  assessmentFailed: (why: string[]) => `考核未通过：${why.join('；')}`,
  assessmentPending: (why: string[]) => `尚未达标：${why.join('；')}（结业时评定）`,
  recommended: '讲师推荐',
  byPoints: (points: number, threshold: number) => `积分 ${points} ≥ ${threshold}`,
  incubation: (salesYuan: number, interactions: number, averageReview: number | null) => `销售 ${salesYuan} 元、互动 ${interactions} 次、作业平均 ${averageReview} 分`,
  recommendedWithPoints: (points: number) => `讲师推荐（积分 ${points}）`,
  pointsRank: (rank: number, points: number) => `积分第 ${rank} 名（${points} 分）`,
  pickBelowBar: (why: string[]) => `讲师推荐但未达推荐门槛：${why.join('；')}`,
  pickPending: (why: string[]) => `讲师推荐，尚未达推荐门槛：${why.join('；')}（结业时评定）`,
  noSessionYet: '还没有应到的课',
  attendanceShort: (attended: number, expected: number, minPercent: number) => `出勤 ${attended}/${expected}，不足 ${minPercent}%`,
  pointsNotAbove: (points: number, min: number) => `积分 ${points}，需大于 ${min}`,
} as const;

// 优秀学员 is a tier (as evaluated); 推荐名单 is the list put forward for staff to review, with its bar.

/** The heading of the recommendation list. */
export function recommendedHeading(count: number): string {
  return count > 0 ? `推荐名单（${count} 人，请工作人员审核）：` : '推荐名单：暂无学员达到推荐门槛';
}

/** One name on the recommendation list: place, name, why, attendance. */
export function recommendedLine(place: number, name: string, reason: string, attended: number, expected: number): string {
  return `${place}. ${name} — ${reason}，出勤 ${attended}/${expected}`;
}

/** The bar a trainee must clear to be on the recommendation list. */
export function recommendationBarLine(minAttendancePercent: number, minPointsAbove: number): string {
  return `推荐门槛：出勤不少于 ${minAttendancePercent}% 且积分大于 ${minPointsAbove}`;
}

/** The lecturer's picks left off the recommendation list for the bar. */
export function heldBackLine(entries: { name: string; attended: number; expected: number; points: number }[]): string {
  return `讲师推荐但未达门槛，未列入：${entries.map((e) => `${e.name}（出勤 ${e.attended}/${e.expected}，积分 ${e.points}）`).join('、')}`;
}

/** The recommendation list is shorter than the seed's minimum. */
export function recommendedShort(size: number): string {
  return `⚠️ 推荐名单不足 ${size} 人，请讲师补充推荐（#优秀学员 @学员）。`;
}

/** The ledger's note of attendance points. */
export function attendancePointsDetail(status: 'on_time' | 'late', minutesLate: number): string {
  return status === 'late' ? `迟到 ${minutesLate} 分钟` : '准时签到';
}

/** The ledger's note of a question's points. */
export const QUESTION_POINTS_DETAIL = '课堂提问';

/** 记录 without one trainee or a kind. */
export const RECORD_ARGS_MISSING = '需要 @ 一位学员，并写 销售 <金额> 或 实操 <说明>';
/** 记录 销售 with an amount that is not one. */
export const SALES_AMOUNT_INVALID = '销售金额要写大于 0 的数字（元）';
/** 记录 实操 without a note. */
export const PRACTICE_NOTE_REQUIRED = '请写实操说明';

/** The ledger's note of sales points. */
export function salesDetail(amount: number): string {
  return `销售 ${amount} 元`;
}

/** 记录 销售 done. */
export function salesRecorded(name: string, amount: number, points: number): string {
  return `已记录 ${name} 销售 ${amount} 元（+${points} 分）。`;
}

/** 记录 实操 done. */
export function practiceRecorded(name: string, note: string, points: number): string {
  return `已记录 ${name} 实操：${note}（+${points} 分）。`;
}

/** 优秀学员 without anyone @mentioned. */
export const RECOMMEND_ARGS_MISSING = '需要 @ 推荐的学员（可以多位）';

/** 优秀学员 done. */
export function recommended(names: string[]): string {
  return `已推荐：${names.join('、')}。`;
}

/** The group's one line when 排名 was asked there: the ranking names tiers and who falls short, so it goes privately. */
export const RANKING_SENT_PRIVATELY = '排名含学员等级和考核情况，已私聊发给你，不在群里公开。';

/** 排名: the ranking with tiers, followed by the recommendation list's lines. */
export function rankingText(r: {
  cohortName: string;
  standings: { rank: number; name: string; points: number; tier: keyof typeof TIER_NAMES; reasons: string[] }[];
  recommendation: string[];
}): string {
  return [
    `「${r.cohortName}」积分排名：`,
    ...r.standings.map((s) => `${s.rank}. ${s.name} ${s.points} 分 · ${TIER_NAMES[s.tier]}${s.reasons.length ? `（${s.reasons.join('；')}）` : ''}`),
    ...r.recommendation,
  ].join('\n');
}
