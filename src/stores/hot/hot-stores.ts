import type { Connection } from 'mongoose';
import type { Platform } from '../../platform/chat-event';
import type { Attendance, Cohort, GroupBinding, Member, ModerationRecord, PlanStatus, PointEntry, Role, Session, LecturerDetails, LeaveRequest } from '../../domain/types';
import { AttendanceStore, type AttendanceInput } from '../attendance-store';
import { BindingStore } from '../binding-store';
import { CohortStore } from '../cohort-store';
import { CohortWordStore, type CohortWord } from '../cohort-word-store';
import { MemberStore } from '../member-store';
import { LeaveStore, type LeaveSummaryStore } from '../leave-store';
import { ModerationStore } from '../moderation-store';
import type { ModerationSummaryStore } from '../moderation-summary-store';
import type { RosterSummaryStore } from '../roster-summary-store';
import { PointsStore } from '../points-store';
import { SessionStore, type SessionInput, type TimetableSummaryStore } from '../session-store';
import { attendanceKey, bindingKey, cohortKey, personKey, type HotState } from './hot-state';

const byJoined = (a: Member, b: Member) => a.joinedAt.getTime() - b.joinedAt.getTime() || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
const copyMember = (m: Member): Member => ({ ...m, roles: [...m.roles] });

/**
 * A deep copy of plain data (objects, arrays, dates) as structuredClone makes it, without its
 * serialisation: the cohort is copied out of the hot state on every message. Anything else
 * inside goes through structuredClone.
 */
function copyPlain<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(copyPlain) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in source) out[k] = copyPlain(source[k]);
  return out as T;
}

/** Cohorts, read from the hot state; plan changes announced. */
export class HotCohortStore extends CohortStore {
  constructor(conn: Connection, private readonly hot: HotState) {
    super(conn);
  }

  override async findById(id: string): Promise<Cohort | null> {
    const cohort = await this.hot.read(cohortKey('cohort', id), () => super.findById(id));
    return cohort ? copyPlain(cohort) : null;
  }

  override async setPlanStatus(id: string, from: PlanStatus[], to: PlanStatus, fields: { at: Date; by: string; reason?: string }): Promise<Cohort | null> {
    const out = await super.setPlanStatus(id, from, to, fields);
    this.hot.changed({ kind: 'cohort', cohortId: id, parts: ['cohort'] });
    return out;
  }

  override async markTimetableProvided(id: string, at: Date): Promise<void> {
    await super.markTimetableProvided(id, at);
    this.hot.changed({ kind: 'cohort', cohortId: id, parts: ['cohort'] });
  }
}

/** Group bindings (an unbound group too), read from the hot state; rebinding and a claimed account announced. */
export class HotBindingStore extends BindingStore {
  constructor(conn: Connection, private readonly hot: HotState) {
    super(conn);
  }

  override async findByGroup(platform: Platform, groupId: string): Promise<GroupBinding | null> {
    const binding = await this.hot.read(bindingKey(platform, groupId), () => super.findByGroup(platform, groupId));
    return binding ? { ...binding } : null;
  }

  override async bind(binding: GroupBinding & { boundBy: string }): Promise<void> {
    await super.bind(binding);
    this.hot.changed({ kind: 'binding', platform: binding.platform, groupId: String(binding.groupId) });
  }

  // Announced whether or not this claim was the one written: the kept binding (without an account) is stale either way.
  override async claimAccount(platform: Platform, groupId: string, account: string): Promise<boolean> {
    const claimed = await super.claimAccount(platform, groupId, account);
    this.hot.changed({ kind: 'binding', platform, groupId: String(groupId) });
    return claimed;
  }
}

/** The roster of a cohort, loaded whole once; every membership change announced. */
export class HotMemberStore extends MemberStore {
  constructor(conn: Connection, private readonly hot: HotState, summaries?: RosterSummaryStore) {
    super(conn, summaries);
  }

  private roster(cohortId: string): Promise<Map<string, Member>> {
    return this.hot.read(cohortKey('members', cohortId), async () => {
      const members = await super.listByCohort(cohortId);
      return new Map(members.map((m) => [personKey(m.platform, m.userId), m]));
    });
  }

  private changed(cohortId: string): void {
    this.hot.changed({ kind: 'cohort', cohortId, parts: ['members'] });
  }

