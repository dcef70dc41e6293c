import { DateTime } from 'luxon';
import type { DayHours } from '../cohorts';
import type { LecturerDetails } from '../../domain/types';
import { assessLecturerTier, type LecturerTierAssessment } from './lecturer-tier-assessment';

/** Outcome of one check: passed, failed, or nothing to judge it by (flagged for staff, never counted as failed). */
export type CheckStatus = 'pass' | 'fail' | 'no_data';

/** The four criteria of seed (五) 讲师的考核机制, in seed order. */
export type CriterionKey = 'requirements' | 'interaction' | 'attendanceDrop' | 'feedback';

/**
 * Measurable thresholds of the scorecard. Shares are fractions (0.6 = 60%). Every figure is
 * configurable so the office can tune it per contract; the defaults follow the seed and SPEC §3.5.
 */
export interface ScorecardThresholds {
  /** Minimum hours taught on every training day; the day passes at exactly this figure. */
  minHoursPerDay: number;
  /** A review is on time when written at most this many calendar days after the homework's day. */
  maxReviewDelayDays: number;
  /** Minimum share of trainee questions the lecturer answered; zero questions passes. */
  minAnsweredShare: number;
  /** Minimum share of homework submissions that got a review; zero submissions passes. */
  minReviewedShare: number;
  /** A session ending earlier than timetabled by more than this many minutes is cut short. */
  cutShortToleranceMinutes: number;
  /** Number of cut-short sessions tolerated over the cohort. */
  maxCutShortSessions: number;
  /** Attendance drop fails when a later day's rate is below (1 − this) × day one's rate. */
  attendanceDropShare: number;
  /** Lowest satisfaction score (on 1–5) that counts as a satisfied respondent. */
  satisfiedMinScore: number;
  /** Minimum share of satisfied respondents; the feedback passes at exactly this share. */
  minSatisfiedShare: number;
  /** Share of the fee withheld when any criterion fails. */
  withheldShare: number;
  /** Failed criteria from which the case is severe and flagged 终止合作. */
  severeFailedCriteria: number;
}

/**
 * Defaults: 6 h a day (seed (二)2(1) 每天不少于 6 小时); review by the next day (seed (三)2
 * 在第二天对作业进行点评, earlier is fine); at least half the questions answered, every
 * submission reviewed and no session more than 10 min short (seed (五)2 gives no figure:
 * these are the lightest measurable reading of 解答学员问题 / 作业点评 / 不得减少课程时长);
 * a drop of more than 50% (seed (五)3); satisfied = 4–5 of 5 and at least 60% (seed (五)4
 * 不足 60% fails); 40% withheld (seed (五) 拒付本次培训课酬 40%); severe from 2 failed
 * criteria (seed 情节严重者 — "several" criteria failing is the measurable reading).
 */
export const DEFAULT_SCORECARD_THRESHOLDS: Readonly<ScorecardThresholds> = Object.freeze({
  minHoursPerDay: 6,
  maxReviewDelayDays: 1,
  minAnsweredShare: 0.5,
  minReviewedShare: 1,
  cutShortToleranceMinutes: 10,
  maxCutShortSessions: 0,
  attendanceDropShare: 0.5,
  satisfiedMinScore: 4,
  minSatisfiedShare: 0.6,
  withheldShare: 0.4,
  severeFailedCriteria: 2,
});

/** One homework as the scorecard needs it (from the homework and submission stores). */
export interface ScorecardHomework {
  id: string;
  /** Training day it was assigned for (yyyy-MM-dd, cohort time zone). */
  day: string;
  title?: string;
  /** Submissions received (latest version per trainee). */
  submissions: number;
  /** Of those, how many carry a lecturer review. */
  reviewedSubmissions: number;
  /** When the lecturer first reviewed (点评) this homework: first submission review or a group comment. */
  reviewedAt?: Date;
}

/** One timetabled session of the lecturer, with the 上课/下课 markers when given. */
export interface ScorecardSession {
  id: string;
  day: string;
  title?: string;
  startsAt: Date;
  endsAt: Date;
  actualStart?: Date;
  actualEnd?: Date;
  cancelled: boolean;
}

