import type { Platform } from '../platform/chat-event';

/** A role inside one cohort, or a configured administrator's right. */
export type Role = 'trainee' | 'lecturer' | 'staff' | 'office';

/** Plan approval state of a cohort. */
export type PlanStatus = 'draft' | 'submitted' | 'approved' | 'rejected';

/** Per-cohort attendance settings (seed: 培训会场制度 (3)). */
export interface CohortSettings {
  signInOpensMinutes: number;
  arriveEarlyMinutes: number;
  flagNotEarly: boolean;
}

/**
 * The settings of a cohort that states none (seed: 培训会场制度 (3) — arrive 5 minutes early;
 * SPEC §3.1 — sign-in opens 30 minutes before): the one place these defaults are written.
 */
export const DEFAULT_COHORT_SETTINGS: Readonly<CohortSettings> = Object.freeze({
  signInOpensMinutes: 30,
  arriveEarlyMinutes: 5,
  flagNotEarly: false,
});

/** A training cohort as services see it. */
export interface Cohort {
  id: string;
  code: string;
  name: string;
  startDate: string;
  endDate: string;
  location: string;
  timezone: string;
  createdBy: string;
  plan: { status: PlanStatus; submittedAt?: Date; submittedBy?: string; decidedAt?: Date; decidedBy?: string; reason?: string };
  settings: CohortSettings;
  timetableFirstProvidedAt?: Date;
}

/** One timetabled session. */
export interface Session {
  id: string;
  cohortId: string;
  day: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  lecturerName: string;
  cancelled: boolean;
  closedAt?: Date;
  actualStart?: Date;
  actualEnd?: Date;
}

/** A person's membership in a cohort. */
export interface Member {
  cohortId: string;
  platform: Platform;
  userId: string;
  name: string;
  roles: Role[];
  active: boolean;
  joinedAt: Date;
  /** A lecturer's profile for the tier rules (讲师资料); absent until someone records it. */
  lecturerDetails?: LecturerDetails;
}

/** Kinds of lecturer certificate the tier rules tell apart (seed (四)): T1, 专家级, platform, 专业技能, other 讲师证, anything else. */
export type LecturerCertificateKind = 't1' | 'expert' | 'platform' | 'skill' | 'lecturer' | 'other';

/**
 * What a lecturer's profile says, as recorded by 讲师资料, for the tier rules of seed (四).
 * Every field is optional: absent means nobody stated it, which is not the same as "none".
 */
export interface LecturerDetails {
  /** Age in full years as stated. */
  ageYears?: number;
  /** yyyy-MM-dd, when stated instead of the age. */
  birthDate?: string;
  /** Years in training, consulting and related industries. */
  industryYears?: number;
  /** Certificates as stated; an empty list means the lecturer stated they hold none. */
  certificates?: { kind: LecturerCertificateKind; name: string }[];
  /** A practitioner without a certificate provided proof of employment (seed (二)1 从业证明). */
  employmentProofProvided?: boolean;
}

/** Attendance outcome of one trainee in one session. */
export type AttendanceStatus = 'on_time' | 'late' | 'absent' | 'leave';

/** One attendance record; unique per session and trainee. */
export interface Attendance {
  sessionId: string;
  cohortId: string;
  platform: Platform;
  userId: string;
  name: string;
  status: AttendanceStatus;
  notEarly: boolean;
  minutesLate: number;
  signedInAt?: Date;
  signedOutAt?: Date;
  earlyLeave: boolean;
}

/** Kinds of counted activity. */
export type ActivityKind = 'question' | 'answer' | 'practice' | 'sales' | 'recommendation';

/** One counted activity. */
export interface Activity {
  cohortId: string;
  platform: Platform;
  userId: string;
  name: string;
  kind: ActivityKind;
  day: string;
  sessionId?: string;
  amount?: number;
  note: string;
  recordedBy?: string;
  sourceKey: string;
  at: Date;
}

