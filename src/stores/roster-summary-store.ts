import { performance } from 'node:perf_hooks';
import { ConnectionStates, Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import type { Member, Role } from '../domain/types';
import { rosterSummaryModel, summaryMarkModel, type CohortSummaryDoc } from './models/cohort-summary.model';
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
 * A mark another process left is deleted by a reader's rebuild only once it is this old (its
 * ObjectId's second): by then that process's write has ended or the process is gone, so rows read
 * afterwards hold what the write did. Until then the cohort is rebuilt on every read.
 */
export const ORPHAN_MARK_AFTER_MS = 10 * 60_000;

/** When a mark was made (the second of its ObjectId). */
const markedAt = (mark: Types.ObjectId): number => mark.getTimestamp().getTime();

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

/**
 * One summary per cohort of a collection's rows, kept by the rows' own writers so the daily
 * digest reads one document per cohort instead of every row.
 *
 * A writer inserts a mark of its own (summary_marks: the rows' collection, the cohort) before it
 * writes its rows (`marked`), then rebuilds the cohort's summary: it reads the newest revision,
 * then the cohort's rows, inserts the next revision (the unique `_id` `<cohort>:<rev>` is the
 * compare-and-swap; a writer that lost the race reads both again), deletes the older revisions,
 * and only then deletes the marks of this process's writes that had ended before it read the
 * rows (and marks other processes left long ago: ORPHAN_MARK_AFTER_MS). So a cohort without a
 * mark is held by its newest revision, and a summary a process did not live to write (or whose
 * write failed, or a hot path did not wait for) leaves a mark until a rebuild deletes it.
 * Readers look at the marks first and the summaries after, and rebuild a cohort that has a mark
 * or no summary yet (rows from before summaries).
 *
 * The summaries never write the rows: FerretDB 1.24 runs an update as a read and then a write of
 * the whole row, so clearing a flag on a row would put back a change another process made to it
 * in between (a leave approved in the console lost to the bot's clearing of its filing's flag).
 *
 * In one process, rebuilds of one cohort take turns and the callers waiting join the next one
 * (a class enrolling at once makes a few revisions, not one per trainee).
 */
export class CohortSummaryStore<E> {
  private readonly rows;
  private readonly marks;
  /** Per cohort: the rebuild that has not started yet (callers join it). */
  private readonly waiting = new Map<string, Promise<E[]>>();
  /** Per cohort: the last rebuild queued (never rejects), which the next one waits for. */
  private readonly tail = new Map<string, Promise<unknown>>();
  /** Rebuilds started without a caller waiting (recordLater). */
  private readonly background = new Set<Promise<unknown>>();
  /** Per cohort: marks whose write has ended (this process's own, and old ones other processes left), to delete after the next revision. */
  private readonly ended = new Map<string, Set<string>>();

  constructor(
    private readonly conn: Connection,
    private readonly model: ReturnType<typeof rosterSummaryModel>,
    private readonly shape: SummaryShape<E>,
  ) {
    this.rows = conn.collection(shape.rows);
    this.marks = summaryMarkModel(conn);
  }

  /**
   * Runs a write of the cohort's rows with a mark inserted first (see the class comment). The
   * mark is this process's to delete once a rebuild has read the rows after the write (the
   * caller's settle or recordLater), whether the write went in or failed. A write that `changed`
   * says changed nothing (no row matched) deletes its mark at once, and its caller rebuilds nothing.
   */
  async marked<T>(cohortId: string, write: () => PromiseLike<T>, changed?: (result: T) => boolean): Promise<T> {
    const mark = new Types.ObjectId();
    await this.marks.collection.insertOne({ _id: mark, rows: this.shape.rows, cohortId: new Types.ObjectId(cohortId) });
    let result: T;
    try {
      result = await write();
    } catch (err) {
      this.endedOf(cohortId).add(mark.toHexString());
      throw err;
    }
    if (!changed || changed(result)) {
      this.endedOf(cohortId).add(mark.toHexString());
      return result;
    }
    // Nothing written: no summary to rebuild; a failed deletion leaves the mark to the next rebuild.
    await this.marks.collection.deleteOne({ _id: mark }).catch(() => this.endedOf(cohortId).add(mark.toHexString()));
    return result;
  }

  private endedOf(cohortId: string): Set<string> {
    let set = this.ended.get(cohortId);
    if (!set) this.ended.set(cohortId, (set = new Set()));
    return set;
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

  /** Resolves once every rebuild started by recordLater so far has ended. */
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
    const orphanedBefore = Date.now() - ORPHAN_MARK_AFTER_MS;
    for await (const mark of this.marks.collection.find({ rows: this.shape.rows }, { projection: { cohortId: 1 }, batchSize: CURSOR_BATCH })) {
      markedRows += 1;
      const id = String(mark.cohortId);
      if (!wanted.has(id)) continue;
      marked.add(id);
      // Left by a process long ago: the rebuild below reads the rows after this, so it may delete it.
      if (markedAt(mark._id) <= orphanedBefore) this.endedOf(id).add(String(mark._id));
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
      // The marks whose writes had ended before the rows are read: the revision below holds those writes.
      const done = [...(this.ended.get(cohortId) ?? [])];
      const revisions = (await this.model.find({ cohortId: cohort }, { rev: 1, entries: 1 }).lean()) as unknown as CohortSummaryDoc[];
      const current = revisions.reduce<CohortSummaryDoc | undefined>((a, b) => (!a || b.rev > a.rev ? b : a), undefined);
      // Read after the revision it builds on: whatever that revision held is in these rows or newer.
      this.mustBeOpen();
      const rows = await this.rows.find({ cohortId: cohort }, { projection: this.shape.projection }).toArray();
      const entries = summaryEntries(this.shape, rows);
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
      // Older revisions go before the marks: a reader that finds no mark cannot then read a revision without the writes.
      if (rev > 0 && (!held || done.length > 0)) await this.model.deleteMany({ cohortId: cohort, rev: { $lt: rev } });
      if (done.length > 0) {
        await this.marks.collection.deleteMany({ _id: { $in: done.map((id) => new Types.ObjectId(id)) } });
        const left = this.ended.get(cohortId);
        for (const id of done) left?.delete(id);
        if (left?.size === 0) this.ended.delete(cohortId);
      }
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
