import { Types, type Connection } from 'mongoose';
import { leaveModel } from './models/leave.model';
import { insertNumbered } from './numbered-insert';
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

/** Reads and writes leave requests, numbered per cohort. */
export class LeaveStore {
  private readonly model;

  constructor(private readonly conn: Connection) {
    this.model = leaveModel(conn);
  }

  /** Files a request once per source message; a redelivery returns the first one. */
  async create(input: Omit<LeaveRequest, 'id' | 'no' | 'status' | 'decidedAt' | 'decidedBy'> & { sourceEventId: string }): Promise<{ request: LeaveRequest; created: boolean }> {
    const existing = async () => {
      const doc = await this.model.findOne({ sourceEventId: input.sourceEventId }).lean();
      return doc ? toLeave(doc as LeaveDoc) : null;
    };
    const first = await existing();
    if (first) return { request: first, created: false };
    const cohortId = new Types.ObjectId(input.cohortId);
    const { value, created } = await insertNumbered(this.conn, {
      counter: `leave:${input.cohortId}`,
      insert: async (no) => {
        const doc = await this.model.create({ ...input, no, cohortId, sessionId: input.sessionId ? new Types.ObjectId(input.sessionId) : undefined });
        return toLeave(doc.toObject() as LeaveDoc);
      },
      existing,
      highest: async () => (await this.model.findOne({ cohortId }, { no: 1 }).sort({ no: -1 }).lean())?.no ?? 0,
    });
    return { request: value, created };
  }

  async findByNo(cohortId: string, no: number): Promise<LeaveRequest | null> {
    const doc = await this.model.findOne({ cohortId: new Types.ObjectId(cohortId), no }).lean();
    return doc ? toLeave(doc as LeaveDoc) : null;
  }

  /** Decides a pending request; null when it was not pending any more. */
  async decide(cohortId: string, no: number, status: 'approved' | 'rejected', by: string, at: Date, note: string): Promise<LeaveRequest | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { cohortId: new Types.ObjectId(cohortId), no, status: 'pending' },
        { $set: { status, decidedBy: by, decidedAt: at, decisionNote: note } },
        { returnDocument: 'after' },
      )
      .lean();
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
