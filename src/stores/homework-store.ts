import { Types, type Connection } from 'mongoose';
import { homeworkModel } from './models/homework.model';
import { isDuplicateKey } from './is-duplicate-key';
import type { Homework } from '../domain/types';

type HomeworkDoc = Omit<Homework, 'id' | 'cohortId'> & { _id: Types.ObjectId; cohortId: Types.ObjectId; assignedByName?: string | null };

function toHomework(d: HomeworkDoc): Homework {
  return {
    id: String(d._id),
    cohortId: String(d.cohortId),
    day: d.day,
    seq: d.seq,
    content: d.content,
    deadline: d.deadline,
    assignedBy: d.assignedBy,
    assignedByName: d.assignedByName ?? '',
    assignedAt: d.assignedAt,
  };
}

/** Reads and writes homework; the day's first assignment is seq 1, additions follow. */
export class HomeworkStore {
  private readonly model;

  constructor(conn: Connection) {
    this.model = homeworkModel(conn);
  }

  /** Adds a homework for a day once per source message; a redelivery returns the first. */
  async add(input: Omit<Homework, 'id' | 'seq'> & { sourceEventId: string }): Promise<{ homework: Homework; created: boolean }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await this.model.findOne({ sourceEventId: input.sourceEventId }).lean();
      if (existing) return { homework: toHomework(existing), created: false };
      const last = await this.model.findOne({ cohortId: new Types.ObjectId(input.cohortId), day: input.day }).sort({ seq: -1 }).lean();
      try {
        const doc = await this.model.create({ ...input, cohortId: new Types.ObjectId(input.cohortId), seq: (last?.seq ?? 0) + 1 });
        return { homework: toHomework(doc.toObject()), created: true };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    throw new Error('could not number the homework');
  }

  /** Replaces the content (and deadline) of a homework, an explicit edit. */
  async edit(id: string, content: string, deadline: Date, at: Date): Promise<Homework | null> {
    const doc = await this.model
      .findOneAndUpdate({ _id: new Types.ObjectId(id) }, { $set: { content, deadline, editedAt: at } }, { returnDocument: 'after' })
      .lean();
    return doc ? toHomework(doc) : null;
  }

  async findById(id: string): Promise<Homework | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id).lean();
    return doc ? toHomework(doc) : null;
  }

  /** Homework of a cohort in assignment order. */
  async listByCohort(cohortId: string): Promise<Homework[]> {
    const docs = await this.model.find({ cohortId: new Types.ObjectId(cohortId) }).sort({ day: 1, seq: 1 }).lean();
    return docs.map((d) => toHomework(d as HomeworkDoc));
  }
}
