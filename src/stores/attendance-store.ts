import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import type { Attendance, AttendanceStatus } from '../domain/types';
import { ATTENDANCE_STATUSES, attendanceModel } from './models/attendance.model';
import { GroupCommit, insertManyUnordered } from './group-commit';
import { isDuplicateKey } from './is-duplicate-key';

type AttendanceDoc = {
  sessionId: Types.ObjectId;
  cohortId: Types.ObjectId;
  platform: string;
  userId: string;
  name: string;
  status: string;
  notEarly?: boolean | null;
  minutesLate?: number | null;
  signedInAt?: Date | null;
  signedOutAt?: Date | null;
  earlyLeave?: boolean | null;
};

/** The plain record services use, from a stored document. */
export function toAttendance(d: AttendanceDoc): Attendance {
  return {
    sessionId: String(d.sessionId),
    cohortId: String(d.cohortId),
    platform: d.platform as Platform,
    userId: d.userId,
    name: d.name,
    status: d.status as AttendanceStatus,
    notEarly: d.notEarly === true,
    minutesLate: d.minutesLate ?? 0,
    signedInAt: d.signedInAt ?? undefined,
    signedOutAt: d.signedOutAt ?? undefined,
    earlyLeave: d.earlyLeave === true,
  };
}

/** A new attendance record to insert once. */
export type AttendanceInput = Omit<Attendance, 'signedOutAt' | 'earlyLeave'> & { sourceEventId: string };

const STATUSES: ReadonlySet<unknown> = new Set(ATTENDANCE_STATUSES);
const filled = (v: unknown): v is string => typeof v === 'string' && v !== '';
const validDate = (v: unknown): v is Date => v instanceof Date && !Number.isNaN(v.getTime());

/**
 * The document the attendance model would build from a sign-in (same fields, defaults and
 * order), built by hand: a sign-in is the hot path, and a mongoose document per record (cast,
 * validate, toObject) was most of its CPU. Null when any field is one the model would cast or
 * refuse; the caller then lets the model build it, so odd input fails as it always did.
 */
export function plainAttendance(input: AttendanceInput, now: Date): Record<string, unknown> | null {
  const userId = String(input.userId);
  const { notEarly, minutesLate, signedInAt, sourceEventId } = input;
  if (!filled(input.platform) || !filled(userId) || !filled(input.name) || !STATUSES.has(input.status)) return null;
  if ((notEarly !== undefined && typeof notEarly !== 'boolean') || (minutesLate !== undefined && !Number.isFinite(minutesLate))) return null;
  if ((signedInAt !== undefined && !validDate(signedInAt)) || (sourceEventId !== undefined && typeof sourceEventId !== 'string')) return null;
  const doc: Record<string, unknown> = {
    sessionId: new Types.ObjectId(input.sessionId),
    cohortId: new Types.ObjectId(input.cohortId),
    platform: input.platform,
    userId,
    name: input.name,
    status: input.status,
    notEarly: notEarly ?? false,
    minutesLate: minutesLate ?? 0,
  };
  if (signedInAt !== undefined) doc.signedInAt = signedInAt;
  doc.earlyLeave = false;
  doc.sourceEventId = sourceEventId ?? '';
  doc._id = new Types.ObjectId();
  doc.createdAt = now;
  doc.updatedAt = now;
  return doc;
}

/** Reads and writes attendance; the unique index keeps one record per session and trainee. */
export class AttendanceStore {
  private readonly model;
  private readonly inserts: GroupCommit<Record<string, unknown>>;

  constructor(conn: Connection) {
    this.model = attendanceModel(conn);
    this.inserts = new GroupCommit((docs) => insertManyUnordered(this.model.collection, docs));
  }

  private key(sessionId: string, platform: Platform, userId: string) {
    return { sessionId: new Types.ObjectId(sessionId), platform, userId: String(userId) };
  }

  async find(sessionId: string, platform: Platform, userId: string): Promise<Attendance | null> {
    return this.findStored(sessionId, platform, userId);
  }

  /** The record as the database holds it now (never a kept copy: writes read back through this). */
  protected async findStored(sessionId: string, platform: Platform, userId: string): Promise<Attendance | null> {
    const doc = await this.model.findOne(this.key(sessionId, platform, userId)).lean();
    return doc ? toAttendance(doc) : null;
  }