/**
 * Attendance of one training day, counted per trainee and session (人次) as `scorecardAttendance`
 * reads it: approved leave covering a session takes that place out of the denominator.
 */
export interface ScorecardAttendanceDay {
  day: string;
  /** Trainee-session places: trainees enrolled at each of the day's sessions, summed. */
  places: number;
  /** Places signed in on time or late. */
  present: number;
  /** Places excused by approved leave (the whole day, or that session). */
  onLeave: number;
}

/** Everything the scorecard of one lecturer in one cohort is computed from; plain data only. */
export interface ScorecardInput {
  lecturerName: string;
  cohort: { name: string; code?: string; startDate: string; timezone: string };
  /** The lecturer's training days (yyyy-MM-dd): the days they were engaged to teach. */
  trainingDays: string[];
  /** Hours taught per day, as `hoursByDay` computes them; a training day missing here taught 0 h. */
  hours: DayHours[];
  /** When the lecturer's timetable first reached the bot. */
  timetableFirstProvidedAt?: Date;
  homework: ScorecardHomework[];
  sessions: ScorecardSession[];
  /** Trainee questions addressed to the lecturer, and how many got an answer. */
  questions: { asked: number; answered: number };
  /** Attendance per training day of the lecturer; the earliest day is day one. */
  attendance: ScorecardAttendanceDay[];
  /** Satisfaction answers on 1–5, one per respondent; anything else counts as not answered. */
  satisfactionScores: number[];
  /** Agreed fee in yuan; without it the verdict gives the withheld share only. */
  feeYuan?: number;
  /** The lecturer's recorded profile (讲师资料) for the tier rules; absent: nothing recorded, and the tier says so. */
  lecturerDetails?: LecturerDetails;
}

/** Hours of one training day against the minimum. */
export interface HoursDayEvidence {
  day: string;
  hours: number;
  source: DayHours['source'] | 'none';
  ok: boolean;
}

/** Review of one homework: its delay in calendar days (null: never reviewed or nothing to review). */
export interface ReviewEvidence {
  homeworkId: string;
  day: string;
  title?: string;
  submissions: number;
  reviewedDay?: string;
  delayDays: number | null;
  ok: boolean;
}

/** Criterion 1 (seed (五)1): hours, timetable in advance, daily homework, next-day review. */
export interface RequirementsResult {
  status: CheckStatus;
  hours: { status: CheckStatus; days: HoursDayEvidence[] };
  timetable: { status: CheckStatus; providedAt?: Date; providedLocal?: string; startDate: string };
  homework: { status: CheckStatus; trainingDays: string[]; assignedDays: string[]; missingDays: string[] };
  reviews: { status: CheckStatus; items: ReviewEvidence[] };
}

/** A session that ended early by more than the tolerance. */
export interface CutShortEvidence {
  sessionId: string;
  day: string;
  title?: string;
  endsAt: Date;
  actualEnd: Date;
  minutesShort: number;
}

/** Criterion 2 (seed (五)2): questions answered, reviews written, no session cut short. */
export interface InteractionResult {
  status: CheckStatus;
  questions: { status: CheckStatus; asked: number; answered: number; share: number | null };
  reviews: { status: CheckStatus; submissions: number; reviewed: number; share: number | null };
  cutShort: { status: CheckStatus; sessionsWithEndMarker: number; sessions: CutShortEvidence[] };
}

/** Attendance of one day with its rate (null when nobody was expected) and whether it fell below the floor. */
export interface AttendanceDayEvidence extends ScorecardAttendanceDay {
  expected: number;
  rate: number | null;
  belowFloor: boolean;
}

/** Criterion 3 (seed (五)3): the day-by-day attendance and the first day of a sustained drop, if any. */
export interface AttendanceDropResult {
  status: CheckStatus;
  dayOneRate: number | null;
  /** Rate below which a later day counts as a drop: (1 − attendanceDropShare) × day one. */
  floorRate: number | null;
  days: AttendanceDayEvidence[];
  /** First day whose rate is below the floor with no recovery afterwards. */
  dropDay?: string;
}

/** Criterion 4 (seed (五)4): satisfied respondents among those who answered. */
export interface FeedbackResult {
  status: CheckStatus;
  respondents: number;
  satisfied: number;
  share: number | null;
  /** Respondents per score 1..5 (index 0 is score 1). */
  distribution: [number, number, number, number, number];
}

