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
  plan: { status: PlanStatus; submittedAt?: Date; decidedAt?: Date; decidedBy?: string; reason?: string };
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
