import type { Worker } from 'bullmq';
import { Cluster } from 'ioredis';
import type { Config } from '../src/kernel/load-config';
import type { Clock } from '../src/kernel/clock';
import type { Logger } from '../src/kernel/logger';
import { outboundOf, type PlatformAdapter, type SessionSink } from '../src/platform/platform-adapter';
import type { ChatUser, Platform } from '../src/platform/chat-event';
import { createBot, type Bot } from '../src/create-bot';
import type { BotDeps } from '../src/pipeline/bot-deps';
import { ConversationQueue, conversationKey } from '../src/pipeline/conversation-queue';
import { EVERY_MINUTE, heartbeatTimer, startLocalTimers, type LocalTimer, type LocalTimers } from '../src/kernel/local-timers';
import { BullmqScheduler, reminderSettings } from '../src/queue/bullmq-scheduler';
import { Outbox, outboxRates, startOutboxWorker, type OutboxItem } from '../src/queue/outbox';
import { groupClaimer, OutboxRouter, storeRouteBook } from '../src/queue/outbox-router';
import { accountId, botAccount } from '../src/platform/bot-account';
import { sendOrQueue } from '../src/queue/send-or-queue';
import { EventInbox } from '../src/queue/event-inbox';
import { stopThenExit } from './stop-then-exit';
import { releaseInterrupted } from '../src/pipeline/middleware/dedupe';
import { WORK_QUEUE } from '../src/queue/queue-names';
import { createRedis, queueErrorLogger, type RedisClient } from '../src/queue/redis-connection';
import { connectStorage } from './connect-storage';
import { LivenessWatch } from '../src/kernel/liveness-watch';
import { loadScoringConfig } from '../src/kernel/scoring-config';
import { createStores } from '../src/stores/create-stores';
import { CohortWarmer } from '../src/pipeline/warm-cohort';
import { startHotState } from '../src/stores/hot/redis-change-feed';
import { HOT_STATE_KEEP_WARM_MS } from '../src/stores/hot/hot-state';
import { DetectorHolder } from '../src/features/moderation';
import { ExpiredMessageNotices, watchSession, type SessionWatch } from '../src/features/admin';
import { mongoCheck, redisCheck, startHealthServer, type HealthServer } from '../src/kernel/health-server';

/**
 * Events handled at once across conversations; one conversation's events always run one at a time.
 * Sign-ins and points are written by group commit and the chat path reads memory, so many events
 * in flight cost few database commands; the MongoDB pool (10 unless the URI says) bounds the rest.
 */
const EVENT_CONCURRENCY = 64;

/**
 * A second connection to the same Redis for the chat path (the inbox journal, dedupe marks,
 * flood counts), pipelining on its own: while one pipeline is on its way, the commands the other
 * events in flight send meanwhile wait and go out together as the next, so many events share a
 * round trip instead of taking one each. BullMQ keeps its own connections (blocking commands).
 */
function autoPipelined(redis: RedisClient): RedisClient {
  const client: RedisClient =
    redis instanceof Cluster ? redis.duplicate(undefined, { enableAutoPipelining: true }) : redis.duplicate({ enableAutoPipelining: true });
  client.on('error', () => undefined);
  return client;
}

/**
 * The inbox journal of this bot account: a restart of the same account resumes it, and another
 * account on the same Redis never sees it (a WeChat account by a digest of its puppet token).
 */
export function inboxKey(config: Config, platform: Platform): string {
  const account = botAccount(config, platform);
  return `${config.QUEUE_PREFIX}:inbox:${account.platform}:${account.name}`;
}

/** A running bot process: its parts, and how to stop it in order. */
export interface BotRuntime {
  bot: Bot;
  deps: BotDeps;
  self: ChatUser;
  /** The platform session as the process sees it (logged in, lost). */
  session: SessionWatch;
  /** Where GET /healthz answers, when the health server could listen. */
  healthUrl: string | null;
  stop(): Promise<void>;
}

/** What the process entry point decides for the runtime. */
export interface BotRuntimeOptions {
  /**
   * Ends the process with this code; called after the runtime stopped itself because the
   * platform session was lost and did not come back within LOGOUT_GRACE_SECONDS. Without it
   * (in-process tests) the runtime only stops.
   */
  exit?: (code: number) => void;
  /** Prints the login QR code for the console (stderr by default). */
  printQr?: (text: string) => void;
}

/**
 * Connects MongoDB and Redis (waiting up to CONNECT_TIMEOUT_SECONDS), starts the liveness
 * watch and the health server, builds the pipeline, starts the adapter (a login QR code goes
 * to the console and the staff robots), the outbox worker and the local timers. A lost
 * platform session alerts the staff robots; unless a login follows within LOGOUT_GRACE_SECONDS
 * the runtime stops and calls `options.exit(1)`, and so it does when MongoDB or Redis stays
 * away longer than OUTAGE_LIMIT_SECONDS or an event sticks in the pipeline longer than
 * EVENT_STALL_SECONDS. Stops in order: liveness watch → session watch → local timers → boards
 * → adapter → outbox worker → queues → health server → Redis → MongoDB.
 */
