import type { ScoringConfig } from '../../kernel/scoring-config';
import type { Attendance, Cohort } from '../../domain/types';
import type { Stores } from '../../stores/create-stores';
import type { TraineeRecord } from './tier-rules';
import { attendancePointsDetail } from './texts';

/** Pays attendance points once per session and trainee (seed: 三(二) 课堂表现). */
export async function awardAttendance(stores: Stores, scoring: ScoringConfig, record: Attendance): Promise<void> {
  if (record.status !== 'on_time' && record.status !== 'late') return;
  const points = record.status === 'on_time' ? scoring.points.onTime : scoring.points.late;
  if (points === 0) return;
  await stores.points.award({
    cohortId: record.cohortId,
    platform: record.platform,
    userId: record.userId,
    name: record.name,
    points,
    reason: 'attendance',
    detail: attendancePointsDetail(record.status, record.minutesLate),
    sourceKey: `att:${record.sessionId}:${record.userId}`,
    at: record.signedInAt ?? new Date(),
  });
}

/** Gathers what the tier rules need for every trainee of a cohort from the stores. */
export async function traineeRecords(stores: Stores, cohort: Cohort): Promise<TraineeRecord[]> {
  const [trainees, ledger, homework, submissions, activities] = await Promise.all([
    stores.members.listWithRole(cohort.id, 'trainee'),
    stores.points.listByCohort(cohort.id),
    stores.homework.listByCohort(cohort.id),
    stores.submissions.listByCohort(cohort.id),
    stores.activities.list(cohort.id),
  ]);
  const recommendations = activities.filter((a) => a.kind === 'recommendation');
  return trainees.map((t) => {
    const mine = submissions.filter((s) => s.userId === t.userId);
    const scores = new Map<string, number>();
    for (const s of mine) if (s.review) scores.set(s.homeworkId, s.review.score);
    const reviewScores = [...scores.values()];
    const acts = activities.filter((a) => a.userId === t.userId);
    const rec = recommendations.findIndex((a) => a.userId === t.userId);
    return {
      userId: t.userId,
      name: t.name,
      points: Math.round(ledger.filter((e) => e.userId === t.userId).reduce((sum, e) => sum + e.points, 0) * 10) / 10,
      homeworkAssigned: homework.length,
      homeworkSubmitted: new Set(mine.map((s) => s.homeworkId)).size,
      averageReview: reviewScores.length ? Math.round(reviewScores.reduce((a, b) => a + b, 0) / reviewScores.length) : null,
      interactions: acts.filter((a) => a.kind === 'question').length,
      salesYuan: acts.filter((a) => a.kind === 'sales').reduce((sum, a) => sum + (a.amount ?? 0), 0),
      practiceCount: acts.filter((a) => a.kind === 'practice').length,
      recommendedRank: rec >= 0 ? rec : null,
    };
  });
}
