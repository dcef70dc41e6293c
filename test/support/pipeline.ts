/**
 * The real bot pipeline, stores, Redis and BullMQ with an in-memory adapter in place of a
 * platform: for tests that drive thousands of events or every role, where the transport is
 * not what is being tested (the e2e suites cover that).
 */
import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Redis } from 'ioredis';
import { createBot, FEATURES, type Bot } from '../../src/create-bot';
import type { BotDeps } from '../../src/pipeline/bot-deps';
import type { FeatureFactory } from '../../src/pipeline/feature';
import type { Outbound } from '../../src/platform/platform-adapter';
import type { ChatEvent, ChatTarget, ChatUser, OutgoingFile, OutgoingMessage } from '../../src/platform/chat-event';
import { AdjustableClock } from '../../src/kernel/clock';
import { connectMongo } from '../../src/stores/connect-mongo';
import { BullmqScheduler } from '../../src/queue/bullmq-scheduler';
import { WORK_QUEUE } from '../../src/queue/queue-names';
import { createRedis } from '../../src/queue/redis-connection';
import { loadScoringConfig } from '../../src/kernel/scoring-config';
import { createStores, summariesSettled } from '../../src/stores/create-stores';
import { startHotState } from '../../src/stores/hot/redis-change-feed';
import { DetectorHolder } from '../../src/features/moderation';
import { testConfig, testLog } from './test-bot';
import { dropDatabase } from './test-env';

/** One message the bot sent through the in-memory adapter. */
export interface MemorySent {
  target: ChatTarget;
  /** Text with mentions, or a file (then `text` is empty). */
  message: OutgoingMessage & { file?: OutgoingFile };
}

/** What a test may change about the in-memory platform and the bot it drives. */
export interface PipelineOptions {
  /** Gives the platform the recall capability: true takes every message back, false refuses each one. Absent: the platform cannot recall. */
  recall?: boolean;
  /** The features the bot is built from; default: all of them. */
  features?: readonly FeatureFactory[];
}

/** A running in-memory pipeline. */
export interface Pipeline {
  bot: Bot;
  deps: BotDeps;
  conn: Connection;
  clock: AdjustableClock;
  sent: MemorySent[];
  /** Ids of the messages the bot asked the platform to recall (with `recall` set), in order. */
  recalled: string[];
  /** Sends a message as `from` into `groupId` (or privately when groupId is null); returns the replies it caused. */
  say(from: ChatUser, text: string, groupId: string | null, mentions?: ChatUser[]): Promise<MemorySent[]>;
  /** Every collection's documents, hashed, to prove an event wrote nothing. */
  snapshot(): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

let seq = 0;

/** Builds the pipeline on a fresh database and queue prefix. */
export async function startPipeline(label: string, env: Record<string, string> = {}, options: PipelineOptions = {}): Promise<Pipeline> {
  const config = testConfig(label, { SIGNIN_BOARD_INTERVAL_MS: '0', ...env });
  const conn = await connectMongo(config.MONGODB_URI);
  const redis: Redis = createRedis(config.REDIS_URL);
  // The hot state the bot runtime keeps, so tests see what a running bot reads.
  const hot = await startHotState(redis, config.QUEUE_PREFIX, testLog, { cache: true });
  const stores = await createStores(conn, { hot });
  const clock = new AdjustableClock();
  const sent: MemorySent[] = [];
  const recalled: string[] = [];
  const send = async (target: ChatTarget, message: OutgoingMessage) => {
    sent.push({ target, message });
  };
  // By default a platform that can send files and nothing else beyond text (no recall, mute, remove, member list).
  const outbound: Outbound = { send, sendFile: async (target, file) => void sent.push({ target, message: { text: '', file } }) };
  if (options.recall !== undefined) {
    const accepts = options.recall;
    outbound.recall = async (messageId) => {
      recalled.push(messageId);
      return accepts;
    };
  }
  const scheduler = new BullmqScheduler(redis, config.QUEUE_PREFIX, WORK_QUEUE, clock);
  const deps: BotDeps = {
    config,
    scoring: loadScoringConfig(config.SCORING_CONFIG),
    stores,
    redis,
    clock,
    log: testLog,
    outbound,
    scheduler,
    self: () => ({ id: 'bot', name: '班级助手' }),
    detector: await DetectorHolder.create(),
  };
  const bot = createBot(deps, options.features ?? FEATURES);
  return {
    bot,
    deps,
    conn,
    clock,
    sent,
    recalled,
    async say(from, text, groupId, mentions = []) {
      const before = sent.length;
      const event: ChatEvent = {
        id: `m${++seq}_${Date.now()}`,
        platform: 'wechaty',
        type: 'message',
        conversation: groupId ? { kind: 'group', id: groupId } : { kind: 'private', id: from.id },
        sender: from,
        text,
        mentions,
        mentionsBot: mentions.some((m) => m.id === 'bot'),
        timestamp: clock.now(),
        fromSelf: false,
      };
      await bot.processEvent(event);
      return sent.slice(before);
    },
    async snapshot() {
      // What the writes so far rebuild in the background (cohort summaries, and the marks they
      // clear a moment later) belongs to those writes: settled before the database is read.
      await summariesSettled(stores);
      const out: Record<string, string> = {};
      for (const c of await conn.db!.listCollections().toArray()) {
        const docs = await conn.db!.collection(c.name).find({}).sort({ _id: 1 }).toArray();
        out[c.name] = createHash('sha1').update(JSON.stringify(docs)).digest('hex');
      }
      return out;
    },
    async stop() {
      await hot.close();
      await bot.stop();
      await scheduler.queue.obliterate({ force: true }).catch(() => undefined);
      // Reminder batches live beside the queue's own keys, which obliterate leaves.
      const batches = await redis.keys(`${scheduler.queue.qualifiedName}:batch:*`).catch(() => [] as string[]);
      if (batches.length > 0) await redis.del(...batches);
      await scheduler.close();
      redis.disconnect();
      await conn.close();
      await dropDatabase(config.MONGODB_URI);
    },
  };
}
