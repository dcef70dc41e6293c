import type { Cohort } from '../../domain/types';
import type { Stores } from '../../stores/create-stores';
import type { ScoringConfig } from '../../kernel/scoring-config';
import { evaluateStandings, outstandingList, TIER_NAMES, traineeRecords, type TraineeRecord } from '../points';
import { excusedFrom } from '../leave';
import { endOfTrainingHeading, heldBackLine, recommendationBarLine, recommendedHeading, recommendedShort, tierCounts } from './texts';

/** Sessions a trainee attended (on time or late) of those they were expected at. */
export interface AttendanceTally {
  attended: number;
  /** Held sessions the trainee was enrolled at, less those approved leave excused. */
  expected: number;
}

/**
 * The bar a trainee must clear to be put forward on the end-of-training recommendation list
 * (推荐名单): present at no less than the assessment's completion share of the sessions they were
 * expected at (seed 三(三) 考核为老师评价，及互动、作业完成情况; 60% by default), and points
 * above zero. Nobody who never came and earned nothing is put forward, lecturer's pick or not.
 */
export interface RecommendationBar {
  minAttendanceShare: number;
  minPointsAbove: number;
}

/** The bar with the scoring configuration's thresholds. */
export function recommendationBar(scoring: ScoringConfig): RecommendationBar {
  return { minAttendanceShare: scoring.tiers.minHomeworkCompletion, minPointsAbove: 0 };
}

/** Whether a trainee with this tally and these points clears the bar; no session expected means no attendance to show. */
export function clearsBar(tally: AttendanceTally, points: number, bar: RecommendationBar): boolean {
  return tally.expected > 0 && tally.attended >= tally.expected * bar.minAttendanceShare - 1e-9 && points > bar.minPointsAbove;
}

/**
 * Counts each trainee's attendance over the cohort's held sessions (ended or closed by `now`,
 * cancelled ones never count), as closing each session writes it (SPEC §3.1–3.2): enrolled by the
 * session's end, present when signed in on time or late, excused when approved leave covers it.
 */
export async function attendanceTallies(stores: Stores, cohortId: string, now: Date): Promise<Map<string, AttendanceTally>> {
  const [sessions, trainees, attendance, approvedLeave] = await Promise.all([
    stores.sessions.listByCohort(cohortId),
    stores.members.listWithRole(cohortId, 'trainee'),
    stores.attendance.listByCohort(cohortId),
    stores.leave.listByCohort(cohortId, 'approved'),
  ]);
  const held = sessions.filter((s) => !s.cancelled && (s.endsAt.getTime() <= now.getTime() || (s.closedAt !== undefined && s.closedAt.getTime() <= now.getTime())));
  const status = new Map(attendance.map((a) => [`${a.sessionId}|${a.userId}`, a.status]));
  const tallies = new Map<string, AttendanceTally>(trainees.map((t) => [t.userId, { attended: 0, expected: 0 }]));
  for (const s of held) {
    const excused = excusedFrom(approvedLeave, s);
    for (const t of trainees) {
      if (t.joinedAt.getTime() > s.endsAt.getTime()) continue;
      const st = status.get(`${s.id}|${t.userId}`);
      if (st === 'leave' || (st === undefined && excused.has(t.userId))) continue;
      const tally = tallies.get(t.userId)!;
      tally.expected += 1;
      if (st === 'on_time' || st === 'late') tally.attended += 1;
    }
  }
  return tallies;
}

/** One name on the recommendation list, with why and the attendance behind it. */
export interface RecommendedTrainee {
  userId: string;
  name: string;
  reason: string;
  tally: AttendanceTally;
}

/** A lecturer's pick left off the list for the bar (named to staff, so they know why). */
export interface HeldBack {
  name: string;
  tally: AttendanceTally;
  points: number;
}

/**
 * The recommendation list for staff to review (seed 培训效果的维护 4 优秀学员名单不低于 5 个):
 * the points feature's outstanding list (lecturer's picks first, then by points among those who
 * passed the assessment), with everyone below the bar taken off and the next in line moved up,
 * until it has `outstandingListSize` names or nobody else clears the bar.
 */
export function recommendationList(
  records: TraineeRecord[],
  tallies: ReadonlyMap<string, AttendanceTally>,
  scoring: ScoringConfig,
): { listed: RecommendedTrainee[]; heldBack: HeldBack[] } {
  const bar = recommendationBar(scoring);
  const size = scoring.tiers.outstandingListSize;
  const tallyOf = (userId: string): AttendanceTally => tallies.get(userId) ?? { attended: 0, expected: 0 };
  const byId = new Map(records.map((r) => [r.userId, r]));
  // The whole ordering (not cut at the list size), so those below the bar can be replaced.
  const everyone = outstandingList(records, { ...scoring, tiers: { ...scoring.tiers, outstandingListSize: records.length } });
  const listed: RecommendedTrainee[] = [];
  const heldBack: HeldBack[] = [];
  for (const e of everyone) {
    const r = byId.get(e.userId);
    if (!r) continue;
    const tally = tallyOf(e.userId);
    const picked = r.recommendedRank !== null;
    if (!clearsBar(tally, r.points, bar)) {
      if (picked) heldBack.push({ name: e.name, tally, points: r.points });
      continue;
    }
    // The lecturer's picks all stay; points fill the rest up to the list size.
    if (picked || listed.length < size) listed.push({ userId: e.userId, name: e.name, reason: e.reason, tally });
  }
  return { listed, heldBack };
}

/** The end-of-training report's lines before the lecturer tiers: tiers as evaluated, the recommendation list, its bar and what is short. */
export async function endOfTrainingLines(stores: Stores, cohort: Cohort, scoring: ScoringConfig, now: Date): Promise<{ lines: string[]; listed: number }> {
  const records = await traineeRecords(stores, cohort);
  const standings = evaluateStandings(records, scoring);
  const tallies = await attendanceTallies(stores, cohort.id, now);
  const { listed, heldBack } = recommendationList(records, tallies, scoring);
  const size = scoring.tiers.outstandingListSize;
  const tiers = (['incubation', 'excellent', 'basic'] as const).map((t) => ({ name: TIER_NAMES[t], count: standings.filter((s) => s.tier === t).length }));
  const lines = [
    endOfTrainingHeading(cohort.name),
    tierCounts(tiers),
    recommendedHeading(listed.length),
    ...listed.map((e, i) => `${i + 1}. ${e.name} — ${e.reason}，出勤 ${e.tally.attended}/${e.tally.expected}`),
    recommendationBarLine(Math.round(recommendationBar(scoring).minAttendanceShare * 100)),
  ];
  if (heldBack.length) lines.push(heldBackLine(heldBack.map((h) => `${h.name}（出勤 ${h.tally.attended}/${h.tally.expected}，积分 ${h.points}）`)));
  if (listed.length < size) lines.push(recommendedShort(size));
  return { lines, listed: listed.length };
}
