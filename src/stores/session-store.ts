import { Types, type Connection } from 'mongoose';
import type { Session } from '../domain/types';
import { sessionModel } from './models/session.model';
import { timetableSummaryModel, type CohortSummaryDoc } from './models/cohort-summary.model';
import { isDuplicateKey, upsertRetrying } from './is-duplicate-key';
import { CohortSummaryStore, summaryDocument, type SummaryShape } from './roster-summary-store';

/** Session cohorts kept by a store before it starts over (a county's sessions of a few months). */
const KNOWN_COHORTS = 20_000;

/** A session as stored. */
export type SessionDoc = {
  _id: Types.ObjectId;
  cohortId: Types.ObjectId;
  day: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  lecturerName?: string | null;
  cancelled?: boolean | null;
  closedAt?: Date | null;
  actualStart?: Date | null;
  actualEnd?: Date | null;
};

/** The plain session services use, from a stored document. */
export function toSession(d: SessionDoc): Session {
  return {
    id: String(d._id),
    cohortId: String(d.cohortId),
    day: d.day,
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    title: d.title,
    lecturerName: d.lecturerName ?? '',
    cancelled: d.cancelled === true,
    closedAt: d.closedAt ?? undefined,
    actualStart: d.actualStart ?? undefined,
    actualEnd: d.actualEnd ?? undefined,
  };
}

/** A session to create or update from a timetable line. */
export type SessionInput = Pick<Session, 'day' | 'startsAt' | 'endsAt' | 'title' | 'lecturerName'>;

type PackedSession = [id: string, day: string, startsAt: number, endsAt: number, title: string, lecturerName: string, cancelled: 0 | 1, closedAt: number | null, actualStart: number | null, actualEnd: number | null];

const timeOrNull = (d: Date | undefined): number | null => (d ? d.getTime() : null);
const dateOrUndefined = (t: number | null): Date | undefined => (t === null ? undefined : new Date(t));

