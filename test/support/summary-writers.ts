/** Two writers of one database for the tests of the cohort summaries, and what they look at. */
import { Types, type Connection } from 'mongoose';
import { createStores, type Stores } from '../../src/stores/create-stores';
import { summaryMarkModel } from '../../src/stores/models/cohort-summary.model';
import type { CohortSummaryStore } from '../../src/stores/roster-summary-store';
import { startPipeline, type Pipeline } from './pipeline';

export interface SummaryWriters {
  p: Pipeline;
  /** The second writer's connection. */
  other: Connection;
  /** A second writer with its own stores (its own turn-taking), as another process would be. */
  otherStores: Stores;
  /** The pipeline's stores, then the second writer's. */
  writers: Stores[];
  /** Resolves once every background rebuild of either writer has ended. */
  settled(): Promise<void>;
}

/**
 * Registers the suite's hooks: a pipeline and a second writer on a connection of its own before
 * all; after each test the spies restored and every background rebuild (`pending` of each
 * writer's stores) awaited; the pipeline stopped after all. The fields are set once beforeAll ran.
 */
export function summaryWriters(label: string, pending: (stores: Stores) => Promise<unknown>[]): SummaryWriters {
  const w = {
    settled: async () => {
      await Promise.all(w.writers.flatMap(pending));
    },
  } as SummaryWriters;
  beforeAll(async () => {
    w.p = await startPipeline(label);
    w.other = w.p.conn.useDb(w.p.conn.name, { useCache: false });
    w.otherStores = await createStores(w.other);
    w.writers = [w.p.deps.stores, w.otherStores];
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await w.settled();
  });
  afterAll(async () => {
    await w.p?.stop();
  });
  return w;
}

/** A fresh cohort id. */
export const newCohortId = (): string => new Types.ObjectId().toHexString();

/** A filter for one cohort's rows or summaries. */
export const cohortFilter = (cohortId: string) => ({ cohortId: new Types.ObjectId(cohortId) });

/** How many writes of a cohort's rows in `collection` are still marked for their summary. */
export const markedRows = (conn: Connection, collection: string, cohortId: string): Promise<number> =>
  conn.collection('summary_marks').countDocuments({ rows: collection, cohortId: new Types.ObjectId(cohortId) });

/** Reads a cohort's kept summary with rebuilding watched: a summary that had to be rebuilt is not what the writes kept. */
export async function keptSummary<E>(store: CohortSummaryStore<E>, cohortId: string): Promise<{ entries: E[] | undefined; rebuilt: number }> {
  const rebuild = jest.spyOn(store, 'record');
  const entries = (await store.readByCohorts([cohortId])).get(cohortId);
  const rebuilt = rebuild.mock.calls.length;
  rebuild.mockRestore();
  return { entries, rebuilt };
}

/** Holds the next summary insert of `model` until released: a process slowed between reading the rows and writing. */
export const holdNextInsert = (model: { collection: Connection['collections'][string] }) => holdNext(model.collection, 'insertOne');

/** Holds the next deletion of marks by `conn`'s stores until released: a rebuild between writing its revision and deleting the marks. */
export const holdNextMarkDeletion = (conn: Connection) => holdNext(summaryMarkModel(conn).collection, 'deleteMany');

/** Holds the next `method` call on `collection` until released; `reached` resolves once it is called. */
function holdNext(collection: Connection['collections'][string], method: 'insertOne' | 'deleteMany') {
  const real = (collection[method] as (...args: unknown[]) => Promise<unknown>).bind(collection);
  let reached!: () => void;
  let release!: () => void;
  const isReached = new Promise<void>((r) => (reached = r));
  const released = new Promise<void>((r) => (release = r));
  const spy = jest.spyOn(collection, method).mockImplementationOnce((async (...args: unknown[]) => {
    reached();
    await released;
    return real(...args);
  }) as never);
  return { reached: isReached, release, spy };
}