/** What the office does with the fee and the cooperation. */
export interface ScorecardVerdict {
  passed: boolean;
  failedCriteria: CriterionKey[];
  /** Criteria without data: not failed, but staff should look. */
  noDataCriteria: CriterionKey[];
  withheldShare: number;
  feeYuan?: number;
  withheldYuan?: number;
  payableYuan?: number;
  /** Several criteria failed: 情节严重, flagged 终止合作 for the office to decide. */
  severe: boolean;
}

/** The scorecard of one lecturer in one cohort: each criterion with its evidence, and the verdict. */
export interface Scorecard {
  lecturerName: string;
  cohort: ScorecardInput['cohort'];
  thresholds: ScorecardThresholds;
  requirements: RequirementsResult;
  interaction: InteractionResult;
  attendanceDrop: AttendanceDropResult;
  feedback: FeedbackResult;
  verdict: ScorecardVerdict;
  /** The lecturer's tier (seed (四)) from the profile and this survey's satisfied share, or what is missing for it. */
  lecturerTier: LecturerTierAssessment;
}

// Shares and hours are compared with a little slack so that 6.0 h or 3/5 stored as floats still pass at the threshold.
const EPS = 1e-9;
const MINUTE = 60_000;

const combine = (statuses: CheckStatus[]): CheckStatus =>
  statuses.includes('fail') ? 'fail' : statuses.every((s) => s === 'no_data') ? 'no_data' : 'pass';

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

const dayDiff = (from: string, to: string, tz: string): number =>
  Math.round(DateTime.fromISO(to, { zone: tz }).diff(DateTime.fromISO(from, { zone: tz }), 'days').days);

const toFen = (yuan: number): number => Math.round(yuan * 100);

function evaluateRequirements(input: ScorecardInput, t: ScorecardThresholds): RequirementsResult {
  const tz = input.cohort.timezone;
  const trainingDays = [...new Set(input.trainingDays)].sort();
  const hoursOf = new Map(input.hours.map((h) => [h.day, h]));

  // seed: (二)2(1) 每天不少于 6 小时; (五)1 是否按照所要求时长培训
  const hourDays: HoursDayEvidence[] = trainingDays.map((day) => {
    const h = hoursOf.get(day);
    const hours = h?.hours ?? 0;
    return { day, hours, source: h?.source ?? 'none', ok: hours + EPS >= t.minHoursPerDay };
  });
  const hoursStatus: CheckStatus = hourDays.length === 0 ? 'no_data' : hourDays.every((d) => d.ok) ? 'pass' : 'fail';

  // seed: (二)2(2) 提前制作培训课表; (五)1 是否事先提供课表 — due before 00:00 of the start date, cohort time zone
  const startOfCohort = DateTime.fromISO(input.cohort.startDate, { zone: tz }).startOf('day');
  const providedAt = input.timetableFirstProvidedAt;
  const timetable: RequirementsResult['timetable'] = {
    status: providedAt && providedAt.getTime() < startOfCohort.toMillis() ? 'pass' : 'fail',
    startDate: input.cohort.startDate,
    ...(providedAt ? { providedAt, providedLocal: DateTime.fromJSDate(providedAt, { zone: tz }).toFormat('yyyy-MM-dd HH:mm') } : {}),
  };

  // seed: (三)2 按照培训要求每日布置作业; (五)1 布置作业是否执行
  const assignedDays = [...new Set(input.homework.map((h) => h.day))].sort();
  const missingDays = trainingDays.filter((d) => !assignedDays.includes(d));
  const homeworkStatus: CheckStatus = trainingDays.length === 0 ? 'no_data' : missingDays.length === 0 ? 'pass' : 'fail';

  // seed: (三)2 在第二天对作业进行点评 — reviewed on the next day or earlier passes; later or never fails
  const items: ReviewEvidence[] = [...input.homework]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map((h) => {
      const base = { homeworkId: h.id, day: h.day, submissions: h.submissions, ...(h.title !== undefined ? { title: h.title } : {}) };
      if (h.reviewedAt) {
        const reviewedDay = DateTime.fromJSDate(h.reviewedAt, { zone: tz }).toFormat('yyyy-MM-dd');
        const delayDays = dayDiff(h.day, reviewedDay, tz);
        return { ...base, reviewedDay, delayDays, ok: delayDays <= t.maxReviewDelayDays };
      }
      // Nothing submitted, nothing to review; submitted but never reviewed fails.
      return { ...base, delayDays: null, ok: h.submissions === 0 };
    });
  const reviewsStatus: CheckStatus = items.length === 0 ? 'no_data' : items.every((i) => i.ok) ? 'pass' : 'fail';

  return {
    status: combine([hoursStatus, timetable.status, homeworkStatus, reviewsStatus]),
    hours: { status: hoursStatus, days: hourDays },
    timetable,
    homework: { status: homeworkStatus, trainingDays, assignedDays, missingDays },
    reviews: { status: reviewsStatus, items },
  };
}

