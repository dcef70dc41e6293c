import { Types, type Connection } from 'mongoose';
import type { Homework, LeaveRequest, Member, Review, Session, Submission } from '../domain/types';
import { summaryIsCurrent } from '../features/reporting/gather-digest';
import { submissionModel } from '../stores/models/submission.model';
import type { Stores } from '../stores/create-stores';
import type { SessionSummary, SummaryRecord } from '../stores/session-summary-store';

/** A submission version as the cohort page reads it: whose, which version, late, and its review score if reviewed. */
export type PageSubmission = Pick<Submission, 'homeworkId' | 'userId' | 'version' | 'late'> & { review?: Pick<Review, 'score'> };

/** The rows of one cohort the page is built from, each collection read once. */
export interface CohortPageRows {
  sessions: Session[];
  /** Members holding the trainee role (active or not), in order of joining. */
  trainees: Member[];
  /** Every attendance record of the cohort: from the session summaries where current, else the raw rows. */
  attendance: SummaryRecord[];
  leave: LeaveRequest[];
  homework: Homework[];
  submissions: PageSubmission[];
}

/**
 * Reads what the cohort page's grid, trend, homework and standings share, each collection once
 * and in parallel: attendance of a closed session from the summary its close wrote (one document
 * per session instead of one per trainee), the raw records, projected, only for sessions without
 * a current summary (open, not yet held, or changed by a later leave decision), one indexed find
 * per session; submissions without their text. On FerretDB a find costs per document and value it returns.
 */
export async function readCohortPageRows(conn: Connection, stores: Stores, cohortId: string): Promise<CohortPageRows> {
  const id = new Types.ObjectId(cohortId);
  const summaries = new Map<string, SessionSummary>();
  const [sessions, trainees, leave, homework, submissionDocs] = await Promise.all([
    stores.sessions.listByCohort(cohortId),
    stores.members.listWithRole(cohortId, 'trainee'),
    stores.leave.listByCohort(cohortId),
    stores.homework.listByCohort(cohortId),
    submissionModel(conn)
      .find({ cohortId: id }, { _id: 0, homeworkId: 1, userId: 1, version: 1, late: 1, 'review.score': 1 })
      .lean<{ homeworkId: Types.ObjectId; userId: string; version: number; late?: boolean | null; review?: { score?: number | null } | null }[]>(),
    (async () => {
      for await (const s of stores.sessionSummaries.streamByCohorts([cohortId])) summaries.set(s.sessionId, s);
    })(),
  ]);
  const attendance: SummaryRecord[] = [];
  const unsummarised: string[] = [];
  for (const s of sessions) {
    if (s.cancelled) continue;
    const summary = summaries.get(s.id);
    if (summaryIsCurrent(summary, s, leave)) attendance.push(...summary.records);
    else unsummarised.push(s.id);
  }
  // One find per session (its index answers it); a find over several sessions at once scans the collection.
  for (const records of await Promise.all(unsummarised.map((sessionId) => stores.sessionSummaries.rawRecords(sessionId)))) attendance.push(...records);
  const submissions = submissionDocs.map(
    (d): PageSubmission => ({
      homeworkId: String(d.homeworkId),
      userId: d.userId,
      version: d.version,
      late: d.late === true,
      review: typeof d.review?.score === 'number' ? { score: d.review.score } : undefined,
    }),
  );
  // Oldest version first, as the submissions store lists them: a later review replaces an earlier one.
  submissions.sort((a, b) => a.version - b.version);
  return { sessions, trainees, attendance, leave, homework, submissions };
}
