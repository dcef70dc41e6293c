import { ModerationReviewStore } from './moderation-review-store';
import { CohortWordStore } from './cohort-word-store';
import type { Connection } from 'mongoose';
import { ActivityStore } from './activity-store';
import { AdminStore } from './admin-store';
import { AttendanceStore } from './attendance-store';
import { BindingStore } from './binding-store';
import { CohortStore } from './cohort-store';
import { ConsoleStore } from './console-store';
import { FollowUpStore } from './follow-up-store';
import { HomeworkListSummaryStore, HomeworkStore } from './homework-store';
import { ImageStore } from './image-store';
import { LeaveStore, LeaveSummaryStore } from './leave-store';
import { MemberStore } from './member-store';
import { ModerationStore } from './moderation-store';
import { PointsStore } from './points-store';
import { RegistrationStore } from './registration-store';
import { SubmissionStore } from './submission-store';
import { HomeworkSummaryStore } from './homework-summary-store';
import { RosterSummaryStore } from './roster-summary-store';
import { ModerationSummaryStore } from './moderation-summary-store';
import { SurveyStore } from './survey-store';
import { SessionStore, TimetableSummaryStore } from './session-store';
import { SessionSummaryStore } from './session-summary-store';
import { DigestReadStore } from './digest-read-store';
import type { HotState } from './hot/hot-state';
import { HotAttendanceStore, HotBindingStore, HotCohortStore, HotCohortWordStore, HotLeaveStore, HotMemberStore, HotModerationStore, HotPointsStore, HotSessionStore } from './hot/hot-stores';

/** Every store the services use, built on one connection. */
export interface Stores {
  cohorts: CohortStore;
  bindings: BindingStore;
  members: MemberStore;
  sessions: SessionStore;
  attendance: AttendanceStore;
  leave: LeaveStore;
  registrations: RegistrationStore;
  homework: HomeworkStore;
  submissions: SubmissionStore;
  points: PointsStore;
  activities: ActivityStore;
  images: ImageStore;
  moderation: ModerationStore;
  /** Messages the detector was unsure of, waiting for staff (确认/忽略), and the words staff dismissed per cohort. */
  reviews: ModerationReviewStore;
  /** Each cohort's own word-list changes (#敏感词). */
  cohortWords: CohortWordStore;
  surveys: SurveyStore;
  followUps: FollowUpStore;
  /** Administrators who claimed the role with a one-time code. */
  admins: AdminStore;
  /** One summary per held session, written when it closes (the digest reads these, not the raw rows). */
  sessionSummaries: SessionSummaryStore;
  /** One summary per homework, kept by every submission write (the digest reads these, not the versions). */
  homeworkSummaries: HomeworkSummaryStore;
  /** One roster summary per cohort (active trainees and staff), kept by every member write (the digest reads these, not the members). */
  rosterSummaries: RosterSummaryStore;
  /** One moderation summary per cohort, kept by the moderation log's writes (the digest reads these, not the actions). */
  moderationSummaries: ModerationSummaryStore;
  /** One timetable summary per cohort (every session), kept by every session write (the digest reads these, not the sessions). */
  timetableSummaries: TimetableSummaryStore;
  /** One leave summary per cohort (every request), kept by every leave write (the digest reads these, not the requests). */
  leaveSummaries: LeaveSummaryStore;
  /** One homework list summary per cohort, kept by every homework write (the digest reads these, not the homework). */
  homeworkLists: HomeworkListSummaryStore;
  /** The daily digest's reads for all running cohorts at once. */
  digestReads: DigestReadStore;
  /** The staff console's sign-in links and audit log. */
  console: ConsoleStore;
}

/**
 * Builds the stores and makes sure their indexes exist (the indexes carry the invariants).
 * With `hot`, the chat path's reads come from the process's hot state and every write that
 * changes it is announced to the other processes (see src/stores/hot/hot-state.ts).
 */
/** Resolves once every summary rebuild the stores started in the background (and the later ones that clear young marks) has ended. */
export async function summariesSettled(stores: Stores): Promise<void> {
  await Promise.all([stores.rosterSummaries, stores.moderationSummaries, stores.timetableSummaries, stores.leaveSummaries, stores.homeworkLists].map((s) => s.settled()));
}

export async function createStores(conn: Connection, options: { hot?: HotState } = {}): Promise<Stores> {
  const { hot } = options;
  const homeworkSummaries = new HomeworkSummaryStore(conn);
  const rosterSummaries = new RosterSummaryStore(conn);
  const moderationSummaries = new ModerationSummaryStore(conn);
  const timetableSummaries = new TimetableSummaryStore(conn);
  const leaveSummaries = new LeaveSummaryStore(conn);
  const homeworkLists = new HomeworkListSummaryStore(conn);
  const stores: Stores = {
    cohorts: hot ? new HotCohortStore(conn, hot) : new CohortStore(conn),
    bindings: hot ? new HotBindingStore(conn, hot) : new BindingStore(conn),
    members: hot ? new HotMemberStore(conn, hot, rosterSummaries) : new MemberStore(conn, rosterSummaries),
    sessions: hot ? new HotSessionStore(conn, hot, timetableSummaries) : new SessionStore(conn, timetableSummaries),
    attendance: hot ? new HotAttendanceStore(conn, hot) : new AttendanceStore(conn),
    leave: hot ? new HotLeaveStore(conn, hot, leaveSummaries) : new LeaveStore(conn, leaveSummaries),
    registrations: new RegistrationStore(conn),
    homework: new HomeworkStore(conn, homeworkLists),
    submissions: new SubmissionStore(conn, homeworkSummaries),
    points: hot ? new HotPointsStore(conn, hot) : new PointsStore(conn),
    activities: new ActivityStore(conn),
    images: new ImageStore(conn),
    moderation: hot ? new HotModerationStore(conn, hot, moderationSummaries) : new ModerationStore(conn, moderationSummaries),
    reviews: new ModerationReviewStore(conn),
    cohortWords: hot ? new HotCohortWordStore(conn, hot) : new CohortWordStore(conn),
    surveys: new SurveyStore(conn),
    followUps: new FollowUpStore(conn),
    admins: new AdminStore(conn),
    sessionSummaries: new SessionSummaryStore(conn),
    homeworkSummaries,
    rosterSummaries,
    moderationSummaries,
    timetableSummaries,
    leaveSummaries,
    homeworkLists,
    digestReads: new DigestReadStore(conn, {
      homework: homeworkSummaries,
      roster: rosterSummaries,
      moderation: moderationSummaries,
      timetable: timetableSummaries,
      leave: leaveSummaries,
      homeworkList: homeworkLists,
    }),
    console: new ConsoleStore(conn),
  };
  await Promise.all(Object.values(conn.models).map((m) => m.createIndexes()));
  return stores;
}
