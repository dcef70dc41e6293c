/**
 * The reminder fan-out benchmark: 1,000 approved cohorts (a county's worth), one bound group
 * each, all with a session starting at the same minute (2027-03-01 09:00 +08:00). Measures
 * planning (planSessionJobs for every cohort) with Redis memory before and after, then the
 * fan-out: the jobs holding the 1,000 "30 minutes before" reminders (one per instant they fall
 * at: one remind-sessions job for all of them) are promoted at once and the clock runs
 * until the outbox worker (production startOutboxWorker, no-op send) has delivered all 1,000
 * group messages, with 1 and 2 worker runtimes (startWorkerRuntime, in this process). Peers in
 * the same run: the same 1,000 messages added with addBulk straight into the outbox, and into a
 * plain queue drained by a no-op Worker (the BullMQ floor). Prints two tables and writes
 * bench/results/reminders.json, whose `summary.remindersVsFloor` is the all-sent time of the
 * 1-worker-runtime reminders over that of the BullMQ floor, both from this run.
 *
 * MONGODB_URI: used as is when set; otherwise a private FerretDB is started (scripts/ferretdb.sh).
 * REDIS_URL: default redis://127.0.0.1:6379. Every run uses its own key prefix, and the bench its
 * own database, all removed afterwards. Options: --cohorts=N (1000), --workers=1,2.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Queue, Worker } from 'bullmq';
import mongoose, { type Connection } from 'mongoose';
import pino from 'pino';
import type { Redis } from 'ioredis';
import { startWorkerRuntime, type WorkerRuntime } from '../bots/worker-runtime';
import { loadConfig } from '../src/kernel/load-config';
import type { ChatTarget, OutgoingMessage } from '../src/platform/chat-event';
import { AdjustableClock } from '../src/kernel/clock';
import { BullmqScheduler } from '../src/queue/bullmq-scheduler';
import { DEFAULT_ACCOUNT_RATE, Outbox, startOutboxWorker, type OutboxItem, type SendRate } from '../src/queue/outbox';
import { WORK_QUEUE } from '../src/queue/queue-names';
import { createRedis } from '../src/queue/redis-connection';
import { planSessionJobs, remindSessionsJobId, sessionReminderAt, sessionReminderBatchKey } from '../src/features/cohorts/session-planner';
import { sessionReminderText } from '../src/features/cohorts/reminder-texts';
import { createStores, type Stores } from '../src/stores/create-stores';
import type { Cohort, Session } from '../src/domain/types';
import { assertRedisReachable, deleteRedisPrefix, dropDatabase, mongoUriWithDb, provideMongo, uniqueName } from './support/bench-env';
import { gitCommit, hostInfo, progress, round, writeResultJson } from './support/bench-report';
import { SEED_DAY, seedCohorts, shanghai } from './support/bulk-seed';
import { prefixMemory, usedMemory } from './support/redis-memory';
import { formatTable, percentile, RssSampler } from './support/stats';
import { runBench } from './support/run-bench';

const DEFAULT_COHORTS = 1000;
const MAX_POOL_SIZE = '25';
const RUN_TIMEOUT_MS = 90_000;
const WHOLE_BENCH_TIMEOUT_MS = 240_000;
/** Planning happens the evening before, so every job of both days is planned. */
const PLAN_AT = shanghai('2027-02-28', '19:00');
/** The reminder under test: 30 minutes before the first session (09:00) of day one. */
const REMINDER_MINUTES = 30;
/** How long the default-account-budget peer is watched after its first minute's budget is spent. */
const BUDGET_WATCH_MS = 3_000;

/** Planning figures of one run. */
interface PlanResult {
  cohorts: number;
  /** Jobs in the queue after planning (planSessionJobs' own count leaves out the survey openings). */
  jobsPlanned: number;
  plannedReturned: number;
  planMs: number;
  perCohortMs: { p50: number; p95: number; max: number };
  usedMemoryBefore: number;
  usedMemoryAfter: number;
  prefixKeys: number;
  prefixBytes: number;
  prefixBytesAfterDelivery: number | null;
  prefixKeysAfterDelivery: number | null;
}

