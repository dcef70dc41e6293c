import { Types, type Connection } from 'mongoose';
import type { Session } from '../domain/types';
import { sessionModel } from './models/session.model';
import { isDuplicateKey, upsertRetrying } from './is-duplicate-key';

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

/** Reads and writes the timetable. */
export class SessionStore {
  private readonly model;

  constructor(conn: Connection) {
    this.model = sessionModel(conn);
  }

  /** Creates or updates sessions keyed by their start; returns them as stored. */
  async upsertMany(cohortId: string, inputs: SessionInput[]): Promise<Session[]> {
    const cid = new Types.ObjectId(cohortId);
    const out: Session[] = [];
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

  /** Changes one session's time, title or lecturer; null when another session starts then. */
  async update(id: string, input: SessionInput): Promise<Session | null> {
    try {
      const doc = await this.model
        .findOneAndUpdate(
          { _id: new Types.ObjectId(id) },
          { $set: { day: input.day, startsAt: input.startsAt, endsAt: input.endsAt, title: input.title, lecturerName: input.lecturerName } },
          { returnDocument: 'after' },
        )
        .lean();
      return doc ? toSession(doc) : null;
    } catch (err) {
      if (isDuplicateKey(err)) return null;
      throw err;
    }
  }

  /** Cancels a session (kept for the record, never signed in or closed). */
  async cancel(id: string): Promise<void> {
    await this.model.updateOne({ _id: new Types.ObjectId(id) }, { $set: { cancelled: true } });
  }

  /** Records the lecturer's actual start (上课) once. */
  async markActualStart(id: string, at: Date): Promise<boolean> {
    const res = await this.model.updateOne({ _id: new Types.ObjectId(id), actualStart: { $exists: false } }, { $set: { actualStart: at } });
    return res.modifiedCount === 1;
  }

  /** Records the lecturer's actual end (下课); the last marker counts. */
  async markActualEnd(id: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: new Types.ObjectId(id) }, { $set: { actualEnd: at } });
  }

  /** Marks a session closed once; false when it was already closed. */
  async markClosed(id: string, at: Date): Promise<boolean> {
    const res = await this.model.updateOne({ _id: new Types.ObjectId(id), closedAt: { $exists: false } }, { $set: { closedAt: at } });
    return res.modifiedCount === 1;
  }
}
