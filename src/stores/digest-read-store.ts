import { performance } from 'node:perf_hooks';
import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import type { Homework, LeaveRequest, Member, ModerationRecord, Session, Submission } from '../domain/types';
import { followUpModel } from './models/follow-up.model';
import { groupBindingModel } from './models/group-binding.model';
import { surveyModel, surveyResponseModel } from './models/survey.model';
import type { TimetableSummaryStore } from './session-store';
import type { LeaveEntry, LeaveSummaryStore } from './leave-store';
import type { HomeworkEntry, HomeworkListSummaryStore } from './homework-store';
import { unpackVersions, type HomeworkSummaryStore, type SummaryVersion } from './homework-summary-store';
import type { ModerationEntry, ModerationSummaryStore } from './moderation-summary-store';
import type { PackedEntries, RosterEntry, RosterSummaryStore } from './roster-summary-store';

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

/**
 * What the daily digest reads of each cohort as read, before unpacking (DigestReadStore.unpack):
 * each summary's packed JSON (or the entries of a summary rebuilt for the read), so many cohorts
 * held at once cost their strings, not their rows as objects.
 */
export interface PackedCohortRows {
  sessions: PackedEntries<Session>;
  members: PackedEntries<RosterEntry>;
  leave: PackedEntries<LeaveEntry>;
  homework: PackedEntries<HomeworkEntry>;
  /** Per homework of the cohort (the list's order, then those built from raw versions): its summary's versions. */
  submissions: { homeworkId: string; versions: string | SummaryVersion[] }[];
  moderation: PackedEntries<ModerationEntry>;
  surveys: { sent: number; answered: number };
  followUps: { due: number; answered: number };
  platforms: Platform[];
}

/** Documents per cursor round trip. */
const BATCH = 1_000;
/** Homework summaries built from raw versions at once (homework assigned before summaries existed). */
const RAW_FALLBACK_CONCURRENCY = 4;

const emptyRows = (): PackedCohortRows => ({
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
 *
 * readCohortsPacked keeps each cohort's summaries packed as read, and unpack turns one cohort's
 * into rows when its digest is computed: a thousand cohorts' attendance and submissions as objects
 * at once would cost hundreds of megabytes.
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

  /** Reads the cohorts' rows, unpacked; `observe` hears, per collection, how many documents came and when the read ended. */
  async readCohorts(cohortIds: readonly string[], observe?: (collection: string, docs: number, ms: number) => void): Promise<Map<string, CohortDigestRows>> {
    const packed = await this.readCohortsPacked(cohortIds, observe);
    return new Map([...packed].map(([id, p]) => [id, this.unpack(id, p)]));
  }

  /** Reads the cohorts' rows, packed (see unpack); `observe` as for readCohorts. */
  async readCohortsPacked(cohortIds: readonly string[], observe?: (collection: string, docs: number, ms: number) => void): Promise<Map<string, PackedCohortRows>> {
    type Model = Parameters<DigestReadStore['streamInto']>[0];
    const stream = <T>(model: Model, filter: object, projection: object, onDoc: (d: T) => void) => this.streamInto(model, filter, projection, onDoc, observe);
    const out = new Map<string, PackedCohortRows>(cohortIds.map((id) => [id, emptyRows()]));
    if (cohortIds.length === 0) return out;
    const inCohorts = { cohortId: { $in: cohortIds.map((id) => new Types.ObjectId(id)) } };
    const rowsOf = (cohortId: unknown): PackedCohortRows | undefined => out.get(String(cohortId));
    const surveyCohort = new Map<string, PackedCohortRows>();
    let summaries = new Map<string, string>();
    /** Puts each cohort's summary of one collection in its rows. */
    const into = <K extends 'sessions' | 'members' | 'leave' | 'homework' | 'moderation'>(key: K, read: Map<string, PackedCohortRows[K]>) => {
      for (const [cohortId, packed] of read) {
        const rows = rowsOf(cohortId);
        if (rows) rows[key] = packed;
      }
    };

    await Promise.all([
      (async () => into('sessions', await this.timetableSummaries.readPackedByCohorts(cohortIds, observe)))(),
      (async () => into('members', await this.rosterSummaries.readPackedByCohorts(cohortIds, observe)))(),
      (async () => into('leave', await this.leaveSummaries.readPackedByCohorts(cohortIds, observe)))(),
      (async () => into('homework', await this.homeworkLists.readPackedByCohorts(cohortIds, observe)))(),
      (async () => {
        const started = performance.now();
        summaries = await this.homeworkSummaries.readPackedByCohorts(cohortIds);
        observe?.('homework_summaries', summaries.size, performance.now() - started);
      })(),
      (async () => into('moderation', await this.moderationSummaries.readPackedByCohorts(cohortIds, observe)))(),
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
    const unsummarised: { homeworkId: string; cohortId: string; rows: PackedCohortRows }[] = [];
    for (const [cohortId, rows] of out) {
      for (const h of this.homeworkLists.unpackEntries(rows.homework)) {
        const versions = summaries.get(h.id);
        if (versions !== undefined) rows.submissions.push({ homeworkId: h.id, versions });
        else unsummarised.push({ homeworkId: h.id, cohortId, rows });
      }
    }
    summaries.clear();
    for (let i = 0; i < unsummarised.length; i += RAW_FALLBACK_CONCURRENCY) {
      await Promise.all(
        unsummarised.slice(i, i + RAW_FALLBACK_CONCURRENCY).map(async ({ homeworkId, cohortId, rows }) => {
          rows.submissions.push({ homeworkId, versions: await this.homeworkSummaries.record(homeworkId, cohortId, []) });
        }),
      );
    }
    return out;
  }

  /** A cohort's sessions as read, in order of start. */
  sessionsOf(cohortId: string, packed: PackedCohortRows): Session[] {
    // Unpacked sessions carry the cohort id the summary was read for (as TimetableSummaryStore.readByCohorts does).
    const sessions = typeof packed.sessions === 'string' ? this.timetableSummaries.unpackEntries(packed.sessions) : packed.sessions.map((s) => ({ ...s }));
    for (const s of sessions) s.cohortId = cohortId;
    return sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }

  /** A cohort's leave requests as read, by number. */
  leaveOf(packed: PackedCohortRows): CohortDigestRows['leave'] {
    return [...this.leaveSummaries.unpackEntries(packed.leave)].sort((a, b) => a.no - b.no);
  }

  /** A cohort's active trainees and staff as read, in order of joining (then user id). */
  membersOf(packed: PackedCohortRows): CohortDigestRows['members'] {
    return this.rosterSummaries
      .unpackEntries(packed.members)
      .map((m) => ({ ...m, active: true }))
      .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  }

  /** One cohort's rows as readCohortsPacked read them. */
  unpack(cohortId: string, packed: PackedCohortRows): CohortDigestRows {
    const submissions = packed.submissions.flatMap(({ homeworkId, versions }) => (typeof versions === 'string' ? unpackVersions(homeworkId, versions) : versions));
    return {
      sessions: this.sessionsOf(cohortId, packed),
      members: this.membersOf(packed),
      leave: this.leaveOf(packed),
      homework: [...this.homeworkLists.unpackEntries(packed.homework)].sort((a, b) => a.day.localeCompare(b.day) || a.seq - b.seq),
      submissions: submissions.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.version - b.version),
      moderation: this.moderationSummaries.unpackEntries(packed.moderation).map((a) => ({ kind: a.kind, at: a.at, undoneAt: a.undoneAt })),
      surveys: { ...packed.surveys },
      followUps: { ...packed.followUps },
      platforms: [...packed.platforms],
    };
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