  override async find(cohortId: string, platform: Platform, userId: string): Promise<Member | null> {
    if (!this.hot.caching) return super.find(cohortId, platform, userId);
    const m = (await this.roster(cohortId)).get(personKey(platform, String(userId)));
    return m ? copyMember(m) : null;
  }

  override async listByCohort(cohortId: string): Promise<Member[]> {
    if (!this.hot.caching) return super.listByCohort(cohortId);
    return [...(await this.roster(cohortId)).values()].sort(byJoined).map(copyMember);
  }

  override async listWithRole(cohortId: string, role: Role): Promise<Member[]> {
    if (!this.hot.caching) return super.listWithRole(cohortId, role);
    return (await this.listByCohort(cohortId)).filter((m) => m.active && m.roles.includes(role));
  }

  override async listNamed(cohortId: string, name: string): Promise<Member[]> {
    if (!this.hot.caching) return super.listNamed(cohortId, name);
    return (await this.listByCohort(cohortId)).filter((m) => m.name === String(name));
  }

  override async addRole(cohortId: string, platform: Platform, user: { id: string; name: string }, role: Role, at: Date): Promise<void> {
    await super.addRole(cohortId, platform, user, role, at);
    this.changed(cohortId);
  }

  override async setRole(cohortId: string, platform: Platform, user: { id: string; name: string }, role: Role, at: Date): Promise<void> {
    await super.setRole(cohortId, platform, user, role, at);
    this.changed(cohortId);
  }

  override async enrolTrainees(cohortId: string, platform: Platform, users: { id: string; name: string }[], at: Date): Promise<void> {
    await super.enrolTrainees(cohortId, platform, users, at);
    if (users.length > 0) this.changed(cohortId);
  }

  override async setLecturerDetails(cohortId: string, platform: Platform, userId: string, details: LecturerDetails): Promise<boolean> {
    const out = await super.setLecturerDetails(cohortId, platform, userId, details);
    this.changed(cohortId);
    return out;
  }

  override async markLeft(cohortId: string, platform: Platform, userId: string, at: Date): Promise<void> {
    await super.markLeft(cohortId, platform, userId, at);
    this.changed(cohortId);
  }
}

/** A cohort's timetable, loaded whole once (cancelled sessions too); every change announced. */
export class HotSessionStore extends SessionStore {
  constructor(conn: Connection, private readonly hot: HotState, summaries?: TimetableSummaryStore) {
    super(conn, summaries);
  }

  private all(cohortId: string): Promise<Session[]> {
    return this.hot.read(cohortKey('sessions', cohortId), async () => {
      const sessions = await super.listByCohort(cohortId, true);
      this.hot.noteSessions(cohortId, sessions.map((s) => s.id));
      return sessions;
    });
  }

  override async listByCohort(cohortId: string, includeCancelled = false): Promise<Session[]> {
    if (!this.hot.caching) return super.listByCohort(cohortId, includeCancelled);
    return (await this.all(cohortId)).filter((s) => includeCancelled || !s.cancelled).map((s) => ({ ...s }));
  }

  override async listOverlapping(cohortId: string, from: Date, to: Date): Promise<Session[]> {
    if (!this.hot.caching) return super.listOverlapping(cohortId, from, to);
    return (await this.all(cohortId))
      .filter((s) => !s.cancelled && s.startsAt.getTime() <= to.getTime() && s.endsAt.getTime() >= from.getTime())
      .map((s) => ({ ...s }));
  }

  override async upsertMany(cohortId: string, inputs: SessionInput[]): Promise<Session[]> {
    try {
      return await super.upsertMany(cohortId, inputs);
    } finally {
      this.hot.changed({ kind: 'cohort', cohortId, parts: ['sessions'] });
    }
  }

  override async update(id: string, input: SessionInput): Promise<Session | null> {
    const out = await super.update(id, input);
    this.changedSession(id, out?.cohortId);
    return out;
  }

  override async cancel(id: string): Promise<void> {
    await super.cancel(id);
    this.changedSession(id);
  }

  override async markActualStart(id: string, at: Date): Promise<boolean> {
    const out = await super.markActualStart(id, at);
    this.changedSession(id);
    return out;
  }

  override async markActualEnd(id: string, at: Date): Promise<void> {
    await super.markActualEnd(id, at);
    this.changedSession(id);
  }

