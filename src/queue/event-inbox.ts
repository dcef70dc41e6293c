import type { RedisClient } from './redis-connection';
import type { ChatAttachment, ChatEvent } from '../platform/chat-event';
import type { Logger } from '../kernel/logger';

/** How a handler is told which delivery of an event it is running. */
export interface Delivery {
  /** 1 for the first run, then one more for each retry after a failure. */
  attempt: number;
  /** No retry follows if this run fails. */
  last: boolean;
}

/** Runs one event through the bot; rejects when the failure is not the user's (a retry may succeed). */
export type InboxHandler = (event: ChatEvent, delivery: Delivery) => Promise<void>;

/** What the inbox needs besides Redis. */
export interface EventInboxOptions {
  /** The journal's Redis key: one stream per bot account. */
  key: string;
  handle: InboxHandler;
  log: Logger;
  /** Called for each event a previous process left unfinished, before it is handled again (to release what that process held). */
  beforeResume?: (event: ChatEvent) => Promise<unknown>;
  /** Loads an attachment again from its `ref` after a restart (the platform keeps the bytes). */
  reloadAttachment?: (ref: string) => Promise<Buffer>;
  /** Pauses before each retry of a failed event; its length is the number of retries. */
  retryDelaysMs?: readonly number[];
  /**
   * Hands a new event to the handler while its append is on its way instead of after it. Only
   * when the handler's first Redis command goes on the journal's own connection (a single Redis,
   * not a cluster, where the two keys may live on different nodes).
   */
  handleWhileAppending?: boolean;
}

/** Retries of a failed event: long enough to ride out a database restart, short enough that the answer still matters. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [2_000, 10_000, 30_000, 60_000, 120_000];

/** An attachment of an event revived from the journal whose bytes the platform cannot give again. */
export class AttachmentGoneError extends Error {
  readonly code = 'ATTACHMENT_GONE';
  constructor(name: string) {
    super(`attachment ${name} cannot be loaded again after a restart`);
    this.name = 'AttachmentGoneError';
  }
}

/** A journal entry's stream id, or its append still on its way. */
type Entry = string | Promise<string>;

/** The entry's stream id once its append is done; null when the append failed. */
async function entryId(entry: Entry): Promise<string | null> {
  return typeof entry === 'string' ? entry : entry.catch(() => null);
}

interface JournalAttachment {
  kind: ChatAttachment['kind'];
  name: string;
  mimeType?: string;
  ref?: string;
}

/** The journal's form of an event: JSON, with attachments as references instead of loaders. */
export function serializeEvent(event: ChatEvent): string {
  const attachments: JournalAttachment[] | undefined = event.attachments?.map((a) => ({ kind: a.kind, name: a.name, mimeType: a.mimeType, ref: a.ref }));
  return JSON.stringify({ ...event, timestamp: event.timestamp.toISOString(), attachments });
}

/** The event back from its journal form; attachments load through `reload` when they carry a reference. */
export function deserializeEvent(json: string, reload?: (ref: string) => Promise<Buffer>): ChatEvent {
  const raw = JSON.parse(json) as Omit<ChatEvent, 'timestamp' | 'attachments'> & { timestamp: string; attachments?: JournalAttachment[] };
  const attachments = raw.attachments?.map(
    (a): ChatAttachment => ({
      ...a,
      load: async () => {
        if (!a.ref || !reload) throw new AttachmentGoneError(a.name);
        return reload(a.ref);
      },
    }),
  );
  return { ...raw, timestamp: new Date(raw.timestamp), attachments };
}

/**
 * The durable inbox between a platform and the pipeline. Each incoming event is appended to a
 * Redis stream before it is handled and deleted from it once handled, so the window in which a
 * crash can lose a received message is the append itself; a DingTalk callback is acknowledged
 * only after the append (the adapter awaits `receive`). After a restart, `resume` hands the
 * entries a previous process left unfinished to the pipeline first, oldest first, then lets new
 * events through; the pipeline's dedupe by event id makes an entry that was handled but not yet
 * deleted a no-op. An event whose handling fails is retried after the configured pauses, and one
 * that fails every time is moved to `<key>:failed` with the error, logged, never silently dropped.
 */
export class EventInbox {
  private readonly live = new Map<string, ChatEvent>();
  /** Entries handed to the handler already (a retry hands the same entry again). */
  private readonly handed = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Handled entries waiting for their delete: all that finish while one XDEL is on its way go in the next. */
  private deletes: { id: string; resolve: () => void; reject: (err: unknown) => void }[] = [];
  private deleting = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly retryDelays: readonly number[];
  private resumed = false;
  private closed = false;

  constructor(
    private readonly redis: RedisClient,
    private readonly options: EventInboxOptions,
  ) {
    this.retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  }

