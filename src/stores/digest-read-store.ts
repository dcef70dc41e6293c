import { performance } from 'node:perf_hooks';
import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import type { Homework, LeaveRequest, Member, ModerationRecord, Session, Submission } from '../domain/types';
import { followUpModel } from './models/follow-up.model';
import { groupBindingModel } from './models/group-binding.model';
import { surveyModel, surveyResponseModel } from './models/survey.model';
import type { TimetableSummaryStore } from './session-store';
import type { LeaveSummaryStore } from './leave-store';
import type { HomeworkListSummaryStore } from './homework-store';
import type { HomeworkSummaryStore, SummaryVersion } from './homework-summary-store';
import type { ModerationSummaryStore } from './moderation-summary-store';
import type { RosterSummaryStore } from './roster-summary-store';

/** What the daily digest reads of each cohort, keyed by cohort id (the fields it uses only). */
export interface CohortDigestRows {
  sessions: Session[];
  /** Active members holding the trainee or the staff role, in order of joining (then user id). */
  members: Pick<Member, 'platform' | 'userId' | 'name' | 'roles' | 'active' | 'joinedAt'>[];
  /** Every request, by number; `decidedAt` tells whether a summary built earlier may be out of date. */
  leave: Pick<LeaveRequest, 'no' | 'platform' | 'userId' | 'name' | 'day' | 'sessionId' | 'status' | 'decidedAt'>[];
  homework: Pick<Homework, 'id' | 'day' | 'seq' | 'deadline'>[];
  submissions: Pick<Submission, 'homeworkId' | 'platform' | 'userId' | 'version' | 'submittedAt' | 'late' | 'review'>[];
  moderation: Pick<ModerationRecord, 'kind' | 'at' | 'undoneAt'>[];
  surveys: { sent: number; answered: number };
  followUps: { due: number; answered: number };
  /** The platforms of the cohort's bound groups (whose administrators get the digest). */
  platforms: Platform[];
}

/** Documents per cursor round trip. */
const BATCH = 1_000;
/** Homework summaries built from raw versions at once (homework assigned before summaries existed). */
const RAW_FALLBACK_CONCURRENCY = 4;

const emptyRows = (): CohortDigestRows => ({
  sessions: [],
  members: [],
  leave: [],
  homework: [],
  submissions: [],
  moderation: [],
  surveys: { sent: 0, answered: 0 },
  followUps: { due: 0, answered: 0 },
  platforms: [],
});

/** The summaries the digest reads instead of rows. */
export interface DigestSummaries {
  homework: HomeworkSummaryStore;
  roster: RosterSummaryStore;
  moderation: ModerationSummaryStore;
  timetable: TimetableSummaryStore;
  leave: LeaveSummaryStore;
  homeworkList: HomeworkListSummaryStore;
}

/**
 * The daily digest's reads for many cohorts at once: one query per collection for all of them
 * (`cohortId: {$in: …}`), streamed through a cursor, projected to the fields the digest uses.
 * On FerretDB 1.24 a find costs per stored value it returns, and a per-cohort find scans the
 * whole collection each time, so one pass per collection replaces eleven finds per cohort.
 * Sessions, members, leave requests, homework and moderation actions come from their per-cohort summaries
 * (a cohort whose summary is missing or may be behind is rebuilt from its rows first; see
 * roster-summary-store.ts), the submissions from the homework summaries.
 * Orders match the per-cohort stores' (sessions by start, members by joining, leave by number,
 * homework by day and number), so a digest computed from these rows is the same.
 */
export class DigestReadStore {
  private readonly conn: Connection;
  private readonly homeworkSummaries: HomeworkSummaryStore;
  private readonly rosterSummaries: RosterSummaryStore;
  private readonly moderationSummaries: ModerationSummaryStore;
  private readonly timetableSummaries: TimetableSummaryStore;
  private readonly leaveSummaries: LeaveSummaryStore;
  private readonly homeworkLists: HomeworkListSummaryStore;

  constructor(conn: Connection, summaries: DigestSummaries) {
    this.conn = conn;
    this.homeworkSummaries = summaries.homework;
    this.rosterSummaries = summaries.roster;
    this.moderationSummaries = summaries.moderation;
    this.timetableSummaries = summaries.timetable;
    this.leaveSummaries = summaries.leave;
    this.homeworkLists = summaries.homeworkList;
  }