/** Delivery figures of one run: messages and when they reached the fake sender (ms from t0). */
interface DeliveryResult {
  id: string;
  label: string;
  workers: string;
  messages: number;
  delivered: number;
  /** From t0 until the last reminder job had put its message in the outbox (reminder runs only). */
  producedMs: number | null;
  /** From t0 until the last message reached the sender (null: not all were, within the watch). */
  allSentMs: number | null;
  latencyMs: { p50: number; p95: number; max: number } | null;
  /** How long t0's own step took (promote, or addBulk). */
  startStepMs: number;
  distinctTargets: number;
  peakRssMb: number;
  extra?: Record<string, unknown>;
}

/** Records each send to the fake platform: when, to whom, what. */
class FakeSender {
  readonly sent: { at: number; target: ChatTarget; text: string }[] = [];
  readonly send = async (target: ChatTarget, message: OutgoingMessage): Promise<void> => {
    this.sent.push({ at: performance.now(), target, text: message.text });
  };
}

/** Waits until `done()` holds, polling every 5 ms; throws after `timeoutMs`. */
async function waitFor(done: () => boolean, what: () => string, timeoutMs = RUN_TIMEOUT_MS): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** `stores` with every method call counted in `calls` by `store.method` (what the reminder jobs read). */
function countStoreCalls(stores: Stores, calls: Map<string, number>): Stores {
  const wrap = (name: string, store: object) =>
    new Proxy(store, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const key = `${name}.${String(prop)}`;
          calls.set(key, (calls.get(key) ?? 0) + 1);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  return Object.fromEntries(Object.entries(stores).map(([name, store]) => [name, typeof store === 'object' && store ? wrap(name, store) : store])) as unknown as Stores;
}

const spread = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95), max: values.length ? Math.max(...values) : Number.NaN });

/** Plans every cohort on a fresh prefix and measures time and Redis memory. */
async function plan(
  redis: Redis,
  probe: Redis,
  prefix: string,
  cohorts: Cohort[],
  sessionsByCohort: Map<string, Session[]>,
  groupsByCohort: Map<string, string[]>,
): Promise<{ result: PlanResult; scheduler: BullmqScheduler }> {
  const clock = new AdjustableClock(PLAN_AT);
  const scheduler = new BullmqScheduler(redis, prefix, WORK_QUEUE, clock);
  await scheduler.queue.waitUntilReady();
  const usedMemoryBefore = await usedMemory(probe);
  const perCohort: number[] = [];
  let plannedReturned = 0;
  const t0 = performance.now();
  for (const cohort of cohorts) {
    const a = performance.now();
    plannedReturned += await planSessionJobs(scheduler, cohort, sessionsByCohort.get(cohort.id) ?? [], groupsByCohort.get(cohort.id) ?? []);
    perCohort.push(performance.now() - a);
  }
  const planMs = performance.now() - t0;
  const usedMemoryAfter = await usedMemory(probe);
  const mem = await prefixMemory(probe, `${prefix}:*`);
  const jobsPlanned = await scheduler.queue.getJobCountByTypes('delayed', 'waiting', 'prioritized');
  return {
    scheduler,
    result: {
      cohorts: cohorts.length,
      jobsPlanned,
      plannedReturned,
      planMs,
      perCohortMs: spread(perCohort),
      usedMemoryBefore,
      usedMemoryAfter,
      prefixKeys: mem.keys,
      prefixBytes: mem.bytes,
      prefixBytesAfterDelivery: null,
      prefixKeysAfterDelivery: null,
    },
  };
}