function evaluateInteraction(input: ScorecardInput, t: ScorecardThresholds): InteractionResult {
  // seed: (三)1 积极回答学员问题; (五)2 是否解答学员问题 — no question asked passes
  const { asked, answered } = input.questions;
  const qShare = share(answered, asked);
  const questions = { status: qShare === null || qShare + EPS >= t.minAnsweredShare ? 'pass' : 'fail', asked, answered, share: qShare } as const;

  // seed: (三)2 在第二天对作业进行点评; (五)2 课后作业 — every submission gets a review
  const submissions = input.homework.reduce((n, h) => n + h.submissions, 0);
  const reviewed = input.homework.reduce((n, h) => n + Math.min(h.reviewedSubmissions, h.submissions), 0);
  const rShare = share(reviewed, submissions);
  const reviews = { status: rShare === null || rShare + EPS >= t.minReviewedShare ? 'pass' : 'fail', submissions, reviewed, share: rShare } as const;

  // seed: (三)3 不得无故拖延时间; (五)2 是否恶意拖延或减少课程时长 — judged on sessions with a 下课 marker
  const marked = input.sessions.filter((s) => !s.cancelled && s.actualEnd);
  const short: CutShortEvidence[] = [];
  for (const s of marked) {
    const actualEnd = s.actualEnd as Date;
    const msShort = s.endsAt.getTime() - actualEnd.getTime();
    if (msShort > t.cutShortToleranceMinutes * MINUTE) {
      short.push({ sessionId: s.id, day: s.day, endsAt: s.endsAt, actualEnd, minutesShort: Math.round(msShort / MINUTE), ...(s.title !== undefined ? { title: s.title } : {}) });
    }
  }
  short.sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime());
  const cutShort = {
    status: marked.length === 0 ? 'no_data' : short.length <= t.maxCutShortSessions ? 'pass' : 'fail',
    sessionsWithEndMarker: marked.length,
    sessions: short,
  } as const;

  // Questions and reviews with nothing to judge pass vacuously; only cut-short can lack data, and the others still count.
  return { status: combine([questions.status, reviews.status, cutShort.status]), questions, reviews, cutShort };
}

/**
 * seed: (五)3 培训一天后，无其他原因人员骤降 50%以上且一直呈下降趋势. Rate of a day =
 * present / (places − onLeave), so approved leave (the measurable "other cause") leaves the
 * denominator, for the sessions it covers only. A day after day one is a drop when its rate is
 * strictly below (1 − 0.5) × day one's rate (exactly half passes: SPEC says "more than 50%"). It fails when,
 * from the day before that drop to the last day, rates never rise (equal counts as falling):
 * any rise after the drop is a recovery and clears it, and a drop day that is itself a rise
 * (40% → 45%) is not "keeps falling". Days with nobody expected have no rate and are skipped.
 */
