/**
 * `npm run bench` — runs the benchmarks one after another, each in its own Node process (so one
 * run's heap, FerretDB and peak RSS never colour the next): sign-in, the reminder fan-out, the
 * daily digest, moderation, then the picture cards and the console's cohort page (their figures stay
 * in cards.json and console.json), then the many-accounts deployment (3 bot processes + 4 workers
 * against 1 + 1). Each prints its table(s) and writes its JSON copy under
 * bench/results/. Then every results file's `summary` is merged into bench/results/summary.json
 * (exactly the keys in ALL_SUMMARY_KEYS, all numbers) and printed as one table. Exits with status 1
 * when a benchmark did, or when a summary figure is missing (it names which).
 * Option: --only=sign-in,reminders,digest,moderation,cards,console,multi-account (the others' figures then come from their
 * last results files, marked "earlier run"). MONGODB_URI and REDIS_URL pass through to every benchmark.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot } from './support/bench-env';
import { formatTable } from './support/stats';

/** One benchmark the runner starts: its compiled entry point, the Node flags it needs, and its results file. */
interface BenchEntry {
  id: string;
  file: string;
  nodeArgs: string[];
  results: string;
}

const BENCHES: BenchEntry[] = [
  { id: 'sign-in', file: 'sign-in.bench.js', nodeArgs: [], results: 'sign-in.json' },
  { id: 'reminders', file: 'reminders.bench.js', nodeArgs: [], results: 'reminders.json' },
  // --expose-gc: the digest collects garbage after setup, so its RSS figures start from a clean heap.
  { id: 'digest', file: 'digest.bench.js', nodeArgs: ['--expose-gc'], results: 'digest.json' },
  { id: 'moderation', file: 'moderation.bench.js', nodeArgs: [], results: 'moderation.json' },
  { id: 'cards', file: 'cards.bench.js', nodeArgs: [], results: 'cards.json' },
  { id: 'console', file: 'console.bench.js', nodeArgs: [], results: 'console.json' },
  { id: 'multi-account', file: 'multi-account.bench.js', nodeArgs: [], results: 'multi-account.json' },
];

/** The figures of bench/results/summary.json, each with the goal it is read against (bench/README.md). */
export const SUMMARY_KEYS: { key: string; goal: string }[] = [
  { key: 'signinDrainedMsgPerSecWithHistory', goal: '≥ 500 msg/s' },
  { key: 'signinP99ToStoredMs', goal: '≤ signinFloorP99Ms + 50 ms' },
  { key: 'signinFloorP99Ms', goal: '(the floor)' },
  { key: 'digestSeconds', goal: '≤ 10 s' },
  { key: 'digestPeakRssMb', goal: '≤ 300 MB' },
  { key: 'remindersVsFloor', goal: 'within 3× of the BullMQ floor' },
  { key: 'moderationVsMintFilter', goal: '≥ 2× mint-filter' },
];

/** The figures of the many-accounts deployment (bench/multi-account.bench.ts), in summary.json after SUMMARY_KEYS. */
export const MULTI_ACCOUNT_SUMMARY_KEYS: { key: string; goal: string }[] = [
  { key: 'multiAccountRemindersVsSingle', goal: '< 1 (3 bots + 4 workers faster than 1 + 1)' },
  { key: 'multiAccountSigninMsgPerSec', goal: '≥ singleAccountSigninMsgPerSec' },
  { key: 'singleAccountSigninMsgPerSec', goal: '(the single process)' },
];

/** Every key of bench/results/summary.json, in order. */
export const ALL_SUMMARY_KEYS = [...SUMMARY_KEYS, ...MULTI_ACCOUNT_SUMMARY_KEYS];

/** Runs one compiled benchmark with inherited stdio; resolves with its exit status. */
function runChild(entry: BenchEntry, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...entry.nodeArgs, path.join(__dirname, entry.file)], { stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.removeListener('SIGINT', forward);
      process.removeListener('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', (err) => {
      process.stderr.write(`[bench] could not start ${entry.file}: ${err.message}\n`);
      resolve(1);
    });
  });
}

/** Where a summary figure came from. */
interface Source {
  file: string;
  /** Written by a benchmark of this invocation (else: left by an earlier run). */
  thisRun: boolean;
}

