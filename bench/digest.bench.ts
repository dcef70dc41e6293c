/**
 * The daily digest benchmark: 1,000 approved cohorts × 50 trainees after one training day
 * (two closed sessions with on-time/late/absent/leave records, leave requests, a homework
 * with submissions and reviews, moderation records). Measures one `dailyDigestJob.process`
 * run over all of them (real Outbox on Redis), a loop that mirrors the job per cohort
 * (read: gatherDigestInput, survey progress first; compute: computeDigest + renderDigest), and the
 * peer in the same run: computeDigest + renderDigest alone on the gathered inputs (no database).
 * Prints a table and writes bench/results/digest.json.
 *
 * MONGODB_URI: used as is when set; otherwise a private FerretDB is started (scripts/ferretdb.sh).
 * REDIS_URL: default redis://127.0.0.1:6379. The run uses its own database and key prefix, both
 * removed afterwards. Options: --cohorts=N (1000), --trainees=N (50), --loop-cohorts=N (50: the
 * mirroring loop and the peer cover every k-th cohort), --max-pool-size=N|default (25).
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import mongoose, { type Connection } from 'mongoose';
import pino from 'pino';
import { dailyDigestJob } from '../jobs/daily-digest.job';
import type { JobDeps } from '../jobs/job-definition';
import { loadScoringConfig } from '../src/kernel/scoring-config';
import { AdjustableClock } from '../src/kernel/clock';
import { BullmqScheduler } from '../src/queue/bullmq-scheduler';
import { Outbox } from '../src/queue/outbox';
import { WORK_QUEUE } from '../src/queue/queue-names';
import { createRedis } from '../src/queue/redis-connection';
import { computeDigest, type Digest, type DigestInput } from '../src/features/reporting/digest';
import { gatherDigestInput } from '../src/features/reporting/gather-digest';
import { renderDigest } from '../src/features/reporting/render-digest';
import { createStores, type Stores } from '../src/stores/create-stores';
import { assertRedisReachable, deleteRedisPrefix, dropDatabase, mongoUriWithDb, provideMongo, uniqueName } from './support/bench-env';
import { gitCommit, hostInfo, progress, round, writeResultJson } from './support/bench-report';
import { expectedDayOne, SEED_DAY, seedCohorts, shanghai } from './support/bulk-seed';
import { CommandCounter } from './support/mongo-commands';
import { formatTable, percentile, RssSampler } from './support/stats';

const DEFAULT_COHORTS = 1000;
const DEFAULT_TRAINEES = 50;
/**
 * Cohorts the mirroring loop and the peer cover (every k-th). On FerretDB 1.24 every per-cohort
 * find is a sequential scan, so a full second pass would cost as long as the job again.
 */
const DEFAULT_LOOP_COHORTS = 50;
/** Below FerretDB 1.24's deadlock line (see bench/README.md); the digest only reads. */
const DEFAULT_MAX_POOL_SIZE = '25';
const ADMIN_ID = 'bench-admin';
const WHOLE_BENCH_TIMEOUT_MS = 290_000;
/** The default DIGEST_TIME on day one: both sessions closed, homework not yet due (22:00). */
const NOW = shanghai(SEED_DAY, '20:30');

/** One row of the table. */
interface DigestRow {
  id: 'job' | 'job-read' | 'job-compute' | 'job-send' | 'loop' | 'loop-read' | 'compute-render';
  label: string;
  cohorts: number;
  outboxMessages: number | null;
  totalMs: number;
  perCohortMs: { p50: number; p95: number; max: number };
  mongoCommands: Record<string, number> | null;
  mongoCommandsTotal: number | null;
  peakRssMb: number | null;
}

/** Nearest-rank p50/p95 and the max of per-cohort times. */
function spread(values: number[]): DigestRow['perCohortMs'] {
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: values.length ? Math.max(...values) : Number.NaN };
}

const sum = (values: Record<string, number>): number => Object.values(values).reduce((a, b) => a + b, 0);

/** Frees what setup and the previous step left, when the process runs with --expose-gc. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Per cohort inside the real job: first read, last read, staff lookup and last enqueue (performance.now()). */
interface CohortMarks {
  start?: number;
  readEnd?: number;
  staffAt?: number;
  end?: number;
}

/**
 * Wraps the stores and the outbox to time each cohort inside the real job, without changing it:
 * reads run from gatherDigestInput's first find (survey progress) to its last; compute +
 * render is the gap until staffOf's member lookup; send is staffOf plus the outbox adds.
 */
