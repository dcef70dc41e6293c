import { Types, type Connection } from 'mongoose';
import { homeworkModel } from './models/homework.model';
import { homeworkListSummaryModel, type CohortSummaryDoc } from './models/cohort-summary.model';
import { insertNumbered } from './numbered-insert';
import { CohortSummaryStore, summaryDocument, type SummaryShape } from './roster-summary-store';
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

/** What the daily digest reads of one homework. */
export type HomeworkEntry = Pick<Homework, 'id' | 'day' | 'seq' | 'deadline'>;

type PackedHomework = [id: string, day: string, seq: number, deadline: number];

/** Every homework of the cohort, by day and number (then id). */
const homeworkListShape: SummaryShape<HomeworkEntry> = {
  rows: 'homework',
  projection: { day: 1, seq: 1, deadline: 1 },
  entryOf: (row) => ({ id: (row._id as Types.ObjectId).toHexString(), day: String(row.day), seq: Number(row.seq), deadline: row.deadline as Date }),
  pack: (e): PackedHomework => [e.id, e.day, e.seq, e.deadline.getTime()],
  unpack(p) {
    const [id, day, seq, deadline] = p as PackedHomework;
    return { id, day, seq, deadline: new Date(deadline) };
  },
  compare: (a, b) => a.day.localeCompare(b.day) || a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
};

/** The stored document of a homework list summary revision, from the cohort's homework rows as stored (bulk setup inserts these directly). */
export const homeworkListSummaryDocument = (cohortId: string, rev: number, homework: readonly Record<string, unknown>[], builtAt: Date): CohortSummaryDoc =>
  summaryDocument(homeworkListShape, cohortId, rev, homework, builtAt);

/** Homework list summaries: per cohort, every homework as the daily digest reads it, kept by HomeworkStore's writes (roster-summary-store.ts has the machinery). */
export class HomeworkListSummaryStore extends CohortSummaryStore<HomeworkEntry> {
  constructor(conn: Connection) {
    super(conn, homeworkListSummaryModel(conn), homeworkListShape);
  }
}

/**
 * Reads and writes homework; the day's first assignment is seq 1, additions follow. Every write
 * marks the homework in the same command and brings the cohort's homework list summary up to
 * date (HomeworkListSummaryStore): not waited for when a lecturer assigns in the chat, awaited
 * for an edit.
 */
export class HomeworkStore {
  private readonly model;

  constructor(
    private readonly conn: Connection,
    private readonly summaries: HomeworkListSummaryStore = new HomeworkListSummaryStore(conn),
  ) {
    this.model = homeworkModel(conn);
  }

  /** Adds a homework for a day once per source message; a redelivery returns the first. */
  async add(input: Omit<Homework, 'id' | 'seq'> & { sourceEventId: string }): Promise<{ homework: Homework; created: boolean }> {
    const existing = async () => {
      const doc = await this.model.findOne({ sourceEventId: input.sourceEventId }).lean();
      return doc ? toHomework(doc) : null;
    };
    const first = await existing();
    if (first) {
      // The first handling may not have seen its summary written (a crash, a failed write); this one does.
      this.summaries.recordLater(input.cohortId);
      return { homework: first, created: false };
    }
    const cohortId = new Types.ObjectId(input.cohortId);
    const { value, created } = await this.summaries.marked(input.cohortId, () =>
      insertNumbered(this.conn, {
        counter: `homework:${input.cohortId}:${input.day}`,
        insert: async (seq) => toHomework((await new this.model({ ...input, cohortId, seq }).save()).toObject()),
        existing,
        highest: async () => (await this.model.findOne({ cohortId, day: input.day }, { seq: 1 }).sort({ seq: -1 }).lean())?.seq ?? 0,
      }),
    );
    this.summaries.recordLater(input.cohortId);
    return { homework: value, created };
  }

  /** The cohort of a homework, or null when there is no such homework. */
  private async cohortOf(id: string): Promise<string | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id, { cohortId: 1 }).lean();
    return doc ? String(doc.cohortId) : null;
  }

  /** Replaces the content (and deadline) of a homework, an explicit edit. */
  async edit(id: string, content: string, deadline: Date, at: Date): Promise<Homework | null> {
    const cohortId = await this.cohortOf(id);
    if (!cohortId) return null;
    const doc = await this.summaries.marked(cohortId, () =>
      this.model.findOneAndUpdate({ _id: new Types.ObjectId(id) }, { $set: { content, deadline, editedAt: at } }, { returnDocument: 'after' }).lean(),
      (d) => d !== null,
    );
    if (doc) await this.summaries.settle(cohortId);
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
