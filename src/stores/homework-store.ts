import { Types, type Connection } from 'mongoose';
import { homeworkModel } from './models/homework.model';
import { insertNumbered } from './numbered-insert';
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

  constructor(private readonly conn: Connection) {
    this.model = homeworkModel(conn);
  }

  /** Adds a homework for a day once per source message; a redelivery returns the first. */
  async add(input: Omit<Homework, 'id' | 'seq'> & { sourceEventId: string }): Promise<{ homework: Homework; created: boolean }> {
    const existing = async () => {
      const doc = await this.model.findOne({ sourceEventId: input.sourceEventId }).lean();
      return doc ? toHomework(doc) : null;
    };
    const first = await existing();
    if (first) return { homework: first, created: false };
    const cohortId = new Types.ObjectId(input.cohortId);
    const { value, created } = await insertNumbered(this.conn, {
      counter: `homework:${input.cohortId}:${input.day}`,
      insert: async (seq) => toHomework((await this.model.create({ ...input, cohortId, seq })).toObject()),
      existing,
      highest: async () => (await this.model.findOne({ cohortId, day: input.day }, { seq: 1 }).sort({ seq: -1 }).lean())?.seq ?? 0,
    });
    return { homework: value, created };
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
