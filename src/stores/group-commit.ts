import { isDuplicateKey } from './is-duplicate-key';

type Waiter<T> = { item: T; resolve: (inserted: boolean) => void; reject: (err: unknown) => void };

/** What one batched insert reports: the indexes of the items a unique index refused. */
export type BatchInsert<T> = (items: T[]) => Promise<{ duplicates: Set<number> }>;

/**
 * Group commit for one collection: at most one insert in flight; whatever arrives meanwhile
 * goes out as the next single insertMany. Items leave at the end of the tick they arrive in
 * (process.nextTick, after the promise jobs of that tick), so the writers that one batch of
 * replies wakes share one insert, and a write waits at most about two round trips; many
 * concurrent writers cost one command, not one each (FerretDB 1.24 can deadlock when its pool
 * is held by many writes at once).
 */
export class GroupCommit<T> {
  private queue: Waiter<T>[] = [];
  private inFlight = false;
  private flushScheduled = false;

  constructor(
    private readonly insert: BatchInsert<T>,
    private readonly maxBatch = 1000,
  ) {}

  /** Resolves true when the item was inserted, false when a unique index already held its key. */
  submit(item: T): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      process.nextTick(() => {
        this.flushScheduled = false;
        this.flush();
      });
    });
  }

  private flush(): void {
    if (this.inFlight || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.maxBatch);
    this.inFlight = true;
    this.insert(batch.map((w) => w.item))
      .then(
        ({ duplicates }) => batch.forEach((w, i) => w.resolve(!duplicates.has(i))),
        (err: unknown) => batch.forEach((w) => w.reject(err)),
      )
      .finally(() => {
        this.inFlight = false;
        this.flush();
      });
  }
}

/**
 * Runs an unordered insertMany and sorts its outcome: duplicate-key refusals come back as
 * indexes; any other write error fails the whole batch (its callers retry their events).
 */
export async function insertManyUnordered(
  collection: { insertMany(docs: Record<string, unknown>[], options: { ordered: false }): Promise<unknown> },
  docs: Record<string, unknown>[],
): Promise<{ duplicates: Set<number> }> {
  try {
    await collection.insertMany(docs, { ordered: false });
    return { duplicates: new Set() };
  } catch (err) {
    const raw = (err as { writeErrors?: unknown }).writeErrors;
    const writeErrors = (Array.isArray(raw) ? raw : raw ? [raw] : []) as { index: number; code?: number; err?: { code?: number } }[];
    if (writeErrors.length === 0 || !writeErrors.every((w) => isDuplicateKey({ code: w.code ?? w.err?.code }))) throw err;
    return { duplicates: new Set(writeErrors.map((w) => w.index)) };
  }
}
