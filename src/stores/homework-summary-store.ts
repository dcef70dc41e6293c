import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import type { Submission } from '../domain/types';
import { homeworkSummaryModel } from './models/homework-summary.model';
import { submissionModel } from './models/submission.model';
import { isDuplicateKey } from './is-duplicate-key';
import { newestPacked } from './roster-summary-store';

/** What the digest reads of one submission version (the review's time and score; its text stays in the submission). */
export type SummaryVersion = Pick<Submission, 'homeworkId' | 'platform' | 'userId' | 'version' | 'submittedAt' | 'late' | 'review'>;

type Packed = [platform: string, userId: string, version: number, submittedAt: number, late: 0 | 1, score: number | null, reviewedAt: number | null];

/** Revisions a write tries before giving up (each lost race means another writer's revision went in). */
const MAX_ATTEMPTS = 8;

const versionKey = (v: Pick<SummaryVersion, 'platform' | 'userId' | 'version'>): string => `${v.platform}\u0000${v.userId}\u0000${v.version}`;

function pack(versions: readonly SummaryVersion[]): string {
  return JSON.stringify(
    versions.map((v): Packed => [v.platform, v.userId, v.version, v.submittedAt.getTime(), v.late ? 1 : 0, v.review ? v.review.score : null, v.review ? v.review.reviewedAt.getTime() : null]),
  );
}

/** A homework's versions as packed in its summary. */
export function unpackVersions(homeworkId: string, packed: string | null | undefined): SummaryVersion[] {
  return (JSON.parse(packed || '[]') as Packed[]).map(([platform, userId, version, submittedAt, late, score, reviewedAt]) => ({
    homeworkId,
    platform: platform as Platform,
    userId,
    version,
    submittedAt: new Date(submittedAt),
    late: late === 1,
    review: score !== null && reviewedAt !== null ? { score, comment: '', reviewedBy: '', reviewedAt: new Date(reviewedAt) } : undefined,
  }));
}

/** Oldest first (submission time, then version), as the submission store lists them. */
const inOrder = (a: SummaryVersion, b: SummaryVersion): number => a.submittedAt.getTime() - b.submittedAt.getTime() || a.version - b.version;

/** `base` with `changes` put in (a changed version replaces the one with its trainee and number). */
export function mergeVersions(base: readonly SummaryVersion[], changes: readonly SummaryVersion[]): SummaryVersion[] {
  const byKey = new Map(base.map((v) => [versionKey(v), v]));
  for (const c of changes) byKey.set(versionKey(c), c);
  return [...byKey.values()].sort(inOrder);
}

/** The stored document of a summary revision (bulk setup may insert these directly). */
export function homeworkSummaryDocument(
  homeworkId: string,
  cohortId: string,
  rev: number,
  versions: readonly SummaryVersion[],
  builtAt: Date,
): { _id: string; homeworkId: Types.ObjectId; cohortId: Types.ObjectId; rev: number; builtAt: Date; versions: string } {
  return { _id: `${homeworkId}:${rev}`, homeworkId: new Types.ObjectId(homeworkId), cohortId: new Types.ObjectId(cohortId), rev, builtAt, versions: pack(versions) };
}

type SummaryDoc = { _id: string; homeworkId: Types.ObjectId; cohortId: Types.ObjectId; rev: number; versions?: string | null };

/** A write waiting for its turn: the versions of every caller that joined it. */
interface Round {
  versions: SummaryVersion[];
  done: Promise<SummaryVersion[]>;
}

/**
 * Homework summaries: every submission version of a homework, kept by the submission store's
 * own writes (a new version, a review), so the daily digest reads one small document per
 * homework instead of every version. A write reads the newest revision, puts its versions in
 * and inserts the next revision; a writer that lost the race to that revision reads again
 * (MAX_ATTEMPTS). A homework with no summary yet starts from its raw submissions, so a summary
 * is whole from its first revision. In one process, writes to the same homework take turns and
 * the ones waiting go in together (50 trainees handing in at once make a few revisions, not 50).
 * Writing a version twice leaves the same summary, so a handler run again after a crash (the
 * event inbox replays it) puts in what the crash left out.
 */
export class HomeworkSummaryStore {
  private readonly model;
  private readonly submissions;
  /** Per homework: the write that has not started yet (callers join it). */
  private readonly waiting = new Map<string, Round>();
  /** Per homework: the last write queued (never rejects), which the next one waits for. */
  private readonly tail = new Map<string, Promise<unknown>>();