/** One fan-out run: plan on a fresh prefix, start `workers` worker runtimes and the outbox worker, promote, wait. */
async function reminderRun(
  workers: number,
  ctx: {
    mongoUri: string;
    redisUrl: string;
    probe: Redis;
    cohorts: Cohort[];
    sessionsByCohort: Map<string, Session[]>;
    groupsByCohort: Map<string, string[]>;
    firstSessions: Session[];
    /** The text each group must receive (rendered from the database, not from the payload). */
    expectedText: Map<string, string>;
  },
): Promise<{ plan: PlanResult; delivery: DeliveryResult }> {
  const prefix = uniqueName(`remind_${workers}w`);
  const log = pino({ level: 'silent' });
  const redis = createRedis(ctx.redisUrl);
  const outboxRedis = createRedis(ctx.redisUrl);
  const runtimes: WorkerRuntime[] = [];
  let outboxWorker: Worker | null = null;
  let scheduler: BullmqScheduler | null = null;
  const rss = new RssSampler();
  try {
    const planned = await plan(redis, ctx.probe, prefix, ctx.cohorts, ctx.sessionsByCohort, ctx.groupsByCohort);
    scheduler = planned.scheduler;
    progress(`${workers} worker(s): planned ${planned.result.jobsPlanned} jobs in ${(planned.result.planMs / 1000).toFixed(2)} s`);

    const config = loadConfig({ MONGODB_URI: ctx.mongoUri, REDIS_URL: ctx.redisUrl, QUEUE_PREFIX: prefix, LOG_LEVEL: 'silent' });
    const produced: number[] = [];
    const storeCalls = new Map<string, number>();
    for (let i = 0; i < workers; i++) {
      const rt = await startWorkerRuntime(config, new AdjustableClock(shanghai(SEED_DAY, '08:30')), log);
      rt.deps.stores = countStoreCalls(rt.deps.stores, storeCalls);
      const outbox = rt.deps.outbox;
      const enqueue = outbox.enqueue;
      outbox.enqueue = async (target, message, jobId) => {
        await enqueue.call(outbox, target, message, jobId);
        produced.push(performance.now());
      };
      const enqueueBulk = outbox.enqueueBulk;
      outbox.enqueueBulk = async (items) => {
        await enqueueBulk.call(outbox, items);
        const at = performance.now();
        for (let k = 0; k < items.length; k++) produced.push(at);
      };
      runtimes.push(rt);
    }
    const sender = new FakeSender();
    // The bot process's outbox worker: per-group budget as in production (20/min); no account budget (see notes).
    outboxWorker = startOutboxWorker(outboxRedis, prefix, sender.send, log, { perAccount: null });
    await outboxWorker.waitUntilReady();

    // Not measured: find the delayed jobs that hold the 1,000 reminders (one per instant they fall at)
    // and check every reminder is in its instant's batch, so t0 is only the promotion.
    const jobIds = [...new Set(ctx.firstSessions.map((s) => remindSessionsJobId(sessionReminderAt(s, REMINDER_MINUTES))))];
    const jobs = await Promise.all(jobIds.map((id) => scheduler!.queue.getJob(id)));
    if (jobs.some((j) => !j)) throw new Error(`the reminder jobs ${jobIds.join(', ')} were not all planned`);
    const batched = new Set<string>();
    for (const id of jobIds) for (const key of (await scheduler.readBatch(id)).keys()) batched.add(`${id} ${key}`);
    const missing = ctx.firstSessions.filter((s) => !batched.has(`${remindSessionsJobId(sessionReminderAt(s, REMINDER_MINUTES))} ${sessionReminderBatchKey(s, REMINDER_MINUTES)}`)).length;
    if (missing > 0) throw new Error(`${missing} reminders were not planned`);

    rss.start();
    const t0 = performance.now();
    await Promise.all(jobs.map((j) => j!.promote()));
    const promoteMs = performance.now() - t0;
    const n = ctx.firstSessions.length;
    await waitFor(
      () => sender.sent.length >= n,
      () => `${n} reminders delivered (${produced.length} produced, ${sender.sent.length} sent)`,
    );
    const allSentMs = Math.max(...sender.sent.map((s) => s.at)) - t0;
    const peakRssMb = rss.stop() / 2 ** 20;
    const producedMs = Math.max(...produced) - t0;
    const wrongText = sender.sent.filter((s) => s.text !== ctx.expectedText.get(s.target.id)).length;

    for (const rt of runtimes.splice(0)) await rt.stop();
    await outboxWorker.close();
    outboxWorker = null;
    const after = await prefixMemory(ctx.probe, `${prefix}:*`);
    planned.result.prefixBytesAfterDelivery = after.bytes;
    planned.result.prefixKeysAfterDelivery = after.keys;
    return {
      plan: planned.result,
      delivery: {
        id: `reminders-${workers}w`,
        label: `reminders, ${workers} worker runtime${workers > 1 ? 's' : ''}`,
        workers: `${workers} × 4 + outbox × 4`,
        messages: n,
        delivered: sender.sent.length,
        producedMs,
        allSentMs,
        latencyMs: spread(sender.sent.map((s) => s.at - t0)),
        startStepMs: promoteMs,
        distinctTargets: new Set(sender.sent.map((s) => s.target.id)).size,
        peakRssMb,
        extra: { wrongText, reminderJobs: jobIds.length, outboxAddsByReminderJobs: produced.length, storeCallsByReminderJobs: Object.fromEntries(storeCalls) },
      },
    };
  } finally {
    rss.stop();
    for (const rt of runtimes) await rt.stop().catch(() => undefined);
    await outboxWorker?.close().catch(() => undefined);
    await scheduler?.close().catch(() => undefined);
    redis.disconnect();
    outboxRedis.disconnect();
    await deleteRedisPrefix(ctx.redisUrl, prefix).catch((err: unknown) => progress(`could not delete Redis keys ${prefix}:*: ${String(err)}`));
  }
}

