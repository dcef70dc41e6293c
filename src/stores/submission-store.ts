import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import { submissionModel } from './models/submission.model';
import { isDuplicateKey } from './is-duplicate-key';
import { HomeworkSummaryStore, toSummaryVersion } from './homework-summary-store';
import type { Review, Submission } from '../domain/types';

type SubmissionDoc = {
  _id: Types.ObjectId;
  homeworkId: Types.ObjectId;
  cohortId: Types.ObjectId;
  platform: string;
  userId: string;
  name: string;
  version: number;
  text?: string | null;
  imageIds?: string[] | null;
  submittedAt: Date;
  late?: boolean | null;
  review?: { score?: number | null; comment?: string | null; reviewedBy?: string | null; reviewedAt?: Date | null } | null;
  showcased?: boolean | null;
};

function toSubmission(d: SubmissionDoc): Submission {
  const r = d.review;
  return {
    id: String(d._id),
    homeworkId: String(d.homeworkId),
    cohortId: String(d.cohortId),
    platform: d.platform as Platform,
    userId: d.userId,
    name: d.name,
    version: d.version,
    text: d.text ?? '',
    imageIds: d.imageIds ?? [],
    submittedAt: d.submittedAt,
    late: d.late === true,
    review:
      r && typeof r.score === 'number' && r.reviewedAt
        ? { score: r.score, comment: r.comment ?? '', reviewedBy: r.reviewedBy ?? '', reviewedAt: r.reviewedAt }
        : undefined,
    showcased: d.showcased === true,
  };
}

/**
 * Reads and writes submissions; every resubmission is a new version, the history stays. Each
 * write also goes into its homework's summary (homework-summary-store.ts), which the daily
 * digest reads; a version found already stored (a handler run again) is put in again.
 */
export class SubmissionStore {
  private readonly model;
  private readonly summaries: HomeworkSummaryStore;

  constructor(conn: Connection, summaries = new HomeworkSummaryStore(conn)) {
    this.model = submissionModel(conn);
    this.summaries = summaries;
  }

  /** Adds a version once per source message; says whether it is new. */
  async add(input: Omit<Submission, 'id' | 'version' | 'review' | 'showcased'> & { sourceEventId: string }): Promise<{ submission: Submission; created: boolean }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await this.model.findOne({ sourceEventId: input.sourceEventId }).lean();
      if (existing) return { submission: await this.summarised(toSubmission(existing)), created: false };
      const last = await this.latest(input.homeworkId, input.platform, input.userId);
      try {
        const doc = await this.model.create({
          ...input,
          homeworkId: new Types.ObjectId(input.homeworkId),
          cohortId: new Types.ObjectId(input.cohortId),
          version: (last?.version ?? 0) + 1,
        });
        return { submission: await this.summarised(toSubmission(doc.toObject())), created: true };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    throw new Error('could not number the submission');
  }

  /** Puts a version as it now stands into its homework's summary; returns it. */
  private async summarised(s: Submission): Promise<Submission> {
    await this.summaries.record(s.homeworkId, s.cohortId, [toSummaryVersion(s.homeworkId, s)]);
    return s;
  }

  /** The newest version a trainee submitted for a homework. */
  async latest(homeworkId: string, platform: Platform, userId: string): Promise<Submission | null> {
    const doc = await this.model
      .findOne({ homeworkId: new Types.ObjectId(homeworkId), platform, userId: String(userId) })
      .sort({ version: -1 })
      .lean();
    return doc ? toSubmission(doc) : null;
  }

  /** Attaches stored images to a version (idempotent per image id). */
  async addImages(id: string, imageIds: string[]): Promise<void> {
    await this.model.updateOne({ _id: new Types.ObjectId(id) }, { $addToSet: { imageIds: { $each: imageIds } } });
  }

  async setReview(id: string, review: Review): Promise<Submission | null> {
    const doc = await this.model.findOneAndUpdate({ _id: new Types.ObjectId(id) }, { $set: { review } }, { returnDocument: 'after' }).lean();
    return doc ? this.summarised(toSubmission(doc)) : null;
  }

  async setShowcased(id: string): Promise<void> {
    await this.model.updateOne({ _id: new Types.ObjectId(id) }, { $set: { showcased: true } });
  }

  async findById(id: string): Promise<Submission | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id).lean();
    return doc ? toSubmission(doc) : null;
  }

  /** Every version in a cohort, oldest first. */
  async listByCohort(cohortId: string): Promise<Submission[]> {
    const docs = await this.model.find({ cohortId: new Types.ObjectId(cohortId) }).sort({ submittedAt: 1, version: 1 }).lean();
    return docs.map((d) => toSubmission(d as SubmissionDoc));
  }

  /** Every version for one homework, oldest first. */
  async listByHomework(homeworkId: string): Promise<Submission[]> {
    const docs = await this.model.find({ homeworkId: new Types.ObjectId(homeworkId) }).sort({ submittedAt: 1, version: 1 }).lean();
    return docs.map((d) => toSubmission(d as SubmissionDoc));
  }
}
