import type { ScoringConfig } from '../../kernel/scoring-config';
import { heldBackLine, recommendationBarLine, recommendedHeading, recommendedLine, recommendedShort, TIER_REASONS as WHY } from './texts';

/** Trainee tiers (seed: 三(三) 培训学员的等级划分). */
export type Tier = 'basic' | 'excellent' | 'incubation';

/** Sessions a trainee attended (on time or late) of those they were expected at. */
export interface AttendanceTally {
  attended: number;
  /** Held sessions the trainee was enrolled at, less those approved leave excused. */
  expected: number;
}

/** What the tier rules look at for one trainee. */
export interface TraineeRecord {
  userId: string;
  name: string;
  points: number;
  /** Homework assigned in the cohort so far, and how many of them the trainee submitted. */
  homeworkAssigned: number;
  homeworkSubmitted: number;
  /** Average lecturer review score (0–100), null when nothing was reviewed. */
  averageReview: number | null;
  interactions: number;
  salesYuan: number;
  practiceCount: number;
  /** Order of the lecturer's recommendation (0 first), null when not recommended. */
  recommendedRank: number | null;
  /** Attendance over the sessions held so far. */
  attendance: AttendanceTally;
}

/** A trainee's evaluated standing. */
export interface TraineeStanding {
  userId: string;
  name: string;
  points: number;
  rank: number;
  tier: Tier;
  assessmentPassed: boolean;
  /** Why the tier is what it is, in Chinese. */
  reasons: string[];
}

/**
 * The bar a trainee must clear to be put forward (推荐名单), and that a lecturer's pick must
 * clear to count as 优秀学员: present at no less than the assessment's completion share of the
 * sessions they were expected at (seed 三(三) 考核为老师评价，及互动、作业完成情况; 60% by
 * default), and points above zero. Nobody who never came and earned nothing is put forward.
 */
export interface RecommendationBar {
  minAttendanceShare: number;
  minPointsAbove: number;
}

/** The bar with the scoring configuration's thresholds. */
export function recommendationBar(config: ScoringConfig): RecommendationBar {
  return { minAttendanceShare: config.tiers.minHomeworkCompletion, minPointsAbove: 0 };
}

/** Whether a trainee with this tally and these points clears the bar; no session expected means no attendance to show. */
export function clearsBar(tally: AttendanceTally, points: number, bar: RecommendationBar): boolean {
  return barShortfalls(tally, points, bar).length === 0;
}

/** What keeps a trainee below the bar, in Chinese (empty when they clear it). */
export function barShortfalls(tally: AttendanceTally, points: number, bar: RecommendationBar): string[] {
  const why: string[] = [];
  if (tally.expected === 0) why.push(WHY.noSessionYet);
  else if (tally.attended < tally.expected * bar.minAttendanceShare - 1e-9) why.push(WHY.attendanceShort(tally.attended, tally.expected, Math.round(bar.minAttendanceShare * 100)));
  if (points <= bar.minPointsAbove) why.push(WHY.pointsNotAbove(points, bar.minPointsAbove));
  return why;
}

/**
 * The assessment of a basic trainee (seed: 基础型学员 — 考核为老师评价，及互动、作业完成情况):
 * homework completion and the lecturer's review scores; a trainee who fails it cannot move on.
 */
export function passesAssessment(r: TraineeRecord, config: ScoringConfig): { passed: boolean; why: string[] } {
  const why: string[] = [];
  const completion = r.homeworkAssigned === 0 ? 1 : r.homeworkSubmitted / r.homeworkAssigned;
  if (completion < config.tiers.minHomeworkCompletion) {
    why.push(WHY.homeworkCompletion(r.homeworkSubmitted, r.homeworkAssigned, Math.round(config.tiers.minHomeworkCompletion * 100)));
  }
  if (r.averageReview !== null && r.averageReview < config.tiers.minAverageReview) {
    why.push(WHY.averageReview(r.averageReview, config.tiers.minAverageReview));
  }
  return { passed: why.length === 0, why };
}

/**
 * Tiers (SPEC §3.4): everyone is basic; excellent when recommended by the lecturer (and the
 * pick clears the recommendation bar) or at the points threshold (seed: 优秀学员 — 老师推荐及
 * 工作人员根据回答问题、作业完成情况统计);
 * incubation when excellent with strong interaction, excellent reviews and many sales
 * (seed: 孵化学员 — 考核方式主要是销售能力及配合情况). Failing the assessment keeps basic.
 * The assessment is a verdict only once the cohort has ended (`finished`); during it, what is
 * short reads as progress (「尚未达标…结业时评定」), never as 考核未通过.
 */
