/**
 * The daily digest benchmark: 1,000 approved cohorts × 50 trainees after a week of training
 * (per held day: two closed sessions with on-time/late/absent/leave records and their summaries,
 * leave requests, a homework with submissions and reviews, moderation records). Measures one
 * `dailyDigestJob.process` run over all of them (real Outbox on Redis), the per-cohort path the
 * job used before (gatherDigestInput + computeDigest + renderDigest) on a sample of cohorts as
 * the peer, checks that both render the same digests, and computeDigest + renderDigest alone.
 * Prints a table and writes bench/results/digest.json. The job runs in a process of its own (this
 * file forked with --digest-job-child), so its peak RSS is the job's, not the seeding's.
 *
 * MONGODB_URI: used as is when set; otherwise a private FerretDB is started (scripts/ferretdb.sh).
 * REDIS_URL: default redis://127.0.0.1:6379. The run uses its own database and key prefix, both
 * removed afterwards. Options: --cohorts=N (1000), --trainees=N (50), --loop-cohorts=N (50: the
 * per-cohort peer covers every k-th cohort), --days=N (7 held days), --max-pool-size=N|default (25).
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
import { createStores } from '../src/stores/create-stores';
import { assertRedisReachable, deleteRedisPrefix, dropDatabase, mongoUriWithDb, provideMongo, uniqueName } from './support/bench-env';
import { gitCommit, hostInfo, progress, round, writeResultJson } from './support/bench-report';
import { expectedDayOne, shanghai } from './support/bulk-seed';
import { seedWeek, weekDay } from './support/week-seed';
import { CommandCounter } from './support/mongo-commands';
import { formatTable, percentile, RssSampler } from './support/stats';
import { runBench } from './support/run-bench';

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
const WHOLE_BENCH_TIMEOUT_MS = 1_500_000;
const DEFAULT_DAYS = 7;

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

function parseArgs(argv: string[]): { cohorts: number; trainees: number; loopCohorts: number; days: number; maxPoolSize: string | null } {
  let cohorts = DEFAULT_COHORTS;
  let days = DEFAULT_DAYS;
  let loopCohorts = DEFAULT_LOOP_COHORTS;
  let trainees = DEFAULT_TRAINEES;
  let maxPoolSize: string | null = DEFAULT_MAX_POOL_SIZE;
  for (const arg of argv) {
    const [key, value] = arg.split('=', 2) as [string, string | undefined];
    if (key === '--cohorts' && value && /^[1-9]\d*$/.test(value)) cohorts = Number(value);
    else if (key === '--loop-cohorts' && value && /^[1-9]\d*$/.test(value)) loopCohorts = Number(value);
    else if (key === '--trainees' && value && /^[1-9]\d*$/.test(value)) trainees = Number(value);
    else if (key === '--days' && value && /^[1-9]\d*$/.test(value)) days = Number(value);
    else if (key === '--max-pool-size' && value && /^(default|[1-9]\d*)$/.test(value)) maxPoolSize = value === 'default' ? null : value;
    else throw new Error(`bad argument ${arg} (use --cohorts=N, --trainees=N, --loop-cohorts=N, --days=N, --max-pool-size=N|default)`);
  }
  return { cohorts, trainees, loopCohorts: Math.min(loopCohorts, cohorts), days, maxPoolSize };
}

/** What the job's process needs to run it on the seeded data. */
interface JobChildTask {
  mongoUri: string;
  redisUrl: string;
  prefix: string;
  now: string;
  adminId: string;
}

/** What the job's process reports; times in ms from the job's start. */
interface JobChildReport {
  cohorts: string[];
  jobMs: number;
  marks: { gatherStart?: number; gatherEnd?: number; summariesEnd?: number; addStart?: number; addEnd?: number };
  byCollection: { collection: string; docs: number; ms: number }[];
  commands: Record<string, number>;
  /** Cohort id → the text the job queued for it. */
  queued: [string, string][];
  rssBeforeMb: number;
  peakRssMb: number;
}

const JOB_CHILD_FLAG = '--digest-job-child';