/**
 * Merges the `summary` of every bench/results/*.json (but summary.json) into one object with
 * exactly `keys` (SUMMARY_KEYS unless given; `npm run bench` asks for ALL_SUMMARY_KEYS). A file that a benchmark of this invocation should have rewritten but did
 * not (older than that benchmark's start) counts as missing, so a crashed benchmark cannot pass
 * its last run's figures off as this run's.
 */
export function mergeSummaries(
  resultsDir: string,
  ranSince: Map<string, number>,
  keys: readonly { key: string }[] = SUMMARY_KEYS,
): { summary: Record<string, number>; sources: Map<string, Source>; missing: string[]; stale: string[] } {
  const found = new Map<string, { value: unknown; source: Source }>();
  const stale: string[] = [];
  const files = fs.existsSync(resultsDir) ? fs.readdirSync(resultsDir).filter((f) => f.endsWith('.json') && f !== 'summary.json').sort() : [];
  for (const file of files) {
    const full = path.join(resultsDir, file);
    const since = ranSince.get(file);
    if (since !== undefined && fs.statSync(full).mtimeMs < since) {
      stale.push(file);
      continue;
    }
    let json: { summary?: Record<string, unknown> };
    try {
      json = JSON.parse(fs.readFileSync(full, 'utf8')) as { summary?: Record<string, unknown> };
    } catch {
      continue;
    }
    for (const [key, value] of Object.entries(json.summary ?? {})) found.set(key, { value, source: { file, thisRun: since !== undefined } });
  }
  const summary: Record<string, number> = {};
  const sources = new Map<string, Source>();
  const missing: string[] = [];
  for (const { key } of keys) {
    const hit = found.get(key);
    if (hit && typeof hit.value === 'number' && Number.isFinite(hit.value)) {
      summary[key] = hit.value;
      sources.set(key, hit.source);
    } else {
      missing.push(key);
    }
  }
  return { summary, sources, missing, stale };
}

/** Runs the selected benchmarks in order, merges the summaries; returns each run's exit status and the missing figures. */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<{ outcomes: { id: string; status: number; seconds: number }[]; missing: string[] }> {
  let only: string[] | null = null;
  for (const arg of argv) {
    const [key, value] = arg.split('=', 2) as [string, string | undefined];
    const ids = value?.split(',') ?? [];
    if (key === '--only' && ids.length > 0 && ids.every((id) => BENCHES.some((b) => b.id === id))) only = ids;
    else throw new Error(`bad argument ${arg} (use --only=${BENCHES.map((b) => b.id).join(',')})`);
  }
  const outcomes: { id: string; status: number; seconds: number }[] = [];
  const ranSince = new Map<string, number>();
  for (const entry of BENCHES.filter((b) => !only || only.includes(b.id))) {
    process.stderr.write(`\n[bench] ===== ${entry.id} =====\n`);
    ranSince.set(entry.results, Date.now());
    const started = performance.now();
    const status = await runChild(entry, env);
    outcomes.push({ id: entry.id, status, seconds: Math.round((performance.now() - started) / 100) / 10 });
  }
  process.stderr.write(`\n[bench] ${outcomes.map((o) => `${o.id} ${o.seconds} s${o.status === 0 ? '' : ` (exit ${o.status})`}`).join(', ')}\n`);

  const resultsDir = path.join(repoRoot(), 'bench', 'results');
  const { summary, sources, missing, stale } = mergeSummaries(resultsDir, ranSince, ALL_SUMMARY_KEYS);
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  const table = formatTable(
    ['figure', 'value', 'goal', 'from'],
    ALL_SUMMARY_KEYS.map(({ key, goal }) => {
      const source = sources.get(key);
      return [key, summary[key] ?? 'MISSING', goal, source ? `${source.file}${source.thisRun ? '' : ' (earlier run)'}` : '-'];
    }),
  );
  process.stdout.write(`\nSummary (bench/results/summary.json)\n\n${table}\n`);
  for (const file of stale) process.stdout.write(`! ${file} was not rewritten by this run; its figures count as missing\n`);
  if (missing.length > 0) process.stdout.write(`! missing from the results files' "summary": ${missing.join(', ')}\n`);
  return { outcomes, missing };
}

if (require.main === module) {
  main(process.argv.slice(2), process.env)
    .then(({ outcomes, missing }) => {
      if (outcomes.some((o) => o.status !== 0) || missing.length > 0) process.exitCode = 1;
    })
    .catch((err: unknown) => {
      process.stderr.write(`[bench] ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    });
}
