import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import { isDuplicateKey } from './is-duplicate-key';
import { moderationAllowedModel, moderationReviewModel } from './models/moderation-review.model';
import { insertNumbered } from './numbered-insert';

/** A doubtful message as staff decide on it. */
export interface ModerationReview {
  id: string;
  no: number;
  cohortId: string;
  platform: Platform;
  groupId: string;
  userId: string;
  name: string;
  messageId: string;
  text: string;
  matches: { word: string; category: string; start: number; end: number; reason?: string }[];
  status: 'pending' | 'confirmed' | 'dismissed';
  at: Date;
  decidedBy?: string;
  decidedAt?: Date;
}

type Doc = Omit<ModerationReview, 'id' | 'cohortId' | 'decidedBy' | 'decidedAt' | 'matches'> & {
  _id: Types.ObjectId;
  cohortId: Types.ObjectId;
  decidedBy?: string | null;
  decidedAt?: Date | null;
  matches?: { word: string; category: string; start: number; end: number; reason?: string | null }[];
};

function toReview(d: Doc): ModerationReview {
  return {
    id: String(d._id),
    no: d.no,
    cohortId: String(d.cohortId),
    platform: d.platform,
    groupId: d.groupId,
    userId: d.userId,
    name: d.name,
    messageId: d.messageId,
    text: d.text,
    matches: (d.matches ?? []).map((m) => ({ word: m.word, category: m.category, start: m.start, end: m.end, ...(m.reason ? { reason: m.reason } : {}) })),
    status: d.status,
    at: d.at,
    ...(d.decidedBy ? { decidedBy: d.decidedBy } : {}),
    ...(d.decidedAt ? { decidedAt: d.decidedAt } : {}),
  };
}

/**
 * Review notes (the detector's uncertain tier) and what staff taught by dismissing them: one
 * note per message (a redelivery finds the first), numbered across cohorts, decided once.
 */
export class ModerationReviewStore {
  private readonly reviews;
  private readonly allowed;

  constructor(private readonly conn: Connection) {
    this.reviews = moderationReviewModel(conn);
    this.allowed = moderationAllowedModel(conn);
  }

  /** Records a doubtful message once per message; `created` is false for a redelivery. */
  async open(input: Omit<ModerationReview, 'id' | 'no' | 'status' | 'decidedBy' | 'decidedAt'>): Promise<{ review: ModerationReview; created: boolean }> {
    const sourceKey = `review:${input.platform}:${input.messageId}`;
    const existing = async () => {
      const doc = await this.reviews.findOne({ sourceKey }).lean();
      return doc ? toReview(doc as unknown as Doc) : null;
    };
    const first = await existing();
    if (first) return { review: first, created: false };
    const { value, created } = await insertNumbered(this.conn, {
      counter: 'moderation-review',
      insert: async (no) => toReview((await this.reviews.create({ ...input, cohortId: new Types.ObjectId(input.cohortId), no, status: 'pending', sourceKey })).toObject() as unknown as Doc),
      existing,
      highest: async () => (await this.reviews.findOne({}, { no: 1 }).sort({ no: -1 }).lean())?.no ?? 0,
    });
    return { review: value, created };
  }

  async findByNo(no: number): Promise<ModerationReview | null> {
    const doc = await this.reviews.findOne({ no }).lean();
    return doc ? toReview(doc as unknown as Doc) : null;
  }

  /** Decides a pending review, once: null when it was already decided (by anyone). */
  async decide(no: number, status: 'confirmed' | 'dismissed', by: string, at: Date): Promise<ModerationReview | null> {
    const doc = await this.reviews.findOneAndUpdate({ no, status: 'pending' }, { $set: { status, decidedBy: by, decidedAt: at } }, { returnDocument: 'after' }).lean();
    return doc ? toReview(doc as unknown as Doc) : null;
  }

  /** Stops `words` raising review notes in a cohort (a word already allowed stays as it was). */
  async allow(cohortId: string, words: readonly string[], by: string, at: Date, reviewNo?: number): Promise<void> {
    for (const word of new Set(words)) {
      try {
        await this.allowed.create({ cohortId: new Types.ObjectId(cohortId), word, by, at, ...(reviewNo !== undefined ? { reviewNo } : {}) });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
  }

  /** The words a cohort's staff dismissed. */
  async allowedWords(cohortId: string): Promise<Set<string>> {
    const docs = await this.allowed.find({ cohortId: new Types.ObjectId(cohortId) }, { word: 1 }).lean();
    return new Set(docs.map((d) => d.word));
  }
}