  /** Inserts the record unless one exists; says which record stands and whether it is new. */
  async insertOnce(input: AttendanceInput): Promise<{ record: Attendance; created: boolean }> {
    const existing = await this.find(input.sessionId, input.platform, input.userId);
    if (existing) return { record: existing, created: false };
    return this.insertNew(input);
  }

  /**
   * Inserts a record believed new, batched with the other sign-ins in flight (one insertMany
   * at a time); when the unique index already holds one, that record stands.
   */
  protected async insertNew(input: AttendanceInput): Promise<{ record: Attendance; created: boolean }> {
    const now = new Date();
    const plain = plainAttendance(input, now) ?? (await this.castByModel(input, now));
    if (await this.inserts.submit(plain)) return { record: toAttendance(plain as unknown as AttendanceDoc), created: true };
    const winner = await this.findStored(input.sessionId, input.platform, input.userId);
    if (!winner) throw new Error(`attendance for ${input.sessionId}/${input.userId} refused as a duplicate but not found`);
    return { record: winner, created: false };
  }

  /** The document as mongoose casts, defaults and validates it (throws its ValidationError): for input plainAttendance does not take. */
  private async castByModel(input: AttendanceInput, now: Date): Promise<Record<string, unknown>> {
    const doc = new this.model({
      ...input,
      userId: String(input.userId),
      sessionId: new Types.ObjectId(input.sessionId),
      cohortId: new Types.ObjectId(input.cohortId),
      createdAt: now,
      updatedAt: now,
    });
    await doc.validate();
    return doc.toObject({ depopulate: true });
  }

  /** Sets the sign-out time once; returns the record as it stands. */
  async signOut(sessionId: string, platform: Platform, userId: string, at: Date, earlyLeave: boolean): Promise<Attendance | null> {
    await this.model.updateOne(
      { ...this.key(sessionId, platform, userId), signedOutAt: { $exists: false } },
      { $set: { signedOutAt: at, earlyLeave } },
    );
    return this.findStored(sessionId, platform, userId);
  }

  async listBySession(sessionId: string): Promise<Attendance[]> {
    const docs = await this.model.find({ sessionId: new Types.ObjectId(sessionId) }).sort({ signedInAt: 1, userId: 1 }).lean();
    return docs.map(toAttendance);
  }

  async listByUser(cohortId: string, platform: Platform, userId: string): Promise<Attendance[]> {
    const docs = await this.model.find({ cohortId: new Types.ObjectId(cohortId), platform, userId: String(userId) }).lean();
    return docs.map(toAttendance);
  }

  async listByCohort(cohortId: string): Promise<Attendance[]> {
    const docs = await this.model.find({ cohortId: new Types.ObjectId(cohortId) }).lean();
    return docs.map(toAttendance);
  }

  /** Turns absences already marked into leave once leave is approved afterwards. */
  async absentToLeave(sessionIds: string[], platform: Platform, userId: string): Promise<number> {
    if (sessionIds.length === 0) return 0;
    const res = await this.model.updateMany(
      { sessionId: { $in: sessionIds.map((id) => new Types.ObjectId(id)) }, platform, userId: String(userId), status: 'absent' },
      { $set: { status: 'leave' } },
    );
    return res.modifiedCount;
  }

  /** Writes records (absent, leave) only where none exists; returns how many were new. */
  async insertMissing(records: AttendanceInput[]): Promise<number> {
    if (records.length === 0) return 0;
    const res = await this.model.bulkWrite(
      records.map((r) => ({
        updateOne: {
          filter: this.key(r.sessionId, r.platform, r.userId),
          update: {
            $setOnInsert: { ...r, sessionId: new Types.ObjectId(r.sessionId), cohortId: new Types.ObjectId(r.cohortId) },
          },
          upsert: true,
        },
      })),
      { ordered: false },
    ).catch((err: unknown) => {
      // A concurrent sign-in won for some keys; those trainees keep their record.
      if (isDuplicateKey(err) || (err as { writeErrors?: unknown[] }).writeErrors) {
        return (err as { result?: { upsertedCount?: number } }).result ?? { upsertedCount: 0 };
      }
      throw err;
    });
    return (res as { upsertedCount?: number }).upsertedCount ?? 0;
  }
}
