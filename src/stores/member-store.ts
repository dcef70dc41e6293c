import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import type { LecturerCertificateKind, LecturerDetails, Member, Role } from '../domain/types';
import { memberModel } from './models/member.model';
import { upsertRetrying } from './is-duplicate-key';
import { RosterSummaryStore } from './roster-summary-store';

type MemberDoc = {
  cohortId: Types.ObjectId;
  platform: string;
  userId: string;
  name: string;
  roles: string[];
  active?: boolean | null;
  joinedAt: Date;
  lecturerDetails?: LecturerDetailsDoc | null;
};

type LecturerDetailsDoc = {
  ageYears?: number | null;
  birthDate?: string | null;
  industryYears?: number | null;
  certificates?: { kind: string; name: string }[] | null;
  employmentProofProvided?: boolean | null;
};

// Absent and null both read as "never stated"; an empty certificate list is kept (stated: none).
function toLecturerDetails(d: LecturerDetailsDoc): LecturerDetails {
  const out: LecturerDetails = {};
  if (typeof d.ageYears === 'number') out.ageYears = d.ageYears;
  if (typeof d.birthDate === 'string') out.birthDate = d.birthDate;
  if (typeof d.industryYears === 'number') out.industryYears = d.industryYears;
  if (Array.isArray(d.certificates)) out.certificates = d.certificates.map((c) => ({ kind: c.kind as LecturerCertificateKind, name: c.name }));
  if (typeof d.employmentProofProvided === 'boolean') out.employmentProofProvided = d.employmentProofProvided;
  return out;
}

function toMember(d: MemberDoc): Member {
  return {
    cohortId: String(d.cohortId),
    platform: d.platform as Platform,
    userId: d.userId,
    name: d.name,
    roles: d.roles as Role[],
    active: d.active !== false,
    joinedAt: d.joinedAt,
    ...(d.lecturerDetails ? { lecturerDetails: toLecturerDetails(d.lecturerDetails) } : {}),
  };
}

/**
 * Reads and writes people's memberships and roles in cohorts. Every write that changes what the
 * daily digest reads of a member (name, roles, active, joining) marks the member in the same
 * command and then brings the cohort's roster summary up to date (roster-summary-store.ts):
 * awaited, except for enrolment, which a first 签到 waits for.
 */
export class MemberStore {
  private readonly model;

  constructor(
    conn: Connection,
    private readonly summaries: RosterSummaryStore = new RosterSummaryStore(conn),
  ) {
    this.model = memberModel(conn);
  }

  async find(cohortId: string, platform: Platform, userId: string): Promise<Member | null> {
    const doc = await this.model.findOne({ cohortId: new Types.ObjectId(cohortId), platform, userId: String(userId) }).lean();
    return doc ? toMember(doc) : null;
  }

  /** Adds a person with a role (keeping roles they already hold) and marks them active. */
  async addRole(cohortId: string, platform: Platform, user: { id: string; name: string }, role: Role, at: Date): Promise<void> {
    await this.summaries.marked(cohortId, () => this.putRole(cohortId, platform, user, role, at));
    await this.summaries.settle(cohortId);
  }

  /**
   * Gives a role in the cohort. Lecturers and staff stop being trainees (they are not
   * counted for attendance); making someone a trainee keeps their other roles.
   */
  async setRole(cohortId: string, platform: Platform, user: { id: string; name: string }, role: Role, at: Date): Promise<void> {
    await this.summaries.marked(cohortId, async () => {
      await this.putRole(cohortId, platform, user, role, at);
      if (role !== 'trainee') await this.model.updateOne({ cohortId: new Types.ObjectId(cohortId), platform, userId: String(user.id) }, { $pull: { roles: 'trainee' } });
    });
    await this.summaries.settle(cohortId);
  }

  /**
   * Enrols many trainees at once; existing members keep their roles. The roster summary is
   * brought up to date without this waiting for it (a first 签到 enrols and must not wait).
   */
  async enrolTrainees(cohortId: string, platform: Platform, users: { id: string; name: string }[], at: Date): Promise<void> {
    if (users.length === 0) return;
    const ops = users.map((u) => ({
      updateOne: {
        filter: { cohortId: new Types.ObjectId(cohortId), platform, userId: String(u.id) },
        update: { $set: { name: String(u.name), active: true }, $setOnInsert: { joinedAt: at, roles: ['trainee'] } },
        upsert: true,
      },
    }));
    await this.summaries.marked(cohortId, () => upsertRetrying(() => this.model.bulkWrite(ops, { ordered: false })));
    this.summaries.recordLater(cohortId);
  }

  /** Writes a role (inside the caller's mark for the roster summary). */
  private async putRole(cohortId: string, platform: Platform, user: { id: string; name: string }, role: Role, at: Date): Promise<void> {
    await upsertRetrying(() =>
      this.model.updateOne(
        { cohortId: new Types.ObjectId(cohortId), platform, userId: String(user.id) },
        { $set: { name: String(user.name), active: true }, $addToSet: { roles: role }, $setOnInsert: { joinedAt: at } },
        { upsert: true },
      ),
    );
  }

  /** Replaces a member's lecturer profile (讲师资料) with `details`; false when there is no such member. */
  async setLecturerDetails(cohortId: string, platform: Platform, userId: string, details: LecturerDetails): Promise<boolean> {
    const res = await this.model.updateOne({ cohortId: new Types.ObjectId(cohortId), platform, userId: String(userId) }, { $set: { lecturerDetails: details } });
    return res.matchedCount === 1;
  }

  /** Marks a member as having left the group. */
  async markLeft(cohortId: string, platform: Platform, userId: string, at: Date): Promise<void> {
    const res = await this.summaries.marked(
      cohortId,
      () => this.model.updateOne({ cohortId: new Types.ObjectId(cohortId), platform, userId: String(userId) }, { $set: { active: false, leftAt: at } }),
      (r) => r.matchedCount > 0,
    );
    if (res.matchedCount > 0) await this.summaries.settle(cohortId);
  }

  /** Active members of a cohort holding a role, in order of joining. */
  async listWithRole(cohortId: string, role: Role): Promise<Member[]> {
    const docs = await this.model
      .find({ cohortId: new Types.ObjectId(cohortId), roles: role as 'trainee', active: { $ne: false } })
      .sort({ joinedAt: 1, userId: 1 })
      .lean();
    return docs.map(toMember);
  }

  /** Members of a cohort, active or gone, whose display name is `name`: how a timetable's lecturer name finds its member. */
  async listNamed(cohortId: string, name: string): Promise<Member[]> {
    const docs = await this.model.find({ cohortId: new Types.ObjectId(cohortId), name: String(name) }).sort({ joinedAt: 1, userId: 1 }).lean();
    return docs.map(toMember);
  }

  /** Every member of a cohort, active or gone (the roster the chat path keeps in memory). */
  async listByCohort(cohortId: string): Promise<Member[]> {
    const docs = await this.model.find({ cohortId: new Types.ObjectId(cohortId) }).sort({ joinedAt: 1, userId: 1 }).lean();
    return docs.map(toMember);
  }

  /** Every cohort a person belongs to on a platform. */
  async listForUser(platform: Platform, userId: string): Promise<Member[]> {
    const docs = await this.model.find({ platform, userId: String(userId) }).sort({ joinedAt: -1 }).lean();
    return docs.map(toMember);
  }
}
