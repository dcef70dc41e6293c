import { Types, type Connection } from 'mongoose';
import { upsertRetrying } from './is-duplicate-key';
import { cohortWordModel } from './models/cohort-word.model';

/** One word of a cohort's own list: added with a category, lifted, or back to the shared list's verdict (`off`). */
export interface CohortWord {
  word: string;
  op: 'add' | 'lift' | 'off';
  category: string;
  by: string;
  at: Date;
}

/** How long a process trusts its copy of a cohort's list; a change made in this process is seen at once. */
const CACHE_MS = 30_000;

/**
 * Cohorts' own word-list changes (#敏感词 添加/删除). Every group message is moderated, so the
 * lists are kept in memory per cohort: a change made through this store is seen at once, one
 * made by another process within CACHE_MS.
 */
export class CohortWordStore {
  private readonly model;
  private readonly cache = new Map<string, { words: Promise<CohortWord[]>; until: number }>();

  constructor(conn: Connection) {
    this.model = cohortWordModel(conn);
  }

  /** Records the latest decision about `word` in a cohort, keeping the earlier ones in its history. */
  async set(cohortId: string, entry: CohortWord): Promise<void> {
    const step = { op: entry.op, category: entry.category, by: entry.by, at: entry.at };
    await upsertRetrying(() =>
      this.model.updateOne({ cohortId: new Types.ObjectId(cohortId), word: entry.word }, { $set: { ...step }, $push: { history: step } }, { upsert: true }),
    );
    this.cache.delete(cohortId);
  }

  /** The cohort's list, from memory when fresh; messages that arrive while it is read wait for that one read. */
  list(cohortId: string, now = Date.now()): Promise<CohortWord[]> {
    const hit = this.cache.get(cohortId);
    if (hit && hit.until > now) return hit.words;
    const words = this.read(cohortId);
    const entry = { words, until: now + CACHE_MS };
    this.cache.set(cohortId, entry);
    // A failed read is not kept: the next message reads again.
    words.catch(() => {
      if (this.cache.get(cohortId) === entry) this.cache.delete(cohortId);
    });
    return words;
  }

  protected async read(cohortId: string): Promise<CohortWord[]> {
    const docs = await this.model.find({ cohortId: new Types.ObjectId(cohortId) }).sort({ word: 1 }).lean();
    return docs.map((d) => ({ word: d.word, op: d.op, category: d.category ?? '', by: d.by, at: d.at }));
  }
}
