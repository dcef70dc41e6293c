/**
 * The staff console's cohort page: one approved cohort of 50 trainees × 20 sessions (18 held with
 * their records and summaries, leave, daily homework with submissions and reviews, moderation;
 * seeded by the digest's week seeder), served by the console runtime of `cohort-bot console`
 * (bots/console-command.ts) on a free port and fetched over real HTTP with a signed-in staff
 * session cookie. Rounds interleave three requests so that all see the same machine: the cohort
 * page, and as peers the cohorts list (signed in, a few reads) and the sign-in page a request
 * without a session gets (the server's floor: routing, hooks, a small page). Warm-up rounds first,
 * then the measured ones; p50/p95/max per request. Writes bench/results/console.json; summary:
 * `consolePageP95Ms` (goal ≤ 200 ms).
 *
 * MONGODB_URI: used as is when set; otherwise a private FerretDB is started (scripts/ferretdb.sh).
 * REDIS_URL: default redis://127.0.0.1:6379. The run uses its own database and key prefix, both
 * removed afterwards. Options: --requests=N (100), --warmup=N (10), --trainees=N (50), --log-level=LEVEL
 * (the console's pino logs on stderr; silent by default).
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import mongoose, { type Connection } from 'mongoose';
import pino from 'pino';
import { startConsoleRuntime, type ConsoleRuntime } from '../bots/console-command';
import { AdjustableClock } from '../src/kernel/clock';
import { loadConfig } from '../src/kernel/load-config';
import { createStores } from '../src/stores/create-stores';
import { assertRedisReachable, deleteRedisPrefix, dropDatabase, mongoUriWithDb, provideMongo, uniqueName } from './support/bench-env';
import { gitCommit, hostInfo, progress, round, writeResultJson } from './support/bench-report';
import { shanghai } from './support/bulk-seed';
import { consoleMorningDay, seedConsoleCohort, signInOverHttp } from './support/console-session';
import { formatTable, percentile } from './support/stats';
import { runBench } from './support/run-bench';

const WHOLE_BENCH_TIMEOUT_MS = 600_000;
const SECRET = 'bench-console-secret-0123456789abcdefgh';

/** One measured request: what it is, and how to make it. */
interface Probe {
  id: 'cohort-page' | 'cohorts-list' | 'sign-in-page';
  label: string;
  path: string;
  cookie: boolean;
  status: number;
}

/** Per request: the spread over the measured rounds and the size of the body. */
interface ProbeResult {
  id: Probe['id'];
  label: string;
  requests: number;
  ms: { p50: number; p95: number; max: number };
  bytes: number;
}

function parseArgs(argv: string[]): { requests: number; warmup: number; trainees: number; logLevel: string } {
  const opts = { requests: 100, warmup: 10, trainees: 50, logLevel: 'silent' };
  for (const arg of argv) {
    const level = /^--log-level=(silent|error|warn|info|debug)$/.exec(arg);
    if (level) {
      opts.logLevel = level[1]!;
      continue;
    }
    const m = /^--(requests|warmup|trainees)=(\d+)$/.exec(arg);
    if (!m) throw new Error(`unknown option ${arg} (known: --requests=N, --warmup=N, --trainees=N, --log-level=LEVEL)`);
    opts[m[1] as 'requests' | 'warmup' | 'trainees'] = Number(m[2]);
  }
  return opts;
}

/** Fetches `url` and reads the whole body; returns the time, status and body. */
async function timedGet(url: string, cookie: string | null): Promise<{ ms: number; status: number; body: string }> {
  const t = performance.now();
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  const body = await res.text();
  return { ms: performance.now() - t, status: res.status, body };
}