function instrumentJob(stores: Stores, outbox: Outbox): { marks: Map<string, CohortMarks>; restore: () => void } {
  const marks = new Map<string, CohortMarks>();
  const mark = (cohortId: string) => {
    let m = marks.get(cohortId);
    if (!m) marks.set(cohortId, (m = {}));
    return m;
  };
  const restores: (() => void)[] = [];
  const wrap = <T extends object>(target: T, method: keyof T & string, onCall: (args: unknown[]) => void, onDone: (args: unknown[]) => void) => {
    const original = target[method] as unknown as (...args: unknown[]) => Promise<unknown>;
    (target as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      onCall(args);
      const value = await original.apply(target, args);
      onDone(args);
      return value;
    };
    restores.push(() => {
      (target as Record<string, unknown>)[method] = original;
    });
  };
  const none = () => undefined;
  const readDone = (args: unknown[]) => {
    mark(String(args[0])).readEnd = performance.now();
  };
  wrap(stores.surveys, 'listByCohort', (args) => (mark(String(args[0])).start ??= performance.now()), none);
  wrap(stores.cohorts, 'findById', none, readDone);
  for (const store of [stores.sessions, stores.attendance, stores.leave, stores.homework, stores.submissions, stores.moderation]) {
    wrap(store, 'listByCohort', none, readDone);
  }
  wrap(
    stores.members,
    'listWithRole',
    (args) => {
      if (args[1] === 'staff') mark(String(args[0])).staffAt = performance.now();
    },
    (args) => {
      if (args[1] === 'trainee') readDone(args);
    },
  );
  wrap(outbox, 'enqueue', none, (args) => {
    const cohortId = /^digest_([a-f0-9]{24})_/.exec(String(args[2]))?.[1];
    if (cohortId) mark(cohortId).end = performance.now();
  });
  return { marks, restore: () => restores.reverse().forEach((r) => r()) };
}

/** Checks a cohort's digest against what was seeded; returns what differs. */
function checkDigest(d: Digest, trainees: number): string[] {
  const want = expectedDayOne(trainees);
  const got = d.attendance;
  const problems: string[] = [];
  for (const key of ['places', 'present', 'late', 'absent', 'onLeave'] as const) {
    if (got[key] !== want[key]) problems.push(`attendance.${key} ${got[key]} ≠ ${want[key]}`);
  }
  const hw = d.homework.items[0];
  const submitters = Math.floor(trainees * 0.8);
  if (!hw || hw.submitted !== submitters || hw.reviewed !== Math.ceil(submitters / 2)) {
    problems.push(`homework ${hw ? `${hw.submitted} submitted, ${hw.reviewed} reviewed` : 'missing'} ≠ ${submitters}, ${Math.ceil(submitters / 2)}`);
  }
  if (d.moderation.total !== 3 || d.moderation.undone !== 1) problems.push(`moderation ${d.moderation.total} (${d.moderation.undone} undone) ≠ 3 (1)`);
  if (d.pendingLeave.length !== (trainees >= 3 ? 1 : 0)) problems.push(`pending leave ${d.pendingLeave.length}`);
  return problems;
}

function parseArgs(argv: string[]): { cohorts: number; trainees: number; loopCohorts: number; maxPoolSize: string | null } {
  let cohorts = DEFAULT_COHORTS;
  let loopCohorts = DEFAULT_LOOP_COHORTS;
  let trainees = DEFAULT_TRAINEES;
  let maxPoolSize: string | null = DEFAULT_MAX_POOL_SIZE;
  for (const arg of argv) {
    const [key, value] = arg.split('=', 2) as [string, string | undefined];
    if (key === '--cohorts' && value && /^[1-9]\d*$/.test(value)) cohorts = Number(value);
    else if (key === '--loop-cohorts' && value && /^[1-9]\d*$/.test(value)) loopCohorts = Number(value);
    else if (key === '--trainees' && value && /^[1-9]\d*$/.test(value)) trainees = Number(value);
    else if (key === '--max-pool-size' && value && /^(default|[1-9]\d*)$/.test(value)) maxPoolSize = value === 'default' ? null : value;
    else throw new Error(`bad argument ${arg} (use --cohorts=N, --trainees=N, --loop-cohorts=N, --max-pool-size=N|default)`);
  }
  return { cohorts, trainees, loopCohorts: Math.min(loopCohorts, cohorts), maxPoolSize };
}

