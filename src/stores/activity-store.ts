import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import { activityModel } from './models/activity.model';
import { isDuplicateKey } from './is-duplicate-key';
import type { ActivityKind, Activity } from '../domain/types';

/** Records interaction, practice, sales and recommendations once per source. */
export class ActivityStore {
  private readonly model;

  constructor(conn: Connection) {
    this.model = activityModel(conn);
  }

  /** Records an activity unless its source was recorded already; true when new. */
  async record(a: Activity): Promise<boolean> {
    try {
      await this.model.create({
        ...a,
        cohortId: new Types.ObjectId(a.cohortId),
        sessionId: a.sessionId ? new Types.ObjectId(a.sessionId) : undefined,
      });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async list(cohortId: string, kind?: ActivityKind): Promise<Activity[]> {
    const filter: Record<string, unknown> = { cohortId: new Types.ObjectId(cohortId) };
    if (kind) filter.kind = kind;
    const docs = await this.model.find(filter).sort({ at: 1 }).lean();
    return docs.map((d) => ({
      cohortId,
      platform: d.platform as Platform,
      userId: d.userId,
      name: d.name,
      kind: d.kind as ActivityKind,
      day: d.day,
      sessionId: d.sessionId ? String(d.sessionId) : undefined,
      amount: d.amount ?? undefined,
      note: d.note ?? '',
      recordedBy: d.recordedBy ?? undefined,
      sourceKey: d.sourceKey,
      at: d.at,
    }));
  }

  /** How many of a kind a person has on a day (to cap points per day). */
  async countOnDay(cohortId: string, userId: string, kind: ActivityKind, day: string): Promise<number> {
    return this.model.countDocuments({ cohortId: new Types.ObjectId(cohortId), userId: String(userId), kind, day });
  }
}