/** A platform group bound to a cohort. */
export interface GroupBinding {
  platform: Platform;
  groupId: string;
  cohortId: string;
  title: string;
  /** The bot account that serves the group (src/platform/bot-account.ts); absent until one is known. */
  account?: string;
}

/** One follow-up visit (回访登记) of a trainee in one wave. */
export interface FollowUp {
  cohortId: string;
  wave: number;
  platform: Platform;
  userId: string;
  name: string;
  askedAt: Date;
  remindedAt?: Date;
  answeredAt?: Date;
  openedShop?: boolean;
  shopPlatform?: string;
  monthlySalesYuan?: number;
  needsHelp?: string;
  answerText?: string;
}

/** One homework as services see it. */
export interface Homework {
  id: string;
  cohortId: string;
  day: string;
  seq: number;
  content: string;
  deadline: Date;
  assignedBy: string;
  assignedByName: string;
  assignedAt: Date;
}

/** A leave request as services see it. */
export interface LeaveRequest {
  id: string;
  cohortId: string;
  no: number;
  platform: Platform;
  userId: string;
  name: string;
  day: string;
  sessionId?: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedAt: Date;
  decidedAt?: Date;
  decidedBy?: string;
}

/** One logged moderation action. */
export interface ModerationRecord {
  id: string;
  cohortId: string;
  no: number;
  platform: Platform;
  groupId: string;
  userId: string;
  name: string;
  kind: 'warn' | 'mute' | 'remove' | 'escalate' | 'flood';
  rule: string;
  categories: string[];
  matches: { word: string; category: string; start: number; end: number }[];
  messageId: string;
  text: string;
  recalled: boolean;
  staffTodo: string;
  by: string;
  at: Date;
  expiresAt?: Date;
  undoneAt?: Date;
  undoneBy?: string;
  appeal?: { text: string; at: Date };
}

/** One line of the points ledger. */
export interface PointEntry {
  cohortId: string;
  platform: Platform;
  userId: string;
  name: string;
  points: number;
  reason: string;
  detail: string;
  sourceKey: string;
  at: Date;
}

/** One trainee's registration form. */
export interface Registration {
  cohortId: string;
  platform: Platform;
  userId: string;
  realName: string;
  phone: string;
  village: string;
  products: string;
  experience: string;
}

/** A lecturer's review of a submission. */
export interface Review {
  score: number;
  comment: string;
  reviewedBy: string;
  reviewedAt: Date;
}

/** One version of a trainee's submission. */
export interface Submission {
  id: string;
  homeworkId: string;
  cohortId: string;
  platform: Platform;
  userId: string;
  name: string;
  version: number;
  text: string;
  imageIds: string[];
  submittedAt: Date;
  late: boolean;
  review?: Review;
  showcased: boolean;
}

/** A feedback survey about one lecturer of a cohort. */
export interface Survey {
  id: string;
  cohortId: string;
  lecturerName: string;
  openedAt: Date;
  closesAt: Date;
  closedAt?: Date;
  invited: string[];
}

/** One trainee's answers (the trainee is kept only to take one answer each). */
export interface SurveyResponse {
  surveyId: string;
  cohortId: string;
  lecturerName: string;
  platform: Platform;
  userId: string;
  satisfaction: number;
  content: number;
  pace: number;
  improve: string;
  answeredAt: Date;
}

/** An administrator who claimed the role with a one-time code (ADMIN_IDS are configured, not stored). */
export interface ClaimedAdmin {
  platform: Platform;
  userId: string;
  name: string;
  grantedAt: Date;
  /** The claim code spent, for the audit trail. */
  claimCodeId: string;
}

/** How a one-time administrator claim code came out: spent now, or why not. */
export type AdminClaimOutcome =
  | { status: 'claimed'; codeId: string }
  | { status: 'unknown' | 'used' | 'expired' };
