import { realMsBetween, systemClock, type Clock } from '../kernel/clock';
import { DelayedError, Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { RedisClient } from './redis-connection';
import { z } from 'zod';
import { maskOutgoing, type ChatTarget, type OutgoingFile, type OutgoingMessage } from '../platform/chat-event';
import { maskPhonesInText } from '../kernel/privacy';
import type { Logger } from '../kernel/logger';
import { isPermanentSendError } from '../platform/send-error';
import { DestinationRateLimiter, type RateRule } from './destination-rate-limit';
import { ConcurrencyGate } from './concurrency-gate';
import { queueErrorLogger } from './redis-connection';
import { OUTBOX_QUEUE, outboxQueueName } from './queue-names';

const outboxItem = z.object({
  target: z.object({ kind: z.enum(['group', 'private']), id: z.string() }),
  text: z.string(),
  mentions: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
  /** A file to send (base64); `text` is then what is sent instead where the platform cannot send files. */
  file: z.object({ name: z.string(), data: z.string() }).optional(),
  /**
   * A picture (PNG, base64) sent before `text` where the platform can send files; elsewhere `text`
   * stands alone. `imageSent` is set by the worker once the picture went, so a retry sends only the text.
   */
  image: z.object({ name: z.string(), data: z.string() }).optional(),
  imageSent: z.boolean().optional(),
  /**
   * A message that loses its meaning at `at` (ISO, on the bot's clock): a "上课前 5 分钟" reminder
   * once the class has begun. Not sent after that; staff are told, with `what` naming it.
   */
  expiry: z.object({ at: z.string(), what: z.string() }).optional(),
});

/** A message waiting in the outbox. */
export type OutboxItem = z.infer<typeof outboxItem>;

/**
 * Retries and retention of a queued message. The attempts are for failures of the message
 * itself (a 5xx, a timeout); while the platform session is down nothing is attempted (see
 * createOutboxProcessor), so an outage of any length spends none of them.
 */
const SEND_OPTIONS: { attempts: number; backoff: { type: 'exponential'; delay: number }; removeOnComplete: { age: number }; removeOnFail: { age: number } } = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

/** When a queued message stops being worth sending, and how staff are told it was not sent. */
export interface MessageExpiry {
  /** On the bot's clock. */
  at: Date;
  /** What it was, for staff: 「上课前 5 分钟提醒（03-01 09:00 直播基础）」. */
  what: string;
}

const expiryOf = (expiry: MessageExpiry | undefined): Pick<OutboxItem, 'expiry'> => (expiry ? { expiry: { at: expiry.at.toISOString(), what: expiry.what } } : {});

/**
 * How late (in real time) an expiring message may still go out: a "5 分钟后上课" reminder a few
 * seconds after the start still helps, one a minute later does not. Real time, so a fast
 * simulated clock (a demo at 720×) does not drop what the machine delivered a moment late.
 */
export const EXPIRY_GRACE_MS = 60_000;

/** How long a message waits before it is looked at again while the platform session is down. */
export const PARKED_RECHECK_MS = 5_000;

/** Where a queued message goes, beyond its chat. */
export interface EnqueueOptions {
  /** When it stops being worth sending (see OutboxItem). */
  expiry?: MessageExpiry | undefined;
  /** The cohort the message concerns, when the sender knows it: routes a private message to the account serving that cohort. */
  cohortId?: string | undefined;
  /** The account that sends it, when the sender knows (a bot's own retried reply): no routing. */
  account?: string | undefined;
}

/** One message of a bulk add, with where it goes. */
export interface BulkMessage extends EnqueueOptions {
  target: ChatTarget;
  message: OutgoingMessage;
  jobId: string;
}

/** What an Outbox asks to know which account's queue a message goes to (OutboxRouter). */
export interface OutboxRoutes {
  routeMany(requests: readonly { target: ChatTarget; cohortId?: string | undefined }[]): Promise<(string | null)[]>;
}

/** How an Outbox is set up. */
export interface OutboxOptions {
  /** Overrides the attempts and first backoff delay of what this instance queues (tests shorten them). */
  retry?: { attempts: number; delayMs: number };
  /** Finds the account serving each message's chat; without it everything goes to the shared queue. */
  router?: OutboxRoutes;
  /** Where the queues' connection errors are logged (every queue this outbox opens). */
  log?: Logger;
}

/**
 * Puts messages in the outbox; the bot process of the account that serves the chat sends them.
 * Each account has its own queue (`outboxQueueName`); a message no account is known to serve
 * goes to the shared queue every bot process drains. Ids make a retried job send once (a chat
 * always routes to one account, so its ids stay in one queue).
 */
export class Outbox {
  /** The shared queue. */
  readonly queue: Queue;
  private readonly accountQueues = new Map<string, Queue>();
  private readonly sendOptions: typeof SEND_OPTIONS;
  private readonly router: OutboxRoutes | undefined;

  constructor(
    private readonly connection: RedisClient,
    private readonly prefix: string,
    private readonly options: OutboxOptions = {},
  ) {
    this.queue = this.open(OUTBOX_QUEUE);
    const { retry } = options;
    this.router = options.router;
    this.sendOptions = retry ? { ...SEND_OPTIONS, attempts: retry.attempts, backoff: { type: 'exponential', delay: retry.delayMs } } : SEND_OPTIONS;
  }

  private open(name: string): Queue {
    const queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
    if (this.options.log) queue.on('error', queueErrorLogger(this.options.log, name));
    return queue;
  }

  /** The queue of `account`'s messages; null: the shared queue. */
  queueOf(account: string | null): Queue {
    if (account === null) return this.queue;
    let queue = this.accountQueues.get(account);
    if (!queue) this.accountQueues.set(account, (queue = this.open(outboxQueueName(account))));
    return queue;
  }

  private async queueFor(target: ChatTarget, options: EnqueueOptions): Promise<Queue> {
    if (options.account) return this.queueOf(options.account);
    const [account] = this.router ? await this.router.routeMany([{ target, cohortId: options.cohortId }]) : [null];
    return this.queueOf(account ?? null);
  }

  /**
   * Queues one message under `jobId`, with its phone numbers masked (kernel/privacy) as in every
   * reply, on the queue of the account that serves `target`.
   */
  async enqueue(target: ChatTarget, message: OutgoingMessage, jobId: string, options: EnqueueOptions = {}): Promise<void> {
    const masked = maskOutgoing(message);
    const item: OutboxItem = { target, text: masked.text, mentions: masked.mentions, ...expiryOf(options.expiry) };
    await (await this.queueFor(target, options)).add('send', item, { jobId, ...this.sendOptions });
  }

  /**
   * Queues one file under `jobId` (a worker process has no platform session: the bot process
   * sends it). Where the platform cannot send files, `fallbackText` is sent instead, phone
   * numbers masked; the file itself travels in the job, so keep it small (an archive workbook).
   */
  async enqueueFile(target: ChatTarget, file: OutgoingFile, fallbackText: string, jobId: string, options: Omit<EnqueueOptions, 'expiry'> = {}): Promise<void> {
    const item: OutboxItem = { target, text: maskPhonesInText(fallbackText), file: { name: maskPhonesInText(file.name), data: file.data.toString('base64') } };
    await (await this.queueFor(target, options)).add('send-file', item, {
      jobId,
      ...this.sendOptions,
      // A file is large: kept a day (long enough to make a retried producer's job id a no-op), not a week.
      removeOnComplete: { age: 24 * 3600 },
    });
  }

  /**
   * Queues a picture with its text under `jobId` (a digest or scorecard card): where the platform
   * can send files the picture goes first, then `text`; elsewhere `text` goes alone. Phone numbers
   * masked. The PNG travels in the job: a card is a few hundred KB at most, fine in Redis for the
   * day it is kept; anything much larger belongs in a store, not in a job.
   */
  async enqueueImage(target: ChatTarget, image: OutgoingFile, text: string, jobId: string, options: Omit<EnqueueOptions, 'expiry'> = {}): Promise<void> {
    const item: OutboxItem = { target, text: maskPhonesInText(text), image: { name: maskPhonesInText(image.name), data: image.data.toString('base64') } };
    await (await this.queueFor(target, options)).add('send-image', item, { jobId, ...this.sendOptions, removeOnComplete: { age: 24 * 3600 } });
  }

  /**
   * Queues many messages, each as `enqueue` would (an id already queued is kept, not added
   * twice): routed together, then one round trip per account.
   */
  async enqueueBulk(items: readonly BulkMessage[]): Promise<void> {
    if (items.length === 0) return;
    const unrouted = items.filter((i) => !i.account);
    const routed = this.router && unrouted.length > 0 ? await this.router.routeMany(unrouted) : [];
    const byAccount = new Map<string | null, BulkMessage[]>();
    let u = 0;
    for (const item of items) {
      const account = item.account ?? routed[u++] ?? null;
      const group = byAccount.get(account);
      if (group) group.push(item);
      else byAccount.set(account, [item]);
    }
    await Promise.all(
      [...byAccount].map(([account, group]) =>
        this.queueOf(account).addBulk(
          group.map(({ target, message, jobId, expiry }) => {
            const masked = maskOutgoing(message);
            const item: OutboxItem = { target, text: masked.text, mentions: masked.mentions, ...expiryOf(expiry) };
            return { name: 'send', data: item, opts: { jobId, ...this.sendOptions } };
          }),
        ),
      ),
    );
  }

  async close(): Promise<void> {
    await Promise.all([this.queue, ...this.accountQueues.values()].map((q) => q.close()));
  }
}

/** A send budget: at most `limit` messages per `windowMs`. */
export interface SendRate {
  limit: number;
  windowMs: number;
}

/** How fast the outbox may send, so a burst of reminders never gets the bot account throttled. */
export interface OutboxWorkerOptions {
  /** Shared limiter; default: one on the worker's connection under `${prefix}:ratelimit`. */
  limiter?: Pick<DestinationRateLimiter, 'takeAll'>;
  /** Per group chat and per private chat; default 20 a minute. */
  perTarget?: SendRate;
  /** Per platform account (all targets together); default 60 a minute; null: no account budget. */
  perAccount?: SendRate | null;
  /**
   * The bot account whose queue this worker drains (`outboxQueueName(account)`); without it,
   * the shared queue. Also names the account budget unless `accountKey` does.
   */
  account?: string;
  /** Names the account budget when several bot accounts share one Redis; default the account, else 'account'. */
  accountKey?: string;
  /** Messages sent at once (each with its budget taken just before); default 4. */
  concurrency?: number;
  /** The adapter's `sendFile`, when the platform has one; without it a queued file's fallback text is sent. */
  sendFile?: (target: ChatTarget, file: OutgoingFile) => Promise<void>;
  /** See OutboxProcessorDeps. */
  online?: () => boolean;
  clock?: Clock;
  onExpired?: (item: OutboxItem, jobId: string) => Promise<void> | void;
}

/** Default per-target budget: 20 messages a minute to one group or one private chat. */
export const DEFAULT_TARGET_RATE: SendRate = { limit: 20, windowMs: 60_000 };

/** Default per-account budget: 60 messages a minute from the bot account overall. */
export const DEFAULT_ACCOUNT_RATE: SendRate = { limit: 60, windowMs: 60_000 };

/** The outbox budgets a deployment sets (OUTBOX_CHAT_PER_MINUTE, OUTBOX_ACCOUNT_PER_MINUTE; 0: no account budget). */
export function outboxRates(config: { OUTBOX_CHAT_PER_MINUTE: number; OUTBOX_ACCOUNT_PER_MINUTE: number }): { perTarget: SendRate; perAccount: SendRate | null } {
  return {
    perTarget: { limit: config.OUTBOX_CHAT_PER_MINUTE, windowMs: 60_000 },
    perAccount: config.OUTBOX_ACCOUNT_PER_MINUTE === 0 ? null : { limit: config.OUTBOX_ACCOUNT_PER_MINUTE, windowMs: 60_000 },
  };
}

/** What one outbox job needs: the adapter's send and the budgets it is held to. */
export interface OutboxProcessorDeps {
  send: (target: ChatTarget, message: OutgoingMessage) => Promise<void>;
  /** Sends a queued file; absent (the platform has no files): the item's text is sent instead. */
  sendFile?: (target: ChatTarget, file: OutgoingFile) => Promise<void>;
  limiter: Pick<DestinationRateLimiter, 'takeAll'>;
  perTarget: SendRate;
  perAccount: SendRate | null;
  accountKey: string;
  /** Whether the platform session is up; while it is not, messages are parked, not attempted. Default: always up. */
  online?: () => boolean;
  /** The bot's clock, for expiries. Default: the wall clock. */
  clock?: Clock;
  /** Told of a message not sent because it expired (to tell staff); default: nothing beyond the job's result. */
  onExpired?: (item: OutboxItem, jobId: string) => Promise<void> | void;
}

/**
 * The outbox job: waits for the send budgets, then makes one send. The queue is the only
 * layer that retries a send (adapters make one attempt): a SendError the platform marked not
 * retryable (a refusal) fails the job for good with UnrecoverableError; any other failure
 * (429, 5xx, network, or an adapter error that says nothing) is an ordinary failed attempt
 * that BullMQ retries with backoff. Kept apart from the Worker so it is testable without Redis.
 */
export function createOutboxProcessor(deps: OutboxProcessorDeps): (job: Job, token?: string) => Promise<OutboxResult> {
  const online = deps.online ?? (() => true);
  const clock = deps.clock ?? systemClock;
  /** Puts the job back to wait for the session, spending no attempt (BullMQ's manual delay). */
  const park = async (job: Job, token: string | undefined, ms: number): Promise<never> => {
    await job.moveToDelayed(Date.now() + ms, token);
    throw new DelayedError();
  };
  return async (job, token) => {
    const item = outboxItem.parse(job.data);
    if (item.expiry && realMsBetween(clock, new Date(item.expiry.at), clock.now()) > EXPIRY_GRACE_MS) {
      await deps.onExpired?.(item, job.id ?? '');
      return 'expired';
    }
    if (!online()) return park(job, token, PARKED_RECHECK_MS);
    const rules: RateRule[] = [{ key: `chat:${item.target.kind}:${item.target.id}`, ...deps.perTarget }];
    if (deps.perAccount) rules.push({ key: `chat:${deps.accountKey}`, ...deps.perAccount });
    const decision = await deps.limiter.takeAll(rules);
    if (!decision.allowed) return park(job, token, decision.retryInMs);
    try {
      if (item.image && deps.sendFile) {
        if (!item.imageSent) {
          await deps.sendFile(item.target, { name: item.image.name, data: Buffer.from(item.image.data, 'base64') });
          // Recorded before the text goes, so a failed text is retried without the picture again.
          await job.updateData({ ...item, imageSent: true });
        }
        await deps.send(item.target, { text: item.text });
      } else if (item.file && deps.sendFile) await deps.sendFile(item.target, { name: item.file.name, data: Buffer.from(item.file.data, 'base64') });
      else await deps.send(item.target, { text: item.text, mentions: item.mentions });
      return 'sent';
    } catch (err) {
      // The session went down during the send: the message waits for it like the others.
      if (!online()) return park(job, token, PARKED_RECHECK_MS);
      if (isPermanentSendError(err)) throw new UnrecoverableError(`${err.code}: ${err.message}`);
      throw err;
    }
  };
}

/** Jobs an outbox worker holds per message it sends at once (see startOutboxWorker). */
const JOBS_HELD_PER_SEND = 4;

/** What became of an outbox job: sent, or not sent because it had expired. */
export type OutboxResult = 'sent' | 'expired';

/**
 * Sends outbox messages through the platform adapter, in the process that holds it. Over a
 * budget, a message is delayed (BullMQ's manual rate limit), never dropped, and spends no attempt.
 */
export function startOutboxWorker(
  connection: RedisClient,
  prefix: string,
  send: (target: ChatTarget, message: OutgoingMessage) => Promise<void>,
  log: Logger,
  options: OutboxWorkerOptions = {},
): Worker {
  const processor = createOutboxProcessor({
    send,
    ...(options.sendFile ? { sendFile: options.sendFile } : {}),
    ...(options.online ? { online: options.online } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.onExpired ? { onExpired: options.onExpired } : {}),
    limiter: options.limiter ?? new DestinationRateLimiter(connection, `${prefix}:ratelimit`),
    perTarget: options.perTarget ?? DEFAULT_TARGET_RATE,
    perAccount: options.perAccount === undefined ? DEFAULT_ACCOUNT_RATE : options.perAccount,
    accountKey: options.accountKey ?? options.account ?? 'account',
  });
  const queue = options.account ? outboxQueueName(options.account) : OUTBOX_QUEUE;
  const sends = options.concurrency ?? 4;
  const gate = new ConcurrencyGate(sends);
  // Holds more jobs than it sends at once: the next ones are fetched while these are sent, and
  // their budgets are taken together (DestinationRateLimiter.takeAll) when places free up together.
  const worker = new Worker(queue, (job, token) => gate.run(() => processor(job, token)), { connection, prefix, concurrency: sends * JOBS_HELD_PER_SEND });
  worker.on('failed', (job, err) => log.warn({ err, jobId: job?.id, queue }, 'outbox send failed'));
  worker.on('error', queueErrorLogger(log, queue));
  return worker;
}
