import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import { pointEntryModel } from './models/point-entry.model';
import { isDuplicateKey } from './is-duplicate-key';
import type { PointEntry } from '../domain/types';

/** The append-only points ledger; an entry's source key makes every award idempotent. */
export class PointsStore {
  private readonly model;

  constructor(conn: Connection) {
    this.model = pointEntryModel(conn);
  }

  /** Appends an entry unless its source already earned one; true when it was new. */
  async award(entry: PointEntry): Promise<boolean> {
    try {
      await this.model.create({ ...entry, cohortId: new Types.ObjectId(entry.cohortId), userId: String(entry.userId) });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
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
