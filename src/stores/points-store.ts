import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import { pointEntryModel } from './models/point-entry.model';
import { GroupCommit, insertManyUnordered } from './group-commit';
import type { PointEntry } from '../domain/types';

const filled = (v: unknown): v is string => typeof v === 'string' && v !== '';

/**
 * The document the ledger model would build from an entry (same fields, defaults and order),
 * built by hand: every sign-in pays points, and a mongoose document per entry was a large part
 * of its CPU. Null when any field is one the model would cast or refuse; the caller then lets
 * the model build it, so odd input fails as it always did.
 */
export function plainPointEntry(entry: PointEntry, now: Date): Record<string, unknown> | null {
  const userId = String(entry.userId);
  const { detail, at } = entry;
  if (!filled(entry.platform) || !filled(userId) || !filled(entry.name) || !filled(entry.reason) || !filled(entry.sourceKey)) return null;
  if (!Number.isFinite(entry.points) || (detail !== undefined && typeof detail !== 'string') || !(at instanceof Date) || Number.isNaN(at.getTime())) return null;
  return {
    cohortId: new Types.ObjectId(entry.cohortId),
    platform: entry.platform,
    userId,
    name: entry.name,
    points: entry.points,
    reason: entry.reason,
    detail: detail ?? '',
    sourceKey: entry.sourceKey,
    at,
    _id: new Types.ObjectId(),
    createdAt: now,
    updatedAt: now,
  };
}

/** The append-only points ledger; an entry's source key makes every award idempotent. */
export class PointsStore {
  private readonly model;
  private readonly inserts: GroupCommit<Record<string, unknown>>;

  constructor(conn: Connection) {
    this.model = pointEntryModel(conn);
    this.inserts = new GroupCommit((docs) => insertManyUnordered(this.model.collection, docs));
  }

  /** Appends an entry unless its source already earned one; true when it was new (batched with the awards in flight). */
  async award(entry: PointEntry): Promise<boolean> {
    const now = new Date();
    return this.inserts.submit(plainPointEntry(entry, now) ?? (await this.castByModel(entry, now)));
  }

  /** The document as mongoose casts, defaults and validates it (throws its ValidationError): for entries plainPointEntry does not take. */
  private async castByModel(entry: PointEntry, now: Date): Promise<Record<string, unknown>> {
    const doc = new this.model({ ...entry, cohortId: new Types.ObjectId(entry.cohortId), userId: String(entry.userId), createdAt: now, updatedAt: now });
    await doc.validate();
    return doc.toObject({ depopulate: true });
  }

  async listByCohort(cohortId: string): Promise<PointEntry[]> {
    const docs = await this.model.find({ cohortId: new Types.ObjectId(cohortId) }).sort({ at: 1 }).lean();
    return docs.map((d) => ({
      cohortId,
      platform: d.platform as Platform,
      userId: d.userId,
      name: d.name,
      points: d.points,
      reason: d.reason,
      detail: d.detail ?? '',
      sourceKey: d.sourceKey,
      at: d.at,
    }));
  }
}