  override async markClosed(id: string, at: Date): Promise<boolean> {
    const out = await super.markClosed(id, at);
    this.changedSession(id);
    return out;
  }

  private changedSession(id: string, cohortId?: string): void {
    if (cohortId) this.hot.noteSessions(cohortId, [id]);
    this.hot.changed({ kind: 'sessions', sessionIds: [id] });
  }
}

const bySignIn = (a: Attendance, b: Attendance) => {
  const ta = a.signedInAt?.getTime() ?? -Infinity;
  const tb = b.signedInAt?.getTime() ?? -Infinity;
  return ta - tb || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
};

/**
 * A session's attendance, loaded once and kept true in place: this process's sign-ins and
 * sign-outs are added as they are written and sent to the others as records; bulk changes
 * (absences at closing, leave approved later) make everyone read the session again.
 */
export class HotAttendanceStore extends AttendanceStore {
  constructor(conn: Connection, private readonly hot: HotState) {
    super(conn);
  }

  private session(sessionId: string): Promise<Map<string, Attendance>> {
    return this.hot.readAttendance(sessionId, async () => {
      const records = await super.listBySession(sessionId);
      return new Map(records.map((r) => [personKey(r.platform, r.userId), r]));
    });
  }

  override async find(sessionId: string, platform: Platform, userId: string): Promise<Attendance | null> {
    if (!this.hot.caching) return super.find(sessionId, platform, userId);
    const r = (await this.session(sessionId)).get(personKey(platform, String(userId)));
    return r ? { ...r } : null;
  }

  override async listBySession(sessionId: string): Promise<Attendance[]> {
    if (!this.hot.caching) return super.listBySession(sessionId);
    return [...(await this.session(sessionId)).values()].sort(bySignIn).map((r) => ({ ...r }));
  }

  /**
   * With the session's list kept, a record already there stands without a write. Without it, the
   * insert goes ahead at once and the unique index decides (insertNew reads the standing record
   * back on a duplicate): a session's first sign-ins do not wait for its list to be read (on
   * FerretDB a scan of every attendance row), and nothing here asks for it to be read.
   */
  override async insertOnce(input: AttendanceInput): Promise<{ record: Attendance; created: boolean }> {
    const existing = this.hot.caching
      ? this.hot.peek<Map<string, Attendance>>(attendanceKey(input.sessionId))?.get(personKey(input.platform, String(input.userId)))
      : await super.find(input.sessionId, input.platform, input.userId);
    if (existing) return { record: { ...existing }, created: false };
    const out = await this.insertNew(input);
    this.hot.changed({ kind: 'attendance-record', record: out.record });
    return { record: { ...out.record }, created: out.created };
  }

  override async signOut(sessionId: string, platform: Platform, userId: string, at: Date, earlyLeave: boolean): Promise<Attendance | null> {
    const out = await super.signOut(sessionId, platform, userId, at, earlyLeave);
    this.hot.changed(out ? { kind: 'attendance-record', record: out } : { kind: 'attendance', sessionIds: [sessionId] });
    return out;
  }

  override async absentToLeave(sessionIds: string[], platform: Platform, userId: string): Promise<number> {
    const n = await super.absentToLeave(sessionIds, platform, userId);
    if (sessionIds.length > 0) this.hot.changed({ kind: 'attendance', sessionIds });
    return n;
  }

  override async insertMissing(records: AttendanceInput[]): Promise<number> {
    try {
      return await super.insertMissing(records);
    } finally {
      const sessionIds = [...new Set(records.map((r) => r.sessionId))];
      if (sessionIds.length > 0) this.hot.changed({ kind: 'attendance', sessionIds });
    }
  }
}

const KNOWN_AWARDS_LIMIT = 200_000;

/** The ledger, remembering which sources this process saw paid, so a repeated 签到 writes nothing. */
export class HotPointsStore extends PointsStore {
  private readonly paid = new Set<string>();

  constructor(conn: Connection, private readonly hot: HotState) {
    super(conn);
  }

  override async award(entry: PointEntry): Promise<boolean> {
    if (this.hot.caching && this.paid.has(entry.sourceKey)) return false;
    const created = await super.award(entry);
    if (this.hot.caching) {
      if (this.paid.size >= KNOWN_AWARDS_LIMIT) this.paid.clear();
      this.paid.add(entry.sourceKey);
    }
    return created;
  }
}

