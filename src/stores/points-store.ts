import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import { pointEntryModel } from './models/point-entry.model';
import { GroupCommit, insertManyUnordered } from './group-commit';
import type { PointEntry } from '../domain/types';

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
    const doc = new this.model({ ...entry, cohortId: new Types.ObjectId(entry.cohortId), userId: String(entry.userId), createdAt: now, updatedAt: now });
    await doc.validate();
    return this.inserts.submit(doc.toObject({ depopulate: true }));
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
