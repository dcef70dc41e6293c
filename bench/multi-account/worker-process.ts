/**
 * One worker of the many-accounts bench, in its own Node process (forked by
 * multi-account.bench.ts): the production worker runtime (bots/worker-runtime.ts, as
 * `cohort-bot worker` runs it) on the bench's MongoDB and Redis prefix, with an AdjustableClock
 * the bench sets, so the reminders of the seeded training day are due when the bench fires them.
 */
import pino from 'pino';
import { loadConfig } from '../../src/kernel/load-config';
import { AdjustableClock } from '../../src/kernel/clock';
import { startWorkerRuntime, type WorkerRuntime } from '../../bots/worker-runtime';
import { EXIT_AFTER_REPLY, serveParent, waitUntilIdle } from '../sign-in/ipc';

/** worker process ← `start` */
export interface WorkerStartRequest {
  mongoUri: string;
  redisUrl: string;
  prefix: string;
  /** The worker's clock starts at this ISO time. */
  clockAt: string;
  logLevel?: string;
}

let runtime: WorkerRuntime | null = null;
let clock: AdjustableClock | null = null;

async function start(req: WorkerStartRequest): Promise<null> {
  const config = loadConfig({
    MONGODB_URI: req.mongoUri,
    REDIS_URL: req.redisUrl,
    QUEUE_PREFIX: req.prefix,
    HEALTH_PORT: '0',
    LOG_LEVEL: req.logLevel ?? 'silent',
  });
  clock = new AdjustableClock(new Date(req.clockAt));
  runtime = await startWorkerRuntime(config, clock, pino({ level: req.logLevel ?? 'silent' }), {
    exit: (code) => {
      process.stderr.write(`[bench] the worker runtime gave up and exits with ${code}\n`);
      process.exit(code);
    },
  });
  return null;
}

async function stop(): Promise<typeof EXIT_AFTER_REPLY> {
  await runtime?.stop().catch((err: unknown) => process.stderr.write(`[bench] worker runtime stop failed: ${String(err)}\n`));
  return EXIT_AFTER_REPLY;
}

serveParent({
  start: (p) => start(p as WorkerStartRequest),
  clock: async (p) => {
    clock?.set(new Date((p as { at: string }).at));
    return null;
  },
  idle: () => waitUntilIdle(),
  stop,
});
