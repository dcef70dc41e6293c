import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import { surveyModel, surveyResponseModel } from './models/survey.model';
import { isDuplicateKey, upsertRetrying } from './is-duplicate-key';
import type { Survey, SurveyResponse } from '../domain/types';

type SurveyDoc = { _id: Types.ObjectId; cohortId: Types.ObjectId; lecturerName: string; openedAt: Date; closesAt: Date; closedAt?: Date | null; invited?: string[] | null };

function toSurvey(d: SurveyDoc): Survey {
  return { id: String(d._id), cohortId: String(d.cohortId), lecturerName: d.lecturerName, openedAt: d.openedAt, closesAt: d.closesAt, closedAt: d.closedAt ?? undefined, invited: d.invited ?? [] };
}

/** Reads and writes surveys and their answers. */
export class SurveyStore {
  private readonly surveys;
  private readonly responses;

  constructor(conn: Connection) {
    this.surveys = surveyModel(conn);
    this.responses = surveyResponseModel(conn);
  }

  /** Opens the survey about a lecturer once; a second call returns the first. */
  async open(cohortId: string, lecturerName: string, openedAt: Date, closesAt: Date, invited: string[]): Promise<Survey> {
    const doc = await upsertRetrying(() =>
      this.surveys
        .findOneAndUpdate(
          { cohortId: new Types.ObjectId(cohortId), lecturerName: String(lecturerName) },
          { $setOnInsert: { openedAt, closesAt, invited } },
          { upsert: true, returnDocument: 'after' },
        )
        .lean(),
    );
    return toSurvey(doc);
  }

  async findById(id: string): Promise<Survey | null> {
    const doc = await this.surveys.findById(id).lean();
    return doc ? toSurvey(doc) : null;
  }

  /** Surveys of a cohort, oldest first. */
  async listByCohort(cohortId: string): Promise<Survey[]> {
    const docs = await this.surveys.find({ cohortId: new Types.ObjectId(cohortId) }).sort({ openedAt: 1 }).lean();
    return docs.map((d) => toSurvey(d as SurveyDoc));
  }

  /** Open surveys (not closed, not past their closing time) a trainee was invited to. */
  async openFor(platform: Platform, userId: string, at: Date): Promise<Survey[]> {
    const docs = await this.surveys.find({ invited: String(userId), closedAt: { $exists: false }, closesAt: { $gt: at } }).sort({ openedAt: -1 }).lean();
    return docs.map((d) => toSurvey(d as SurveyDoc));
  }

  /** Closes a survey once; false when it was already closed. */
  async close(id: string, at: Date): Promise<boolean> {
    const res = await this.surveys.updateOne({ _id: new Types.ObjectId(id), closedAt: { $exists: false } }, { $set: { closedAt: at } });
    return res.modifiedCount === 1;
  }

  /** Stores a trainee's answers once per survey; a second answer is refused (false). */
  async answer(r: SurveyResponse): Promise<boolean> {
    try {
      await this.responses.create({ ...r, surveyId: new Types.ObjectId(r.surveyId), cohortId: new Types.ObjectId(r.cohortId) });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** The answers to a survey. */
  async responsesOf(surveyId: string): Promise<SurveyResponse[]> {
    const docs = await this.responses.find({ surveyId: new Types.ObjectId(surveyId) }).sort({ answeredAt: 1 }).lean();
    return docs.map((d) => ({
      surveyId,
      cohortId: String(d.cohortId),
      lecturerName: d.lecturerName,
      platform: d.platform as Platform,
      userId: d.userId,
      satisfaction: d.satisfaction,
      content: d.content,
      pace: d.pace,
      improve: d.improve ?? '',
      answeredAt: d.answeredAt,
    }));
  }
}
