import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import { moderationActionModel } from './models/moderation-action.model';
import { insertNumbered } from './numbered-insert';
import type { ModerationRecord } from '../domain/types';
import { ModerationSummaryStore } from './moderation-summary-store';

type Doc = Omit<ModerationRecord, 'id' | 'cohortId' | 'expiresAt' | 'undoneAt' | 'undoneBy' | 'appeal'> & {
  _id: Types.ObjectId;
  cohortId: Types.ObjectId;
  expiresAt?: Date | null;
  undoneAt?: Date | null;
  undoneBy?: string | null;
  appeal?: { text?: string | null; at?: Date | null } | null;
};

function toRecord(d: Doc): ModerationRecord {
  return {
    ...d,
    id: String(d._id),
    cohortId: String(d.cohortId),
    matches: (d.matches ?? []).map((m) => ({ word: m.word, category: m.category, start: m.start, end: m.end })),
    expiresAt: d.expiresAt ?? undefined,
    undoneAt: d.undoneAt ?? undefined,
    undoneBy: d.undoneBy ?? undefined,
    appeal: d.appeal?.text && d.appeal.at ? { text: d.appeal.text, at: d.appeal.at } : undefined,
  };
}

/**
 * The moderation log: numbered per cohort, once per source (message or staff command). Every
 * write the daily digest counts (an action, an undo) marks the action in the same command and
 * brings the cohort's moderation summary up to date (moderation-summary-store.ts): awaited for
 * staff's undo, not for an action logged on the message path.
 */
export class ModerationStore {
  private readonly model;

  constructor(
    private readonly conn: Connection,
    private readonly summaries: ModerationSummaryStore = new ModerationSummaryStore(conn),
  ) {
    this.model = moderationActionModel(conn);
  }

  /** Logs an action once per source key; a redelivery returns the first (and brings the summary up to date again). */
  async log(input: Omit<ModerationRecord, 'id' | 'no'> & { sourceKey: string }): Promise<{ record: ModerationRecord; created: boolean }> {
    const existing = async () => {
      const doc = await this.model.findOne({ sourceKey: input.sourceKey }).lean();
      return doc ? toRecord(doc as unknown as Doc) : null;
    };
    const first = await existing();
    if (first) {
      // The first handling may not have seen its summary written (a crash, a failed write); this one does.
      this.summaries.recordLater(input.cohortId);
      return { record: first, created: false };
    }
    const cohortId = new Types.ObjectId(input.cohortId);
    const { value, created } = await this.summaries.marked(input.cohortId, () =>
      insertNumbered(this.conn, {
        counter: `moderation:${input.cohortId}`,
        insert: async (no) => toRecord((await new this.model({ ...input, no, cohortId }).save()).toObject() as unknown as Doc),
        existing,
        highest: async () => (await this.model.findOne({ cohortId }, { no: 1 }).sort({ no: -1 }).lean())?.no ?? 0,
      }),
    );
    this.summaries.recordLater(input.cohortId);
    return { record: value, created };
  }

  /** Warnings of a member that still count at `at` (not expired, not undone). */
  async activeWarnings(cohortId: string, platform: Platform, userId: string, at: Date): Promise<ModerationRecord[]> {
    const docs = await this.model
      .find({ cohortId: new Types.ObjectId(cohortId), platform, userId: String(userId), kind: 'warn', undoneAt: { $exists: false }, expiresAt: { $gt: at } })
      .sort({ at: 1 })
      .lean();
    return docs.map((d) => toRecord(d as unknown as Doc));
  }

  /** The mute in force at `at`, if any. */
  async activeMute(cohortId: string, platform: Platform, userId: string, at: Date): Promise<ModerationRecord | null> {
    const doc = await this.model
      .findOne({ cohortId: new Types.ObjectId(cohortId), platform, userId: String(userId), kind: 'mute', undoneAt: { $exists: false }, expiresAt: { $gt: at } })
      .lean();
    return doc ? toRecord(doc as unknown as Doc) : null;
  }

  /** Every mute of a cohort still in force at `at`. */
  async listActiveMutes(cohortId: string, at: Date): Promise<ModerationRecord[]> {
    const docs = await this.model
      .find({ cohortId: new Types.ObjectId(cohortId), kind: 'mute', undoneAt: { $exists: false }, expiresAt: { $gt: at } })
      .lean();
    return docs.map((d) => toRecord(d as unknown as Doc));
  }

  /** Undoes a member's warnings and mutes in force; returns how many. */
  async undoActive(cohortId: string, platform: Platform, userId: string, by: string, at: Date): Promise<number> {
    const res = await this.summaries.marked(cohortId, () =>
      this.model.updateMany(
        { cohortId: new Types.ObjectId(cohortId), platform, userId: String(userId), kind: { $in: ['warn', 'mute'] }, undoneAt: { $exists: false }, expiresAt: { $gt: at } },
        { $set: { undoneAt: at, undoneBy: by } },
      ),
      (r) => r.modifiedCount > 0,
    );
    if (res.modifiedCount > 0) await this.summaries.settle(cohortId);
    return res.modifiedCount;
  }

  /** Undoes one action by its number. */
  async undoOne(cohortId: string, no: number, by: string, at: Date): Promise<ModerationRecord | null> {
    const doc = await this.summaries.marked(cohortId, () =>
      this.model.findOneAndUpdate({ cohortId: new Types.ObjectId(cohortId), no, undoneAt: { $exists: false } }, { $set: { undoneAt: at, undoneBy: by } }, { returnDocument: 'after' }).lean(),
      (d) => d !== null,
    );
    if (doc) await this.summaries.settle(cohortId);
    return doc ? toRecord(doc as unknown as Doc) : null;
  }

  /** Records a member's appeal on their latest action. */
  async appeal(cohortId: string, platform: Platform, userId: string, text: string, at: Date): Promise<ModerationRecord | null> {
    const latest = await this.model.findOne({ cohortId: new Types.ObjectId(cohortId), platform, userId: String(userId) }).sort({ at: -1 }).lean();
    if (!latest) return null;
    const doc = await this.model.findOneAndUpdate({ _id: latest._id }, { $set: { appeal: { text, at } } }, { returnDocument: 'after' }).lean();
    return doc ? toRecord(doc as unknown as Doc) : null;
  }

  /** Every action of a cohort, oldest first (the daily digest counts them per day). */
  async listByCohort(cohortId: string): Promise<ModerationRecord[]> {
    const docs = await this.model.find({ cohortId: new Types.ObjectId(cohortId) }).sort({ at: 1, no: 1 }).lean();
    return docs.map((d) => toRecord(d as unknown as Doc));
  }

  /** The cohort's log, newest first. */
  async list(cohortId: string, limit = 50): Promise<ModerationRecord[]> {
    const docs = await this.model.find({ cohortId: new Types.ObjectId(cohortId) }).sort({ no: -1 }).limit(limit).lean();
    return docs.map((d) => toRecord(d as unknown as Doc));
  }
}