function evaluateAttendanceDrop(input: ScorecardInput, t: ScorecardThresholds): AttendanceDropResult {
  const sorted = [...input.attendance].sort((a, b) => a.day.localeCompare(b.day));
  const rated = sorted.map((d) => {
    const expected = Math.max(0, d.places - d.onLeave);
    return { ...d, expected, rate: share(Math.min(d.present, expected), expected) };
  });
  const dayOneRate = rated[0]?.rate ?? null;
  const floorRate = dayOneRate === null ? null : (1 - t.attendanceDropShare) * dayOneRate;
  const days: AttendanceDayEvidence[] = rated.map((d, i) => ({
    ...d,
    belowFloor: i > 0 && floorRate !== null && d.rate !== null && d.rate < floorRate - EPS,
  }));
  if (floorRate === null) return { status: 'no_data', dayOneRate, floorRate, days };

  const series = days.filter((d): d is AttendanceDayEvidence & { rate: number } => d.rate !== null);
  const nonIncreasing = (run: { rate: number }[]) => run.every((d, k) => k === 0 || d.rate <= (run[k - 1]?.rate ?? d.rate) + EPS);
  for (let i = 1; i < series.length; i++) {
    const candidate = series[i];
    if (candidate?.belowFloor && nonIncreasing(series.slice(i - 1))) {
      return { status: 'fail', dayOneRate, floorRate, days, dropDay: candidate.day };
    }
  }
  return { status: 'pass', dayOneRate, floorRate, days };
}

function evaluateFeedback(input: ScorecardInput, t: ScorecardThresholds): FeedbackResult {
  const answers = input.satisfactionScores.filter((s) => Number.isInteger(s) && s >= 1 && s <= 5);
  const distribution: FeedbackResult['distribution'] = [0, 0, 0, 0, 0];
  for (const s of answers) distribution[s - 1] = (distribution[s - 1] ?? 0) + 1;
  const satisfied = answers.filter((s) => s >= t.satisfiedMinScore).length;
  const rate = share(satisfied, answers.length);
  // seed: (五)4 满意度不足总填写人数 60%者 — exactly 60% passes; nobody answered is no data, not a failure
  const status: CheckStatus = rate === null ? 'no_data' : rate + EPS >= t.minSatisfiedShare ? 'pass' : 'fail';
  return { status, respondents: answers.length, satisfied, share: rate, distribution };
}

/**
 * Scores a lecturer on the four criteria of seed (五) with their evidence, and decides the fee:
 * any criterion failed withholds 40%; several failed is severe (终止合作 flagged for the office).
 */
export function evaluateScorecard(input: ScorecardInput, thresholds: Partial<ScorecardThresholds> = {}): Scorecard {
  const t: ScorecardThresholds = { ...DEFAULT_SCORECARD_THRESHOLDS, ...thresholds };
  const requirements = evaluateRequirements(input, t);
  const interaction = evaluateInteraction(input, t);
  const attendanceDrop = evaluateAttendanceDrop(input, t);
  const feedback = evaluateFeedback(input, t);

  const statuses: [CriterionKey, CheckStatus][] = [
    ['requirements', requirements.status],
    ['interaction', interaction.status],
    ['attendanceDrop', attendanceDrop.status],
    ['feedback', feedback.status],
  ];
  const failedCriteria = statuses.filter(([, s]) => s === 'fail').map(([k]) => k);
  const noDataCriteria = statuses.filter(([, s]) => s === 'no_data').map(([k]) => k);

  // seed: (五) 未完成以上要求者，拒付本次培训课酬 40%，情节严重者…从此不产生其他合作
  const passed = failedCriteria.length === 0;
  const withheldShare = passed ? 0 : t.withheldShare;
  const verdict: ScorecardVerdict = {
    passed,
    failedCriteria,
    noDataCriteria,
    withheldShare,
    severe: failedCriteria.length >= t.severeFailedCriteria,
  };
  if (input.feeYuan !== undefined) {
    const fee = toFen(input.feeYuan);
    const withheld = Math.round(fee * withheldShare);
    verdict.feeYuan = fee / 100;
    verdict.withheldYuan = withheld / 100;
    verdict.payableYuan = (fee - withheld) / 100;
  }

  // Age is taken at the cohort's start, when the lecturer was engaged; the timetable counts once the bot holds it.
  const lecturerTier = assessLecturerTier({
    lecturerName: input.lecturerName,
    details: input.lecturerDetails,
    satisfactionRate: feedback.share,
    timetableProvided: input.timetableFirstProvidedAt !== undefined && input.trainingDays.length > 0,
    asOf: input.cohort.startDate,
  });

  return { lecturerName: input.lecturerName, cohort: input.cohort, thresholds: t, requirements, interaction, attendanceDrop, feedback, verdict, lecturerTier };
}