/** What a cohort page must show for its time to count: every trainee and every session column of the grid. */
function checkCohortPage(body: string, trainees: number, sessions: number): string[] {
  const problems: string[] = [];
  const grid = body.slice(body.indexOf('<h2>签到表</h2>'), body.indexOf('<h2>出勤率趋势</h2>'));
  const rows = (grid.match(/<tr><td>学员0-\d+<\/td>/g) ?? []).length;
  const columns = (grid.match(/<th title=/g) ?? []).length;
  const cells = (grid.match(/<td class="s-/g) ?? []).length;
  if (rows !== trainees) problems.push(`cohort page grid has ${rows} trainee rows, expected ${trainees}`);
  if (columns !== sessions) problems.push(`cohort page grid has ${columns} session columns, expected ${sessions}`);
  if (cells !== trainees * sessions) problems.push(`cohort page grid has ${cells} cells, expected ${trainees * sessions}`);
  if (!body.includes('<svg')) problems.push('cohort page has no trend chart');
  return problems;
}

/** Runs the benchmark; prints the table and writes bench/results/console.json. */
export async function main(argv: string[], env: { MONGODB_URI?: string; REDIS_URL?: string }): Promise<ProbeResult[]> {
  const { requests, warmup, trainees, logLevel } = parseArgs(argv);
  const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
  await assertRedisReachable(redisUrl);
  const loadAverage = hostInfo().loadAverage;
  const mongo = provideMongo(env.MONGODB_URI || undefined);
  const stopMongo = () => mongo.stop();
  process.once('exit', stopMongo);
  if (mongo.ferretDir) process.stderr.write(`[bench] started a private FerretDB at ${mongo.baseUri}\n`);
  const dbName = uniqueName('console');
  const mongoUri = mongoUriWithDb(mongo.baseUri, dbName);
  const clock = new AdjustableClock(shanghai(consoleMorningDay(), '08:00'));
  const config = loadConfig({ MONGODB_URI: mongoUri, REDIS_URL: redisUrl, QUEUE_PREFIX: dbName, CONSOLE_SECRET: SECRET, CONSOLE_HOST: '127.0.0.1', CONSOLE_PORT: '0', HEALTH_PORT: '0' });
  let conn: Connection | null = null;
  let runtime: ConsoleRuntime | null = null;
  const results: ProbeResult[] = [];
  const problems: string[] = [];
  try {
    process.stderr.write(`[bench] console: cohort page of ${trainees} trainees, ${warmup} warm-up + ${requests} measured rounds …\n`);
    conn = await mongoose.createConnection(mongoUri, { serverSelectionTimeoutMS: 15_000 }).asPromise();
    const cohort = await seedConsoleCohort(conn, trainees);
    const stores = await createStores(conn);
    progress(`seeded one cohort (${cohort.sessions} sessions) in ${(cohort.ms / 1000).toFixed(1)} s`);
    runtime = await startConsoleRuntime(config, clock, pino({ level: logLevel }, pino.destination(2)));
    const cookie = await signInOverHttp(runtime.url, stores, { secret: SECRET, minutes: config.CONSOLE_LINK_MINUTES, now: clock.now(), userId: cohort.staffId });
    const probes: Probe[] = [
      { id: 'cohort-page', label: `cohort page (${trainees} trainees × ${cohort.sessions} sessions)`, path: `/cohorts/${cohort.cohortId}`, cookie: true, status: 200 },
      { id: 'cohorts-list', label: 'peer: cohorts list, signed in', path: '/', cookie: true, status: 200 },
      { id: 'sign-in-page', label: 'peer: sign-in page, no session', path: '/', cookie: false, status: 401 },
    ];
    const first = await timedGet(`${runtime.url}${probes[0]!.path}`, cookie);
    problems.push(...checkCohortPage(first.body, trainees, cohort.sessions));
    const times = new Map<Probe['id'], number[]>(probes.map((p) => [p.id, []]));
    const bytes = new Map<Probe['id'], number>();
    for (let round_ = 0; round_ < warmup + requests; round_++) {
      for (const probe of probes) {
        const got = await timedGet(`${runtime.url}${probe.path}`, probe.cookie ? cookie : null);
        if (got.status !== probe.status) throw new Error(`${probe.label}: status ${got.status}, expected ${probe.status}`);
        bytes.set(probe.id, Buffer.byteLength(got.body));
        if (round_ >= warmup) times.get(probe.id)!.push(got.ms);
      }
      if ((round_ + 1) % 25 === 0) progress(`${round_ + 1}/${warmup + requests} rounds`);
    }
    for (const probe of probes) {
      const ms = times.get(probe.id)!;
      results.push({ id: probe.id, label: probe.label, requests: ms.length, ms: { p50: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(...ms) }, bytes: bytes.get(probe.id) ?? 0 });
    }
  } finally {
    await runtime?.stop().catch(() => undefined);
    if (conn) await conn.close().catch(() => undefined);
    await dropDatabase(mongoUri).catch((err: unknown) => process.stderr.write(`[bench] could not drop ${dbName}: ${String(err)}\n`));
    await deleteRedisPrefix(redisUrl, dbName).catch(() => 0);
    mongo.stop();
  }

  const table = formatTable(
    ['request', 'requests', 'p50 ms', 'p95 ms', 'max ms', 'KB'],
    results.map((r) => [r.label, r.requests, round(r.ms.p50, 1), round(r.ms.p95, 1), round(r.ms.max, 1), round(r.bytes / 1024, 1)]),
  );
  process.stdout.write(`\nStaff console over HTTP (one Node process serving, the same one fetching; ${warmup} warm-up rounds, then ${requests} rounds of the three requests in turn)\n\n${table}\n\n`);
  for (const p of problems) process.stdout.write(`! ${p}\n`);
  const page = results.find((r) => r.id === 'cohort-page');
  const file = writeResultJson('console', {
    benchmark: 'console',
    summary: { consolePageP95Ms: round(page?.ms.p95 ?? Number.NaN, 1) },
    generatedAt: new Date().toISOString(),
    commit: gitCommit(),
    host: { ...hostInfo(), loadAverageAtStart: loadAverage },
    mongo: mongo.ferretDir ? 'private FerretDB (scripts/ferretdb.sh)' : 'MONGODB_URI',
    settings: { trainees, requests, warmup, now: clock.now().toISOString(), latencyPercentiles: 'nearest rank', timed: 'fetch sent → whole body read, keep-alive' },
    problems,
    results: results.map((r) => ({ ...r, ms: { p50: round(r.ms.p50, 2), p95: round(r.ms.p95, 2), max: round(r.ms.max, 2) } })),
  });
  process.stdout.write(`JSON: ${path.relative(process.cwd(), file) || file}\n`);
  if (problems.length > 0) process.exitCode = 1;
  return results;
}

if (require.main === module) {
  runBench('console', WHOLE_BENCH_TIMEOUT_MS, main);
}
