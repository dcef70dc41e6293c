import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import { followUpModel } from './models/follow-up.model';
import { upsertRetrying } from './is-duplicate-key';
import type { FollowUp } from '../domain/types';

type Doc = Omit<FollowUp, 'cohortId'> & { cohortId: Types.ObjectId };

function toFollowUp(d: Doc): FollowUp {
  const out: FollowUp = { ...d, cohortId: String(d.cohortId) };
  for (const k of ['remindedAt', 'answeredAt', 'openedShop', 'shopPlatform', 'monthlySalesYuan', 'needsHelp', 'answerText'] as const) {
    if (out[k] === null) delete out[k];
  }
  return out;
}

/** Reads and writes follow-up visits: one per trainee and wave. */
export class FollowUpStore {
  private readonly model;

  constructor(conn: Connection) {
    this.model = followUpModel(conn);
  }

  /** Opens a trainee's visit for a wave once; true when it was new (so the questions go out once). */
  async open(v: Pick<FollowUp, 'cohortId' | 'wave' | 'platform' | 'userId' | 'name' | 'askedAt'>): Promise<boolean> {
    const res = await upsertRetrying(() =>
      this.model.updateOne(
        { cohortId: new Types.ObjectId(v.cohortId), wave: v.wave, platform: v.platform, userId: String(v.userId) },
        { $setOnInsert: { name: v.name, askedAt: v.askedAt } },
        { upsert: true },
      ),
    );
    return res.upsertedCount === 1;
  }

  /** The latest unanswered visit of a trainee, if any. */
  async openFor(platform: Platform, userId: string): Promise<FollowUp | null> {
    const doc = await this.model.findOne({ platform, userId: String(userId), answeredAt: { $exists: false } }).sort({ askedAt: -1 }).lean();
    return doc ? toFollowUp(doc as unknown as Doc) : null;
  }

  /** Records the answer once (the first answer stands). */
  async answer(cohortId: string, wave: number, platform: Platform, userId: string, fields: Omit<FollowUp, 'cohortId' | 'wave' | 'platform' | 'userId' | 'name' | 'askedAt'>): Promise<boolean> {
    const res = await this.model.updateOne(
      { cohortId: new Types.ObjectId(cohortId), wave, platform, userId: String(userId), answeredAt: { $exists: false } },
      { $set: fields },
    );
    return res.modifiedCount === 1;
  }

  /** Marks the reminder sent; true only the first time. */
  async markReminded(cohortId: string, wave: number, platform: Platform, userId: string, at: Date): Promise<boolean> {
    const res = await this.model.updateOne(
      { cohortId: new Types.ObjectId(cohortId), wave, platform, userId: String(userId), remindedAt: { $exists: false }, answeredAt: { $exists: false } },
      { $set: { remindedAt: at } },
    );
    return res.modifiedCount === 1;
  }

  /** Every visit of a cohort (optionally one wave), by wave then name. */
  async listByCohort(cohortId: string, wave?: number): Promise<FollowUp[]> {
    const filter: Record<string, unknown> = { cohortId: new Types.ObjectId(cohortId) };
    if (wave !== undefined) filter.wave = wave;
    const docs = await this.model.find(filter).sort({ wave: 1, name: 1 }).lean();
    return docs.map((d) => toFollowUp(d as unknown as Doc));
  }
}