/** Mutes in force per cohort, loaded once; every mute, undo and unmute announced. */
export class HotModerationStore extends ModerationStore {
  constructor(conn: Connection, private readonly hot: HotState, summaries?: ModerationSummaryStore) {
    super(conn, summaries);
  }

  override async activeMute(cohortId: string, platform: Platform, userId: string, at: Date): Promise<ModerationRecord | null> {
    if (!this.hot.caching) return super.activeMute(cohortId, platform, userId, at);
    const m = (await this.mutes(cohortId, at)).find((r) => r.platform === platform && r.userId === String(userId));
    return m ? structuredClone(m) : null;
  }

  override async listActiveMutes(cohortId: string, at: Date): Promise<ModerationRecord[]> {
    if (!this.hot.caching) return super.listActiveMutes(cohortId, at);
    return (await this.mutes(cohortId, at)).map((m) => structuredClone(m));
  }

  /** The mutes in force at `at`, from the mutes read when the part was loaded (those in force then). */
  private async mutes(cohortId: string, at: Date): Promise<ModerationRecord[]> {
    const mutes = await this.hot.read(cohortKey('mutes', cohortId), () => super.listActiveMutes(cohortId, at));
    return mutes.filter((r) => r.expiresAt !== undefined && r.expiresAt.getTime() > at.getTime());
  }

  override async log(input: Omit<ModerationRecord, 'id' | 'no'> & { sourceKey: string }): Promise<{ record: ModerationRecord; created: boolean }> {
    const out = await super.log(input);
    if (input.kind === 'mute') this.changed(input.cohortId);
    return out;
  }

  override async undoActive(cohortId: string, platform: Platform, userId: string, by: string, at: Date): Promise<number> {
    const n = await super.undoActive(cohortId, platform, userId, by, at);
    this.changed(cohortId);
    return n;
  }

  override async undoOne(cohortId: string, no: number, by: string, at: Date): Promise<ModerationRecord | null> {
    const out = await super.undoOne(cohortId, no, by, at);
    this.changed(cohortId);
    return out;
  }

  private changed(cohortId: string): void {
    this.hot.changed({ kind: 'cohort', cohortId, parts: ['mutes'] });
  }
}

/**
 * A cohort's approved leave, loaded whole once (the sign-in board reads it on every refresh);
 * leave decisions announced, so another process's boards show a decision at once (the console
 * approves, the bot shows). Only a decision makes leave approved, so the announcement keeps it true.
 */
export class HotLeaveStore extends LeaveStore {
  constructor(
    conn: Connection,
    private readonly hot: HotState,
    summaries?: LeaveSummaryStore,
  ) {
    super(conn, summaries);
  }

  override async listApprovedForDay(cohortId: string, day: string): Promise<LeaveRequest[]> {
    if (!this.hot.caching) return super.listApprovedForDay(cohortId, day);
    const approved = await this.hot.read(cohortKey('leave', cohortId), () => super.listByCohort(cohortId, 'approved'));
    return approved.filter((l) => l.day === String(day)).map((l) => ({ ...l }));
  }

  override async decide(cohortId: string, no: number, status: 'approved' | 'rejected', by: string, at: Date, note: string): Promise<LeaveRequest | null> {
    const decided = await super.decide(cohortId, no, status, by, at, note);
    if (decided) this.hot.changed({ kind: 'leave-decided', cohortId });
    return decided;
  }

  override onDecided(listener: (cohortId: string) => void): void {
    this.hot.onLeaveDecided(listener);
  }
}


/** A cohort's own word list (#敏感词), loaded once; every change announced, so every process applies it at once. */
export class HotCohortWordStore extends CohortWordStore {
  constructor(conn: Connection, private readonly hot: HotState) {
    super(conn);
  }

  override list(cohortId: string, now = Date.now()): Promise<CohortWord[]> {
    if (!this.hot.caching) return super.list(cohortId, now);
    return this.hot.read(cohortKey('words', cohortId), () => this.read(cohortId));
  }

  override async set(cohortId: string, entry: CohortWord): Promise<void> {
    await super.set(cohortId, entry);
    this.hot.changed({ kind: 'cohort', cohortId, parts: ['words'] });
  }
}