/** Outbox items for `groups`, with the job options Outbox.enqueue uses. */
function outboxBulk(groupIds: string[]): { name: string; data: OutboxItem; opts: Record<string, unknown> }[] {
  return groupIds.map((id, i) => ({
    name: 'send',
    data: { target: { kind: 'group', id }, text: `⏰ 30 分钟后上课：09:00-12:00 直播基础（张老师）\n请提前 5 分钟到场签到，08:30 起可以签到。开课前请将手机调为静音。` },
    opts: {
      jobId: `bench_${i}`,
      attempts: 8,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: { age: 14 * 24 * 3600 },
    },
  }));
}

/** Peer: addBulk straight into the outbox, drained by the production outbox worker (no-op send). */
async function outboxPeer(
  redisUrl: string,
  groupIds: string[],
  /** null: no account budget; 'default': startOutboxWorker's own (DEFAULT_ACCOUNT_RATE). */
  perAccount: SendRate | null | 'default',
  id: string,
  label: string,
  probe: Redis,
): Promise<DeliveryResult> {
  const prefix = uniqueName(id);
  const redis = createRedis(redisUrl);
  const workerRedis = createRedis(redisUrl);
  const outbox = new Outbox(redis, prefix);
  const sender = new FakeSender();
  const worker = startOutboxWorker(workerRedis, prefix, sender.send, pino({ level: 'silent' }), perAccount === 'default' ? {} : { perAccount });
  const budget = perAccount === 'default' ? DEFAULT_ACCOUNT_RATE : perAccount;
  const rss = new RssSampler();
  try {
    await worker.waitUntilReady();
    await outbox.queue.waitUntilReady();
    const n = groupIds.length;
    rss.start();
    const t0 = performance.now();
    await outbox.queue.addBulk(outboxBulk(groupIds));
    const addMs = performance.now() - t0;
    let allSentMs: number | null = null;
    let extra: Record<string, unknown> | undefined;
    if (budget === null) {
      await waitFor(() => sender.sent.length >= n, () => `${n} outbox messages sent (${sender.sent.length})`);
      allSentMs = Math.max(...sender.sent.map((s) => s.at)) - t0;
    } else {
      // The account budget lets `limit` through per window; watch a little longer, then count what waits.
      await waitFor(() => sender.sent.length >= Math.min(n, budget.limit), () => `${budget.limit} outbox messages sent (${sender.sent.length})`);
      const budgetSpentMs = Math.max(...sender.sent.map((s) => s.at)) - t0;
      await new Promise((r) => setTimeout(r, BUDGET_WATCH_MS));
      const counts = await outbox.queue.getJobCounts('delayed', 'waiting', 'active');
      const remaining = n - sender.sent.length;
      extra = {
        budgetSpentMs: round(budgetSpentMs, 1),
        sentAfterWatchMs: BUDGET_WATCH_MS,
        sentInWatch: sender.sent.length,
        waiting: counts,
        projectedAllSentMinutes: round(Math.ceil(remaining / budget.limit) * (budget.windowMs / 60_000), 1),
      };
    }
    const mem = await prefixMemory(probe, `${prefix}:*`);
    return {
      id,
      label,
      workers: 'outbox × 4',
      messages: n,
      delivered: sender.sent.length,
      producedMs: null,
      allSentMs,
      latencyMs: allSentMs === null ? null : spread(sender.sent.map((s) => s.at - t0)),
      startStepMs: addMs,
      distinctTargets: new Set(sender.sent.map((s) => s.target.id)).size,
      peakRssMb: rss.stop() / 2 ** 20,
      extra: { ...extra, redisKeysAfter: mem.keys, redisBytesAfter: mem.bytes },
    };
  } finally {
    rss.stop();
    await worker.close().catch(() => undefined);
    await outbox.close().catch(() => undefined);
    redis.disconnect();
    workerRedis.disconnect();
    await deleteRedisPrefix(redisUrl, prefix).catch(() => undefined);
  }
}

