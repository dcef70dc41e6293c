import type { Config } from '../src/kernel/load-config';
import { systemClock, type Clock } from '../src/kernel/clock';
import type { Logger } from '../src/kernel/logger';
import { BullmqScheduler, reminderSettings } from '../src/queue/bullmq-scheduler';
import { Outbox } from '../src/queue/outbox';
import { OutboxRouter, storeRouteBook } from '../src/queue/outbox-router';
import { WORK_QUEUE } from '../src/queue/queue-names';
import { createRedis, queueErrorLogger } from '../src/queue/redis-connection';
import { createStores } from '../src/stores/create-stores';
import { startHotState } from '../src/stores/hot/redis-change-feed';
import { loadScoringConfig } from '../src/kernel/scoring-config';
import type { JobDeps } from '../jobs/job-definition';
import { CardStore } from '../src/charts/card-url';
import { startWorkers } from '../jobs/start-workers';
import { planDigestOnClock } from '../jobs/daily-digest.job';
import { DestinationRateLimiter } from '../src/queue/destination-rate-limit';
import { heartbeatTimer, startLocalTimers } from '../src/kernel/local-timers';
import { mongoCheck, redisCheck, startHealthServer } from '../src/kernel/health-server';
import { LivenessWatch } from '../src/kernel/liveness-watch';
import { connectStorage } from './connect-storage';
import { stopThenExit } from './stop-then-exit';

/** A running worker process and how to stop it in order. */
export interface WorkerRuntime {
  deps: JobDeps;
  /** Where GET /healthz answers (Redis and MongoDB reachable), when the health server could listen. */
  healthUrl: string | null;
  stop(): Promise<void>;
}


/** What the process entry point decides for the worker runtime. */
export interface WorkerRuntimeOptions {
  /** Jobs handled at once. */
  concurrency?: number;
  /** Ends the process with this code after MongoDB or Redis stayed away longer than OUTAGE_LIMIT_SECONDS; without it (in-process tests) the runtime only stops. */
  exit?: (code: number) => void;
}

/**
 * Connects (waiting up to CONNECT_TIMEOUT_SECONDS for MongoDB and Redis) and runs the job
 * workers, the heartbeat, the liveness watch and the health server (GET /healthz: Redis and
 * MongoDB answer); an outage longer than OUTAGE_LIMIT_SECONDS stops the runtime and calls
 * `options.exit(1)`. Stops in order: liveness watch → local timers → workers → queues → health
 * server → Redis → MongoDB.
 */
export async function startWorkerRuntime(config: Config, clock: Clock, log: Logger, options: WorkerRuntimeOptions = {}): Promise<WorkerRuntime> {
  const { conn, redis: queueRedis } = await connectStorage(config, log);
  // Jobs read the database; their writes are announced so the bots' hot state follows them.
  const hot = await startHotState(queueRedis, config.QUEUE_PREFIX, log, { cache: false });
  const stores = await createStores(conn, { hot });
  const workerRedis = createRedis(config.REDIS_URL, config.REDIS_CLUSTER_NODES);
  // Each message goes to the outbox queue of the bot account serving its chat.
  const outbox = new Outbox(queueRedis, config.QUEUE_PREFIX, { router: new OutboxRouter(storeRouteBook(stores), log), log });
  const scheduler = new BullmqScheduler(queueRedis, config.QUEUE_PREFIX, WORK_QUEUE, clock, reminderSettings(config));
  scheduler.queue.on('error', queueErrorLogger(log, WORK_QUEUE));
  const deps: JobDeps = {
    stores,
    scoring: loadScoringConfig(config.SCORING_CONFIG),
    adminIds: config.ADMIN_IDS,
    exportDir: config.EXPORT_DIR,
    workQueue: scheduler.queue,
    clock,
    log,
    outbox,
    scheduler,
    webhooks: {
      wecomUrl: config.DIGEST_WECOM_WEBHOOK,
      dingtalkUrl: config.DIGEST_DINGTALK_WEBHOOK,
      dingtalkSecret: config.DIGEST_DINGTALK_SECRET,
      limiter: new DestinationRateLimiter(queueRedis, `${config.QUEUE_PREFIX}:ratelimit`),
    },
    cards: {
      fontFile: config.CARD_FONT_FILE,
      publicUrl: config.CONSOLE_PUBLIC_URL,
      secret: config.CONSOLE_SECRET,
      store: new CardStore(queueRedis, config.QUEUE_PREFIX),
    },
  };
  // One daily digest for all cohorts. On the wall clock a repeating job: every worker upserts the
  // same scheduler, BullMQ runs it once. A simulated clock is one BullMQ's cron cannot follow, so
  // there each day's run is a job on that clock that plans the next.
  if (clock === systemClock) {
    const [hh, mm] = config.DIGEST_TIME.split(':');
    await scheduler.repeat('daily-digest', {}, { pattern: `${Number(mm)} ${Number(hh)} * * *`, tz: config.TZ_DEFAULT });
  } else {
    await planDigestOnClock(scheduler, { time: config.DIGEST_TIME, tz: config.TZ_DEFAULT }, clock.now());
  }
  const worker = startWorkers(workerRedis, config.QUEUE_PREFIX, deps, options.concurrency ?? 4, config.WORKER_LOCK_SECONDS * 1000);
  await worker.waitUntilReady();
  const timers = startLocalTimers([heartbeatTimer(config.HEARTBEAT_FILE, log)], log);
  let stopRuntime: (() => Promise<void>) | null = null;
  const liveness = new LivenessWatch({
    dependencies: { redis: redisCheck(queueRedis), mongodb: mongoCheck(conn) },
    outageLimitMs: config.OUTAGE_LIMIT_SECONDS * 1000,
    log,
    onGiveUp: (reason) => {
      log.fatal({ reason }, `giving up: ${reason}; stopping so the restart policy starts the worker again`);
      stopThenExit(() => stopRuntime?.() ?? Promise.resolve(), log, options.exit);
    },
  });
  liveness.start();
  const health = await startHealthServer({
    host: config.HEALTH_HOST,
    port: config.HEALTH_PORT,
    checks: { redis: redisCheck(queueRedis), mongodb: mongoCheck(conn) },
    log,
  }).catch((err: unknown) => {
    log.error({ err, host: config.HEALTH_HOST, port: config.HEALTH_PORT }, 'health server could not listen; /healthz is off');
    return null;
  });
  log.info({ health: health ? `${health.url}/healthz` : 'off' }, 'worker started');
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      liveness.stop();
      await timers.stop();
      await worker.close();
      await hot.close();
      await outbox.close();
      await scheduler.close();
      await health?.close().catch(() => undefined);
      workerRedis.disconnect();
      await queueRedis.quit().catch(() => queueRedis.disconnect());
      await conn.close();
      log.info('worker stopped');
    })());
  stopRuntime = stop;
  return { deps, healthUrl: health?.url ?? null, stop };
}
