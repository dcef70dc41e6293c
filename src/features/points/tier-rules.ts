import type { ScoringConfig } from '../../kernel/scoring-config';
import { TIER_REASONS as WHY } from './texts';

/** Trainee tiers (seed: 三(三) 培训学员的等级划分). */
export type Tier = 'basic' | 'excellent' | 'incubation';

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
 * Tiers (SPEC §3.4): everyone is basic; excellent when recommended by the lecturer or at the
 * points threshold (seed: 优秀学员 — 老师推荐及工作人员根据回答问题、作业完成情况统计);
 * incubation when excellent with strong interaction, excellent reviews and many sales
 * (seed: 孵化学员 — 考核方式主要是销售能力及配合情况). Failing the assessment keeps basic.
 * The assessment is a verdict only once the cohort has ended (`finished`); during it, what is
 * short reads as progress (「尚未达标…结业时评定」), never as 考核未通过.
 */
export function evaluateStandings(records: TraineeRecord[], config: ScoringConfig, finished = true): TraineeStanding[] {
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
      const recommended = r.recommendedRank !== null;
      const byPoints = r.points >= config.tiers.excellentPoints;
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

/** One name on the outstanding list with the reason it is there. */
export interface OutstandingEntry {
  userId: string;
  name: string;
  reason: string;
}

/**
 * The outstanding-trainee list at the end of training (seed: 培训效果的维护 4 — 不低于 5 个):
 * the lecturer's recommendations first in their order, then the highest points among those
 * who passed the assessment, until the list has `outstandingListSize` names (or everyone).
 */
export function outstandingList(records: TraineeRecord[], config: ScoringConfig): OutstandingEntry[] {
  const size = config.tiers.outstandingListSize;
  const recommended = records
    .filter((r) => r.recommendedRank !== null)
    .sort((a, b) => (a.recommendedRank ?? 0) - (b.recommendedRank ?? 0))
    .map((r) => ({ userId: r.userId, name: r.name, reason: WHY.recommendedWithPoints(r.points) }));
  const taken = new Set(recommended.map((r) => r.userId));
  const byPoints = evaluateStandings(records, config)
    .filter((s) => !taken.has(s.userId) && s.assessmentPassed)
    .map((s) => ({ userId: s.userId, name: s.name, reason: WHY.pointsRank(s.rank, s.points) }));
  return [...recommended, ...byPoints.slice(0, Math.max(0, size - recommended.length))];
}
