import type { Connection } from 'mongoose';
import { ActivityStore } from './activity-store';
import { AdminStore } from './admin-store';
import { AttendanceStore } from './attendance-store';
import { BindingStore } from './binding-store';
import { CohortStore } from './cohort-store';
import { FollowUpStore } from './follow-up-store';
import { HomeworkStore } from './homework-store';
import { ImageStore } from './image-store';
import { LeaveStore } from './leave-store';
import { MemberStore } from './member-store';
import { ModerationStore } from './moderation-store';
import { PointsStore } from './points-store';
import { RegistrationStore } from './registration-store';
import { SubmissionStore } from './submission-store';
import { SurveyStore } from './survey-store';
import { SessionStore } from './session-store';

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
  surveys: SurveyStore;
  followUps: FollowUpStore;
  /** Administrators who claimed the role with a one-time code. */
  admins: AdminStore;
}

/** Builds the stores and makes sure their indexes exist (the indexes carry the invariants). */
export async function createStores(conn: Connection): Promise<Stores> {
  const stores: Stores = {
    cohorts: new CohortStore(conn),
    bindings: new BindingStore(conn),
    members: new MemberStore(conn),
    sessions: new SessionStore(conn),
    attendance: new AttendanceStore(conn),
    leave: new LeaveStore(conn),
    registrations: new RegistrationStore(conn),
    homework: new HomeworkStore(conn),
    submissions: new SubmissionStore(conn),
    points: new PointsStore(conn),
    activities: new ActivityStore(conn),
    images: new ImageStore(conn),
    moderation: new ModerationStore(conn),
    surveys: new SurveyStore(conn),
    followUps: new FollowUpStore(conn),
    admins: new AdminStore(conn),
  };
  await Promise.all(Object.values(conn.models).map((m) => m.createIndexes()));
  return stores;
}