/** Peer: the BullMQ floor, addBulk into a plain queue drained by a no-op Worker (concurrency 4). */
async function floorPeer(redisUrl: string, groupIds: string[], probe: Redis): Promise<DeliveryResult> {
  const prefix = uniqueName('remind_floor');
  const redis = createRedis(redisUrl);
  const workerRedis = createRedis(redisUrl);
  const queue = new Queue('floor', { connection: redis, prefix });
  const done: { at: number; target: string }[] = [];
  const worker = new Worker(
    'floor',
    async (job) => {
      done.push({ at: performance.now(), target: (job.data as OutboxItem).target.id });
    },
    { connection: workerRedis, prefix, concurrency: 4 },
  );
  const rss = new RssSampler();
  try {
    await worker.waitUntilReady();
    await queue.waitUntilReady();
    const n = groupIds.length;
    rss.start();
    const t0 = performance.now();
    await queue.addBulk(outboxBulk(groupIds));
    const addMs = performance.now() - t0;
    await waitFor(() => done.length >= n, () => `${n} floor jobs done (${done.length})`);
    const allSentMs = Math.max(...done.map((d) => d.at)) - t0;
    const mem = await prefixMemory(probe, `${prefix}:*`);
    return {
      id: 'floor',
      label: 'peer: BullMQ floor (addBulk → no-op Worker)',
      workers: 'no-op × 4',
      messages: n,
      delivered: done.length,
      producedMs: null,
      allSentMs,
      latencyMs: spread(done.map((d) => d.at - t0)),
      startStepMs: addMs,
      distinctTargets: new Set(done.map((d) => d.target)).size,
      peakRssMb: rss.stop() / 2 ** 20,
      extra: { redisKeysAfter: mem.keys, redisBytesAfter: mem.bytes },
    };
  } finally {
    rss.stop();
    await worker.close().catch(() => undefined);
    await queue.close().catch(() => undefined);
    redis.disconnect();
    workerRedis.disconnect();
    await deleteRedisPrefix(redisUrl, prefix).catch(() => undefined);
  }
}

/** How many jobs held the reminders of each fan-out, for the notes. */
function reminderJobsNote(deliveries: DeliveryResult[]): string {
  const counts = [...new Set(deliveries.filter((d) => d.id.startsWith('reminders-')).map((d) => Number(d.extra?.reminderJobs)))];
  return counts.length === 0 ? '-' : counts.join(', ');
}

/** The store calls the reminder jobs made during each fan-out, for the notes. */
function storeCallsNote(deliveries: DeliveryResult[]): string {
  const runs = deliveries.filter((d) => d.id.startsWith('reminders-'));
  if (runs.length === 0) return '-';
  return runs
    .map((d) => {
      const calls = (d.extra?.storeCallsByReminderJobs ?? {}) as Record<string, number>;
      const total = Object.values(calls).reduce((a, b) => a + b, 0);
      return `${d.workers.split(' ')[0]} runtime(s) ${total}${total > 0 ? ` (${JSON.stringify(calls)})` : ''}`;
    })
    .join(', ');
}

