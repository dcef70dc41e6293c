import type { Activity, AttendanceStatus, Cohort, FollowUp, LeaveRequest, Member, ModerationRecord, PointEntry, Role, Session, Survey } from '../domain/types';
import { localDay } from '../kernel/local-time';
import { leaveCovers } from '../features/leave';
import { buildTraineeRecords, evaluateStandings, recommendationList, type HeldBack, type RecommendedTrainee, type TraineeRecord, type TraineeStanding } from '../features/points';
import { computeDigest } from '../features/reporting/digest';
import { attendanceTrendSvg } from '../charts/trend-chart';
import type { ConsoleAuditEntry } from '../stores/console-store';
import type { ConsoleDeps } from './console-deps';
import { readCohortPageRows, type CohortPageRows, type PageSubmission } from './cohort-page-reads';

/** A grid cell: an attendance status, or none yet. */
export type CellStatus = AttendanceStatus | 'none';

/** Submissions of one homework: who handed it in, late, reviewed. */
export interface HomeworkRow {
  day: string;
  seq: number;
  content: string;
  deadline: Date;
  submitted: number;
  late: number;
  reviewed: number;
}

/** One survey with how many answered and the average satisfaction. */
export interface SurveyRow {
  survey: Survey;
  answered: number;
  averageSatisfaction: number | null;
}

/** Everything the cohort page shows, read once per request. */
export interface CohortPageData {
  cohort: Cohort;
  roles: Set<Role>;
  now: Date;
  sessions: Session[];
  trainees: Pick<Member, 'name' | 'userId'>[];
  /** `${sessionId}|${userId}` → status. */
  cells: Map<string, CellStatus>;
  /** The attendance trend chart; empty before the first session is held. */
  trendSvg: string;
  /** The trend's figures per day (percent; null: nothing counted that day), shown under the chart. */
  trend: { day: string; rate: number | null }[];
  homework: HomeworkRow[];
  standings: TraineeStanding[];
  recommended: RecommendedTrainee[];
  heldBack: HeldBack[];
  leave: LeaveRequest[];
  moderation: ModerationRecord[];
  surveys: SurveyRow[];
  followUps: FollowUp[];
  audit: ConsoleAuditEntry[];
}

/** Charts drawn lately, by their figures: drawing one takes longer than reading most sections. */
const drawnCharts = new Map<string, string>();
const DRAWN_CHARTS_KEPT = 64;

/** The trend chart of these figures, drawn once while they stay the same. */
function trendChart(trend: { day: string; rate: number | null }[]): string {
  const key = JSON.stringify(trend);
  const kept = drawnCharts.get(key);
  if (kept !== undefined) return kept;
  const svg = attendanceTrendSvg(trend, { pointLabels: false });
  if (drawnCharts.size >= DRAWN_CHARTS_KEPT) drawnCharts.delete(drawnCharts.keys().next().value!);
  drawnCharts.set(key, svg);
  return svg;
}

/** Reads one cohort's page: the attendance grid, trend, homework, points and tiers, leave, moderation, surveys, follow-ups. */
export async function gatherCohortPage(deps: ConsoleDeps, cohort: Cohort, roles: Set<Role>): Promise<CohortPageData> {
  const { stores, scoring } = deps;
  const now = deps.clock.now();
  const [rows, ledger, activities, moderation, surveyDocs, followUps, audit] = await Promise.all([
    readCohortPageRows(deps.conn, stores, cohort.id),
    stores.points.listByCohort(cohort.id),
    stores.activities.list(cohort.id),
    stores.moderation.list(cohort.id, 50),
    stores.surveys.listByCohort(cohort.id),
    stores.followUps.listByCohort(cohort.id),
    stores.console.listAudit(cohort.id, 30),
  ]);
  const surveysPending = Promise.all(
    surveyDocs.map(async (survey): Promise<SurveyRow> => {
      const answers = await stores.surveys.responsesOf(survey.id);
      const avg = answers.length ? answers.reduce((a, r) => a + r.satisfaction, 0) / answers.length : null;
      return { survey, answered: answers.length, averageSatisfaction: avg };
    }),
  );
  const sessions = rows.sessions.filter((s) => !s.cancelled).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const trainees = rows.trainees.filter((m) => m.active);
  const records = new Map(rows.attendance.map((r) => [`${r.sessionId}|${r.userId}`, r.status]));
  const cells = new Map<string, CellStatus>();
  for (const s of sessions) {
    for (const t of trainees) {
      const covered = rows.leave.some((l) => l.userId === t.userId && leaveCovers(l, s));
      cells.set(`${s.id}|${t.userId}`, records.get(`${s.id}|${t.userId}`) ?? (covered ? 'leave' : 'none'));
    }
  }
  const today = localDay(now, cohort.timezone);
  const day = today > cohort.endDate ? cohort.endDate : today;
  // Only the trend (attendance per day) is read from the digest: its homework and moderation figures are not shown here.
  const digest = computeDigest({ cohort, sessions: rows.sessions, members: rows.trainees, attendance: rows.attendance, leave: rows.leave, homework: [], submissions: [], moderation: [] }, day, { now });
  const trend = digest.trend.map((d) => ({ day: d.day, rate: d.rate === null ? null : d.rate * 100 }));
  const trendSvg = trend.some((d) => d.rate !== null) ? trendChart(trend) : '';
  const byHomework = new Map<string, PageSubmission[]>();
  for (const s of rows.submissions) byHomework.set(s.homeworkId, [...(byHomework.get(s.homeworkId) ?? []), s]);
  const homework = rows.homework.map((h): HomeworkRow => {
    const mine = byHomework.get(h.id) ?? [];
    const users = new Set(mine.map((s) => s.userId));
    const latest = (u: string) => mine.filter((s) => s.userId === u).sort((a, b) => b.version - a.version)[0];
    return {
      day: h.day,
      seq: h.seq,
      content: h.content,
      deadline: h.deadline,
      submitted: users.size,
      late: [...users].filter((u) => mine.every((s) => s.userId !== u || s.late)).length,
      reviewed: [...users].filter((u) => latest(u)?.review !== undefined).length,
    };
  });
  const traineeRecordList = recordsOf(rows, ledger, activities, now);
  const finished = today > cohort.endDate;
  const standings = evaluateStandings(traineeRecordList, scoring, finished);
  const { listed, heldBack } = recommendationList(traineeRecordList, scoring);
  return {
    cohort,
    roles,
    now,
    sessions,
    trainees,
    cells,
    trendSvg,
    trend,
    homework,
    standings,
    recommended: listed,
    heldBack,
    leave: rows.leave,
    moderation,
    surveys: await surveysPending,
    followUps,
    audit,
  };
}

/** What the tier rules need per trainee, built by the points feature from the page's rows (read once). */
function recordsOf(rows: CohortPageRows, ledger: readonly PointEntry[], activities: readonly Activity[], now: Date): TraineeRecord[] {
  const approvedLeave = rows.leave.filter((l) => l.status === 'approved');
  return buildTraineeRecords({ trainees: rows.trainees, ledger, homework: rows.homework, submissions: rows.submissions, activities, sessions: rows.sessions, attendance: rows.attendance, approvedLeave }, now);
}