export async function startBotRuntime(config: Config, adapter: PlatformAdapter, clock: Clock, log: Logger, options: BotRuntimeOptions = {}): Promise<BotRuntime> {
  const { conn, redis } = await connectStorage(config, log);
  // The chat path reads its cohorts, sessions, rosters and attendance from memory, kept true over Redis.
  const hot = await startHotState(redis, config.QUEUE_PREFIX, log, { cache: true, keepWarmMs: HOT_STATE_KEEP_WARM_MS });
  const stores = await createStores(conn, { hot });
  let stopRuntime: (() => Promise<void>) | null = null;
  const session = watchSession({
    robots: { wecomUrl: config.DIGEST_WECOM_WEBHOOK, dingtalkUrl: config.DIGEST_DINGTALK_WEBHOOK, dingtalkSecret: config.DIGEST_DINGTALK_SECRET },
    botName: config.BOT_NAME,
    qrLinkPrefix: config.LOGIN_QR_LINK,
    graceMs: config.LOGOUT_GRACE_SECONDS * 1000,
    log,
    printQr: options.printQr,
    onGiveUp: (reason) => {
      log.fatal({ reason }, 'the platform session did not come back within the grace period; stopping so the restart policy starts the bot again');
      stopThenExit(
        async () => {
          await session.settled();
          await stopRuntime?.();
        },
        log,
        options.exit,
      );
    },
  });
  // One sender's events in one chat run in arrival order (交作业, then its image); see conversationKey.
  const events = new ConversationQueue(EVENT_CONCURRENCY);
  // An outage of MongoDB or Redis is ridden out up to OUTAGE_LIMIT_SECONDS, an event stuck in the
  // pipeline up to EVENT_STALL_SECONDS; past either the bot exits non-zero rather than stay up and deaf.
  const liveness = new LivenessWatch({
    dependencies: { redis: redisCheck(redis), mongodb: mongoCheck(conn) },
    outageLimitMs: config.OUTAGE_LIMIT_SECONDS * 1000,
    oldestEventMs: () => events.oldestRunningMs(),
    stallLimitMs: config.EVENT_STALL_SECONDS * 1000,
    log,
    onGiveUp: (reason) => {
      log.fatal({ reason }, `giving up: ${reason}; stopping so the restart policy starts the bot again`);
      stopThenExit(() => stopRuntime?.() ?? Promise.resolve(), log, options.exit);
    },
  });
  liveness.start();
  // Answers from the start, so a bot waiting for its QR code to be scanned reports loggedIn: false.
  const health: HealthServer | null = await startHealthServer({
    host: config.HEALTH_HOST,
    port: config.HEALTH_PORT,
    checks: {
      loggedIn: async () => {
        if (!session.isLoggedIn()) throw new Error('not logged in to the platform');
      },
      redis: redisCheck(redis),
      mongodb: mongoCheck(conn),
      pipeline: liveness.pipelineCheck(),
    },
    log,
  }).catch((err: unknown) => {
    log.error({ err, host: config.HEALTH_HOST, port: config.HEALTH_PORT }, 'health server could not listen; /healthz is off');
    return null;
  });
  const lexiconPaths = config.MODERATION_LEXICON.length > 0 ? config.MODERATION_LEXICON : undefined;
  const onLexiconError = (err: unknown) => log.error({ err }, 'lexicon reload failed; the previous one stays');
  const detector = await DetectorHolder.create({ lexiconPaths, onReloadError: onLexiconError });
  // Edited word lists take effect without a restart; the old detector serves until the new one is built.
  // fs.watch is the fast path; the local timer's check of the files catches what it misses.
  if (lexiconPaths) detector.watch();
  const scheduler = new BullmqScheduler(redis, config.QUEUE_PREFIX, WORK_QUEUE, clock, reminderSettings(config));
  const send = (target: Parameters<PlatformAdapter['send']>[0], message: Parameters<PlatformAdapter['send']>[1]) => adapter.send(target, message);
  const warmer = new CohortWarmer(stores, log);
  // What the outbox sends to a group (a session's reminder, a notice) is often followed by its
  // trainees' answers: the cohort's hot state is read while they read the message.
  const sendAndWarm: typeof send = async (target, message) => {
    await send(target, message);
    if (target.kind === 'group') warmer.warmGroup(adapter.platform, target.id, clock.now());
  };
  // This bot account sends what its own outbox queue holds (the groups whose bindings name it,
  // the people in them) and what the shared queue holds (what no account is known to serve).
  const account = accountId(config, adapter.platform);
  // A reply the platform could not take right now goes to this account's outbox, the one layer
  // that retries; the outbox worker itself is given the adapter's plain `send`.
  const router = new OutboxRouter(storeRouteBook(stores), log);
  const retries = new Outbox(redis, config.QUEUE_PREFIX, { router, log });
  scheduler.queue.on('error', queueErrorLogger(log, WORK_QUEUE));
  const directSend = sendOrQueue(send, retries, log, account);
  // A group bound before bindings recorded their account is this account's once it hears from it.
  const claimGroup = groupClaimer(stores.bindings, account, log);
  let self: ChatUser | null = null;
  const chatRedis = autoPipelined(redis);
  const deps: BotDeps = {
    config,
    scoring: loadScoringConfig(config.SCORING_CONFIG),
    stores,
    redis: chatRedis,
    clock,
    log,
    outbound: outboundOf(adapter, directSend),
    // A chat another account serves gets the message through that account's outbox; the key
    // (event and message) makes a handler run again after a crash queue it once.
    relay: async (target, message, key, cohortId) => {
      const served = await router.route(target, cohortId);
      if (served === null || served === account) return false;
      await retries.enqueue(target, message, `relay_${key}`, { account: served });
      return true;
    },
    scheduler,
    warmer,
    self: () => {
      if (!self) throw new Error('bot is not logged in yet');
      return self;
    },
    detector,
  };
  const bot = createBot(deps);
  const expired = new ExpiredMessageNotices({ stores, config, outbox: retries, platform: adapter.platform, log });
  const outboxes: Worker[] = [];
  let inbox: EventInbox | null = null;
  const outboxRedis = createRedis(config.REDIS_URL, config.REDIS_CLUSTER_NODES);
  let timers: LocalTimers;
  try {
    // Every event is stored in the inbox before it is handled, so a crash loses nothing received;
    // what a previous process left unfinished is handled first, once the platform can answer.
    inbox = new EventInbox(chatRedis, {
      key: inboxKey(config, adapter.platform),
      log,
      handle: (event, delivery) =>
        events.run(conversationKey(event), async () => {
          await claimGroup(event.platform, event.conversation);
          await bot.processEvent(event, delivery);
        }),
      reloadAttachment: adapter.loadAttachment?.bind(adapter),
      beforeResume: (event) => releaseInterrupted(chatRedis, config.QUEUE_PREFIX, event),
      // The dedupe mark follows the append on this one connection (a cluster may put them on two nodes).
      handleWhileAppending: !(chatRedis instanceof Cluster),
    });
    const intake = inbox;
    // While the platform session is down the outbox takes nothing new: messages wait in Redis,
    // spending no attempt, and go out once the account is back (those that expired meanwhile
    // are not sent, and staff are told).
    const onSession: SessionSink = (event) => {
      session.onSession(event);
      for (const outbox of outboxes) {
        if (event.type === 'session-lost') void outbox.pause(true).catch((err: unknown) => log.warn({ err }, 'outbox pause failed'));
        if (event.type === 'logged-in') void outbox.resume().catch((err: unknown) => log.warn({ err }, 'outbox resume failed'));
      }
    };
    self = await adapter.start((event) => intake.receive(event), onSession);
    await intake.resume();
    session.onSession({ type: 'logged-in', self });
    // Files queued by jobs (the end-of-training archive) go through the adapter's sendFile where it has one.
    // Both queues spend this account's send budget.
    const outboxOptions = {
      ...outboxRates(config),
      ...(adapter.sendFile ? { sendFile: adapter.sendFile.bind(adapter) } : {}),
      online: () => session.isLoggedIn(),
      clock,
      onExpired: (item: OutboxItem, jobId: string) => expired.add(item, jobId),
    };
    outboxes.push(
      startOutboxWorker(outboxRedis, config.QUEUE_PREFIX, sendAndWarm, log, { ...outboxOptions, account }),
      startOutboxWorker(outboxRedis, config.QUEUE_PREFIX, sendAndWarm, log, { ...outboxOptions, accountKey: account }),
    );
    const local: LocalTimer[] = [
      heartbeatTimer(config.HEARTBEAT_FILE, log),
      { name: 'board-sweep', pattern: EVERY_MINUTE, run: () => bot.sweep() },
    ];
    if (lexiconPaths) {
      local.push({ name: 'lexicon-check', pattern: EVERY_MINUTE, run: () => detector.reloadIfChanged().then(() => undefined, onLexiconError) });
    }
    timers = startLocalTimers(local, log);
  } catch (err) {
    liveness.stop();
    session.stop();
    await adapter.stop().catch(() => undefined);
    await health?.close().catch(() => undefined);
    detector.close();
    await hot.close();
    await retries.close();
    await scheduler.close();
    redis.disconnect();
    chatRedis.disconnect();
    outboxRedis.disconnect();
    await conn.close();
    throw err;
  }
  log.info({ platform: adapter.platform, account, self: self.id, health: health ? `${health.url}/healthz` : 'off' }, 'bot started');
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      liveness.stop();
      session.stop();
      await timers.stop();
      await inbox?.close();
      await hot.close();
      detector.close();
      await bot.stop().catch(() => undefined);
      await adapter.stop().catch((err: unknown) => log.warn({ err }, 'adapter stop failed'));
      await Promise.all(outboxes.map((w) => w.close()));
      outboxRedis.disconnect();
      await expired.stop();
      await retries.close();
      await scheduler.close();
      await health?.close().catch(() => undefined);
      await chatRedis.quit().catch(() => chatRedis.disconnect());
      await redis.quit().catch(() => redis.disconnect());
      await conn.close();
      log.info('bot stopped');
    })());
  stopRuntime = stop;
  return { bot, deps, self, session, healthUrl: health?.url ?? null, stop };
}