  /** Reads the cohorts' rows; `observe` hears, per collection, how many documents came and when the read ended. */
  async readCohorts(cohortIds: readonly string[], observe?: (collection: string, docs: number, ms: number) => void): Promise<Map<string, CohortDigestRows>> {
    type Model = Parameters<DigestReadStore['streamInto']>[0];
    const stream = <T>(model: Model, filter: object, projection: object, onDoc: (d: T) => void) => this.streamInto(model, filter, projection, onDoc, observe);
    const out = new Map<string, CohortDigestRows>(cohortIds.map((id) => [id, emptyRows()]));
    if (cohortIds.length === 0) return out;
    const inCohorts = { cohortId: { $in: cohortIds.map((id) => new Types.ObjectId(id)) } };
    const rowsOf = (cohortId: unknown): CohortDigestRows | undefined => out.get(String(cohortId));
    const surveyCohort = new Map<string, CohortDigestRows>();
    let summaries = new Map<string, SummaryVersion[]>();

    await Promise.all([
      (async () => {
        for (const [cohortId, sessions] of await this.timetableSummaries.readByCohorts(cohortIds, observe)) {
          const rows = rowsOf(cohortId);
          if (rows) rows.sessions = sessions;
        }
      })(),
      (async () => {
        for (const [cohortId, members] of await this.rosterSummaries.readByCohorts(cohortIds, observe)) {
          const rows = rowsOf(cohortId);
          if (rows) rows.members = members.map((m) => ({ ...m, active: true }));
        }
      })(),
      (async () => {
        for (const [cohortId, leave] of await this.leaveSummaries.readByCohorts(cohortIds, observe)) {
          const rows = rowsOf(cohortId);
          if (rows) rows.leave = leave;
        }
      })(),
      (async () => {
        for (const [cohortId, homework] of await this.homeworkLists.readByCohorts(cohortIds, observe)) {
          const rows = rowsOf(cohortId);
          if (rows) rows.homework = homework;
        }
      })(),
      (async () => {
        const started = performance.now();
        summaries = await this.homeworkSummaries.readByCohorts(cohortIds);
        observe?.('homework_summaries', summaries.size, performance.now() - started);
      })(),
      (async () => {
        for (const [cohortId, actions] of await this.moderationSummaries.readByCohorts(cohortIds, observe)) {
          const rows = rowsOf(cohortId);
          if (rows) rows.moderation = actions.map((a) => ({ kind: a.kind, at: a.at, undoneAt: a.undoneAt }));
        }
      })(),
      stream<{ _id: Types.ObjectId; cohortId: Types.ObjectId; invited?: string[] | null }>(surveyModel(this.conn), inCohorts, { cohortId: 1, invited: 1 }, (d) => {
        const rows = rowsOf(d.cohortId);
        if (!rows) return;
        rows.surveys.sent += (d.invited ?? []).length;
        surveyCohort.set(String(d._id), rows);
      }),
      stream<{ cohortId: Types.ObjectId; answeredAt?: Date | null }>(followUpModel(this.conn), inCohorts, { cohortId: 1, answeredAt: 1 }, (d) => {
        const rows = rowsOf(d.cohortId);
        if (!rows) return;
        rows.followUps.due += 1;
        if (d.answeredAt) rows.followUps.answered += 1;
      }),
      stream<{ cohortId: Types.ObjectId; platform: string }>(groupBindingModel(this.conn), inCohorts, { cohortId: 1, platform: 1 }, (d) => {
        const rows = rowsOf(d.cohortId);
        if (rows && !rows.platforms.includes(d.platform as Platform)) rows.platforms.push(d.platform as Platform);
      }),
    ]);
    // Answers count against the survey they answer (surveys of these cohorts only).
    if (surveyCohort.size > 0) {
      const inSurveys = { surveyId: { $in: [...surveyCohort.keys()].map((id) => new Types.ObjectId(id)) } };
      await stream<{ surveyId: Types.ObjectId }>(surveyResponseModel(this.conn), inSurveys, { surveyId: 1 }, (d) => {
        const rows = surveyCohort.get(String(d.surveyId));
        if (rows) rows.surveys.answered += 1;
      });
    }
    // Submissions from the homework summaries; a homework without one (assigned before summaries
    // existed) gets it built from its raw versions, a few at a time.
    const unsummarised: { homeworkId: string; cohortId: string }[] = [];
    for (const [cohortId, rows] of out) {
      for (const h of rows.homework) {
        const versions = summaries.get(h.id);
        if (versions) rows.submissions.push(...versions);
        else unsummarised.push({ homeworkId: h.id, cohortId });
      }
    }
    for (let i = 0; i < unsummarised.length; i += RAW_FALLBACK_CONCURRENCY) {
      await Promise.all(
        unsummarised.slice(i, i + RAW_FALLBACK_CONCURRENCY).map(async ({ homeworkId, cohortId }) => {
          out.get(cohortId)!.submissions.push(...(await this.homeworkSummaries.record(homeworkId, cohortId, [])));
        }),
      );
    }
    for (const rows of out.values()) {
      rows.submissions.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.version - b.version);
      rows.sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      rows.members.sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
      rows.leave.sort((a, b) => a.no - b.no);
      rows.homework.sort((a, b) => a.day.localeCompare(b.day) || a.seq - b.seq);
    }
    return out;
  }

  /** Streams `filter`'s documents (only `projection`'s fields) through a cursor into `onDoc`. */
  private async streamInto<T>(
    model: { find: (filter: object, projection: object) => { lean: () => { cursor: (o: { batchSize: number }) => AsyncIterable<unknown> } } },
    filter: object,
    projection: object,
    onDoc: (d: T) => void,
    observe: ((collection: string, docs: number, ms: number) => void) | undefined,
  ): Promise<void> {
    const started = performance.now();
    let docs = 0;
    for await (const doc of model.find(filter, projection).lean().cursor({ batchSize: BATCH })) {
      docs += 1;
      onDoc(doc as T);
    }
    observe?.((model as { collection?: { collectionName?: string } }).collection?.collectionName ?? '?', docs, performance.now() - started);
  }
}
