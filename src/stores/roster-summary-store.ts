import { performance } from 'node:perf_hooks';
import { ConnectionStates, Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import type { Member, Role } from '../domain/types';
import { rosterSummaryModel, SUMMARY_MARK, SUMMARY_PENDING, type CohortSummaryDoc } from './models/cohort-summary.model';
import { isDuplicateKey } from './is-duplicate-key';

/** Revisions a rebuild tries before giving up (each lost race means another writer's revision went in). */
const MAX_ATTEMPTS = 8;
/** Documents per cursor round trip. */
const CURSOR_BATCH = 1_000;
/**
 * Summary documents per cursor round trip: each holds a cohort's or a session's packed rows (a
 * few kilobytes), and the driver holds a whole reply, twice while it assembles it; at 250 a
 * reply stays near a megabyte, with the digest's seven cursors open at once.
 */
export const SUMMARY_CURSOR_BATCH = 250;
/** Cohort summaries rebuilt from their rows at once by a reader (missing or marked ones). */
const REBUILD_CONCURRENCY = 4;
/**
 * A mark is cleared only once it is this old (its ObjectId's second, so 1–2 s). FerretDB 1.24
 * runs an update as a read and then a write of the whole row: clearing a mark at the moment
 * another write changes that row would put the row back as it was read. Rows are written again
 * soonest right after a write (a 请假 then its approval, 上课 then 下课), so marks are left alone
 * then, and a later rebuild (REBUILD_AFTER_MS after) clears them.
 */
const CLEAR_MARKS_AFTER_MS = 2_000;
/** When a rebuild that left marks too young to clear runs again. */
const REBUILD_AFTER_MS = CLEAR_MARKS_AFTER_MS + 1_000;

/** When a mark was made (the second of its ObjectId). */
const markedAt = (mark: string): number => (Types.ObjectId.isValid(mark) ? new Types.ObjectId(mark).getTimestamp().getTime() : 0);

/** What a cohort summary needs to know of the rows it stands for. */
export interface SummaryShape<E> {
  /** The rows' collection. */
  rows: string;
  /** The row fields an entry is made of. */
  projection: Record<string, 1>;
  /** The row's entry, or null when the summary leaves the row out. */
  entryOf(row: Record<string, unknown>): E | null;
  pack(entry: E): unknown[];
  unpack(packed: unknown[]): E;
  /** The summary's order. */
  compare(a: E, b: E): number;
}

/** A summary's entries for rows as stored (rows it leaves out dropped), in the summary's order. */
export function summaryEntries<E>(shape: SummaryShape<E>, rows: readonly Record<string, unknown>[]): E[] {
  return rows
    .flatMap((r) => {
      const e = shape.entryOf(r);
      return e === null ? [] : [e];
    })
    .sort((a, b) => shape.compare(a, b));
}

function packEntries<E>(shape: SummaryShape<E>, entries: readonly E[]): string {
  return JSON.stringify(entries.map((e) => shape.pack(e)));
}

/** The stored document of a summary revision built from the cohort's rows as stored. */
export function summaryDocument<E>(shape: SummaryShape<E>, cohortId: string, rev: number, rows: readonly Record<string, unknown>[], builtAt: Date): CohortSummaryDoc {
  return { _id: `${cohortId}:${rev}`, cohortId: new Types.ObjectId(cohortId), rev, builtAt, entries: packEntries(shape, summaryEntries(shape, rows)) };
}

/** Reports how many documents a read returned and when it ended (see DigestReadStore.readCohorts). */
export type ReadObserver = (collection: string, docs: number, ms: number) => void;

/**
 * The newest revision of each summary among the documents `filter` finds, by `key` (a cohort or
 * homework id): its `packed` field as stored. The packed strings are the stores' own JSON: the
 * driver's scan of every decoded string for a replacement character (UTF-8 validation) is skipped.
 */
export async function newestPacked(
  collection: { find: (filter: object, options: object) => AsyncIterable<unknown> },
  filter: object,
  key: string,
  packed: string,
): Promise<Map<string, { rev: number; packed: string }>> {
  const newest = new Map<string, { rev: number; packed: string }>();
  const cursor = collection.find(filter, { projection: { [key]: 1, rev: 1, [packed]: 1 }, batchSize: SUMMARY_CURSOR_BATCH, enableUtf8Validation: false });
  for await (const doc of cursor) {
    const d = doc as Record<string, unknown> & { rev: number };
    const id = String(d[key]);
    const seen = newest.get(id);
    if (!seen || seen.rev < d.rev) newest.set(id, { rev: d.rev, packed: (d[packed] as string | null | undefined) || '[]' });
  }
  return newest;
}

/** A cohort's summary as read: its entries packed as stored (JSON), or the entries a rebuild returned. */
export type PackedEntries<E> = string | E[];

type Row = Record<string, unknown> & { [SUMMARY_PENDING]?: unknown; [SUMMARY_MARK]?: unknown };

/**
 * One summary per cohort of a collection's rows, kept by the rows' own writers so the daily
 * digest reads one document per cohort instead of every row.
 *
 * A writer changes its row and marks it in the same command (SUMMARY_PENDING, with a mark of its
 * own), then rebuilds the cohort's summary: it reads the newest revision, then the cohort's
 * rows, inserts the next revision (the unique `_id` `<cohort>:<rev>` is the compare-and-swap; a
 * writer that lost the race reads both again), deletes the older revisions, and only then clears
 * the marks it read (those old enough: see CLEAR_MARKS_AFTER_MS; younger ones are cleared by
 * another rebuild a moment later). So a row without a mark is held by the newest revision, and a row whose
 * summary was never written (the process died, the write failed, a hot path did not wait for
 * it) stays marked until a rebuild clears it. Readers look at the marks first and the summaries
 * after, and rebuild a cohort that has a marked row or no summary yet (rows from before summaries).
 *
 * In one process, rebuilds of one cohort take turns and the callers waiting join the next one
 * (a class enrolling at once makes a few revisions, not one per trainee).
 */
export class CohortSummaryStore<E> {
  private readonly rows;
  /** Per cohort: the rebuild that has not started yet (callers join it). */
  private readonly waiting = new Map<string, Promise<E[]>>();
  /** Per cohort: the last rebuild queued (never rejects), which the next one waits for. */
  private readonly tail = new Map<string, Promise<unknown>>();
  /** Rebuilds started without a caller waiting (recordLater, and the later ones that clear young marks). */
  private readonly background = new Set<Promise<unknown>>();
  /** Guarded writes to the rows in flight (guard), and the clearing of marks under way (exclusive). */
  private writesInFlight = 0;
  private clearing: Promise<void> | null = null;
  private readonly idle: (() => void)[] = [];
  /** Cohorts with a later rebuild planned (marks too young to clear). */
  private readonly later = new Set<string>();

  constructor(
    private readonly conn: Connection,
    private readonly model: ReturnType<typeof rosterSummaryModel>,
    private readonly shape: SummaryShape<E>,
  ) {
    this.rows = conn.collection(shape.rows);
  }

  /**
   * Runs a write to this summary's rows in this process, never while a rebuild clears marks:
   * FerretDB 1.24 runs the clearing update as a read and then a write of each whole row, so a
   * write landing in between would be put back as the row was read (a changed session time lost).
   * A clear waits for the writes in flight, and writes wait for the clear. Writes from other
   * processes are kept apart only by clearing marks late (CLEAR_MARKS_AFTER_MS).
   */
  async guard<T>(write: () => PromiseLike<T>): Promise<T> {
    while (this.clearing) await this.clearing;
    this.writesInFlight += 1;
    try {
      return await write();
    } finally {
      this.writesInFlight -= 1;
      if (this.writesInFlight === 0) for (const idle of this.idle.splice(0)) idle();
    }
  }

  /** Runs `clear` with no guarded write in flight, and holds guarded writes back until it ends. */
  private async exclusive(clear: () => PromiseLike<unknown>): Promise<void> {
    while (this.clearing) await this.clearing;
    let done!: () => void;
    this.clearing = new Promise<void>((resolve) => (done = resolve));
    try {
      while (this.writesInFlight > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
      await clear();
    } finally {
      this.clearing = null;
      done();
    }
  }

  /** The fields a write sets on its row, beside its own change (a mark no other write has). */
  mark(): { [SUMMARY_PENDING]: true; [SUMMARY_MARK]: string } {
    return { [SUMMARY_PENDING]: true, [SUMMARY_MARK]: new Types.ObjectId().toHexString() };
  }

  /** Rebuilds the cohort's summary from its rows as they now stand; resolves with its entries. */
  record(cohortId: string): Promise<E[]> {
    const joined = this.waiting.get(cohortId);
    if (joined) return joined;
    const before = this.tail.get(cohortId) ?? Promise.resolve();
    const done: Promise<E[]> = before.then(() => {
      if (this.waiting.get(cohortId) === done) this.waiting.delete(cohortId);
      return this.rebuild(cohortId);
    });
    this.waiting.set(cohortId, done);
    const tail = done.catch(() => undefined).finally(() => {
      if (this.tail.get(cohortId) === tail) this.tail.delete(cohortId);
    });
    this.tail.set(cohortId, tail);
    return done;
  }

  /** Rebuilds after a write, never failing it: a rebuild that fails leaves the rows marked, for the next one. */
  async settle(cohortId: string): Promise<void> {
    await this.record(cohortId).catch(() => undefined);
  }

  /** Starts a rebuild nobody waits for (a hot path): the marks keep what it may not finish. */
  recordLater(cohortId: string): void {
    const run = this.settle(cohortId).finally(() => this.background.delete(run));
    this.background.add(run);
  }

  /** Plans one more rebuild once the marks just left are old enough to clear (one per cohort at a time). */
  private rebuildLater(cohortId: string): void {
    if (this.later.has(cohortId)) return;
    this.later.add(cohortId);
    const run = new Promise<void>((resolve) => setTimeout(resolve, REBUILD_AFTER_MS).unref())
      .then(() => {
        this.later.delete(cohortId);
        return this.settle(cohortId);
      })
      .finally(() => this.background.delete(run));
    this.background.add(run);
  }

  /** Resolves once every rebuild started by recordLater (or planned to clear young marks) so far has ended. */
  async settled(): Promise<void> {
    while (this.background.size > 0) await Promise.all([...this.background]);
  }

  /**
   * The cohorts' summaries (one query for all), by cohort id. A cohort with a marked row or no
   * summary is rebuilt from its rows first, a few at a time. The marks are read before the
   * summaries: a row unmarked then is held by every revision that can be read afterwards.
   */
  async readByCohorts(cohortIds: readonly string[], observe?: ReadObserver): Promise<Map<string, E[]>> {
    const packed = await this.readPackedByCohorts(cohortIds, observe);
    return new Map([...packed].map(([id, p]) => [id, this.unpackEntries(p)]));
  }

  /**
   * readByCohorts with each summary left as read (its packed JSON; the entries where the cohort
   * was rebuilt), for a reader that unpacks one cohort at a time (unpackEntries).
   */
  async readPackedByCohorts(cohortIds: readonly string[], observe?: ReadObserver): Promise<Map<string, PackedEntries<E>>> {
    const out = new Map<string, PackedEntries<E>>();
    if (cohortIds.length === 0) return out;
    const wanted = new Set(cohortIds);
    let started = performance.now();
    const marked = new Set<string>();
    let markedRows = 0;
    for await (const row of this.rows.find({ [SUMMARY_PENDING]: true }, { projection: { cohortId: 1 }, batchSize: CURSOR_BATCH })) {
      markedRows += 1;
      const id = String(row.cohortId);
      if (wanted.has(id)) marked.add(id);
    }
    observe?.(`${this.shape.rows} (marked)`, markedRows, performance.now() - started);

    started = performance.now();
    const newest = await newestPacked(this.model.collection, { cohortId: { $in: cohortIds.map((id) => new Types.ObjectId(id)) } }, 'cohortId', 'entries');
    observe?.(this.model.collection.collectionName, newest.size, performance.now() - started);

    started = performance.now();
    const stale: string[] = [];
    for (const id of cohortIds) {
      const doc = newest.get(id);
      if (doc && !marked.has(id)) out.set(id, doc.packed);
      else stale.push(id);
    }
    for (let i = 0; i < stale.length; i += REBUILD_CONCURRENCY) {
      await Promise.all(stale.slice(i, i + REBUILD_CONCURRENCY).map(async (id) => out.set(id, await this.record(id))));
    }
    if (stale.length > 0) observe?.(`${this.shape.rows} (cohorts rebuilt)`, stale.length, performance.now() - started);
    return out;
  }

  /** A summary as readPackedByCohorts returned it, as entries. */
  unpackEntries(packed: PackedEntries<E>): E[] {
    if (typeof packed !== 'string') return packed;
    return (JSON.parse(packed || '[]') as unknown[][]).map((p) => this.shape.unpack(p));
  }

  private async rebuild(cohortId: string): Promise<E[]> {
    const cohort = new Types.ObjectId(cohortId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      this.mustBeOpen();
      const revisions = (await this.model.find({ cohortId: cohort }, { rev: 1, entries: 1 }).lean()) as unknown as CohortSummaryDoc[];
      const current = revisions.reduce<CohortSummaryDoc | undefined>((a, b) => (!a || b.rev > a.rev ? b : a), undefined);
      // Read after the revision it builds on: whatever that revision held is in these rows or newer.
      this.mustBeOpen();
      const rows = (await this.rows.find({ cohortId: cohort }, { projection: { ...this.shape.projection, [SUMMARY_PENDING]: 1, [SUMMARY_MARK]: 1 } }).toArray()) as Row[];
      const entries = summaryEntries(this.shape, rows);
      const marks = rows.filter((r) => r[SUMMARY_PENDING] === true && typeof r[SUMMARY_MARK] === 'string').map((r) => r[SUMMARY_MARK] as string);
      const ripeBefore = Date.now() - CLEAR_MARKS_AFTER_MS;
      const ripe = marks.filter((m) => markedAt(m) <= ripeBefore);
      const packed = packEntries(this.shape, entries);
      // The newest revision already holds the rows as read (it was read first): nothing to write but the marks.
      const held = current !== undefined && current.entries === packed;
      const rev = held ? current.rev : current ? current.rev + 1 : 0;
      if (!held) {
        try {
          await this.model.collection.insertOne(summaryDocument(this.shape, cohortId, rev, rows, new Date()) as never);
        } catch (err) {
          if (isDuplicateKey(err)) continue;
          throw err;
        }
      }
      // Older revisions go before the marks: a reader that finds a row unmarked cannot then read a revision without it.
      if (rev > 0 && (!held || ripe.length > 0)) await this.model.deleteMany({ cohortId: cohort, rev: { $lt: rev } });
      if (ripe.length > 0) {
        await this.exclusive(() => this.rows.updateMany({ cohortId: cohort, [SUMMARY_PENDING]: true, [SUMMARY_MARK]: { $in: ripe } }, { $unset: { [SUMMARY_PENDING]: '', [SUMMARY_MARK]: '' } }));
      }
      if (ripe.length < marks.length) this.rebuildLater(cohortId);
      return entries;
    }
    throw new Error(`cohort ${cohortId}: its ${this.shape.rows} summary kept changing under ${MAX_ATTEMPTS} writes`);
  }

  /** A rebuild after the connection closed (a process shutting down) stops; the marks keep its work. */
  private mustBeOpen(): void {
    if (this.conn.readyState !== ConnectionStates.connected) throw new Error(`${this.shape.rows} summary: the database connection is not open`);
  }
}

/** What the digest reads of one member: active, holding the trainee or the staff role. */
export type RosterEntry = Pick<Member, 'platform' | 'userId' | 'name' | 'roles' | 'joinedAt'>;

type PackedMember = [platform: string, userId: string, name: string, roles: string[], joinedAt: number];

const SUMMARISED_ROLES: readonly Role[] = ['trainee', 'staff'];

/** The roster summary's entries: active trainees and staff, in order of joining (then user id), as the digest lists them. */
const rosterShape: SummaryShape<RosterEntry> = {
  rows: 'members',
  projection: { platform: 1, userId: 1, name: 1, roles: 1, active: 1, joinedAt: 1 },
  entryOf(row) {
    const roles = (Array.isArray(row.roles) ? row.roles : []) as Role[];
    if (row.active === false || !roles.some((r) => SUMMARISED_ROLES.includes(r))) return null;
    return { platform: row.platform as Platform, userId: String(row.userId), name: String(row.name), roles: [...roles], joinedAt: row.joinedAt as Date };
  },
  pack: (e): PackedMember => [e.platform, e.userId, e.name, e.roles, e.joinedAt.getTime()],
  unpack(p) {
    const [platform, userId, name, roles, joinedAt] = p as PackedMember;
    return { platform: platform as Platform, userId, name, roles: roles as Role[], joinedAt: new Date(joinedAt) };
  },
  compare: (a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
};

/** The stored document of a roster summary revision, from the cohort's member rows as stored (bulk setup inserts these directly). */
export const rosterSummaryDocument = (cohortId: string, rev: number, members: readonly Record<string, unknown>[], builtAt: Date): CohortSummaryDoc =>
  summaryDocument(rosterShape, cohortId, rev, members, builtAt);

/**
 * Roster summaries: per cohort, its active trainees and staff as the daily digest reads them,
 * kept by every member write (member-store.ts). Enrolment on a first 签到 does not wait for
 * the summary (recordLater); the row's mark covers the moment in between.
 */
export class RosterSummaryStore extends CohortSummaryStore<RosterEntry> {
  constructor(conn: Connection) {
    super(conn, rosterSummaryModel(conn), rosterShape);
  }
}
