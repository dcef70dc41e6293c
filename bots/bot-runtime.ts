import type { Connection } from 'mongoose';
import type { Redis } from 'ioredis';
import type { Worker } from 'bullmq';
import type { Config } from '../src/kernel/load-config';
import type { Clock } from '../src/kernel/clock';
import type { Logger } from '../src/kernel/logger';
import type { PlatformAdapter } from '../src/platform/platform-adapter';
import type { ChatUser } from '../src/platform/chat-event';
import { createBot, type Bot } from '../src/create-bot';
import type { BotDeps } from '../src/pipeline/bot-deps';
import { connectMongo } from '../src/stores/connect-mongo';
import { ConversationQueue, conversationKey } from '../src/pipeline/conversation-queue';
import { EVERY_MINUTE, heartbeatTimer, startLocalTimers, type LocalTimer, type LocalTimers } from '../src/kernel/local-timers';
import { BullmqScheduler, reminderSettings } from '../src/queue/bullmq-scheduler';
import { Outbox, startOutboxWorker } from '../src/queue/outbox';
import { sendOrQueue } from '../src/queue/send-or-queue';
import { WORK_QUEUE } from '../src/queue/queue-names';
import { createRedis } from '../src/queue/redis-connection';
import { loadScoringConfig } from '../src/kernel/scoring-config';
import { createStores } from '../src/stores/create-stores';
import { DetectorHolder } from '../src/features/moderation';

/** Events handled at once across conversations; one conversation's events always run one at a time. */
const EVENT_CONCURRENCY = 8;

/** A running bot process: its parts, and how to stop it in order. */
export interface BotRuntime {
  bot: Bot;
  deps: BotDeps;
  self: ChatUser;
  stop(): Promise<void>;
}

/**
 * Connects MongoDB and Redis, builds the pipeline, starts the adapter, the outbox worker and
 * the local timers. Stops in order: local timers → boards → adapter → outbox worker → queues →
 * Redis → MongoDB.
 */
export async function startBotRuntime(config: Config, adapter: PlatformAdapter, clock: Clock, log: Logger): Promise<BotRuntime> {
  const conn: Connection = await connectMongo(config.MONGODB_URI);
  const redis: Redis = createRedis(config.REDIS_URL);
  const stores = await createStores(conn);
  const lexiconPaths = config.MODERATION_LEXICON.length > 0 ? config.MODERATION_LEXICON : undefined;
  const onLexiconError = (err: unknown) => log.error({ err }, 'lexicon reload failed; the previous one stays');
  const detector = await DetectorHolder.create({ lexiconPaths, onReloadError: onLexiconError });
  // Edited word lists take effect without a restart; the old detector serves until the new one is built.
  // fs.watch is the fast path; the local timer's check of the files catches what it misses.
  if (lexiconPaths) detector.watch();
  const scheduler = new BullmqScheduler(redis, config.QUEUE_PREFIX, WORK_QUEUE, clock, reminderSettings(config));
  const send = (target: Parameters<PlatformAdapter['send']>[0], message: Parameters<PlatformAdapter['send']>[1]) => adapter.send(target, message);
  // A reply the platform could not take right now goes to the outbox, the one layer that
  // retries; the outbox worker itself is given the adapter's plain `send`.
  const retries = new Outbox(redis, config.QUEUE_PREFIX);
  const directSend = sendOrQueue(send, retries, log);
  let self: ChatUser | null = null;
  const deps: BotDeps = {
    config,
    scoring: loadScoringConfig(config.SCORING_CONFIG),
    stores,
    redis,
    clock,
    log,
    send: directSend,
    capabilities: adapter.capabilities,
    scheduler,
    self: () => {
      if (!self) throw new Error('bot is not logged in yet');
      return self;
    },
    listMembers: adapter.listMembers ? (groupId) => adapter.listMembers!(groupId) : undefined,
    actions: {
      recall: adapter.capabilities.recall && adapter.recall ? (id) => adapter.recall!(id) : undefined,
      remove: adapter.capabilities.remove && adapter.remove ? (groupId, userId) => adapter.remove!(groupId, userId) : undefined,
    },
    detector,
  };
  const bot = createBot(deps);
  let outbox: Worker | null = null;
  const outboxRedis = createRedis(config.REDIS_URL);
  let timers: LocalTimers;
  try {
    // One sender's events in one chat run in arrival order (交作业, then its image); see conversationKey.
    const events = new ConversationQueue(EVENT_CONCURRENCY);
    self = await adapter.start((event) => events.run(conversationKey(event), () => bot.processEvent(event)));
    outbox = startOutboxWorker(outboxRedis, config.QUEUE_PREFIX, send, log);
    const local: LocalTimer[] = [
      heartbeatTimer(config.HEARTBEAT_FILE, log),
      { name: 'board-sweep', pattern: EVERY_MINUTE, run: () => bot.sweep() },
    ];
    if (lexiconPaths) {
      local.push({ name: 'lexicon-check', pattern: EVERY_MINUTE, run: () => detector.reloadIfChanged().then(() => undefined, onLexiconError) });
    }
    timers = startLocalTimers(local, log);
  } catch (err) {
    await adapter.stop().catch(() => undefined);
    detector.close();
    await retries.close();
    await scheduler.close();
    redis.disconnect();
    outboxRedis.disconnect();
    await conn.close();
    throw err;
  }
  log.info({ platform: adapter.platform, self: self.id }, 'bot started');
  return {
    bot,
    deps,
    self,
    async stop() {
      await timers.stop();
      detector.close();
      await bot.stop().catch(() => undefined);
      await adapter.stop().catch((err: unknown) => log.warn({ err }, 'adapter stop failed'));
      await outbox?.close();
      outboxRedis.disconnect();
      await retries.close();
      await scheduler.close();
      await redis.quit().catch(() => redis.disconnect());
      await conn.close();
      log.info('bot stopped');
    },
  };
}
