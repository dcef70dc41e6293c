import type { Connection } from 'mongoose';
import { counterModel } from './models/counter.model';
import { isDuplicateKey, upsertRetrying } from './is-duplicate-key';

/** Attempts before a numbered insert gives up: each lost round means another writer took a number. */
const MAX_ROUNDS = 60;
/** Upper bound of the random pause after a lost round, grown with the round (ms). */
const BACKOFF_STEP_MS = 4;
const BACKOFF_CAP_MS = 80;

/** A numbered insert that lost every round to concurrent writers (a count no class reaches). */
export class NumberingContentionError extends Error {
  readonly code = 'NUMBERING_CONTENTION';
  constructor(counter: string, rounds: number) {
    super(`could not take a free number of ${counter} in ${rounds} rounds`);
    this.name = 'NumberingContentionError';
  }
}

/** What a numbered insert needs to know of its collection. */
export interface NumberedInsert<T> {
  /** The counter's id, e.g. `leave:<cohortId>`: one sequence per scope. */
  counter: string;
  /** Inserts the record with `no`; must fail with a duplicate-key error when `no` (or the source) is taken. */
  insert(no: number): Promise<T>;
  /** The record a concurrent delivery of the same source already wrote, if any. */
  existing(): Promise<T | null>;
  /** The highest number already used in the scope (0 when none). */
  highest(): Promise<number>;
}

/**
 * Writes a record that carries a short per-scope number staff can type (请假编号, 处置编号).
 * The unique index on (scope, number) is what makes a number belong to one record, on MongoDB
 * and on FerretDB alike: FerretDB 1.24 runs `$inc` as a read and a write, so two writers can be
 * handed the same counter value, and the second insert then collides. The counter is only a
 * hint; a collision re-aligns it with the highest number in use and takes the next round, so a
 * collision is retried, never answered with an error. A collision on the source key means the
 * same message was delivered twice: the first record is returned.
 */
export async function insertNumbered<T>(conn: Connection, op: NumberedInsert<T>): Promise<{ value: T; created: boolean }> {
  const counters = counterModel(conn);
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const doc = await upsertRetrying(() => counters.findOneAndUpdate({ _id: op.counter }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' }).lean());
    const no = doc?.seq ?? 1;
    try {
      return { value: await op.insert(no), created: true };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const first = await op.existing();
    if (first) return { value: first, created: false };
    // The number was taken: move the counter past every number in use, then try again a
    // moment later so the writers that collided do not meet again on the next number.
    const top = await op.highest();
    await counters.updateOne({ _id: op.counter }, { $max: { seq: top } });
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_STEP_MS * round)));
  }
  throw new NumberingContentionError(op.counter, MAX_ROUNDS);
}
