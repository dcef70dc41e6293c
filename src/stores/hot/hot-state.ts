import type { Attendance } from '../../domain/types';
import type { ChangeFeed, CohortPart, HotChange } from './hot-change';

type Entry = { value: unknown; loadedAt: number };
type Merge<T> = (value: T, arrived: Attendance[]) => void;
/** How a part in use is read again after a change drops it. */
type Reader = { load: () => Promise<unknown>; merge: Merge<unknown> | undefined; usedAt: number };

/** How long a loaded part is trusted without hearing of a change: the bound on staleness if a change is ever missed. */
export const HOT_STATE_MAX_AGE_MS = 120_000;
/** In a process serving chats: a part read within this time is read again when a change drops it (see keepWarmMs). */
export const HOT_STATE_KEEP_WARM_MS = 10 * 60_000;
/** From this share of its age limit on, a part that is read is also read again in the background. */
const REFRESH_AHEAD_AT = 0.75;
/** A part dropped by a change is read again this long after it: the changes of one write (or one burst) are one read. */
const REREAD_DELAY_MS = 250;
/** Below this many remembered readers, stale ones are not swept. */
const READERS_SWEEP_FLOOR = 1024;

const PART_PREFIX: Record<CohortPart, string> = { cohort: 'c:', sessions: 's:', members: 'm:', mutes: 'u:', leave: 'l:', words: 'w:' };

/**
 * The state the chat path reads on every message, per cohort, in this process: the cohort,
 * its sessions, roster, mutes and approved leave, a group's binding, and each open session's attendance.
 * A part is loaded with one read, kept true by this process's own writes, and dropped when
 * another process announces a change on the feed (or the feed reports a gap, or the part
 * grows older than its limit). A load that overlaps a change of its part is not kept, so a
 * slow read never puts stale state back.
 *
 * With `keepWarmMs`, a part read within that time and then dropped by a change (here or in
 * another process) is read again in the background a moment later: a cohort in use
 * does not make its next message wait for the read a change caused (a timetable imported, a
 * roster enrolled, a session closed by a worker).
 *
 * With `cache: false` nothing is kept and every read goes to the database; changes are
 * still announced, so processes that only write (workers, tests, one-off commands) keep
 * the others true.
 */