function parseArgs(argv: string[]): { cohorts: number; workers: number[] } {
  let cohorts = DEFAULT_COHORTS;
  let workers = [1, 2];
  for (const arg of argv) {
    const [key, value] = arg.split('=', 2) as [string, string | undefined];
    if (key === '--cohorts' && value && /^[1-9]\d*$/.test(value)) cohorts = Number(value);
    else if (key === '--workers' && value && /^[1-9]\d*(,[1-9]\d*)*$/.test(value)) workers = value.split(',').map(Number);
    else throw new Error(`bad argument ${arg} (use --cohorts=N, --workers=1,2)`);
  }
  return { cohorts, workers };
}

/** Seeds the cohorts, runs planning + fan-out per worker count and the peers; prints the tables and writes bench/results/reminders.json. */
export async function main(argv: string[], env: { MONGODB_URI?: string; REDIS_URL?: string }): Promise<{ plans: PlanResult[]; deliveries: DeliveryResult[] }> {
  const { cohorts: cohortCount, workers } = parseArgs(argv);
  const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
  await assertRedisReachable(redisUrl);
  const loadAverage = hostInfo().loadAverage;
  const mongo = provideMongo(env.MONGODB_URI || undefined);
  const stopMongo = () => mongo.stop();
  process.once('exit', stopMongo);
  if (mongo.ferretDir) process.stderr.write(`[bench] started a private FerretDB at ${mongo.baseUri}\n`);
  const dbName = uniqueName('reminders');
  const mongoUri = mongoUriWithDb(mongo.baseUri, dbName, { maxPoolSize: MAX_POOL_SIZE });
  const probe = createRedis(redisUrl);
  let conn: Connection | null = null;
  const plans: PlanResult[] = [];
  const deliveries: DeliveryResult[] = [];
  const problems: string[] = [];
  let seedMs: number;
  try {
    process.stderr.write(`[bench] reminders: ${cohortCount} cohorts × 1 group …\n`);
    mongoose.set('strictQuery', true);
    conn = await mongoose.createConnection(mongoUri, { serverSelectionTimeoutMS: 15_000, autoIndex: false }).asPromise();
    const seeded = await seedCohorts(conn, { cohorts: cohortCount, traineesPerCohort: 0, trainingDay: false, batchCohorts: 250 });
    seedMs = seeded.ms;
    const stores: Stores = await createStores(conn);
    // Not measured: the cohorts and their sessions, as the planner is handed them.
    const cohorts = (await stores.cohorts.findByIds(seeded.cohortIds)).sort((a, b) => a.code.localeCompare(b.code));
    const sessionsByCohort = new Map<string, Session[]>();
    await Promise.all(cohorts.map(async (c) => sessionsByCohort.set(c.id, await stores.sessions.listByCohort(c.id))));
    const firstSessions = cohorts.map((c) => {
      const first = (sessionsByCohort.get(c.id) ?? []).find((s) => s.startsAt.getTime() === shanghai(SEED_DAY, '09:00').getTime());
      if (!first) throw new Error(`setup: cohort ${c.code} has no 09:00 session`);
      return first;
    });
    const groupsByCohort = new Map<string, string[]>();
    await Promise.all(cohorts.map(async (c) => groupsByCohort.set(c.id, (await stores.bindings.listByCohort(c.id)).map((b) => b.groupId))));
    const groupIds = cohorts.flatMap((c) => groupsByCohort.get(c.id) ?? []);
    const expectedText = new Map<string, string>();
    cohorts.forEach((c, i) => {
      for (const g of groupsByCohort.get(c.id) ?? []) expectedText.set(g, sessionReminderText(firstSessions[i]!, c, REMINDER_MINUTES));
    });
    progress(`setup: ${Object.values(seeded.counts).reduce((a, b) => a + b, 0)} documents in ${(seedMs / 1000).toFixed(1)} s`);

    for (const w of workers) {
      process.stderr.write(`[bench] reminders, ${w} worker runtime(s) …\n`);
      const r = await reminderRun(w, { mongoUri, redisUrl, probe, cohorts, sessionsByCohort, groupsByCohort, firstSessions, expectedText });
      plans.push(r.plan);
      deliveries.push(r.delivery);
      progress(`all ${r.delivery.delivered} sent after ${((r.delivery.allSentMs ?? 0) / 1000).toFixed(2)} s`);
    }
    process.stderr.write('[bench] reminders: peers …\n');
    deliveries.push(await outboxPeer(redisUrl, groupIds, null, 'outbox', 'peer: outbox only (addBulk → outbox worker)', probe));
    deliveries.push(await floorPeer(redisUrl, groupIds, probe));
    deliveries.push(
      await outboxPeer(redisUrl, groupIds, 'default', 'outbox-account-budget', 'outbox, default budgets (60/min per account)', probe),
    );
  } finally {
    probe.disconnect();
    await conn?.close().catch(() => undefined);
    await dropDatabase(mongoUri).catch((err: unknown) => progress(`could not drop ${dbName}: ${String(err)}`));
    process.removeListener('exit', stopMongo);
    stopMongo();
  }

  for (const d of deliveries) {
    if (d.allSentMs !== null && (d.delivered !== d.messages || d.distinctTargets !== d.messages)) {
      problems.push(`${d.label}: ${d.delivered}/${d.messages} delivered to ${d.distinctTargets} distinct groups`);
    }
    if (d.extra?.wrongText) problems.push(`${d.label}: ${Number(d.extra.wrongText)} messages were not the group's 30-minute reminder`);
  }

  const kb = (bytes: number | null) => (bytes === null ? '-' : round(bytes / 1024));
  const planTable = formatTable(
    ['run', 'cohorts', 'jobs planned', 'plan s', 'ms/cohort p50', 'p95', 'used_memory Δ KB', 'prefix keys', 'prefix KB', 'bytes/job', 'prefix KB after delivery'],
    plans.map((p, i) => [
      `plan before ${workers[i]} worker run`,
      p.cohorts,
      p.jobsPlanned,
      round(p.planMs / 1000, 2),
      round(p.perCohortMs.p50, 2),
      round(p.perCohortMs.p95, 2),
      round((p.usedMemoryAfter - p.usedMemoryBefore) / 1024),
      p.prefixKeys,
      kb(p.prefixBytes),
      round(p.prefixBytes / Math.max(1, p.jobsPlanned)),
      kb(p.prefixBytesAfterDelivery),
    ]),
  );
  const dash = (v: number | null | undefined, digits = 0) => (v === null || v === undefined ? '-' : round(v, digits));
  const deliveryTable = formatTable(
    ['run', 'consumers', 'msgs', 'delivered', 'start step ms', 'all in outbox s', 'all sent s', 'msg/s', 'p50 ms', 'p95 ms', 'max ms', 'peak RSS MB'],
    deliveries.map((d) => [
      d.label,
      d.workers,
      d.messages,
      d.delivered,
      round(d.startStepMs, 1),
      d.producedMs === null ? '-' : round(d.producedMs / 1000, 2),
      d.allSentMs === null ? '-' : round(d.allSentMs / 1000, 2),
      d.allSentMs === null ? '-' : round(d.messages / (d.allSentMs / 1000), 1),
      dash(d.latencyMs?.p50),
      dash(d.latencyMs?.p95),
      dash(d.latencyMs?.max),
      round(d.peakRssMb),
    ]),
  );
  const budget = deliveries.find((d) => d.id === 'outbox-account-budget')?.extra;
  const oneWorker = deliveries.find((d) => d.id === 'reminders-1w');
  const floor = deliveries.find((d) => d.id === 'floor');
  const remindersVsFloor = oneWorker?.allSentMs && floor?.allSentMs ? round(oneWorker.allSentMs / floor.allSentMs, 2) : null;
  if (remindersVsFloor === null) problems.push('remindersVsFloor: the 1-worker-runtime run or the floor did not finish (run with --workers including 1)');
  const notes = [
    `Data: ${cohortCount} approved cohorts, one bound group each, 4 sessions over 2 days; every cohort's first session starts 2027-03-01 09:00 +08:00. Planning runs with the clock at 2027-02-28 19:00 (every job of both days planned: reminders 30 and 5 min before each session, closings, day-before reminders, surveys).`,
    `Fan-out: the jobs that hold the ${cohortCount} "${REMINDER_MINUTES} minutes before" reminders are promoted at t0 (Job.promote, all at once; "start step"): one remind-sessions job per instant the reminders fall at (${reminderJobsNote(deliveries)} here). A worker runtime is bots/worker-runtime.ts startWorkerRuntime (own MongoDB pool, 2 Redis connections, one Worker, concurrency 4), in this Node process; "2 worker runtimes" are two of them in the same process, not two processes. The job reads the batch planSessionJobs keeps for its instant (every reminder's groups and text inputs, one Redis hash), so it reads no store (store calls during the fan-out: ${storeCallsNote(deliveries)}), and adds one outbox message per group with bulk adds of 100 reminders each; "all in outbox" is when the last one was added.`,
    'Delivery: the production outbox worker (startOutboxWorker, concurrency 4, per-group budget 20/min) with a no-op send; latency = t0 → send, per message. The per-account budget is off in these runs: see the last row.',
    budget
      ? `The default per-account budget (60 messages/min for the whole bot account) holds ${cohortCount} simultaneous reminders to ${String(budget.sentInWatch)} in the first minute (budget spent after ${String(budget.budgetSpentMs)} ms, nothing more in the next ${BUDGET_WATCH_MS / 1000} s); the rest wait delayed, so the last group would get its "${REMINDER_MINUTES} minutes before" reminder about ${String(budget.projectedAllSentMinutes)} minutes late${Number(budget.projectedAllSentMinutes) >= REMINDER_MINUTES ? ', after its session started' : ''}.`
      : 'The account-budget row did not run.',
    'Redis memory: used_memory is the whole server (other clients count too); "prefix" is the sum of MEMORY USAGE over this run\'s keys (the queue\'s jobs and the reminder batches). After delivery, completed jobs stay (removeOnComplete: 14 days on the work queue, 7 on the outbox) and the per-group rate logs live for their 1-minute window.',
    `MongoDB: ${mongo.ferretDir ? 'private FerretDB' : 'MONGODB_URI'}, maxPoolSize=${MAX_POOL_SIZE} per worker runtime. Setup (insertMany, ${round(seedMs / 1000, 1)} s) is not measured.`,
  ];
  process.stdout.write(`\nReminder fan-out benchmark (${cohortCount} cohorts × 1 group, one session start)\n\nPlanning\n\n${planTable}\n\nDelivery\n\n${deliveryTable}\n\n`);
  process.stdout.write(`remindersVsFloor (all sent, 1 worker runtime ÷ BullMQ floor, same run): ${remindersVsFloor ?? '-'} (goal ≤ 3)\n\n`);
  for (const note of notes) process.stdout.write(`- ${note}\n`);
  for (const p of problems) process.stdout.write(`! ${p}\n`);
  const file = writeResultJson('reminders', {
    benchmark: 'reminders',
    summary: { remindersVsFloor },
    generatedAt: new Date().toISOString(),
    commit: gitCommit(),
    host: { ...hostInfo(), loadAverageAtStart: loadAverage },
    mongo: mongo.ferretDir ? 'private FerretDB (scripts/ferretdb.sh)' : 'MONGODB_URI',
    settings: { cohorts: cohortCount, groupsPerCohort: 1, workerRuntimes: workers, workerConcurrency: 4, outboxConcurrency: 4, planAt: PLAN_AT.toISOString(), reminderMinutes: REMINDER_MINUTES, mongoMaxPoolSize: MAX_POOL_SIZE, latencyPercentiles: 'nearest rank' },
    notes,
    problems,
    plans,
    deliveries,
  });
  process.stdout.write(`\nJSON: ${path.relative(process.cwd(), file) || file}\n`);
  if (problems.length > 0) process.exitCode = 1;
  return { plans, deliveries };
}

if (require.main === module) {
  runBench('reminders', WHOLE_BENCH_TIMEOUT_MS, main);
}
