import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import type { Attendance, AttendanceStatus, Session } from '../domain/types';
import { attendanceModel } from './models/attendance.model';
import { sessionSummaryModel } from './models/session-summary.model';
import { SUMMARY_CURSOR_BATCH } from './roster-summary-store';

/** The fields of an attendance record a summary keeps (what the digest reads). */
export type SummaryRecord = Pick<Attendance, 'sessionId' | 'platform' | 'userId' | 'status' | 'minutesLate'>;

/** One held session's attendance as summarised when it closed (or rebuilt later from the raw rows). */
export interface SessionSummary {
  sessionId: string;
  cohortId: string;
  day: string;
  /** When the summary was built: a leave decided after it may have changed a record since. */
  builtAt: Date;
  places: number;
  onTime: number;
  late: number;
  absent: number;
  leave: number;
  records: SummaryRecord[];
}

type Packed = [string, string, AttendanceStatus, number];

/**
 * Builds a session's summary from its attendance records as they stand (the one builder, used by
 * closing a session, by the digest's rebuild of a stale summary and by the digest benchmark's setup).
 */
export function buildSessionSummary(
  session: Pick<Session, 'id' | 'cohortId' | 'day'>,
  records: readonly Pick<Attendance, 'platform' | 'userId' | 'status' | 'minutesLate'>[],
  builtAt: Date,
): SessionSummary {
  const count = (st: AttendanceStatus) => records.filter((r) => r.status === st).length;
  return {
    sessionId: session.id,
    cohortId: session.cohortId,
    day: session.day,
    builtAt,
    places: records.length,
    onTime: count('on_time'),
    late: count('late'),
    absent: count('absent'),
    leave: count('leave'),
    records: records.map((r) => ({ sessionId: session.id, platform: r.platform, userId: r.userId, status: r.status, minutesLate: r.minutesLate })),
  };
}

/** The stored document of a summary (what `write` upserts; bulk setup may insert these directly). */
export function summaryDocument(s: SessionSummary): {
  _id: Types.ObjectId;
  cohortId: Types.ObjectId;
  day: string;
  builtAt: Date;
  places: number;
  onTime: number;
  late: number;
  absent: number;
  leave: number;
  records: string;
} {
  return {
    _id: new Types.ObjectId(s.sessionId),
    cohortId: new Types.ObjectId(s.cohortId),
    day: s.day,
    builtAt: s.builtAt,
    places: s.places,
    onTime: s.onTime,
    late: s.late,
    absent: s.absent,
    leave: s.leave,
    records: JSON.stringify(s.records.map((r): Packed => [r.platform, r.userId, r.status, r.minutesLate])),
  };
}

type SummaryDoc = {
  _id: Types.ObjectId;
  cohortId: Types.ObjectId;
  day: string;
  builtAt: Date;
  places: number;
  onTime: number;
  late: number;
  absent: number;
  leave: number;
  records?: string | null;
};

/** A summary as read, its records left packed as stored (JSON; unpackRecords reads them). */
export type PackedSessionSummary = Omit<SessionSummary, 'records'> & { records: string };

function toPacked(d: SummaryDoc): PackedSessionSummary {
  return {
    sessionId: String(d._id),
    cohortId: String(d.cohortId),
    day: d.day,
    builtAt: d.builtAt,
    places: d.places,
    onTime: d.onTime,
    late: d.late,
    absent: d.absent,
    leave: d.leave,
    records: d.records || '[]',
  };
}

/** A session's attendance records as packed in its summary. */
export function unpackRecords(sessionId: string, packed: string): SummaryRecord[] {
  return (JSON.parse(packed || '[]') as Packed[]).map(([platform, userId, status, minutesLate]) => ({ sessionId, platform: platform as Platform, userId, status, minutesLate }));
}

function toSummary(d: SummaryDoc): SessionSummary {
  const packed = toPacked(d);
  return { ...packed, records: unpackRecords(packed.sessionId, packed.records) };
}


/**
 * Session summaries (one document per held session) and the raw attendance reads they fall
 * back on. Writes replace the whole summary, so writing it twice leaves the same one document.
 */
export class SessionSummaryStore {
  private readonly model;
  private readonly attendance;

  constructor(conn: Connection) {
    this.model = sessionSummaryModel(conn);
    this.attendance = attendanceModel(conn);
  }

  /** Writes (or replaces) summaries, one round trip. */
  async write(summaries: readonly SessionSummary[]): Promise<void> {
    if (summaries.length === 0) return;
    await this.model.bulkWrite(
      summaries.map((s) => ({
        replaceOne: {
          filter: { _id: new Types.ObjectId(s.sessionId) },
          replacement: summaryDocument(s),
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  async find(sessionId: string): Promise<SessionSummary | null> {
    const doc = await this.model.findOne({ _id: new Types.ObjectId(sessionId) }).lean();
    return doc ? toSummary(doc) : null;
  }

  /** Every summary of the given cohorts, streamed (one query for all of them). */
  async *streamByCohorts(cohortIds: readonly string[]): AsyncGenerator<SessionSummary> {
    if (cohortIds.length === 0) return;
    const cursor = this.model.find({ cohortId: { $in: cohortIds.map((id) => new Types.ObjectId(id)) } }).lean().cursor({ batchSize: SUMMARY_CURSOR_BATCH });
    for await (const doc of cursor) yield toSummary(doc);
  }

  /** streamByCohorts with each summary's records left packed (unpackRecords), for a reader that unpacks one cohort at a time. */
  async *streamPackedByCohorts(cohortIds: readonly string[]): AsyncGenerator<PackedSessionSummary> {
    if (cohortIds.length === 0) return;
    // The packed records are this store's own JSON: the driver's scan of every decoded string for
    // a replacement character (UTF-8 validation) is skipped.
    const cursor = this.model.collection.find({ cohortId: { $in: cohortIds.map((id) => new Types.ObjectId(id)) } }, { batchSize: SUMMARY_CURSOR_BATCH, enableUtf8Validation: false });
    for await (const doc of cursor) yield toPacked(doc as unknown as SummaryDoc);
  }

  /** A session's raw attendance records (the fallback for a session with no current summary). */
  async rawRecords(sessionId: string): Promise<SummaryRecord[]> {
    const docs = await this.attendance
      .find({ sessionId: new Types.ObjectId(sessionId) }, { platform: 1, userId: 1, status: 1, minutesLate: 1 })
      .sort({ signedInAt: 1, userId: 1 })
      .lean();
    return docs.map((d) => ({ sessionId, platform: d.platform as Platform, userId: d.userId, status: d.status, minutesLate: d.minutesLate ?? 0 }));
  }
}
