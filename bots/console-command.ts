import { Queue } from 'bullmq';
import type { Config } from '../src/kernel/load-config';
import type { Clock } from '../src/kernel/clock';
import type { Logger } from '../src/kernel/logger';
import { loadScoringConfig } from '../src/kernel/scoring-config';
import { BullmqScheduler, reminderSettings } from '../src/queue/bullmq-scheduler';
import { Outbox } from '../src/queue/outbox';
import { OutboxRouter, storeRouteBook } from '../src/queue/outbox-router';
import { findOutboxQueues } from '../src/queue/outbox-queues';
import { WORK_QUEUE } from '../src/queue/queue-names';
import { queueErrorLogger } from '../src/queue/redis-connection';
import { createStores } from '../src/stores/create-stores';
import { startHotState } from '../src/stores/hot/redis-change-feed';
import { startConsoleServer } from '../src/console/console-server';
import { mongoCheck, redisCheck } from '../src/kernel/health-server';
import { connectStorage } from './connect-storage';

/** A running console process and how to stop it in order. */
export interface ConsoleRuntime {
  url: string;
  stop(): Promise<void>;
}

/**
 * `cohort-bot console`: connects MongoDB and Redis, builds the stores with the hot state in
 * publish-only mode (the bots hear of what the console changes), an outbox for every notice
 * (the console has no platform session: the bot process of the account serving the chat sends
 * them) and the scheduler plan
 * approval plans jobs with, and serves the console on CONSOLE_HOST:CONSOLE_PORT. Stops in
 * order: server → queues → hot state → Redis → MongoDB. GET /healthz on the console's
 * own port answers 200 while Redis and MongoDB do.
 */
export async function startConsoleRuntime(config: Config, clock: Clock, log: Logger): Promise<ConsoleRuntime> {
  const { conn, redis } = await connectStorage(config, log);
  const hot = await startHotState(redis, config.QUEUE_PREFIX, log, { cache: false });
  const stores = await createStores(conn, { hot });
  const outbox = new Outbox(redis, config.QUEUE_PREFIX, { router: new OutboxRouter(storeRouteBook(stores), log), log });
  const scheduler = new BullmqScheduler(redis, config.QUEUE_PREFIX, WORK_QUEUE, clock, reminderSettings(config));
  scheduler.queue.on('error', queueErrorLogger(log, WORK_QUEUE));
  // The jobs page shows the work queue and every outbox queue there is when the console starts (the shared one and each account's).
  const outboxQueues = await findOutboxQueues(redis, config.QUEUE_PREFIX);
  const queues = [WORK_QUEUE, ...outboxQueues].map((name) => new Queue(name, { connection: redis, prefix: config.QUEUE_PREFIX }));
  for (const q of queues) q.on('error', queueErrorLogger(log, q.name));
  const server = await startConsoleServer({
    deps: { config, stores, conn, scoring: loadScoringConfig(config.SCORING_CONFIG), redis, clock, log, outbox, scheduler, queues },
    host: config.CONSOLE_HOST,
    port: config.CONSOLE_PORT,
    health: { redis: redisCheck(redis), mongodb: mongoCheck(conn) },
  });
  if (config.CONSOLE_SECRET) log.info({ url: server.url, publicUrl: config.CONSOLE_PUBLIC_URL }, 'console started');
  else log.error({ url: server.url }, 'console started without CONSOLE_SECRET: every page says it is not set up; set CONSOLE_SECRET (at least 32 characters) and restart');
  let stopping: Promise<void> | null = null;
  return {
    url: server.url,
    stop: () =>
      (stopping ??= (async () => {
        await server.close();
        for (const q of queues) await q.close();
        await outbox.close();
        await scheduler.close();
        await hot.close();
        await redis.quit().catch(() => redis.disconnect());
        await conn.close();
        log.info('console stopped');
      })()),
  };
}