  /**
   * Appends an event to the journal; resolves once it is stored (after `close`, it waits there for
   * the next process). Once the inbox is running the event is handed over in the same tick, with
   * `handleWhileAppending`: the handler's first step (the dedupe mark) goes to Redis on the same
   * connection after the append, and Redis runs one connection's commands in order, so nothing the
   * handler decides lands before the event is kept, and the append costs the event no round trip.
   */
  async receive(event: ChatEvent): Promise<void> {
    // The bot's own messages, echoed back by some platforms, are never handled: nothing to keep.
    if (event.fromSelf) return;
    const appended = this.redis.xadd(this.options.key, '*', 'event', serializeEvent(event)).then((id) => {
      if (!id) throw new Error('the journal refused the event');
      return id;
    });
    if (this.options.handleWhileAppending && this.resumed && !this.closed) {
      this.dispatch(appended, event, 1);
      await appended;
      return;
    }
    const id = await appended;
    this.live.set(id, event);
    // Before `resume`, the entry waits in the journal and `resume` hands it over in order.
    if (this.resumed && !this.closed) this.dispatch(id, event, 1);
  }

  /** Hands over what the journal holds (a previous process's unfinished events first), then every new event at once; returns how many were waiting. */
  async resume(): Promise<number> {
    const entries = await this.redis.xrange(this.options.key, '-', '+');
    let recovered = 0;
    for (const [id, fields] of entries) {
      const live = this.live.get(id);
      if (live) {
        this.dispatch(id, live, 1);
        continue;
      }
      const event = this.revive(id, fields);
      if (!event) continue;
      recovered++;
      await this.options.beforeResume?.(event);
      this.dispatch(id, event, 1);
    }
    this.resumed = true;
    // Events stored while the journal was being read are not in what was read: hand them over now.
    for (const [id, event] of this.live) if (!this.handed.has(id)) this.dispatch(id, event, 1);
    if (recovered > 0) this.options.log.warn({ recovered }, 'resumed events a previous process received but did not finish');
    return recovered;
  }

  /** Entries in the journal right now (received and not yet handled). */
  async pending(): Promise<number> {
    return this.redis.xlen(this.options.key);
  }

  /** Stops handling events and waits for those being handled; what is left, and what arrives later, stays in the journal for the next process. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private revive(id: string, fields: string[]): ChatEvent | null {
    const json = fields[fields.indexOf('event') + 1];
    try {
      if (json === undefined) throw new Error('entry without an event');
      return deserializeEvent(json, this.options.reloadAttachment);
    } catch (err) {
      this.options.log.error({ err, entry: id }, 'unreadable journal entry moved aside');
      void this.moveAside(id, json ?? '', err);
      return null;
    }
  }

  /** `id` is the entry's stream id, or its append still on its way (`handleWhileAppending`). */
  private dispatch(id: Entry, event: ChatEvent, attempt: number): void {
    if (this.closed) return;
    if (typeof id === 'string') this.handed.add(id);
    const last = attempt > this.retryDelays.length;
    const run = this.options
      .handle(event, { attempt, last })
      .then(
        () => this.finish(id),
        (err: unknown) => this.failed(id, event, attempt, err),
      )
      .catch((err: unknown) => this.options.log.error({ err, entry: id }, 'journal bookkeeping failed; the entry is handled again after a restart'))
      .finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  private async finish(entry: Entry): Promise<void> {
    // An append that failed left nothing to delete: the event was handled all the same.
    const id = await entryId(entry);
    if (id === null) return;
    this.live.delete(id);
    this.handed.delete(id);
    return new Promise((resolve, reject) => {
      this.deletes.push({ id, resolve, reject });
      this.deleteHandled();
    });
  }

  /**
   * Deletes handled entries, one XDEL at a time for all that are waiting: many events finishing
   * together cost one command. An entry is deleted only after its handling finished, so a crash
   * before the delete leaves it to be handled again (a no-op past dedupe), never lost.
   */
  private deleteHandled(): void {
    if (this.deleting || this.deletes.length === 0) return;
    const batch = this.deletes;
    this.deletes = [];
    this.deleting = true;
    this.redis
      .xdel(this.options.key, ...batch.map((d) => d.id))
      .then(
        () => batch.forEach((d) => d.resolve()),
        (err: unknown) => batch.forEach((d) => d.reject(err)),
      )
      .finally(() => {
        this.deleting = false;
        this.deleteHandled();
      });
  }

  private async failed(entry: Entry, event: ChatEvent, attempt: number, err: unknown): Promise<void> {
    const delay = this.retryDelays[attempt - 1];
    if (delay === undefined) {
      this.options.log.error({ err, eventId: event.id, attempts: attempt }, 'event failed on every attempt; moved to the failed journal');
      const id = await entryId(entry);
      if (id !== null) {
        this.live.delete(id);
        this.handed.delete(id);
      }
      await this.moveAside(id, serializeEvent(event), err);
      return;
    }
    this.options.log.warn({ err, eventId: event.id, attempt, retryInMs: delay }, 'event failed; it stays in the journal and runs again');
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.dispatch(entry, event, attempt + 1);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  /** Keeps an event in `<key>:failed` with its error and takes its entry (`id`, when it was stored) out of the journal. */
  private async moveAside(id: string | null, json: string, err: unknown): Promise<void> {
    const reason = err instanceof Error ? err.message : String(err);
    const move = this.redis.multi().xadd(`${this.options.key}:failed`, 'MAXLEN', '~', '10000', '*', 'event', json, 'error', reason);
    if (id !== null) move.xdel(this.options.key, id);
    await move.exec();
  }
}