/** The process's peak resident set (VmHWM) in MB, or null where /proc is not there. */
function highWaterMb(): number | null {
  try {
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** Runs dailyDigestJob.process in a forked Node process (this file with JOB_CHILD_FLAG) and returns its report. */
function runJobInChild(task: JobChildTask): Promise<JobChildReport> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [JOB_CHILD_FLAG], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let report: JobChildReport | null = null;
    child.once('message', (m) => {
      report = m as JobChildReport;
    });
    child.once('error', reject);
    child.once('exit', (code) => (report ? resolve(report) : reject(new Error(`the digest job's process exited with ${code} and no report`))));
    child.send(task);
  });
}

/**
 * The job's process: connects as a worker would, runs one dailyDigestJob.process({}) with the real
 * Outbox on Redis, and reports its time, phases (the gather and the bulk add wrapped, job
 * unchanged), reads, commands, the texts it queued and its peak RSS.
 */
async function jobChild(task: JobChildTask): Promise<JobChildReport> {
  const redis = createRedis(task.redisUrl);
  const now = new Date(task.now);
  const clock = new AdjustableClock(now);
  const outbox = new Outbox(redis, task.prefix);
  const scheduler = new BullmqScheduler(redis, task.prefix, WORK_QUEUE, clock);
  mongoose.set('strictQuery', true);
  const conn = await mongoose.createConnection(task.mongoUri, { serverSelectionTimeoutMS: 15_000, autoIndex: false, monitorCommands: true }).asPromise();
  try {
    const stores = await createStores(conn);
    const counter = new CommandCounter(conn);
    const deps: JobDeps = { stores, scoring: loadScoringConfig(undefined), adminIds: [task.adminId], workQueue: scheduler.queue, clock, log: pino({ level: 'silent' }), outbox, scheduler };
    const marks: JobChildReport['marks'] = {};
    const byCollection: JobChildReport['byCollection'] = [];
    const queued: [string, string][] = [];
    let t0 = 0;
    const readCohorts = stores.digestReads.readCohortsPacked.bind(stores.digestReads);
    stores.digestReads.readCohortsPacked = async (ids) => {
      marks.gatherStart = performance.now() - t0;
      const out = await readCohorts(ids, (collection, docs, ms) => byCollection.push({ collection, docs, ms: round(ms) }));
      marks.gatherEnd = performance.now() - t0;
      return out;
    };
    // The session summaries are streamed beside readCohortsPacked (gatherDigestInputs): the reads end when both have.
    const streamSummaries = stores.sessionSummaries.streamPackedByCohorts.bind(stores.sessionSummaries);
    stores.sessionSummaries.streamPackedByCohorts = async function* (ids) {
      const started = performance.now();
      let docs = 0;
      for await (const summary of streamSummaries(ids)) {
        docs += 1;
        yield summary;
      }
      byCollection.push({ collection: 'session_summaries', docs, ms: round(performance.now() - started) });
      marks.summariesEnd = performance.now() - t0;
    };
    const enqueueBulk = outbox.enqueueBulk.bind(outbox);
    outbox.enqueueBulk = async (items) => {
      marks.addStart = performance.now() - t0;
      for (const it of items) queued.push([/^digest_([a-f0-9]{24})_/.exec(it.jobId)?.[1] ?? '', it.message.text]);
      await enqueueBulk(items);
      marks.addEnd = performance.now() - t0;
    };
    collectGarbage();
    const rssBeforeMb = process.memoryUsage.rss() / 2 ** 20;
    const sampler = new RssSampler();
    sampler.start();
    counter.start();
    t0 = performance.now();
    const result = (await dailyDigestJob.process({}, deps, 'bench-digest')) as { cohorts: string[] };
    const jobMs = performance.now() - t0;
    const commands = counter.stop();
    const sampled = sampler.stop() / 2 ** 20;
    return { cohorts: result.cohorts, jobMs, marks, byCollection, commands, queued, rssBeforeMb, peakRssMb: highWaterMb() ?? sampled };
  } finally {
    await outbox.close().catch(() => undefined);
    await scheduler.close().catch(() => undefined);
    redis.disconnect();
    await conn.close().catch(() => undefined);
  }
}