/** Every session of the cohort, cancelled ones too, in order of start (then id), as toSession reads them. */
const timetableShape: SummaryShape<Session> = {
  rows: 'sessions',
  projection: { cohortId: 1, day: 1, startsAt: 1, endsAt: 1, title: 1, lecturerName: 1, cancelled: 1, closedAt: 1, actualStart: 1, actualEnd: 1 },
  entryOf: (row) => toSession(row as unknown as SessionDoc),
  pack: (s): PackedSession => [
    s.id, s.day, s.startsAt.getTime(), s.endsAt.getTime(), s.title, s.lecturerName, s.cancelled ? 1 : 0, timeOrNull(s.closedAt), timeOrNull(s.actualStart), timeOrNull(s.actualEnd),
  ],
  unpack(p) {
    const [id, day, startsAt, endsAt, title, lecturerName, cancelled, closedAt, actualStart, actualEnd] = p as PackedSession;
    return {
      id, cohortId: '', day, startsAt: new Date(startsAt), endsAt: new Date(endsAt), title, lecturerName, cancelled: cancelled === 1,
      closedAt: dateOrUndefined(closedAt), actualStart: dateOrUndefined(actualStart), actualEnd: dateOrUndefined(actualEnd),
    };
  },
  compare: (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
};

/** The stored document of a timetable summary revision, from the cohort's session rows as stored (bulk setup inserts these directly). */
export const timetableSummaryDocument = (cohortId: string, rev: number, sessions: readonly Record<string, unknown>[], builtAt: Date): CohortSummaryDoc =>
  summaryDocument(timetableShape, cohortId, rev, sessions, builtAt);

/**
 * Timetable summaries: per cohort, every session as the daily digest reads it, kept by the
 * session writes below (roster-summary-store.ts has the machinery). The unpacked sessions carry
 * the cohort id the caller asked for (readByCohorts).
 */
export class TimetableSummaryStore extends CohortSummaryStore<Session> {
  constructor(conn: Connection) {
    super(conn, timetableSummaryModel(conn), timetableShape);
  }

  override async readByCohorts(cohortIds: readonly string[], observe?: Parameters<CohortSummaryStore<Session>['readByCohorts']>[1]): Promise<Map<string, Session[]>> {
    const out = await super.readByCohorts(cohortIds, observe);
    for (const [cohortId, sessions] of out) for (const s of sessions) s.cohortId = cohortId;
    return out;
  }
}

/**
 * Reads and writes the timetable. Every write marks the session in the same command and brings
 * the cohort's timetable summary up to date (TimetableSummaryStore): awaited for staff's
 * timetable changes and the worker's closing, not for the lecturer's 上课/下课 in the chat.
 */
export class SessionStore {
  private readonly model;
  /** Session id → cohort id, for the writes by session id (their summary marks name the cohort). */
  private readonly cohorts = new Map<string, string>();

  constructor(
    conn: Connection,
    private readonly summaries: TimetableSummaryStore = new TimetableSummaryStore(conn),
  ) {
    this.model = sessionModel(conn);
  }

  /** Creates or updates sessions keyed by their start; returns them as stored. */
  async upsertMany(cohortId: string, inputs: SessionInput[]): Promise<Session[]> {
    const cid = new Types.ObjectId(cohortId);
    const out: Session[] = [];
    if (inputs.length === 0) return out;
    await this.summaries.marked(cohortId, async () => {
      for (const s of inputs) {
        const doc = await upsertRetrying(() =>
          this.model
            .findOneAndUpdate(
              { cohortId: cid, startsAt: s.startsAt },
              { $set: { day: s.day, endsAt: s.endsAt, title: s.title, lecturerName: s.lecturerName, cancelled: false } },
              { upsert: true, returnDocument: 'after' },
            )
            .lean(),
        );
        if (doc) out.push(toSession(doc));
      }
    });
    await this.summaries.settle(cohortId);
    return out;
  }

  async findById(id: string): Promise<Session | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id).lean();
    return doc ? toSession(doc) : null;
  }

  /** All sessions of a cohort in time order, cancelled ones excluded unless asked. */
  async listByCohort(cohortId: string, includeCancelled = false): Promise<Session[]> {
    const filter: Record<string, unknown> = { cohortId: new Types.ObjectId(cohortId) };
    if (!includeCancelled) filter.cancelled = { $ne: true };
    const docs = await this.model.find(filter).sort({ startsAt: 1 }).lean();
    return docs.map(toSession);
  }

  /** Sessions whose [from, to] range overlaps the given instant range. */
  async listOverlapping(cohortId: string, from: Date, to: Date): Promise<Session[]> {
    const docs = await this.model
      .find({ cohortId: new Types.ObjectId(cohortId), cancelled: { $ne: true }, startsAt: { $lte: to }, endsAt: { $gte: from } })
      .sort({ startsAt: 1 })
      .lean();
    return docs.map(toSession);
  }

  /** The cohort of a session (which never changes: kept once read), or null when there is no such session. */
  private async cohortOf(id: string): Promise<string | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const known = this.cohorts.get(id);
    if (known) return known;
    const doc = await this.model.findById(id, { cohortId: 1 }).lean();
    if (!doc) return null;
    if (this.cohorts.size >= KNOWN_COHORTS) this.cohorts.clear();
    this.cohorts.set(id, String(doc.cohortId));
    return String(doc.cohortId);
  }

  /** Changes one session's time, title or lecturer; null when another session starts then. */
  async update(id: string, input: SessionInput): Promise<Session | null> {
    const cohortId = await this.cohortOf(id);
    if (!cohortId) return null;
    try {
      const doc = await this.summaries.marked(cohortId, () =>
        this.model
          .findOneAndUpdate(
            { _id: new Types.ObjectId(id) },
            { $set: { day: input.day, startsAt: input.startsAt, endsAt: input.endsAt, title: input.title, lecturerName: input.lecturerName } },
            { returnDocument: 'after' },
          )
          .lean(),
      );
      return doc ? toSession(doc) : null;
    } catch (err) {
      if (isDuplicateKey(err)) return null;
      throw err;
    } finally {
      await this.summaries.settle(cohortId);
    }
  }

  /** Cancels a session (kept for the record, never signed in or closed). */
  async cancel(id: string): Promise<void> {
    const cohortId = await this.cohortOf(id);
    if (!cohortId) return;
    await this.summaries.marked(cohortId, () => this.model.updateOne({ _id: new Types.ObjectId(id) }, { $set: { cancelled: true } }));
    await this.summaries.settle(cohortId);
  }

  /** Records the lecturer's actual start (上课) once; the timetable summary follows without this waiting (a chat command). */
  async markActualStart(id: string, at: Date): Promise<boolean> {
    const cohortId = await this.cohortOf(id);
    if (!cohortId) return false;
    const res = await this.summaries.marked(
      cohortId,
      () => this.model.updateOne({ _id: new Types.ObjectId(id), actualStart: { $exists: false } }, { $set: { actualStart: at } }),
      (r) => r.matchedCount > 0,
    );
    if (res.matchedCount > 0) this.summaries.recordLater(cohortId);
    return res.matchedCount > 0;
  }

  /** Records the lecturer's actual end (下课); the last marker counts. The timetable summary follows without this waiting. */
  async markActualEnd(id: string, at: Date): Promise<void> {
    const cohortId = await this.cohortOf(id);
    if (!cohortId) return;
    await this.summaries.marked(cohortId, () => this.model.updateOne({ _id: new Types.ObjectId(id) }, { $set: { actualEnd: at } }));
    this.summaries.recordLater(cohortId);
  }

  /** Marks a session closed once; false when it was already closed. */
  async markClosed(id: string, at: Date): Promise<boolean> {
    const cohortId = await this.cohortOf(id);
    if (!cohortId) return false;
    const res = await this.summaries.marked(
      cohortId,
      () => this.model.updateOne({ _id: new Types.ObjectId(id), closedAt: { $exists: false } }, { $set: { closedAt: at } }),
      (r) => r.matchedCount > 0,
    );
    if (res.matchedCount > 0) await this.summaries.settle(cohortId);
    return res.matchedCount > 0;
  }
}