  constructor(conn: Connection) {
    this.model = homeworkSummaryModel(conn);
    this.submissions = submissionModel(conn);
  }

  /**
   * Puts versions as they now stand into their homework's summary (none: makes sure the summary
   * exists, built from the raw submissions if it did not). Resolves with the summary's versions.
   */
  record(homeworkId: string, cohortId: string, versions: readonly SummaryVersion[]): Promise<SummaryVersion[]> {
    const joined = this.waiting.get(homeworkId);
    if (joined) {
      joined.versions.push(...versions);
      return joined.done;
    }
    const round = { versions: [...versions] } as Round;
    const before = this.tail.get(homeworkId) ?? Promise.resolve();
    round.done = before.then(() => {
      if (this.waiting.get(homeworkId) === round) this.waiting.delete(homeworkId);
      return this.write(homeworkId, cohortId, round.versions);
    });
    this.waiting.set(homeworkId, round);
    const tail = round.done.catch(() => undefined).finally(() => {
      if (this.tail.get(homeworkId) === tail) this.tail.delete(homeworkId);
    });
    this.tail.set(homeworkId, tail);
    return round.done;
  }

  /** The newest summary of every homework of the cohorts (one query for all), by homework id. */
  async readByCohorts(cohortIds: readonly string[]): Promise<Map<string, SummaryVersion[]>> {
    return new Map([...(await this.readPackedByCohorts(cohortIds))].map(([id, packed]) => [id, unpackVersions(id, packed)]));
  }

  /**
   * readByCohorts with each summary's versions left packed as stored (JSON), for a reader that
   * unpacks one cohort at a time (unpackVersions).
   */
  async readPackedByCohorts(cohortIds: readonly string[]): Promise<Map<string, string>> {
    if (cohortIds.length === 0) return new Map();
    const newest = await newestPacked(this.model.collection, { cohortId: { $in: cohortIds.map((id) => new Types.ObjectId(id)) } }, 'homeworkId', 'versions');
    return new Map([...newest].map(([id, d]) => [id, d.packed]));
  }

  private async write(homeworkId: string, cohortId: string, changes: readonly SummaryVersion[]): Promise<SummaryVersion[]> {
    const hw = new Types.ObjectId(homeworkId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const docs = (await this.model.find({ homeworkId: hw }, { rev: 1, versions: 1 }).lean()) as SummaryDoc[];
      const current = docs.reduce<SummaryDoc | undefined>((a, b) => (!a || b.rev > a.rev ? b : a), undefined);
      const base = current ? unpackVersions(homeworkId, current.versions) : await this.rawVersions(homeworkId);
      const merged = mergeVersions(base, changes);
      if (current && pack(merged) === current.versions) return merged;
      const rev = current ? current.rev + 1 : 0;
      try {
        await this.model.collection.insertOne(homeworkSummaryDocument(homeworkId, cohortId, rev, merged, new Date()) as never);
      } catch (err) {
        if (isDuplicateKey(err)) continue;
        throw err;
      }
      if (rev > 0) await this.model.deleteMany({ homeworkId: hw, rev: { $lt: rev } });
      return merged;
    }
    throw new Error(`homework ${homeworkId}: its summary kept changing under ${MAX_ATTEMPTS} writes`);
  }

  /** Every version of a homework as stored (the start of a summary that did not exist). */
  private async rawVersions(homeworkId: string): Promise<SummaryVersion[]> {
    const docs = await this.submissions
      .find({ homeworkId: new Types.ObjectId(homeworkId) }, { platform: 1, userId: 1, version: 1, submittedAt: 1, late: 1, review: 1 })
      .lean();
    return docs
      .map((d) => toSummaryVersion(homeworkId, d))
      .sort(inOrder);
  }
}

/** A stored submission's digest fields (a review counts once it has a score and a time). */
export function toSummaryVersion(
  homeworkId: string,
  d: { platform: string; userId: string; version: number; submittedAt: Date; late?: boolean | null; review?: { score?: number | null; reviewedAt?: Date | null } | null },
): SummaryVersion {
  const r = d.review;
  return {
    homeworkId,
    platform: d.platform as Platform,
    userId: d.userId,
    version: d.version,
    submittedAt: d.submittedAt,
    late: d.late === true,
    review: r && typeof r.score === 'number' && r.reviewedAt ? { score: r.score, comment: '', reviewedBy: '', reviewedAt: r.reviewedAt } : undefined,
  };
}