/** Seeds, runs the job, the per-cohort peer and the compute-only peer; prints the table and writes bench/results/digest.json. */
export async function main(argv: string[], env: { MONGODB_URI?: string; REDIS_URL?: string }): Promise<DigestRow[]> {
  const { cohorts, trainees, loopCohorts, days, maxPoolSize } = parseArgs(argv);
  // The digest's day is the last held one, at the default DIGEST_TIME: both sessions closed, its homework due at 22:00.
  const DAY = weekDay(days - 1);
  const NOW = shanghai(DAY, '20:30');
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
  const redis = createRedis(redisUrl);
  let conn: Connection | null = null;
  const outbox = new Outbox(redis, prefix);
  const scheduler = new BullmqScheduler(redis, prefix, WORK_QUEUE, new AdjustableClock(NOW));
  const rows: DigestRow[] = [];
  const problems: string[] = [];
  let seedMs: number;
  let seedCounts: Record<string, number>;
  let indexMs: number;
  let rssBeforeMb: number;
  let digestChars = 0;
  let compared = 0;
  /** The job's reads, per collection: documents and when each cursor was done (they run concurrently). */
  const byCollection: { collection: string; docs: number; ms: number }[] = [];
  try {
    process.stderr.write(`[bench] digest: ${cohorts} cohorts × ${trainees} trainees, ${days} days held …\n`);
    mongoose.set('strictQuery', true);
    // Same options as src/stores/connect-mongo.ts, plus command monitoring to count the queries.
    conn = await mongoose
      .createConnection(mongoUri, { serverSelectionTimeoutMS: 15_000, autoIndex: false, monitorCommands: true })
      .asPromise();
    const seeded = await seedWeek(conn, { cohorts, traineesPerCohort: trainees, heldDays: days }, (done) => {
      if (done % 100 === 0 || done === cohorts) progress(`seeded ${done}/${cohorts} cohorts`);
    });
    seedMs = seeded.ms;
    seedCounts = seeded.counts;
    const indexStart = performance.now();
    const stores = await createStores(conn);
    indexMs = performance.now() - indexStart;
    progress(`setup: ${sum(seedCounts)} documents in ${(seedMs / 1000).toFixed(1)} s, indexes in ${(indexMs / 1000).toFixed(1)} s`);
    const counter = new CommandCounter(conn);

    // 1. The job end to end, as the worker runs the repeating digest (payload {}), in a process of
    // its own: its peak RSS is the job's, not this process's with the seeding in it.
    collectGarbage();
    const child = await runJobInChild({ mongoUri, redisUrl, prefix, now: NOW.toISOString(), adminId: ADMIN_ID });
    rssBeforeMb = child.rssBeforeMb;
    byCollection.push(...child.byCollection);
    const queued = new Map(child.queued);
    const marks = child.marks;
    const t0 = 0;
    const jobMs = child.jobMs;
    const jobCommands = child.commands;
    const jobPeak = child.peakRssMb;
    const result = { cohorts: child.cohorts };
    const counts = await outbox.queue.getJobCounts('waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed');
    const outboxMessages = sum(counts);
    if (result.cohorts.length !== cohorts) problems.push(`the job covered ${result.cohorts.length}/${cohorts} cohorts`);
    if (outboxMessages !== cohorts * 2) problems.push(`the job put ${outboxMessages} messages in the outbox, expected ${cohorts * 2} (staff + administrator per cohort)`);
    const phase = (id: DigestRow['id'], label: string, ms: number): DigestRow => ({
      id, label, cohorts: result.cohorts.length, outboxMessages: null, totalMs: ms, perCohortMs: spread([]), mongoCommands: null, mongoCommandsTotal: null, peakRssMb: null,
    });
    const end = t0 + jobMs;
    const readsEnd = Math.max(marks.gatherEnd ?? marks.addStart ?? end, marks.summariesEnd ?? 0);
    const part = (id: DigestRow['id'], label: string, values: number[]): DigestRow => ({
      id, label, cohorts: values.length, outboxMessages: null, totalMs: values.reduce((x, y) => x + y, 0), perCohortMs: spread(values), mongoCommands: null, mongoCommandsTotal: null, peakRssMb: null,
    });
    rows.push(
      { id: 'job', label: 'dailyDigestJob.process, end to end', cohorts: result.cohorts.length, outboxMessages, totalMs: jobMs, perCohortMs: spread([]), mongoCommands: jobCommands, mongoCommandsTotal: sum(jobCommands), peakRssMb: jobPeak },
      phase('job-read', '  of which reads (cohorts, then every collection once + summaries)', readsEnd - t0),
      phase('job-compute', '  of which compute + render (and any raw fallback)', (marks.addStart ?? end) - readsEnd),
      phase('job-send', '  of which one bulk outbox add', (marks.addEnd ?? end) - (marks.addStart ?? end)),
    );
    progress(`job: ${result.cohorts.length} cohorts, ${outboxMessages} outbox messages in ${(jobMs / 1000).toFixed(2)} s`);

    // 2. Peer: the per-cohort path the job used before, on a sample (every k-th cohort); same texts?
    collectGarbage();
    const running = await stores.cohorts.listRunningOn(DAY);
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
      const text = renderDigest(computeDigest(input, DAY, { now: NOW }));
      const c = performance.now();
      digestChars = Math.max(digestChars, text.length);
      if (queued.get(cohort.id) !== text) problems.push(`${cohort.code}: the job's digest differs from the per-cohort path's`);
      else compared += 1;
      inputs.push(input);
      readMs.push(b - a);
      wholeMs.push(c - a);
    }
    const loopMs = performance.now() - t1;
    const loopCommands = counter.stop();
    const loopPeak = rss2.stop() / 2 ** 20;
    rows.push(
      { id: 'loop', label: 'peer: the per-cohort path (gather + compute + render)', cohorts: sampleCohorts.length, outboxMessages: null, totalMs: loopMs, perCohortMs: spread(wholeMs), mongoCommands: loopCommands, mongoCommandsTotal: sum(loopCommands), peakRssMb: loopPeak },
      part('loop-read', '  of which reads (surveyProgress + gatherDigestInput)', readMs),
    );
    progress(`per-cohort peer: ${sampleCohorts.length} cohorts in ${(loopMs / 1000).toFixed(2)} s, ${compared} identical digests`);

    // 3. Peer: computeDigest + renderDigest alone, on the inputs the per-cohort path gathered (no database).
    const rss3 = new RssSampler();
    rss3.start();
    const computeMs: number[] = [];
    let sample: Digest | null = null;
    const t2 = performance.now();
    for (const input of inputs) {
      const a = performance.now();
      const digest = computeDigest(input, DAY, { now: NOW });
      renderDigest(digest);
      computeMs.push(performance.now() - a);
      sample ??= digest;
    }
    const peerMs = performance.now() - t2;
    rows.push({ id: 'compute-render', label: 'peer: computeDigest + renderDigest only', cohorts: inputs.length, outboxMessages: null, totalMs: peerMs, perCohortMs: spread(computeMs), mongoCommands: {}, mongoCommandsTotal: 0, peakRssMb: rss3.stop() / 2 ** 20 });
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
      Number.isNaN(r.perCohortMs.p50) ? '-' : round(r.perCohortMs.p50, 2),
      Number.isNaN(r.perCohortMs.p95) ? '-' : round(r.perCohortMs.p95, 2),
      Number.isNaN(r.perCohortMs.max) ? '-' : round(r.perCohortMs.max, 1),
      dash(r.mongoCommandsTotal),
      dash(r.peakRssMb),
    ]),
  );
  const notes = [
    `Data: ${cohorts} approved cohorts × ${trainees} trainees (+1 staff) after ${days} held days (${weekDay(0)} to ${DAY}); per held day 2 closed sessions (attendance for everyone: on time, late, absent, approved leave) with the summaries closing writes (the production builder over the seeded rows), 2 approved leave requests, 1 homework (80 % submitted, a tenth twice, half reviewed), 3 moderation records; the next day's 2 sessions pending with 1 pending leave request; per cohort the roster, moderation, timetable, leave and homework list summaries their writes leave (the production builders over the seeded rows). Clock ${NOW.toISOString()} (20:30 +08:00 on the last held day).`,
    'The job reads the running cohorts, then every collection once for all of them (cohortId $in, cursors, projected), with summaries instead of rows: session summaries for the attendance rows, homework summaries for the submission versions, one roster, moderation, timetable, leave and homework list summary per cohort for the members, moderation actions, sessions, leave requests and homework (after asking those five collections for rows still marked for their summary: none, as the writes leave them). It keeps each cohort’s summaries packed as read, unpacks one cohort at a time to compute its digest, and queues all messages with one addBulk. Its phases: reads until the last collection is in; compute + render (with any raw-row fallback and the administrator lookup) until the bulk add; the add.',
    `Peer (same run): the per-cohort path the job used before (surveyProgress + gatherDigestInput, 11 finds per cohort, then computeDigest + renderDigest) on every k-th cohort; ${compared} of its digests compared equal to the texts the job queued.`,
    `FerretDB 1.24 pushes only equality down ({cohortId: X} as "_jsonb->'cohortId' @> …", a sequential scan that its btree indexes cannot serve), never $in or ranges, and spends per stored value it returns: a per-cohort find scans the whole collection (attendance: ${seedCounts.attendance ?? 0} rows), a $in find converts the whole collection once.`,
    `The job's reads per collection (documents, ms until its cursor was done; the reads overlap): ${byCollection.map((c) => `${c.collection} ${c.docs} (${c.ms})`).join(', ')}.`,
    `Outbox: the real Outbox on Redis (staff member + administrator per cohort). Mongo cmds: driver commandStarted events (find, getMore, …).`,
    `Peak RSS: the job runs in a Node process of its own (forked after setup; it connects, builds its stores, runs dailyDigestJob.process and reports its peak resident set, VmHWM of /proc/self/status, or the highest process.memoryUsage().rss sampled every 50 ms where there is no /proc); that process held ${round(rssBeforeMb)} MB when the job started. The peers run in the bench's own process (RSS sampled every 50 ms).`,
    `Setup (not measured): ${sum(seedCounts)} documents by insertMany in ${round(seedMs / 1000, 1)} s, indexes (createStores) ${round(indexMs / 1000, 1)} s. MongoDB pool maxPoolSize=${maxPoolSize ?? 'driver default'}.`,
  ];
  process.stdout.write(`\nDaily digest benchmark (${cohorts} cohorts × ${trainees} trainees, ${days} held days)\n\n${table}\n\n`);
  for (const note of notes) process.stdout.write(`- ${note}\n`);
  for (const p of problems) process.stdout.write(`! ${p}\n`);
  const file = writeResultJson('digest', {
    benchmark: 'digest',
    summary: { digestSeconds: round((rows.find((r) => r.id === 'job')?.totalMs ?? Number.NaN) / 1000, 2), digestPeakRssMb: round(rows.find((r) => r.id === 'job')?.peakRssMb ?? Number.NaN, 1) },
    generatedAt: new Date().toISOString(),
    commit: gitCommit(),
    host: { ...hostInfo(), loadAverageAtStart: loadAverage },
    mongo: mongo.ferretDir ? 'private FerretDB (scripts/ferretdb.sh)' : 'MONGODB_URI',
    settings: { cohorts, traineesPerCohort: trainees, heldDays: days, loopCohorts, identicalDigests: compared, now: NOW.toISOString(), mongoMaxPoolSize: maxPoolSize ?? 'driver default (100)', latencyPercentiles: 'nearest rank' },
    setup: { documents: seedCounts, insertMs: round(seedMs), indexMs: round(indexMs) },
    rssBeforeMb: round(rssBeforeMb, 1),
    jobReadsByCollection: byCollection,
    longestDigestChars: digestChars,
    notes,
    problems,
    results: rows.map((r) => ({ ...r, totalMs: round(r.totalMs, 1), perCohortMs: { p50: round(r.perCohortMs.p50, 3), p95: round(r.perCohortMs.p95, 3), max: round(r.perCohortMs.max, 3) }, peakRssMb: r.peakRssMb === null ? null : round(r.peakRssMb, 1) })),
  });
  process.stdout.write(`\nJSON: ${path.relative(process.cwd(), file) || file}\n`);
  if (problems.length > 0) process.exitCode = 1;
  return rows;
}

if (require.main === module && process.argv.includes(JOB_CHILD_FLAG)) {
  process.once('message', (task) => {
    jobChild(task as JobChildTask)
      .then((report) =>
        process.send?.(report, () => {
          process.disconnect();
          // Whatever handle a client library still holds, the report is out.
          setTimeout(() => process.exit(0), 2_000).unref();
        }),
      )
      .catch((err: unknown) => {
        process.stderr.write(`[bench] digest job process failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exitCode = 1;
        process.disconnect();
      });
  });
} else if (require.main === module) {
  runBench('digest', WHOLE_BENCH_TIMEOUT_MS, main);
}
