import type { Config } from '../src/kernel/load-config';
import type { Clock } from '../src/kernel/clock';
import type { Logger } from '../src/kernel/logger';
import { connectMongo } from '../src/stores/connect-mongo';
import { BullmqScheduler, reminderSettings } from '../src/queue/bullmq-scheduler';
import { Outbox } from '../src/queue/outbox';
import { WORK_QUEUE } from '../src/queue/queue-names';
import { createRedis } from '../src/queue/redis-connection';
import { createStores } from '../src/stores/create-stores';
import { loadScoringConfig } from '../src/kernel/scoring-config';
import type { JobDeps } from '../jobs/job-definition';
import { startWorkers } from '../jobs/start-workers';
import { DestinationRateLimiter } from '../src/queue/destination-rate-limit';
import { heartbeatTimer, startLocalTimers } from '../src/kernel/local-timers';
import { mongoCheck, redisCheck, startHealthServer } from '../src/kernel/health-server';

/** A running worker process and how to stop it in order. */
export interface WorkerRuntime {
  deps: JobDeps;
  /** Where GET /healthz answers (Redis and MongoDB reachable), when the health server could listen. */
  healthUrl: string | null;
  stop(): Promise<void>;
}

/**
 * Connects and runs the job workers, the heartbeat and the health server (GET /healthz: Redis
 * and MongoDB answer); stops in order: local timers → workers → queues → health server → Redis
 * → MongoDB.
 */
export async function startWorkerRuntime(config: Config, clock: Clock, log: Logger, concurrency = 4): Promise<WorkerRuntime> {
  const conn = await connectMongo(config.MONGODB_URI);
  const stores = await createStores(conn);
  const queueRedis = createRedis(config.REDIS_URL);
  const workerRedis = createRedis(config.REDIS_URL);
  const outbox = new Outbox(queueRedis, config.QUEUE_PREFIX);
  const scheduler = new BullmqScheduler(queueRedis, config.QUEUE_PREFIX, WORK_QUEUE, clock, reminderSettings(config));
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
  };
  // One repeating digest for all cohorts; every worker upserts the same scheduler, BullMQ runs it once.
  const [hh, mm] = config.DIGEST_TIME.split(':');
  await scheduler.repeat('daily-digest', {}, { pattern: `${Number(mm)} ${Number(hh)} * * *`, tz: config.TZ_DEFAULT });
  const worker = startWorkers(workerRedis, config.QUEUE_PREFIX, deps, concurrency, config.WORKER_LOCK_SECONDS * 1000);
  await worker.waitUntilReady();
  const timers = startLocalTimers([heartbeatTimer(config.HEARTBEAT_FILE, log)], log);
  const health = await startHealthServer({
    host: config.HEALTH_HOST,
    port: config.HEALTH_PORT,
    checks: { redis: redisCheck(queueRedis), mongodb: mongoCheck(conn) },
    log,
  }).catch((err: unknown) => {
    log.error({ err, host: config.HEALTH_HOST, port: config.HEALTH_PORT }, 'health server could not listen; /healthz is off');
    return null;
  });
  log.info('worker started');
  return {
    deps,
    healthUrl: health?.url ?? null,
    async stop() {
      await timers.stop();
      await worker.close();
      await outbox.close();
      await scheduler.close();
      await health?.close().catch(() => undefined);
      workerRedis.disconnect();
      await queueRedis.quit().catch(() => queueRedis.disconnect());
      await conn.close();
      log.info('worker stopped');
    },
  };
}
