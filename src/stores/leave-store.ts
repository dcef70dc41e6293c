import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import { leaveModel } from './models/leave.model';
import { leaveSummaryModel, type CohortSummaryDoc } from './models/cohort-summary.model';
import { insertNumbered } from './numbered-insert';
import { CohortSummaryStore, summaryDocument, type SummaryShape } from './roster-summary-store';
import type { LeaveRequest } from '../domain/types';

type LeaveDoc = Omit<LeaveRequest, 'id' | 'cohortId' | 'sessionId'> & {
  _id: Types.ObjectId;
  cohortId: Types.ObjectId;
  sessionId?: Types.ObjectId | null;
  decidedAt?: Date | null;
  decidedBy?: string | null;
};

function toLeave(d: LeaveDoc): LeaveRequest {
  return {
    id: String(d._id),
    cohortId: String(d.cohortId),
    no: d.no,
    platform: d.platform,
    userId: d.userId,
    name: d.name,
    day: d.day,
    sessionId: d.sessionId ? String(d.sessionId) : undefined,
    reason: d.reason,
    status: d.status,
    requestedAt: d.requestedAt,
    decidedAt: d.decidedAt ?? undefined,
    decidedBy: d.decidedBy ?? undefined,
  };
}

/** What the daily digest reads of one leave request; `decidedAt` tells whether a session summary built earlier may be out of date. */
export type LeaveEntry = Pick<LeaveRequest, 'no' | 'platform' | 'userId' | 'name' | 'day' | 'sessionId' | 'status' | 'decidedAt'>;

type PackedLeave = [no: number, platform: string, userId: string, name: string, day: string, sessionId: string | null, status: string, decidedAt: number | null];

const sessionOf = (id: Types.ObjectId | null | undefined): { sessionId: string | undefined } => ({ sessionId: id ? id.toHexString() : undefined });

/** Every request of the cohort, by number. */
const leaveShape: SummaryShape<LeaveEntry> = {
  rows: 'leave_requests',
  projection: { no: 1, platform: 1, userId: 1, name: 1, day: 1, sessionId: 1, status: 1, decidedAt: 1 },
  entryOf: (row) => ({
    no: Number(row.no),
    platform: row.platform as Platform,
    userId: String(row.userId),
    name: String(row.name),
    day: String(row.day),
    ...sessionOf(row.sessionId as Types.ObjectId | null | undefined),
    status: row.status as LeaveRequest['status'],
    decidedAt: row.decidedAt instanceof Date ? row.decidedAt : undefined,
  }),
  pack: (e): PackedLeave => [e.no, e.platform, e.userId, e.name, e.day, e.sessionId ?? null, e.status, e.decidedAt ? e.decidedAt.getTime() : null],
  unpack(p) {
    const [no, platform, userId, name, day, sessionId, status, decidedAt] = p as PackedLeave;
    return {
      no, platform: platform as Platform, userId, name, day, sessionId: sessionId ?? undefined, status: status as LeaveRequest['status'],
      decidedAt: decidedAt === null ? undefined : new Date(decidedAt),
    };
  },
  compare: (a, b) => a.no - b.no,
};

/** The stored document of a leave summary revision, from the cohort's request rows as stored (bulk setup inserts these directly). */
export const leaveSummaryDocument = (cohortId: string, rev: number, requests: readonly Record<string, unknown>[], builtAt: Date): CohortSummaryDoc =>
  summaryDocument(leaveShape, cohortId, rev, requests, builtAt);

/** Leave summaries: per cohort, every request as the daily digest reads it, kept by LeaveStore's writes (roster-summary-store.ts has the machinery). */
export class LeaveSummaryStore extends CohortSummaryStore<LeaveEntry> {
  constructor(conn: Connection) {
    super(conn, leaveSummaryModel(conn), leaveShape);
  }
}

/**
 * Reads and writes leave requests, numbered per cohort. Every write marks the request in the same
 * command and brings the cohort's leave summary up to date (LeaveSummaryStore): awaited for a
 * decision (staff), not for a 请假 filed in the chat.
 */
export class LeaveStore {
  private readonly model;

  constructor(
    private readonly conn: Connection,
    private readonly summaries: LeaveSummaryStore = new LeaveSummaryStore(conn),
  ) {
    this.model = leaveModel(conn);
  }

  /**
   * Files a request once per source message; a redelivery returns the first one (and brings the
   * summary up to date again if the first handling did not). The leave summary follows without
   * this waiting (a 请假 in the chat).
   */
  async create(input: Omit<LeaveRequest, 'id' | 'no' | 'status' | 'decidedAt' | 'decidedBy'> & { sourceEventId: string }): Promise<{ request: LeaveRequest; created: boolean }> {
    const existing = async () => {
      const doc = await this.model.findOne({ sourceEventId: input.sourceEventId }).lean();
      return doc ? toLeave(doc as LeaveDoc) : null;
    };
    const first = await existing();
    if (first) {
      // The first handling may not have seen its summary written (a crash, a failed write); this one does.
      this.summaries.recordLater(input.cohortId);
      return { request: first, created: false };
    }
    const cohortId = new Types.ObjectId(input.cohortId);
    const { value, created } = await this.summaries.marked(input.cohortId, () =>
      insertNumbered(this.conn, {
        counter: `leave:${input.cohortId}`,
        insert: async (no) => {
          const doc = new this.model({ ...input, no, cohortId, sessionId: input.sessionId ? new Types.ObjectId(input.sessionId) : undefined });
          return toLeave((await doc.save()).toObject() as LeaveDoc);
        },
        existing,
        highest: async () => (await this.model.findOne({ cohortId }, { no: 1 }).sort({ no: -1 }).lean())?.no ?? 0,
      }),
    );
    this.summaries.recordLater(input.cohortId);
    return { request: value, created };
  }

  async findByNo(cohortId: string, no: number): Promise<LeaveRequest | null> {
    const doc = await this.model.findOne({ cohortId: new Types.ObjectId(cohortId), no }).lean();
    return doc ? toLeave(doc as LeaveDoc) : null;
  }

  /** Decides a pending request; null when it was not pending any more. */
  async decide(cohortId: string, no: number, status: 'approved' | 'rejected', by: string, at: Date, note: string): Promise<LeaveRequest | null> {
    const doc = await this.summaries.marked(cohortId, () =>
      this.model
        .findOneAndUpdate({ cohortId: new Types.ObjectId(cohortId), no, status: 'pending' }, { $set: { status, decidedBy: by, decidedAt: at, decisionNote: note } }, { returnDocument: 'after' })
        .lean(),
      (d) => d !== null,
    );
    if (doc) await this.summaries.settle(cohortId);
    return doc ? toLeave(doc as LeaveDoc) : null;
  }

  /** Calls `listener` with the cohort when a leave request is decided in any process (where hot state is kept; else never). */
  onDecided(_listener: (cohortId: string) => void): void {}

  async listByCohort(cohortId: string, status?: LeaveRequest['status']): Promise<LeaveRequest[]> {
    const filter: Record<string, unknown> = { cohortId: new Types.ObjectId(cohortId) };
    if (status) filter.status = status;
    const docs = await this.model.find(filter).sort({ no: 1 }).lean();
    return docs.map((d) => toLeave(d as LeaveDoc));
  }

  /** Approved requests covering a day (whole-day requests and those for one of its sessions). */
  async listApprovedForDay(cohortId: string, day: string): Promise<LeaveRequest[]> {
    const docs = await this.model.find({ cohortId: new Types.ObjectId(cohortId), day, status: 'approved' }).lean();
    return docs.map((d) => toLeave(d as LeaveDoc));
  }
}