export class HotState {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<unknown>>();
  private readonly changedAt = new Map<string, number>();
  /** Per attendance list being read with `readAttendance`: the records announced meanwhile, added to what the read returns. */
  private readonly arrivals = new Map<string, Attendance[]>();
  private readonly sessionCohort = new Map<string, string>();
  private readonly leaveListeners: ((cohortId: string) => void)[] = [];
  /** Per part read while keepWarmMs is set: how to read it again, and when it was last read. */
  private readonly readers = new Map<string, Reader>();
  private readonly rereads = new Map<string, NodeJS.Timeout>();
  private readersSweepAt = READERS_SWEEP_FLOOR;
  private readonly keepWarmMs: number;
  private epoch = 0;
  private clearedAt = 0;
  readonly caching: boolean;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly feed: ChangeFeed,
    options: { cache?: boolean; maxAgeMs?: number; keepWarmMs?: number; now?: () => number } = {},
  ) {
    this.caching = options.cache !== false;
    this.maxAgeMs = options.maxAgeMs ?? HOT_STATE_MAX_AGE_MS;
    this.keepWarmMs = options.keepWarmMs ?? 0;
    this.now = options.now ?? Date.now;
  }

  /** Starts hearing other processes' changes; every gap drops everything. */
  async listen(): Promise<void> {
    if (!this.caching) return;
    await this.feed.subscribe(
      (changes) => changes.forEach((c) => this.apply(c)),
      () => this.clear(),
    );
  }

  async close(): Promise<void> {
    for (const timer of this.rereads.values()) clearTimeout(timer);
    this.rereads.clear();
    this.readers.clear();
    await this.feed.close();
  }

  /** The kept value for `key`, or the value `load` reads (kept unless its part changed meanwhile). */
  read<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.readMerging(key, load);
  }

  /**
   * A session's attendance by person (personKey), as `load` reads it. A record announced while
   * it is being read (a sign-in written meanwhile, here or elsewhere) is added to what the read
   * returns, as it would be to a kept list, instead of making the read count for nothing: during
   * a burst of first sign-ins every read overlaps some.
   */
  readAttendance(sessionId: string, load: () => Promise<Map<string, Attendance>>): Promise<Map<string, Attendance>> {
    return this.readMerging(attendanceKey(sessionId), load, (map, arrived) => {
      for (const r of arrived) map.set(personKey(r.platform, r.userId), r);
    });
  }

  private readMerging<T>(key: string, load: () => Promise<T>, merge?: Merge<T>): Promise<T> {
    if (!this.caching) return load();
    if (this.keepWarmMs > 0) this.noteReader(key, load, merge);
    const hit = this.entries.get(key);
    const age = hit ? this.now() - hit.loadedAt : Infinity;
    if (hit && age < this.maxAgeMs) {
      // Still in use near its age limit: read again in the background (kept by the usual rules), so
      // the message that would have found it expired does not wait for the read.
      if (age >= this.maxAgeMs * REFRESH_AHEAD_AT && !this.loading.has(key)) this.load(key, load, merge).catch(() => undefined);
      return Promise.resolve(hit.value as T);
    }
    const inFlight = this.loading.get(key);
    if (inFlight) return inFlight as Promise<T>;
    return this.load(key, load, merge);
  }

  /** Remembers how `key` is read and that it is in use now; readers unused for keepWarmMs are swept from time to time. */
  private noteReader<T>(key: string, load: () => Promise<T>, merge: Merge<T> | undefined): void {
    const now = this.now();
    const reader = this.readers.get(key);
    if (reader) {
      reader.usedAt = now;
      return;
    }
    this.readers.set(key, { load, merge: merge as Merge<unknown> | undefined, usedAt: now });
    if (this.readers.size < this.readersSweepAt) return;
    for (const [k, r] of this.readers) if (now - r.usedAt >= this.keepWarmMs) this.readers.delete(k);
    this.readersSweepAt = Math.max(READERS_SWEEP_FLOOR, this.readers.size * 2);
  }

  /**
   * A part in use that a change dropped is read again shortly, in the background. (A gap drops
   * everything and is not followed by reads: they would all come at once.)
   */
  private rereadIfInUse(key: string): void {
    const reader = this.readers.get(key);
    if (!reader || this.rereads.has(key)) return;
    if (this.now() - reader.usedAt >= this.keepWarmMs) {
      this.readers.delete(key);
      return;
    }
    const timer = setTimeout(() => {
      this.rereads.delete(key);
      if (this.entries.has(key) || this.loading.has(key)) return;
      this.load(key, reader.load, reader.merge).catch(() => undefined);
    }, REREAD_DELAY_MS);
    timer.unref();
    this.rereads.set(key, timer);
  }

  private load<T>(key: string, load: () => Promise<T>, merge?: Merge<T>): Promise<T> {
    const startedAt = this.epoch;
    const arrived: Attendance[] = [];
    if (merge) this.arrivals.set(key, arrived);
    const p = load().then(
      (value) => {
        if (this.loading.get(key) === p) this.loading.delete(key);
        if (this.arrivals.get(key) === arrived) this.arrivals.delete(key);
        // In the same turn as the value is kept: nothing announced can fall between the two.
        merge?.(value, arrived);
        if ((this.changedAt.get(key) ?? 0) <= startedAt && this.clearedAt <= startedAt) {
          this.entries.set(key, { value, loadedAt: this.now() });
        }
        return value;
      },
      (err: unknown) => {
        if (this.loading.get(key) === p) this.loading.delete(key);
        if (this.arrivals.get(key) === arrived) this.arrivals.delete(key);
        throw err;
      },
    );
    this.loading.set(key, p);
    return p;
  }

  /** The kept value for `key` if any, without loading. */
  peek<T>(key: string): T | undefined {
    const hit = this.entries.get(key);
    return hit && this.now() - hit.loadedAt < this.maxAgeMs ? (hit.value as T) : undefined;
  }

  /** Remembers which cohort a session belongs to, so a change named by session id finds its cohort. */
  noteSessions(cohortId: string, sessionIds: string[]): void {
    for (const id of sessionIds) this.sessionCohort.set(id, cohortId);
  }

  /** This process wrote: drop (or update) what it keeps and tell the others. */
  changed(...changes: HotChange[]): void {
    changes.forEach((c) => this.apply(c));
    this.feed.publish(changes);
  }

  /** Calls `listener` when a leave request of a cohort is decided, here or in another process (only where state is kept). */
  onLeaveDecided(listener: (cohortId: string) => void): void {
    this.leaveListeners.push(listener);
  }

  /** Drops everything kept (a gap in the feed). */
  clear(): void {
    this.clearedAt = ++this.epoch;
    this.entries.clear();
    this.loading.clear();
    this.arrivals.clear();
  }

  private drop(key: string): void {
    this.changedAt.set(key, ++this.epoch);
    this.entries.delete(key);
    this.loading.delete(key);
    this.arrivals.delete(key);
    if (this.keepWarmMs > 0) this.rereadIfInUse(key);
  }

  private apply(change: HotChange): void {
    if (!this.caching) return;
    switch (change.kind) {
      case 'cohort':
        change.parts.forEach((part) => this.drop(`${PART_PREFIX[part]}${change.cohortId}`));
        return;
      case 'binding':
        this.drop(bindingKey(change.platform, change.groupId));
        return;
      case 'sessions':
        for (const id of change.sessionIds) {
          const cohortId = this.sessionCohort.get(id);
          if (cohortId) this.drop(`${PART_PREFIX.sessions}${cohortId}`);
        }
        return;
      case 'attendance':
        change.sessionIds.forEach((id) => this.drop(attendanceKey(id)));
        return;
      case 'leave-decided':
        // Dropped before the listeners run: a board they show again reads the decision.
        this.drop(cohortKey('leave', change.cohortId));
        for (const listener of this.leaveListeners) listener(change.cohortId);
        return;
      case 'attendance-record': {
        const key = attendanceKey(change.record.sessionId);
        const map = this.peek<Map<string, Attendance>>(key);
        if (map) map.set(personKey(change.record.platform, change.record.userId), change.record);
        // A record that arrives while the session's list is being read (for the first time, or
        // again before its age limit) may be missing from what is read: added when the read ends
        // (readAttendance), or else the list is read again.
        const arrivals = this.arrivals.get(key);
        if (arrivals) arrivals.push(change.record);
        else if (!map && this.loading.has(key)) this.drop(key);
        return;
      }
    }
  }
}

export const cohortKey = (part: CohortPart, cohortId: string): string => `${PART_PREFIX[part]}${cohortId}`;
export const bindingKey = (platform: string, groupId: string): string => `b:${platform}:${groupId}`;
export const attendanceKey = (sessionId: string): string => `a:${sessionId}`;
export const personKey = (platform: string, userId: string): string => `${platform}:${userId}`;