/** Seeds, runs the job, the mirroring loop and the compute-only peer; prints the table and writes bench/results/digest.json. */
export async function main(argv: string[], env: { MONGODB_URI?: string; REDIS_URL?: string }): Promise<DigestRow[]> {
  const { cohorts, trainees, loopCohorts, maxPoolSize } = parseArgs(argv);
  const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
  await assertRedisReachable(redisUrl);
  const loadAverage = hostInfo().loadAverage;
  const mongo = provideMongo(env.MONGODB_URI || undefined);
  const stopMongo = () => mongo.stop();
  process.once('exit', stopMongo);
  if (mongo.ferretDir) process.stderr.write(`[bench] started a private FerretDB at ${mongo.baseUri}\n`);
  const dbName = uniqueName('digest');
  const prefix = dbName;
  const mongoUri = mongoUriWithDb(mongo.baseUri, dbName, maxPoolSize ? { maxPoolSize } : {});
  const log = pino({ level: 'silent' });
  const redis = createRedis(redisUrl);
  let conn: Connection | null = null;
  const outbox = new Outbox(redis, prefix);
  const clock = new AdjustableClock(NOW);
  const scheduler = new BullmqScheduler(redis, prefix, WORK_QUEUE, clock);
  const rows: DigestRow[] = [];
  const problems: string[] = [];
  let seedMs: number;
  let seedCounts: Record<string, number>;
  let indexMs: number;
  let rssBeforeMb: number;
  let digestChars = 0;
  try {
    process.stderr.write(`[bench] digest: ${cohorts} cohorts × ${trainees} trainees …\n`);
    mongoose.set('strictQuery', true);
    // Same options as src/stores/connect-mongo.ts, plus command monitoring to count the queries.
    conn = await mongoose
      .createConnection(mongoUri, { serverSelectionTimeoutMS: 15_000, autoIndex: false, monitorCommands: true })
      .asPromise();
    const seeded = await seedCohorts(conn, { cohorts, traineesPerCohort: trainees, trainingDay: true }, (done) => {
      if (done % 200 === 0 || done === cohorts) progress(`seeded ${done}/${cohorts} cohorts`);
    });
    seedMs = seeded.ms;
    seedCounts = seeded.counts;
    const indexStart = performance.now();
    const stores = await createStores(conn);
    indexMs = performance.now() - indexStart;
    progress(`setup: ${sum(seedCounts)} documents in ${(seedMs / 1000).toFixed(1)} s, indexes in ${(indexMs / 1000).toFixed(1)} s`);
    const counter = new CommandCounter(conn);
    const deps: JobDeps = {
      stores,
      scoring: loadScoringConfig(undefined),
      adminIds: [ADMIN_ID],
      workQueue: scheduler.queue,
      clock,
      log,
      outbox,
      scheduler,
    };

    // 1. The job end to end, as the worker runs the repeating digest (payload {}).
    collectGarbage();
    rssBeforeMb = process.memoryUsage.rss() / 2 ** 20;
    const timing = instrumentJob(stores, outbox);
    const rss1 = new RssSampler();
    rss1.start();
    const ticker = setInterval(() => progress(`… job: ${[...timing.marks.values()].filter((m) => m.end).length}/${cohorts} cohorts sent`), 20_000);
    counter.start();
    clock.set(NOW);
    const t0 = performance.now();
    const result = (await dailyDigestJob.process({}, deps, 'bench-digest')) as { cohorts: string[] };
    const jobMs = performance.now() - t0;
    const jobCommands = counter.stop();
    clearInterval(ticker);
    const jobPeak = rss1.stop() / 2 ** 20;
    timing.restore();
    const counts = await outbox.queue.getJobCounts('waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed');
    const outboxMessages = sum(counts);
    if (result.cohorts.length !== cohorts) problems.push(`the job covered ${result.cohorts.length}/${cohorts} cohorts`);
    if (outboxMessages !== cohorts * 2) problems.push(`the job put ${outboxMessages} messages in the outbox, expected ${cohorts * 2} (staff + administrator per cohort)`);
    const marks = [...timing.marks.values()].filter((m): m is Required<CohortMarks> => m.start !== undefined && m.readEnd !== undefined && m.staffAt !== undefined && m.end !== undefined);
    if (marks.length !== result.cohorts.length) problems.push(`timed ${marks.length} of the job's ${result.cohorts.length} cohorts`);
    const part = (id: DigestRow['id'], label: string, values: number[]): DigestRow => ({
      id,
      label,
      cohorts: values.length,
      outboxMessages: null,
      totalMs: values.reduce((x, y) => x + y, 0),
      perCohortMs: spread(values),
      mongoCommands: null,
      mongoCommandsTotal: null,
      peakRssMb: null,
    });
    rows.push(
      {
        id: 'job',
        label: 'dailyDigestJob.process, end to end',
        cohorts: result.cohorts.length,
        outboxMessages,
        totalMs: jobMs,
        perCohortMs: spread(marks.map((m) => m.end - m.start)),
        mongoCommands: jobCommands,
        mongoCommandsTotal: sum(jobCommands),
        peakRssMb: jobPeak,
      },
      part('job-read', '  in the job: reads (surveyProgress + gather)', marks.map((m) => m.readEnd - m.start)),
      part('job-compute', '  in the job: compute + render', marks.map((m) => m.staffAt - m.readEnd)),
      part('job-send', '  in the job: staffOf + outbox adds', marks.map((m) => m.end - m.staffAt)),
    );
    progress(`job: ${result.cohorts.length} cohorts, ${outboxMessages} outbox messages in ${(jobMs / 1000).toFixed(2)} s`);

    // 2. A loop mirroring the job over a sample of cohorts (every k-th), keeping the gathered inputs.
    collectGarbage();
    const running = await stores.cohorts.listRunningOn(SEED_DAY);
    const step = Math.max(1, Math.floor(running.length / Math.max(1, loopCohorts)));
    const sampleCohorts = running.filter((_, i) => i % step === 0).slice(0, loopCohorts);
    const rss2 = new RssSampler();
    rss2.start();
    counter.start();
    const inputs: DigestInput[] = [];
    const readMs: number[] = [];
    const wholeMs: number[] = [];
    const t1 = performance.now();
    for (const cohort of sampleCohorts) {
      const a = performance.now();
      const input = await gatherDigestInput(stores, cohort.id);
      const b = performance.now();
      const text = renderDigest(computeDigest(input, SEED_DAY, { now: NOW }));
      const c = performance.now();
      if (text.length === 0) problems.push(`empty digest for ${cohort.code}`);
      digestChars = Math.max(digestChars, text.length);
      inputs.push(input);
      readMs.push(b - a);
      wholeMs.push(c - a);
    }
    const loopMs = performance.now() - t1;
    const loopCommands = counter.stop();
    const loopPeak = rss2.stop() / 2 ** 20;
    rows.push(
      {
        id: 'loop',
        label: 'loop like the job: read + compute + render',
        cohorts: sampleCohorts.length,
        outboxMessages: null,
        totalMs: loopMs,
        perCohortMs: spread(wholeMs),
        mongoCommands: loopCommands,
        mongoCommandsTotal: sum(loopCommands),
        peakRssMb: loopPeak,
      },
      part('loop-read', '  of which reads (surveyProgress + gather)', readMs),
    );
    progress(`loop: ${sampleCohorts.length} cohorts in ${(loopMs / 1000).toFixed(2)} s`);

    // 3. Peer: computeDigest + renderDigest alone, on the inputs the loop gathered (no database).
    const rss3 = new RssSampler();
    rss3.start();
    const computeMs: number[] = [];
    let sample: Digest | null = null;
    const t2 = performance.now();
    for (const input of inputs) {
      const a = performance.now();
      const digest = computeDigest(input, SEED_DAY, { now: NOW });
      renderDigest(digest);
      computeMs.push(performance.now() - a);
      sample ??= digest;
    }
    const peerMs = performance.now() - t2;
    rows.push({
      id: 'compute-render',
      label: 'peer: computeDigest + renderDigest only',
      cohorts: inputs.length,
      outboxMessages: null,
      totalMs: peerMs,
      perCohortMs: spread(computeMs),
      mongoCommands: {},
      mongoCommandsTotal: 0,
      peakRssMb: rss3.stop() / 2 ** 20,
    });
    if (!sample) problems.push('no digest computed');
    else problems.push(...checkDigest(sample, trainees).map((p) => `${sample.cohort.code}: ${p}`));
  } finally {
    await outbox.close().catch(() => undefined);
    await scheduler.close().catch(() => undefined);
    redis.disconnect();
    await conn?.close().catch(() => undefined);
    await dropDatabase(mongoUri).catch((err: unknown) => progress(`could not drop ${dbName}: ${String(err)}`));
    await deleteRedisPrefix(redisUrl, prefix).catch((err: unknown) => progress(`could not delete Redis keys ${prefix}:*: ${String(err)}`));
    process.removeListener('exit', stopMongo);
    stopMongo();
  }

  const dash = (v: number | null, digits = 0) => (v === null ? '-' : round(v, digits));
  const table = formatTable(
    ['run', 'cohorts', 'outbox msgs', 'total s', 'cohorts/s', 'p50 ms/cohort', 'p95 ms/cohort', 'max ms/cohort', 'Mongo cmds', 'peak RSS MB'],
    rows.map((r) => [
      r.label,
      r.cohorts,
      dash(r.outboxMessages),
      round(r.totalMs / 1000, 2),
      r.id === 'job' || r.id === 'loop' || r.id === 'compute-render' ? round(r.cohorts / (r.totalMs / 1000), 1) : '-',
      round(r.perCohortMs.p50, 2),
      round(r.perCohortMs.p95, 2),
      round(r.perCohortMs.max, 1),
      dash(r.mongoCommandsTotal),
      dash(r.peakRssMb),
    ]),
  );
  const notes = [
    `Data: ${cohorts} approved cohorts × ${trainees} trainees (+1 staff), day one held: 2 closed sessions (attendance for everyone: on time, late, absent, approved leave), 3 leave requests, 1 homework (80 % submitted, half reviewed), 3 moderation records; 2 sessions of day two pending. Clock ${NOW.toISOString()} (20:30 +08:00).`,
    'Per cohort in the job (stores and outbox wrapped, job unchanged): first read (surveyProgress) → last outbox add; reads end with the last gatherDigestInput find, compute + render is the gap until staffOf\'s lookup. The loop (every k-th cohort) times surveyProgress + gatherDigestInput, then computeDigest + renderDigest; the peer reruns compute + render on the inputs the loop gathered.',
    `FerretDB 1.24 pushes {cohortId: <ObjectId>} down as "_jsonb->'cohortId' @> $2", which the btree index on (_jsonb->'cohortId') cannot serve: every per-cohort find is a sequential scan of the whole collection (attendance: ${seedCounts.attendance ?? 0} rows), so per-cohort reads grow with the number of cohorts.`,
    `Outbox: the real Outbox on Redis (one add per recipient: the cohort's staff member and the administrator). Mongo cmds: driver commandStarted events (find, getMore, …).`,
    `Peak RSS: process.memoryUsage().rss every 50 ms during that step, one Node process; RSS before the job ${round(rssBeforeMb)} MB (after setup${(globalThis as { gc?: unknown }).gc ? ' and a full GC' : ''}). The loop keeps the inputs it gathered (the peer reuses them); the job keeps none.`,
    `Setup (not measured): ${sum(seedCounts)} documents by insertMany in ${round(seedMs / 1000, 1)} s, indexes (createStores) ${round(indexMs / 1000, 1)} s. MongoDB pool maxPoolSize=${maxPoolSize ?? 'driver default'}.`,
  ];
  process.stdout.write(`\nDaily digest benchmark (${cohorts} cohorts × ${trainees} trainees, one training day)\n\n${table}\n\n`);
  for (const note of notes) process.stdout.write(`- ${note}\n`);
  for (const p of problems) process.stdout.write(`! ${p}\n`);
  const file = writeResultJson('digest', {
    benchmark: 'digest',
    generatedAt: new Date().toISOString(),
    commit: gitCommit(),
    host: { ...hostInfo(), loadAverageAtStart: loadAverage },
    mongo: mongo.ferretDir ? 'private FerretDB (scripts/ferretdb.sh)' : 'MONGODB_URI',
    settings: { cohorts, traineesPerCohort: trainees, loopCohorts, now: NOW.toISOString(), mongoMaxPoolSize: maxPoolSize ?? 'driver default (100)', latencyPercentiles: 'nearest rank' },
    setup: { documents: seedCounts, insertMs: round(seedMs), indexMs: round(indexMs) },
    rssBeforeMb: round(rssBeforeMb, 1),
    longestDigestChars: digestChars,
    notes,
    problems,
    results: rows.map((r) => ({ ...r, totalMs: round(r.totalMs, 1), perCohortMs: { p50: round(r.perCohortMs.p50, 3), p95: round(r.perCohortMs.p95, 3), max: round(r.perCohortMs.max, 3) }, peakRssMb: r.peakRssMb === null ? null : round(r.peakRssMb, 1) })),
  });
  process.stdout.write(`\nJSON: ${path.relative(process.cwd(), file) || file}\n`);
  if (problems.length > 0) process.exitCode = 1;
  return rows;
}

if (require.main === module) {
  const watchdog = setTimeout(() => {
    process.stderr.write(`[bench] digest gave up after ${WHOLE_BENCH_TIMEOUT_MS / 1000} s\n`);
    process.exit(1); // the 'exit' listener stops a private FerretDB
  }, WHOLE_BENCH_TIMEOUT_MS);
  watchdog.unref();
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  main(process.argv.slice(2), { MONGODB_URI: process.env.MONGODB_URI, REDIS_URL: process.env.REDIS_URL }).catch((err: unknown) => {
    process.stderr.write(`[bench] digest failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