export function evaluateStandings(records: TraineeRecord[], config: ScoringConfig, finished = true): TraineeStanding[] {
  const bar = recommendationBar(config);
  const ranked = [...records].sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'zh'));
  let rank = 0;
  let lastPoints = Number.NaN;
  return ranked.map((r, i) => {
    if (r.points !== lastPoints) rank = i + 1;
    lastPoints = r.points;
    const assessment = passesAssessment(r, config);
    const reasons: string[] = [];
    let tier: Tier = 'basic';
    if (!assessment.passed) {
      reasons.push(finished ? WHY.assessmentFailed(assessment.why) : WHY.assessmentPending(assessment.why));
    } else {
      const picked = r.recommendedRank !== null;
      const recommended = picked && clearsBar(r.attendance, r.points, bar);
      const byPoints = r.points >= config.tiers.excellentPoints;
      if (picked && !recommended && !byPoints) {
        const short = barShortfalls(r.attendance, r.points, bar);
        reasons.push(finished ? WHY.pickBelowBar(short) : WHY.pickPending(short));
      }
      if (recommended || byPoints) {
        tier = 'excellent';
        reasons.push(recommended ? WHY.recommended : WHY.byPoints(r.points, config.tiers.excellentPoints));
        const t = config.tiers;
        const strong =
          r.salesYuan >= t.incubationSalesYuan && r.interactions >= t.incubationInteractions && r.averageReview !== null && r.averageReview >= t.incubationAverageReview;
        if (strong) {
          tier = 'incubation';
          reasons.push(WHY.incubation(r.salesYuan, r.interactions, r.averageReview));
        }
      }
    }
    return { userId: r.userId, name: r.name, points: r.points, rank, tier, assessmentPassed: assessment.passed, reasons };
  });
}

/** One name on the recommendation list, with why and the attendance behind it. */
export interface RecommendedTrainee {
  userId: string;
  name: string;
  reason: string;
  tally: AttendanceTally;
}

/** A lecturer's pick left off the recommendation list for the bar (named to staff, so they know why). */
export interface HeldBack {
  userId: string;
  name: string;
  tally: AttendanceTally;
  points: number;
}

/**
 * The recommendation list (推荐名单) that 排名, the end-of-training report and the 档案 workbook
 * show (seed 培训效果的维护 4 优秀学员名单不低于 5 个; 四(二)7 优质学员档案): the lecturer's picks
 * first in their order, then the highest points among those who passed the assessment, everyone
 * below the bar left off (the lecturer's picks among them held back, by name), until the list
 * has `outstandingListSize` names or nobody else clears the bar. Every pick who clears it stays.
 */
export function recommendationList(records: TraineeRecord[], config: ScoringConfig): { listed: RecommendedTrainee[]; heldBack: HeldBack[] } {
  const bar = recommendationBar(config);
  const size = config.tiers.outstandingListSize;
  const picks = records
    .filter((r) => r.recommendedRank !== null)
    .sort((a, b) => (a.recommendedRank ?? 0) - (b.recommendedRank ?? 0));
  const listed: RecommendedTrainee[] = [];
  const heldBack: HeldBack[] = [];
  for (const r of picks) {
    if (clearsBar(r.attendance, r.points, bar)) listed.push({ userId: r.userId, name: r.name, reason: WHY.recommendedWithPoints(r.points), tally: r.attendance });
    else heldBack.push({ userId: r.userId, name: r.name, tally: r.attendance, points: r.points });
  }
  const byId = new Map(records.map((r) => [r.userId, r]));
  for (const s of evaluateStandings(records, config)) {
    if (listed.length >= size) break;
    const r = byId.get(s.userId)!;
    if (r.recommendedRank !== null || !s.assessmentPassed || !clearsBar(r.attendance, r.points, bar)) continue;
    listed.push({ userId: s.userId, name: s.name, reason: WHY.pointsRank(s.rank, s.points), tally: r.attendance });
  }
  return { listed, heldBack };
}

/** The recommendation list as 排名 and the end-of-training report print it: names, the bar, who was held back, what is short. */
export function recommendationLines(list: { listed: RecommendedTrainee[]; heldBack: HeldBack[] }, config: ScoringConfig): string[] {
  const bar = recommendationBar(config);
  const size = config.tiers.outstandingListSize;
  const lines = [
    recommendedHeading(list.listed.length),
    ...list.listed.map((e, i) => recommendedLine(i + 1, e.name, e.reason, e.tally.attended, e.tally.expected)),
    recommendationBarLine(Math.round(bar.minAttendanceShare * 100), bar.minPointsAbove),
  ];
  if (list.heldBack.length) lines.push(heldBackLine(list.heldBack.map((h) => ({ name: h.name, attended: h.tally.attended, expected: h.tally.expected, points: h.points }))));
  if (list.listed.length < size) lines.push(recommendedShort(size));
  return lines;
}
