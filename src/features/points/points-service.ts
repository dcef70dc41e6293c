import type { ScoringConfig } from '../../kernel/scoring-config';
import type { Activity, Attendance, Cohort, Homework, LeaveRequest, Member, PointEntry, Session, Submission } from '../../domain/types';
import type { Stores } from '../../stores/create-stores';
import { excusedFrom } from '../leave';
import type { AttendanceTally, TraineeRecord } from './tier-rules';
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

/** What attendance is counted from: the cohort's sessions, trainees, attendance records and approved leave. */
export interface AttendanceInput {
  sessions: Session[];
  trainees: Member[];
  attendance: readonly Pick<Attendance, 'sessionId' | 'userId' | 'status'>[];
  approvedLeave: LeaveRequest[];
}

/**
 * Counts each trainee's attendance over the cohort's held sessions (ended or closed by `now`,
 * cancelled ones never count), as closing each session writes it (SPEC §3.1–3.2): enrolled by the
 * session's end, present when signed in on time or late, excused when approved leave covers it.
 */
export function tallyAttendance(input: AttendanceInput, now: Date): Map<string, AttendanceTally> {
  const { sessions, trainees, attendance, approvedLeave } = input;
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

/** The rows a cohort's trainee records are built from (one read of each collection). */
export interface TraineeRecordRows {
  trainees: Member[];
  ledger: readonly Pick<PointEntry, 'userId' | 'points'>[];
  homework: readonly Pick<Homework, 'id'>[];
  submissions: readonly (Pick<Submission, 'userId' | 'homeworkId'> & { review?: { score: number } })[];
  activities: readonly Pick<Activity, 'userId' | 'kind' | 'amount'>[];
  sessions: Session[];
  attendance: readonly Pick<Attendance, 'sessionId' | 'userId' | 'status'>[];
  /** Approved leave only. */
  approvedLeave: LeaveRequest[];
}

/**
 * Gathers what the tier rules need for every trainee of a cohort from the stores; attendance
 * counts the sessions held by `now` (the caller's clock; the current time when left out).
 */
export async function traineeRecords(stores: Stores, cohort: Cohort, now: Date = new Date()): Promise<TraineeRecord[]> {
  const [trainees, ledger, homework, submissions, activities, sessions, attendance, approvedLeave] = await Promise.all([
    stores.members.listWithRole(cohort.id, 'trainee'),
    stores.points.listByCohort(cohort.id),
    stores.homework.listByCohort(cohort.id),
    stores.submissions.listByCohort(cohort.id),
    stores.activities.list(cohort.id),
    stores.sessions.listByCohort(cohort.id),
    stores.attendance.listByCohort(cohort.id),
    stores.leave.listByCohort(cohort.id, 'approved'),
  ]);
  return buildTraineeRecords({ trainees, ledger, homework, submissions, activities, sessions, attendance, approvedLeave }, now);
}

/** The trainee records of `traineeRecords` from rows already read (a page that reads them once for several views). */
export function buildTraineeRecords(rows: TraineeRecordRows, now: Date): TraineeRecord[] {
  const { trainees, ledger, homework, submissions, activities, sessions, attendance, approvedLeave } = rows;
  const tallies = tallyAttendance({ sessions, trainees, attendance, approvedLeave }, now);
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
      attendance: tallies.get(t.userId) ?? { attended: 0, expected: 0 },
    };
  });
}
